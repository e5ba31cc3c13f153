using Gongkai.Tests;

[assembly: AssemblyFixture(typeof(TemplateDatabases))]

namespace Gongkai.Cli.Tests;

/// <summary>The demo county as <c>gongkai seed demo</c> writes it: seeded once per provider and run, copied for each test that starts from it.</summary>
internal static class DemoDatabases
{
    public static Task<TestDatabase> CopyAsync(string provider) =>
        TemplateDatabases.CopyAsync(provider, "seed demo", async database =>
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var exit = await GongkaiCommand.RunAsync(["--provider", database.ProviderName, "--connection", database.ConnectionString, "seed", "demo"], stdout, stderr, TextReader.Null);
            Assert.True(exit == 0, $"seed demo: {stderr}");
        });
}
