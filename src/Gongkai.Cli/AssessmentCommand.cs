using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Assessment;
using Gongkai.Data.Calendar;
using Gongkai.Data.Schema;
using Gongkai.Domain.Assessment;
using Gongkai.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai assessment --parent CODE --year YEAR --out FILE.xlsx</c>: the 政务公开考评 of an agency
/// and every agency below it, as the console's page computes it (<see cref="AssessmentRecords"/>),
/// printed as a table and written as the page's Excel.
/// </summary>
public static class AssessmentCommand
{
    public static Command Create(CliIo io)
    {
        var parent = new Option<string>("--parent") { Description = "上级机构的简码（考评它和它下面的全部机构）", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "输出的 Excel 文件（.xlsx）：得分、指标和每项指标的扣分记录", Required = true };
        var command = new Command("assessment", "按记录计算一个机构及其下级机构的年度政务公开考评得分，打印得分表并写成 Excel") { parent, year, output };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var wanted = RollUpCommand.Year(parse.GetValue(year));
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var (top, below, tree) = await RollUpCommand.ParentAndBelowAsync(db, parse.GetValue(parent)!, ct);
            var (set, _) = await AssessmentRecords.ApplyingAsync(db, tree.SelfAndAncestors(top.Id), wanted, ct);
            var today = ChinaTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendars>().CurrentAsync(db, ct);
            var result = await AssessmentRecords.ForAsync(db, below, set, wanted, today, calendar, ct);
            var target = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(target.FullName, AssessmentRecords.Workbook(result), ct);
            await io.Out.WriteLineAsync($"{top.Name} {wanted} 年度政务公开考评（{set.Name}，满分 {IndicatorSet.Format(set.TotalWeight)} 分）：");
            await io.Out.WriteLineAsync(string.Join("\t", ["机构", .. set.Indicators.Select(i => $"{i.Name}({IndicatorSet.Format(i.Weight)})"), "总分"]));
            foreach (var row in result.Rows.OrderByDescending(r => r.Total ?? -1))
            {
                await io.Out.WriteLineAsync(string.Join("\t", [row.Agency, .. row.Scores.Select(s => Score(s.Score)), Score(row.Total)]));
            }
            await io.Error.WriteLineAsync($"已写入 {target.FullName}");
            return 0;
        }));
        return command;
    }

    private static string Score(decimal? score) => score is { } s ? IndicatorSet.Format(s) : "不适用";
}
