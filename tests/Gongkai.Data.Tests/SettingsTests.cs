using Gongkai.Data;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Data.Tests;

public sealed class SettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void AnUnknownProvider_StopsStartUp_NamingTheValidValues()
    {
        var error = Assert.Throws<SettingsException>(() => DatabaseSettings.From(Config(("Database:Provider", "mysql")), "/tmp"));
        Assert.Contains("Database:Provider", error.Message);
        Assert.Contains("'mysql'", error.Message);
        Assert.Contains("sqlite, postgres", error.Message);
    }

    [Fact]
    public void Postgres_WithoutAConnectionString_StopsStartUp()
    {
        var error = Assert.Throws<SettingsException>(() => DatabaseSettings.From(Config(("Database:Provider", "postgres")), "/tmp"));
        Assert.Contains("ConnectionStrings:Default", error.Message);
    }

    [Fact]
    public void SqliteByDefault_ResolvesARelativeFileAgainstTheBaseDirectory_WithForeignKeysOn()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"gongkai-settings-{Guid.NewGuid():N}");
        var settings = DatabaseSettings.From(Config(), dir);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(Path.Combine(dir, "App_Data", "gongkai.db"), settings.ConnectionString);
        Assert.Contains("Foreign Keys=True", settings.ConnectionString);
        Directory.Delete(dir, recursive: true);
    }

    private const string Primary = "Host=db1.example;Port=5432;Username=gongkai;Password=p;Database=gongkai";

    [Fact]
    public void AReplica_IsReadFirst_WithThePrimaryAfterIt_PreferringAStandby()
    {
        var settings = DatabaseSettings.From(Config(("Database:Provider", "postgres"), ("ConnectionStrings:Default", Primary),
            ("ConnectionStrings:ReadOnly", "Host=db2.example,db3.example:5433;Username=gongkai;Password=p;Database=gongkai")), "/tmp");
        var reads = new Npgsql.NpgsqlConnectionStringBuilder(settings.ReadsConnectionString);
        Assert.Equal("db2.example:5432,db3.example:5433,db1.example:5432", reads.Host);
        Assert.Equal(Npgsql.TargetSessionAttributes.PreferStandby.ToString(), reads.TargetSessionAttributes?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        // Without a replica there is nothing to read but the primary.
        Assert.Null(DatabaseSettings.From(Config(("Database:Provider", "postgres"), ("ConnectionStrings:Default", Primary)), "/tmp").ReadsConnectionString);
    }

    [Theory]
    [InlineData("sqlite", "Host=db2.example", "SQLite")]
    [InlineData("postgres", "Host=db1.example;Port=5432", "ConnectionStrings:ReadOnly")]
    [InlineData("postgres", "Hots=db2.example", "ConnectionStrings:ReadOnly")]
    public void AReplicaThatCannotBeRead_StopsStartUp_NamingTheSetting(string provider, string replica, string named)
    {
        var error = Assert.Throws<SettingsException>(() => DatabaseSettings.From(Config(("Database:Provider", provider),
            ("ConnectionStrings:Default", provider == "sqlite" ? "Data Source=:memory:" : Primary), ("ConnectionStrings:ReadOnly", replica)), "/tmp"));
        Assert.Contains(named, error.Message);
        Assert.Contains("只读副本", error.Message);
    }

    [Theory]
    [InlineData("Database:Provder")]
    [InlineData("Demo:Seed")]
    [InlineData("ConnectionStrings:Main")]
    [InlineData("RateLimits:SignInPerMinute")]
    public void AMisspeltSetting_StopsStartUp_NamingIt(string key)
    {
        var error = Assert.Throws<SettingsException>(() => SettingsCheck.ThrowOnUnknown(Config((key, "x"))));
        Assert.Contains($"'{key}'", error.Message);
    }

    [Fact]
    public void KnownSettings_AndOtherSections_PassTheCheck()
    {
        SettingsCheck.ThrowOnUnknown(Config(("Database:Provider", "sqlite"), ("ConnectionStrings:Default", "x"),
            ("Demo:SeedOnEmptyDatabase", "true"), ("Logging:LogLevel:Default", "Information")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public void ALimitThatIsNotAPositiveWholeNumber_StopsStartUp_NamingIt(string value)
    {
        var section = Config(("RateLimits:SubmissionsPerMinute", value)).GetSection("RateLimits");
        var error = Assert.Throws<SettingsException>(() => SettingsCheck.PositiveInt(section, "SubmissionsPerMinute", 10, "访问频率限制"));
        Assert.Contains($"RateLimits:SubmissionsPerMinute = '{value}'", error.Message);
        Assert.Contains("应为正整数", error.Message);
    }

    [Fact]
    public void AnUnsetLimit_TakesItsDefault_AndASetOneItsValue()
    {
        var section = Config(("RateLimits:SubmissionsPerMinute", "250")).GetSection("RateLimits");
        Assert.Equal(250, SettingsCheck.PositiveInt(section, "SubmissionsPerMinute", 10, "访问频率限制"));
        Assert.Equal(20, SettingsCheck.PositiveInt(section, "SignInsPerMinute", 20, "访问频率限制"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    public void ASwitchThatIsNotTrueOrFalse_StopsStartUp_NamingIt(string value)
    {
        var section = Config(("Uploads:PdfWorker", value)).GetSection("Uploads");
        var error = Assert.Throws<SettingsException>(() => SettingsCheck.Bool(section, "PdfWorker", true));
        Assert.Contains($"Uploads:PdfWorker = '{value}'", error.Message);
        Assert.Contains("应为 true 或 false", error.Message);
    }

    [Fact]
    public void AnUnsetSwitch_TakesItsDefault_AndASetOneItsValue()
    {
        var section = Config(("Uploads:PdfWorker", "False")).GetSection("Uploads");
        Assert.False(SettingsCheck.Bool(section, "PdfWorker", true));
        Assert.True(SettingsCheck.Bool(section, "Missing", true));
    }
}
