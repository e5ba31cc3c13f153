using Gongkai.Data.Calendar;
using Gongkai.Data.Demo;
using Gongkai.Data.Mail;
using Gongkai.Data.Schema;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Data;

/// <summary>The composition root shared by the web app and the <c>gongkai</c> command.</summary>
public static class GongkaiServices
{
    /// <param name="baseDirectory">Where a relative SQLite path is resolved from (the content root).</param>
    public static DatabaseSettings AddGongkaiData(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        SettingsCheck.ThrowOnUnknown(configuration);
        var settings = DatabaseSettings.From(configuration, baseDirectory);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Protection.PersonalDataCipher.Load(configuration, baseDirectory));
        services.AddScoped<AuditActor>();
        // Interceptors registered by the host (the web's portal cache, singletons) see every save.
        // The options are built once: built per request they cost every portal page the provider's
        // set-up and EF's look-up of its internal services (a tenth of an uncached page's CPU).
        services.AddDbContext<GongkaiDb>((provider, options) => UseProvider(options, settings).AddInterceptors(provider.GetServices<IInterceptor>()),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<SchemaMigrator>();
        services.AddSingleton<WorkingCalendars>();
        services.AddScoped(provider => provider.GetRequiredService<GongkaiDb>().Search);
        services.AddScoped<DemoData>();
        services.AddSingleton(MailSettings.Read(configuration, baseDirectory));
        services.AddSingleton<Mailer>();
        services.AddSingleton(provider => new Notices(provider.GetRequiredService<WorkingCalendars>(), PublicOrigin(configuration)));
        return settings;
    }

    /// <summary>The site's public address (<c>Site:PublicUrl</c>, checked by the web app) for links in mails.</summary>
    public static string PublicOrigin(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Site:PublicUrl"], UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : "http://localhost:5000";

    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseSettings settings) =>
        settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, null),
        };
}
