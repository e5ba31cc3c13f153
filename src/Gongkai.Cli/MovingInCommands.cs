using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.MovingIn;
using Gongkai.Data.Schema;
using Gongkai.Documents.Files;
using Gongkai.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai agency import FILE</c> and <c>gongkai user import FILE</c>: a county's agencies and
/// staff from a spreadsheet (docs/moving-in.md). Without <c>--apply</c> they only show what would
/// happen, row by row; with it, the new and changed rows are written in one transaction.
/// </summary>
public static class MovingInCommands
{
    public static Command Agency(CliIo io)
    {
        var file = new Argument<FileInfo>("file") { Description = "机构表（.xlsx、.xls 或 .csv）" };
        var apply = new Option<bool>("--apply") { Description = "写入数据库（不加则只预览）" };
        var import = new Command("import", "从表格导入机构（简码、名称、类型、上级简码、公开工作机构名称、地址、电话……）") { file, apply };
        import.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var (name, sheet) = Read(parse.GetValue(file)!);
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var db = await OpenAsync(scope, ct);
            var preview = parse.GetValue(apply) ? await AgencyImport.ApplyAsync(db, sheet, name, ct) : await AgencyImport.PreviewAsync(db, sheet, ct);
            return await ReportAsync(io, preview, parse.GetValue(apply));
        }));
        return new Command("agency", "机构") { import };
    }

    public static Command UserImportCommand(CliIo io)
    {
        var file = new Argument<FileInfo>("file") { Description = "用户表（.xlsx、.xls 或 .csv）" };
        var apply = new Option<bool>("--apply") { Description = "写入数据库（不加则只预览）" };
        var passwordsFile = new Option<FileInfo?>("--passwords-file") { Description = "把新账户的初始密码写入此文件（仅所有者可读）；不加则显示在屏幕上" };
        var import = new Command("import", "从表格导入工作人员账户（用户名、姓名、角色、所属机构简码、邮箱）；新账户获得一次性初始密码，首次登录须修改") { file, apply, passwordsFile };
        import.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var (name, sheet) = Read(parse.GetValue(file)!);
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var db = await OpenAsync(scope, ct);
            // The command line is the server's operator: a system administrator's reach, and its limits (三员分立).
            var by = new UserImport.Importer(StaffRole.SystemAdmin, 0);
            if (!parse.GetValue(apply))
            {
                return await ReportAsync(io, await UserImport.PreviewAsync(db, by, sheet, ct), applied: false);
            }
            var (preview, passwords) = await UserImport.ApplyAsync(db, by, sheet, name, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            var lines = passwords.Select(p => $"{p.UserName}\t{p.DisplayName}\t{p.AgencyCode}\t{p.Password}").Prepend("用户名\t姓名\t机构简码\t初始密码（首次登录须修改）").ToList();
            if (passwords.Count > 0 && parse.GetValue(passwordsFile) is { } target)
            {
                await using (var stream = Gongkai.Data.Protection.OwnerOnlyFiles.CreateNew(target.FullName))
                await using (var writer = new StreamWriter(stream))
                {
                    await writer.WriteAsync(string.Join('\n', lines) + "\n");
                }
                await io.Out.WriteLineAsync($"{passwords.Count} 个新账户的初始密码已写入 {target.FullName}（交给本人后请删除该文件）。");
            }
            else if (passwords.Count > 0)
            {
                await io.Out.WriteLineAsync(string.Join('\n', lines));
            }
            return await ReportAsync(io, preview, applied: true);
        }));
        return import;
    }

    public static Command LedgerImportCommand(CliIo io)
    {
        var file = new Argument<FileInfo>("file") { Description = "依申请公开台账（.xlsx、.xls 或 .csv）" };
        var agency = new Option<string>("--agency") { Description = "台账所属机关的简码", Required = true };
        var apply = new Option<bool>("--apply") { Description = "写入数据库（不加则只预览）" };
        var map = new Option<string[]>("--map")
        {
            Description = "某一项从哪一列读取：项目=表头（如 --map 收到日期=登记日期；表头写 - 表示不导入该项）；可多次使用。导入后记住该机关的列对应，下次无需再写",
            AllowMultipleArgumentsPerToken = false,
        };
        var import = new Command("import", "从台账导入申请（收到日期、申请方式、申请人、申请内容、补正、延期、收费、答复、复议/诉讼……），逐行按办理规则检查") { file, agency, apply, map };
        import.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var (name, sheet) = Read(parse.GetValue(file)!);
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var db = await OpenAsync(scope, ct);
            var code = parse.GetValue(agency)!.Trim().ToLowerInvariant();
            var agencyId = await db.Agencies.Where(a => a.ShortCode == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct)
                ?? throw new CliException($"--agency：找不到简码为 {code} 的机构。");
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var calendar = await scope.ServiceProvider.GetRequiredService<Gongkai.Data.Calendar.WorkingCalendars>().CurrentAsync(db, ct);
            var today = Gongkai.Domain.Calendar.ChinaTime.Today(clock);
            var choices = new Dictionary<string, string?>();
            foreach (var pair in parse.GetValue(map) ?? [])
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !LedgerImport.Columns.ContainsKey(parts[0]) || parts[1].Length == 0)
                {
                    throw new CliException($"--map：“{pair}”应为 项目=表头，项目可选：{string.Join("、", LedgerImport.Columns.Keys)}。");
                }
                choices[parts[0]] = parts[1];
            }
            var preview = parse.GetValue(apply)
                ? await LedgerImport.ApplyAsync(db, agencyId, sheet, choices, name, calendar, today, clock.GetUtcNow().UtcDateTime, ct)
                : await LedgerImport.PreviewAsync(db, agencyId, sheet, choices, calendar, today, ct);
            // The mapping is shown first, so a column read from the wrong header is seen before the rows.
            foreach (var use in preview.Columns ?? [])
            {
                await io.Out.WriteLineAsync(use.Header is null
                    ? $"  {use.Field} ← （无此列{(use.Required ? "，必需" : "")}）"
                    : $"  {use.Field} ← {use.Column} 列“{use.Header}”");
            }
            return await ReportAsync(io, preview, parse.GetValue(apply));
        }));
        return import;
    }

    public static Command Item(CliIo io)
    {
        var file = new Argument<FileInfo>("file") { Description = "信息列表（.xlsx、.xls、.csv），或含列表和文件的 .zip" };
        var agency = new Option<string>("--agency") { Description = "信息所属机关的简码", Required = true };
        var folder = new Option<DirectoryInfo?>("--files") { Description = "正文和附件文件所在的文件夹（默认为列表所在的文件夹）" };
        var apply = new Option<bool>("--apply") { Description = "写入数据库（不加则只预览）" };
        var import = new Command("import", "迁移原网站已发布的信息：保留原索引号和日期直接发布（审计日志记为迁移导入）；含未屏蔽个人信息的存为草稿待审核") { file, agency, folder, apply };
        import.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                throw new CliException($"找不到文件：{source.FullName}");
            }
            ItemPackage package;
            try
            {
                package = source.Extension.Equals(".zip", StringComparison.OrdinalIgnoreCase)
                    ? ItemPackage.FromZip(File.ReadAllBytes(source.FullName), ReadLimits.Default)
                    : ItemPackage.FromFolder(source.FullName, parse.GetValue(folder)?.FullName, ReadLimits.Default);
            }
            catch (FileLimitException e)
            {
                throw new CliException($"{source.Name}：{e.Message}");
            }
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var db = await OpenAsync(scope, ct);
            var code = parse.GetValue(agency)!.Trim().ToLowerInvariant();
            var target = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ShortCode == code, ct) ?? throw new CliException($"--agency：找不到简码为 {code} 的机构。");
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var today = Gongkai.Domain.Calendar.ChinaTime.Today(clock);
            // Imported items need an author: the command line's import is credited to the agency's first system administrator.
            var importer = await db.StaffUsers.AsNoTracking().Where(u => u.Role == StaffRole.SystemAdmin).OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct)
                ?? throw new CliException("数据库中还没有系统管理员（先运行 gongkai setup）。");
            var preview = parse.GetValue(apply)
                ? await ItemImport.ApplyAsync(db, target, package.Sheet, package.Files, source.Name, (importer.Id, $"{importer.DisplayName}（命令行）"), ReadLimits.Default, today,
                    clock.GetUtcNow().UtcDateTime, null, ct)
                : await ItemImport.PreviewAsync(db, target, package.Sheet, package.Files, ReadLimits.Default, today, ct);
            return await ReportAsync(io, preview, parse.GetValue(apply));
        }));
        return new Command("item", "主动公开信息") { import };
    }

    private static (string Name, IReadOnlyList<IReadOnlyList<string>> Sheet) Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"找不到文件：{file.FullName}");
        }
        try
        {
            return (file.Name, Spreadsheets.Read(file.Name, File.ReadAllBytes(file.FullName), ReadLimits.Default));
        }
        catch (FileLimitException e)
        {
            throw new CliException($"{file.Name}：{e.Message}");
        }
    }

    private static async Task<GongkaiDb> OpenAsync(IServiceScope scope, CancellationToken ct)
    {
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        db.Actor.Set(null, "命令行（表格导入）");
        return db;
    }

    private static async Task<int> ReportAsync(CliIo io, ImportPreview preview, bool applied)
    {
        if (preview.Problem is { } problem)
        {
            throw new CliException(problem);
        }
        foreach (var row in preview.Rows)
        {
            await io.Out.WriteLineAsync($"第 {row.Line} 行\t{row.Key}\t{ImportText.Label(row.Fate)}\t{row.Detail}");
        }
        var summary = $"新增 {preview.Count(RowFate.New)}，修改 {preview.Count(RowFate.Changed)}，不变 {preview.Count(RowFate.Unchanged)}，拒绝 {preview.Count(RowFate.Refused)}";
        await io.Out.WriteLineAsync(applied ? $"已导入：{summary}（被拒绝的行未导入）。" : $"预览：{summary}。确认无误后加 --apply 写入。");
        return 0;
    }
}
