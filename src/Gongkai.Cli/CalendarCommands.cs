using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary><c>gongkai calendar import &lt;csv&gt; --year N</c>: load a year's holiday schedule when the State Council publishes it.</summary>
public static class CalendarCommands
{
    public static Command Create(CliIo io)
    {
        var calendar = new Command("calendar", "工作日历（国务院办公厅节假日安排）");
        var file = new Argument<FileInfo>("csv") { Description = "节假日安排 CSV（date,is_off_day,name；只列调整的日期）" };
        var year = new Option<int>("--year") { Description = "安排所属年份", Required = true };
        var import = new Command("import", "载入一年的节假日安排（新版本，不覆盖旧版本）；受影响的未办结申请的答复期限随之更新并记入审计日志") { file, year };
        import.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var csvFile = parse.GetValue(file)!;
            if (!csvFile.Exists)
            {
                throw new CliException($"找不到文件：{csvFile.FullName}");
            }
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            db.Actor.Set(null, "命令行");
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<WorkingCalendars>().ImportAsync(db, parse.GetValue(year), await File.ReadAllTextAsync(csvFile.FullName, ct), "命令行",
                    scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
                await io.Out.WriteLineAsync($"已载入 {result.Year} 年节假日安排第 {result.Version} 版；{result.ApplicationsMoved} 件未办结申请的答复期限随之更新（见审计日志）。");
            }
            catch (FormatException e)
            {
                throw new CliException($"{csvFile.Name}：{e.Message}");
            }
            return 0;
        }));
        calendar.Subcommands.Add(import);
        return calendar;
    }
}
