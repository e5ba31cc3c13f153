// Databases made once per run and copied per test (ItemSearchTests' indexed items), dropped when the run ends.
[assembly: AssemblyFixture(typeof(Gongkai.Tests.TemplateDatabases))]
