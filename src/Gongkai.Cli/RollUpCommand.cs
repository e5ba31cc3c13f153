using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Reports;
using Gongkai.Data.Schema;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai rollup --parent CODE --year YEAR --out FILE.xlsx</c>: the roll-up the supervisor's
/// console page downloads (<see cref="ReportRollUp"/>), of an agency and every agency below it, from
/// the site's database.
/// </summary>
public static class RollUpCommand
{
    public static Command Create(CliIo io)
    {
        var parent = new Option<string>("--parent") { Description = "上级机构的简码（汇总它和它下面的全部机构）", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "输出的 Excel 文件（.xlsx）", Required = true };
        var command = new Command("rollup", "汇总一个机构及其下级机构已发布的年度报告，写成 Excel：按法定格式排版的合计表和各机构的报告，外加逐单元格的数据表") { parent, year, output };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var wanted = Year(parse.GetValue(year));
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var (top, below, _) = await ParentAndBelowAsync(db, parse.GetValue(parent)!, ct);
            var rollUp = await ReportRollUp.ForAsync(db, below, wanted, top.Name, ct);
            var target = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(target.FullName, ReportRollUp.Workbook(rollUp), ct);
            var published = rollUp.Published.Count;
            await io.Out.WriteLineAsync($"{top.Name} {wanted} 年度：{rollUp.Agencies.Count} 个机构，{published} 个已发布年度报告，{rollUp.Groups.Count} 种格式。");
            foreach (var missing in rollUp.Agencies.Where(a => !rollUp.Published.ContainsKey(a.Id)))
            {
                await io.Out.WriteLineAsync($"未发布：{missing.Name}");
            }
            await io.Error.WriteLineAsync($"已写入 {target.FullName}");
            return 0;
        }));
        return command;
    }

    /// <summary>The year of a supervisor's command (--year), refused outside the Regulation's years.</summary>
    internal static int Year(int wanted) => wanted is < 2008 or > 2100 ? throw new CliException($"--year {wanted} 不是有效的年度（2008 年起）。") : wanted;

    /// <summary>The agency named by --parent and every agency below it.</summary>
    internal static async Task<((int Id, string Name) Top, IReadOnlySet<int> Below, AgencyTree Tree)> ParentAndBelowAsync(GongkaiDb db, string parent, CancellationToken ct)
    {
        var code = parent.Trim().ToLowerInvariant();
        var links = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.ShortCode, a.Name }).ToListAsync(ct);
        var top = links.FirstOrDefault(a => a.ShortCode == code) ?? throw new CliException($"没有简码为“{code}”的机构（--parent）。");
        var tree = new AgencyTree(links.Select(l => (l.Id, l.ParentId)));
        return ((top.Id, top.Name), tree.SelfAndDescendants(top.Id), tree);
    }
}
