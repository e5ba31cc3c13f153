using System.CommandLine;
using System.Globalization;
using System.Text;
using Gongkai.Documents.Import;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;
using Gongkai.Domain.Text;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai report import &lt;file or folder&gt; [--json|--csv] [--out PATH]</c>: published reports
/// (PDF, DOCX, HTML, text) read back into data and checked, one file or a whole folder.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliIo io)
    {
        var path = new Argument<string>("file-or-folder") { Description = "报告文件（PDF、DOCX、HTML、文本）或包含报告文件的文件夹" };
        var json = new Option<bool>("--json") { Description = "输出 JSON（报告数据、检查结果、单元格来源）" };
        var csv = new Option<bool>("--csv") { Description = "输出 CSV（每个单元格一行）" };
        var output = new Option<string?>("--out") { Description = "单个文件：输出文件；文件夹：输出目录（默认 ./gongkai-import）" };
        var command = new Command("import", "导入已发布的年度报告并检查") { path, json, csv, output };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var target = parse.GetValue(path)!;
            if (Directory.Exists(target))
            {
                return await FolderAsync(io, target, parse.GetValue(output) ?? "gongkai-import", ct);
            }
            if (!File.Exists(target))
            {
                throw new CliException($"找不到文件或文件夹：{target}");
            }
            ImportedReport imported;
            try
            {
                imported = ReportFiles.Parse(Path.GetFileName(target), await File.ReadAllBytesAsync(target, ct));
            }
            catch (ReportImportException e)
            {
                throw new CliException(e.Message);
            }
            var text = parse.GetValue(json) ? ImportJson.Write(Path.GetFileName(target), imported)
                : parse.GetValue(csv) ? ReportCsv.Render(imported.Report)
                : Summary(Path.GetFileName(target), imported);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, text, ct);
            }
            else
            {
                await io.Out.WriteAsync(text);
            }
            return 0;
        }));
        return command;
    }

    private static string Summary(string file, ImportedReport imported)
    {
        var report = imported.Report;
        var text = new StringBuilder();
        text.AppendLine($"{file}：{report.AgencyName} {report.Year} 年度报告");
        var quality = imported.Quality;
        text.AppendLine(imported.HasTable
            ? $"格式：{report.Format.Name}（{report.FormatCode}），版式：{quality.Layout}；应有 {quality.Expected} 格，读出 {quality.Read} 格，"
                + $"{quality.Blank.Count} 格留空，未识别 {imported.Unrecognised.Count} 行"
            : "没有统计表");
        // Blank cells grouped by their reason: a row that could not be split is one line, not seven.
        foreach (var reason in quality.Blank.GroupBy(b => b.Reason))
        {
            text.AppendLine($"留空	{string.Join("、", reason.Select(b => b.Key.ToString()))}	{reason.Key}");
        }
        if (report.PeriodStart is { } start && report.PeriodEnd is { } end)
        {
            text.AppendLine($"统计期间：{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}");
        }
        text.AppendLine($"发布日期：{report.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "未注明"}");
        foreach (var problem in imported.Problems)
        {
            text.AppendLine($"{(problem.Severity == Severity.Error ? "错误" : "警告")}\t{problem.CheckCode}\t{problem.Message}");
        }
        return text.ToString();
    }

    private static async Task<int> FolderAsync(CliIo io, string folder, string outDir, CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".htm" or ".html" or ".docx" or ".pdf")
            .Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(outDir);
        var failures = new List<(string File, string Reason)>();
        var byFormat = new Dictionary<string, List<(string File, ImportedReport Report)>>();
        for (var i = 0; i < files.Count; i++)
        {
            var relative = Path.GetRelativePath(folder, files[i]);
            try
            {
                var imported = ReportFiles.Parse(relative, await File.ReadAllBytesAsync(files[i], ct));
                var name = Path.ChangeExtension(relative.Replace(Path.DirectorySeparatorChar, '_'), ".json");
                await File.WriteAllTextAsync(Path.Combine(outDir, name), ImportJson.Write(relative, imported), ct);
                var key = imported.HasTable ? imported.Report.FormatCode : "no-table";
                if (!byFormat.TryGetValue(key, out var list))
                {
                    byFormat[key] = list = [];
                }
                list.Add((relative, imported));
            }
            catch (Exception e) when (e is ReportImportException or IOException or UnauthorizedAccessException)
            {
                failures.Add((relative, e.Message));
            }
            await Progress(io, i + 1, files.Count);
        }
        await io.Error.WriteLineAsync();
        foreach (var (format, reports) in byFormat)
        {
            await File.WriteAllTextAsync(Path.Combine(outDir, $"summary-{format}.csv"), SummaryCsv(format, reports), Encoding.UTF8, ct);
        }
        await File.WriteAllTextAsync(Path.Combine(outDir, "summary.csv"), FilesCsv(byFormat.Values.SelectMany(r => r), failures), Encoding.UTF8, ct);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "failed.tsv"), failures.Select(f => $"{f.File}\t{f.Reason}"), ct);
        await io.Out.WriteLineAsync($"读取 {files.Count - failures.Count}/{files.Count} 个文件，结果写入 {Path.GetFullPath(outDir)}");
        foreach (var (file, reason) in failures)
        {
            await io.Out.WriteLineAsync($"无法读取\t{file}\t{reason}");
        }
        return failures.Count == 0 ? 0 : 1;
    }

    private static Task Progress(CliIo io, int done, int total)
    {
        const int width = 30;
        var filled = total == 0 ? width : done * width / total;
        return io.Error.WriteAsync($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}");
    }

    /// <summary>A row per file of the folder: what was read of it and how well, or why it could not be read.</summary>
    private static string FilesCsv(IEnumerable<(string File, ImportedReport Report)> reports, IReadOnlyList<(string File, string Reason)> failures)
    {
        var csv = new StringBuilder();
        string[] header = ["file", "status", "agency", "year", "format", "layout", "cells_expected", "cells_read", "cells_blank", "errors", "warnings", "reason"];
        csv.Append(Csv.Record(header));
        foreach (var (file, imported) in reports.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            var quality = imported.Quality;
            string[] fields =
            [
                file, "已读取", imported.Report.AgencyName, imported.Report.Year.ToString(CultureInfo.InvariantCulture),
                imported.HasTable ? imported.Report.FormatCode : "", quality.Layout.Words(),
                quality.Expected.ToString(CultureInfo.InvariantCulture), quality.Read.ToString(CultureInfo.InvariantCulture), quality.Blank.Count.ToString(CultureInfo.InvariantCulture),
                imported.Problems.Count(p => p.Severity == Severity.Error).ToString(CultureInfo.InvariantCulture),
                imported.Problems.Count(p => p.Severity == Severity.Warning).ToString(CultureInfo.InvariantCulture), "",
            ];
            csv.Append(Csv.Record(fields));
        }
        foreach (var (file, reason) in failures)
        {
            csv.Append(Csv.Record([file, "无法读取", "", "", "", "", "", "", "", "", "", reason]));
        }
        return csv.ToString();
    }

    /// <summary>A row per report: who, when, how many problems, then a column per cell of the format.</summary>
    private static string SummaryCsv(string format, IReadOnlyList<(string File, ImportedReport Report)> reports)
    {
        var cells = reports.FirstOrDefault().Report?.Report.Format.Cells().Select(c => c.Key).ToList() ?? [];
        var csv = new StringBuilder();
        string[] header = ["file", "agency", "year", "format", "published_on", "errors", "warnings", "unrecognised_rows", .. cells.Select(c => c.ToString())];
        csv.Append(Csv.Record(header));
        foreach (var (file, imported) in reports)
        {
            var report = imported.Report;
            object?[] fields =
            [
                file, report.AgencyName, report.Year.ToString(CultureInfo.InvariantCulture), format,
                report.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                imported.Problems.Count(p => p.Severity == Severity.Error).ToString(CultureInfo.InvariantCulture),
                imported.Problems.Count(p => p.Severity == Severity.Warning).ToString(CultureInfo.InvariantCulture),
                imported.Unrecognised.Count.ToString(CultureInfo.InvariantCulture),
                .. cells.Select(c => report.Values[c] is { } value ? value.Number is { } n ? n : (object)value.Display() : ""),
            ];
            csv.Append(Csv.Record(fields));
        }
        return csv.ToString();
    }
}
