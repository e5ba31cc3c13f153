using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Staff;
using Gongkai.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Gongkai.Tests.TemplateDatabases))]
[assembly: AssemblyFixture(typeof(Gongkai.Web.Tests.Templates))]

namespace Gongkai.Web.Tests;

/// <summary>
/// The whole web app over a fresh database filled with the demo county, with a clock the test
/// controls. Tests talk to it through <see cref="Visitor"/>s, as a browser would.
/// </summary>
public sealed class GongkaiApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <summary>Services a test adds to the app's own (e.g. a gate in front of the pipeline).</summary>
    private Action<IServiceCollection>? _services;

    /// <summary>False for a second node on another app's database: the first one drops it.</summary>
    private readonly bool _ownsDatabase;

    private GongkaiApp(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, bool ownsDatabase = true)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>A second web node (its own host, services and background workers) on <paramref name="first"/>'s database.</summary>
    public static GongkaiApp SecondNode(GongkaiApp first, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new GongkaiApp(first._database, settings, ownsDatabase: false);
        _ = app.Server;
        return app;
    }

    /// <summary>Where this app writes its mail when <c>Mail:Delivery</c> is the folder (the default).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "gongkai-test-mail-" + Guid.NewGuid().ToString("N"));

    // Each host watches its content and web roots; a test run starts 150 of them, and Linux allows a
    // process 128 inotify instances by default. Polling watchers use none (the files never change here).
    static GongkaiApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public TestDatabase Database => _database;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    /// <param name="settings">Settings over the tests' defaults (e.g. <c>Mail:*</c>, <c>Jobs:Enabled</c>).</param>
    /// <param name="now">The clock at start-up (the demo is seeded relative to it); 2 March 2026 by default.</param>
    /// <param name="services">Services over the app's own, for a test that watches the pipeline.</param>
    public static async Task<GongkaiApp> StartAsync(string provider, IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null, Action<IServiceCollection>? services = null)
    {
        var app = new GongkaiApp(await SeededDatabaseAsync(provider, settings, now), settings) { _services = services };
        if (now is { } start)
        {
            app.Clock.Now = start;
        }
        _ = app.Server; // start now, on a database already migrated and seeded
        Interlocked.Increment(ref Templates.Started);
        return app;
    }

    /// <summary>The app's first start on <paramref name="database"/> (empty: migrated and seeded with the demo now), which it does not drop.</summary>
    public static GongkaiApp StartOn(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new GongkaiApp(database, settings, ownsDatabase: false);
        _ = app.Server;
        Interlocked.Increment(ref Templates.Started);
        return app;
    }

    /// <summary>The app on a real socket (Kestrel, a free port), for a real browser.</summary>
    public static async Task<GongkaiApp> StartOnKestrelAsync(string provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new GongkaiApp(await SeededDatabaseAsync(provider, settings, null), settings);
        app.UseKestrel(0);
        app.StartServer();
        Interlocked.Increment(ref Templates.Started);
        return app;
    }

    /// <summary>
    /// A copy of the template for this provider, start date and demo settings: the first test that
    /// asks starts the real app on a fresh database (migrations and the demo seeded as on a first
    /// start) and keeps it as the template; every later one gets a copy (SQLite: a file copy,
    /// PostgreSQL: CREATE DATABASE … TEMPLATE) and starts on it. <see cref="TemplateDatabases"/> drops them
    /// at the end of the run.
    /// </summary>
    private static async Task<TestDatabase> SeededDatabaseAsync(string provider, IReadOnlyDictionary<string, string>? settings, DateTimeOffset? now)
    {
        var seeding = (settings ?? new Dictionary<string, string>()).Where(s => s.Key.StartsWith("Demo:", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary();
        var key = $"{now?.ToString("O") ?? "default"}|{string.Join(";", seeding.Select(s => $"{s.Key}={s.Value}"))}";
        return await TemplateDatabases.CopyAsync(provider, key, async database =>
        {
            await using var first = new GongkaiApp(database, seeding, ownsDatabase: false);
            if (now is { } start)
            {
                first.Clock.Now = start;
            }
            _ = first.Server; // the real first start: migrations and the demo
        });
    }

    /// <summary>Where the Kestrel-hosted app listens (see <see cref="StartOnKestrelAsync"/>).</summary>
    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.ProviderName);
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("Demo:SeedOnEmptyDatabase", "true");
        // Tests count the applications they make themselves.
        builder.UseSetting("Demo:Applications", "false");
        // Mail tests count the mails of the addresses they give; the demo's own are tested on their own.
        builder.UseSetting("Demo:StaffMail", "false");
        // The background mail worker runs only in the tests of mail; the others send nothing.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Mail:Folder", MailFolder);
        // Tests that move the clock through months (a simulated year, a report in January) are not
        // about the age of a password; PasswordLifecycle's test sets the real 90 days.
        builder.UseSetting("Passwords:MaxAgeDays", "36500");
        // Every app and template database of the run seals with one key (a copied database must open with it).
        builder.UseSetting("PersonalData:KeyFile", Contexts.KeyFile);
        // Tests that sign in as a supervisor or an administrator are not about the second factor; TwoFactorTests turn it on.
        builder.UseSetting("TwoFactor:Required", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(s);
        });
    }

    public Visitor NewVisitor() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<Visitor> SignedInAsync(string userName)
    {
        var visitor = NewVisitor();
        var response = await visitor.SignInAsync(userName, Gongkai.Data.Demo.DemoData.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return visitor;
    }

    /// <summary>Reads the database directly, as the test's own witness of what was stored.</summary>
    public async Task<T> QueryAsync<T>(Func<GongkaiDb, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<GongkaiDb>());
    }

    public Task<Agency> AgencyAsync(string code) => QueryAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.ShortCode == code));

    public Task<StaffUser> UserAsync(string userName) => QueryAsync(db => db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == userName));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}

/// <summary>The run's record of app starts (docs/benchmarks.md), written when the run ends.</summary>
public sealed class Templates : IAsyncDisposable
{
    /// <summary>Apps started on a copy (each test's), for the run's record.</summary>
    internal static int Started;

    public async ValueTask DisposeAsync() =>
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "gongkai-web-tests-starts.txt"),
            $"apps started on a copy: {Started}; templates migrated and seeded: {TemplateDatabases.Count} (each one more start)\n");
}
