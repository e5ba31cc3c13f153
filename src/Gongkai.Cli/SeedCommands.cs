using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Demo;
using Gongkai.Data.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary><c>gongkai seed demo</c>.</summary>
public static class SeedCommands
{
    public static Command Create(CliIo io)
    {
        var seed = new Command("seed", "写入数据");
        var demo = new Command("demo", "在空数据库中写入演示数据（青溪县及其部门、乡镇和演示账户）");
        demo.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            if (!await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(ct))
            {
                throw new CliException("数据库中已有机构，未写入演示数据。");
            }
            await io.Out.WriteLineAsync($"已写入演示数据。演示账户（密码均为 {DemoData.Password}）：");
            foreach (var a in DemoData.Accounts)
            {
                await io.Out.WriteLineAsync($"  {a.UserName}\t{a.DisplayName}");
            }
            return 0;
        }));
        seed.Subcommands.Add(demo);
        return seed;
    }
}
