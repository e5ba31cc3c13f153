using System.CommandLine;
using System.Text;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Cli;

/// <summary><c>gongkai report render | check | schema</c>: the report model without a database.</summary>
public static class ReportCommands
{
    public static Command Create(CliIo io)
    {
        var report = new Command("report", "年度报告：生成文档、检查勾稽关系");
        report.Subcommands.Add(Render(io));
        report.Subcommands.Add(Check(io));
        report.Subcommands.Add(Schema(io));
        report.Subcommands.Add(ImportCommand.Create(io));
        return report;
    }

    private static Command Render(CliIo io)
    {
        var file = new Argument<FileInfo>("report.json") { Description = "报告 JSON 文件（gongkai.annual-report/1）" };
        var to = new Option<string>("--to") { Description = "输出格式：html | docx | txt | json | csv", Required = true };
        to.AcceptOnlyFromAmong("html", "docx", "txt", "json", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "输出文件（默认写到标准输出）" };
        var command = new Command("render", "把报告生成为 HTML、DOCX、纯文本、JSON 或 CSV") { file, to, output };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var annual = await LoadAsync(parse.GetValue(file)!, ct);
            byte[] bytes = parse.GetValue(to) switch
            {
                "html" => Encoding.UTF8.GetBytes(ReportHtml.Document(annual)),
                "docx" => ReportDocx.Render(annual),
                "txt" => Encoding.UTF8.GetBytes(ReportText.Render(annual)),
                "json" => Encoding.UTF8.GetBytes(ReportJson.Write(annual)),
                _ => Encoding.UTF8.GetBytes(ReportCsv.Render(annual)),
            };
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllBytesAsync(target.FullName, bytes, ct);
                await io.Error.WriteLineAsync($"已写入 {target.FullName}");
            }
            else
            {
                await using var stdout = io.OpenStandardOutput();
                await stdout.WriteAsync(bytes, ct);
            }
            return 0;
        }));
        return command;
    }

    private static Command Check(CliIo io)
    {
        var file = new Argument<FileInfo>("report.json") { Description = "报告 JSON 文件" };
        var command = new Command("check", "检查报告的勾稽关系；有错误时退出码为 1") { file };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var annual = await LoadAsync(parse.GetValue(file)!, ct);
            var violations = annual.Check();
            foreach (var v in violations)
            {
                await io.Out.WriteLineAsync($"{(v.Severity == Severity.Error ? "错误" : "警告")}\t{v.CheckCode}\t{v.Message}");
            }
            var errors = violations.Count(v => v.Severity == Severity.Error);
            await io.Out.WriteLineAsync($"{annual.AgencyName} {annual.Year} 年度报告（{annual.FormatCode}）：{errors} 个错误，{violations.Count - errors} 个警告。");
            return errors > 0 ? 1 : 0;
        }));
        return command;
    }

    private static Command Schema(CliIo io)
    {
        var update = new Option<FileInfo?>("--update") { Description = "更新文档中生成的代码表（docs/report-schema.md）" };
        var codes = new Option<bool>("--codes") { Description = "逐行列出全部代码（用于追加到代码快照）" };
        var command = new Command("schema", "列出各报告格式的表、行、列和勾稽关系代码") { update, codes };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            if (parse.GetValue(codes))
            {
                foreach (var line in SchemaDocument.CodeLines())
                {
                    await io.Out.WriteLineAsync(line);
                }
                return 0;
            }
            if (parse.GetValue(update) is not { } target)
            {
                await io.Out.WriteAsync(SchemaDocument.Codes());
                return 0;
            }
            var doc = await File.ReadAllTextAsync(target.FullName, ct);
            var start = doc.IndexOf(SchemaDocument.Begin, StringComparison.Ordinal);
            var end = doc.IndexOf(SchemaDocument.End, StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                throw new CliException($"{target.Name} 中没有 {SchemaDocument.Begin} … {SchemaDocument.End} 标记。");
            }
            var updated = doc[..(start + SchemaDocument.Begin.Length)] + "\n\n" + SchemaDocument.Codes() + "\n" + doc[end..];
            await File.WriteAllTextAsync(target.FullName, updated, ct);
            await io.Out.WriteLineAsync($"已更新 {target.FullName}");
            return 0;
        }));
        return command;
    }

    private static async Task<AnnualReport> LoadAsync(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliException($"找不到文件：{file.FullName}");
        }
        try
        {
            return ReportJson.Read(await File.ReadAllTextAsync(file.FullName, ct));
        }
        catch (ReportFileException e)
        {
            throw new CliException($"{file.Name}：{e.Message}");
        }
    }
}
