using System.Text;
using Gongkai.Data.MovingIn;
using Gongkai.Data.Staff;
using Gongkai.Documents.Files;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Staff;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>
/// Issue 26: a county's agencies and staff from the spreadsheets it has — .xlsx, the old .xls, a
/// GBK "CSV" — previewed row by row, applied in one transaction, and the same again changing nothing.
/// </summary>
public sealed class MovingInTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    private static IReadOnlyList<IReadOnlyList<string>> Sheet(params string[] parts) =>
        Spreadsheets.Read(parts[^1], File.ReadAllBytes(Fixture(parts)), ReadLimits.Default);

    /// <summary>The one sheet as LibreOffice saved it in .xlsx and .xls, and as text in UTF-8 and GBK: the same rows, no mojibake.</summary>
    [Fact]
    public void TheSameSheet_ReadsTheSame_AsXlsx_Xls_Utf8AndGbkCsv()
    {
        var csv = Sheet("fixtures", "moving-in", "agencies-utf8.csv");
        Assert.Equal(4, csv.Count);
        Assert.Equal("样例县清河镇人民政府", csv[3][1]);
        foreach (var other in new[] { Sheet("samples", "agencies.xlsx"), Sheet("fixtures", "moving-in", "agencies.xls"), Sheet("fixtures", "moving-in", "agencies-gbk.csv") })
        {
            Assert.Equal(csv.Select(r => string.Join("|", r)), other.Select(r => string.Join("|", r)));
        }
    }

    [Fact]
    public void GbkText_IsToldFromUtf8_WithoutGuessing()
    {
        var text = "简码,名称\nqx,青溪县人民政府";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Equal(text, Spreadsheets.Decode(Encoding.GetEncoding("GB18030").GetBytes(text)));
        Assert.Equal(text, Spreadsheets.Decode(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(text, Spreadsheets.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]));
    }

    [Fact]
    public void AFileThatIsNoSheet_OrTooLong_IsRefusedWithAReason()
    {
        Assert.Contains("不是有效的 XLSX", Assert.Throws<FileLimitException>(() => Spreadsheets.Read("a.xlsx", Encoding.UTF8.GetBytes("not a zip"), ReadLimits.Default)).Message);
        Assert.Contains("只能读取", Assert.Throws<FileLimitException>(() => Spreadsheets.Read("a.pdf", [1, 2, 3], ReadLimits.Default)).Message);
        var tooMany = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, Spreadsheets.MaxRows + 1).Select(i => $"u{i},名字\n")));
        Assert.Contains("行", Assert.Throws<FileLimitException>(() => Spreadsheets.Read("a.csv", tooMany, ReadLimits.Default)).Message);
    }

    /// <summary>
    /// On a database set up with the county only: the sheet adds the bureau and the town under it
    /// and fills the county's office data; a second run changes nothing; a refused row says why
    /// and is left out; nothing is deleted.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Agencies_ArePreviewedThenApplied_AndASecondRunChangesNothing(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        await Setup.PlatformSetup.SetUpAsync(db, new("sample", "样例县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.sample", "管理员", "Setup-Pass-2026"), DateTime.UtcNow, default);
        db.Agencies.Add(Contexts.Agency("kept", "不在表中的机构"));
        await db.SaveChangesAsync();
        var sheet = Sheet("samples", "agencies.xlsx").Append(["bad code", "某机构", "人民政府"]).Append(["sample-x", "某机构", "人民法院"])
            .Append(["sample-y", "某街道", "街道办事处", "", "sample-nowhere", "办", "址", "", "", "0571-1234567"]).ToList();

        var preview = await AgencyImport.PreviewAsync(db, sheet, default);
        Assert.Null(preview.Problem);
        Assert.Equal([RowFate.Changed, RowFate.New, RowFate.New, RowFate.Refused, RowFate.Refused, RowFate.Refused], preview.Rows.Select(r => r.Fate));
        Assert.Contains("公开工作机构名称：（空） → 样例县人民政府办公室", preview.Rows[0].Detail);
        Assert.Equal((5, "简码“bad code”不正确：" + AgencyRules.ShortCodeMessage), (preview.Rows[3].Line, preview.Rows[3].Detail));
        Assert.StartsWith("类型“人民法院”不正确", preview.Rows[4].Detail);
        Assert.Contains("sample-nowhere", preview.Rows[5].Detail);
        Assert.Equal(2, await db.Agencies.CountAsync()); // a preview writes nothing

        await AgencyImport.ApplyAsync(db, sheet, "agencies.xlsx", default);
        db.ChangeTracker.Clear();
        var all = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.ShortCode);
        Assert.Equal(["kept", "sample", "sample-czj", "sample-town"], all.Keys.Order());
        Assert.Equal((all["sample"].Id, AgencyLevel.County, AgencyKind.Department), (all["sample-czj"].ParentId, all["sample-czj"].Level, all["sample-czj"].Kind));
        Assert.Equal((all["sample"].Id, AgencyLevel.Township, "清河镇党政办公室", "0571-87000201"),
            (all["sample-town"].ParentId, all["sample-town"].Level, all["sample-town"].OfficeName, all["sample-town"].OfficePhone));
        Assert.Equal(("样例县人民政府办公室", "11330200MB1234567X"), (all["sample"].OfficeName, all["sample"].IndexCode));
        Assert.Contains(await db.AuditEntries.Select(e => e.Changes).ToListAsync(), c => c.Contains("agencies.xlsx", StringComparison.Ordinal));

        var again = await AgencyImport.PreviewAsync(db, Sheet("fixtures", "moving-in", "agencies-gbk.csv"), default);
        Assert.All(again.Rows, r => Assert.Equal(RowFate.Unchanged, r.Fate));
        Assert.False(again.HasWork);
    }

    /// <summary>
    /// New accounts get one-time passwords that pass the rules and must be changed at the first
    /// sign-in; a second run changes nothing; a system administrator's import gives no
    /// administrator's role and changes no existing role (三员分立); an unknown agency is refused.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Users_GetInitialPasswords_ToChange_AndTheSystemAdminsImportChangesNoRole(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        await Setup.PlatformSetup.SetUpAsync(db, new("sample", "样例县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.sample", "管理员", "Setup-Pass-2026"), DateTime.UtcNow, default);
        await AgencyImport.ApplyAsync(db, Sheet("samples", "agencies.xlsx"), "agencies.xlsx", default);
        var by = new UserImport.Importer(StaffRole.SystemAdmin, 0);
        var sheet = Sheet("samples", "users.xlsx").Append(["someone", "某人", "审计管理员", "sample"]).Append(["other", "某人", "经办人", "nowhere"]).ToList();

        var (first, passwords) = await UserImport.ApplyAsync(db, by, sheet, "users.xlsx", DateTime.UtcNow, default);
        Assert.Equal([RowFate.New, RowFate.New, RowFate.New, RowFate.New, RowFate.New, RowFate.Refused, RowFate.Refused], first.Rows.Select(r => r.Fate));
        Assert.Contains("三员分立", first.Rows[5].Detail);
        Assert.Contains("nowhere", first.Rows[6].Detail);
        Assert.Equal(5, passwords.Count);
        db.ChangeTracker.Clear();
        foreach (var p in passwords)
        {
            Assert.Null(PasswordRules.Problem(p.Password, p.UserName));
            var user = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == p.UserName);
            Assert.True(user.MustChangePassword);
            Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, StaffAccounts.Verify(user, p.Password));
        }
        Assert.Equal(passwords.Count, passwords.Select(p => p.Password).Distinct().Count());
        Assert.Equal("qian@sample.example.gov.cn", (await db.StaffUsers.SingleAsync(u => u.UserName == "sample-town.clerk")).Email);

        var again = await UserImport.PreviewAsync(db, by, Sheet("samples", "users.xlsx"), default);
        Assert.All(again.Rows, r => Assert.Equal(RowFate.Unchanged, r.Fate));

        var promoted = Sheet("samples", "users.xlsx").Select(r => r[0] == "sample-town.clerk" ? (IReadOnlyList<string>)[r[0], "清河镇 钱经办（新）", "审核人", r[3]] : r).ToList();
        var refusedRole = await UserImport.PreviewAsync(db, by, promoted, default);
        Assert.Equal((RowFate.Refused, "角色变更须由安全管理员在工作台中办理（三员分立）。"), (refusedRole.Rows[3].Fate, refusedRole.Rows[3].Detail));
        var town = await db.Agencies.SingleAsync(a => a.ShortCode == "sample-town");
        var byTownAdmin = await UserImport.PreviewAsync(db, new UserImport.Importer(StaffRole.AgencyAdmin, town.Id), promoted, default);
        Assert.Equal(RowFate.Changed, byTownAdmin.Rows[3].Fate);
        Assert.Contains("您不能管理", byTownAdmin.Rows[0].Detail); // the county's supervisor is not the town admin's
    }

    /// <summary>
    /// The sample ledger of sample-town on 2 March 2026: six applications of 2025 and 2026 with
    /// their supplement, extension and replies, previewed and applied; the second run finds each
    /// already there; the report from records for 2025 counts them in their cells; rows the
    /// console would refuse are refused with its rule (a reply before the receipt, a wrong ID
    /// check digit, a reply type the law does not have) and a repeated row is flagged, not doubled.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheLedger_IsCheckedLikeTheConsole_AndCountsInTheReportFromRecords(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        await Setup.PlatformSetup.SetUpAsync(db, new("sample", "样例县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.sample", "管理员", "Setup-Pass-2026"), DateTime.UtcNow, default);
        await AgencyImport.ApplyAsync(db, Sheet("samples", "agencies.xlsx"), "agencies.xlsx", default);
        var town = await db.Agencies.SingleAsync(a => a.ShortCode == "sample-town");
        var today = new DateOnly(2026, 3, 2);
        var calendar = Domain.Calendar.WorkingCalendar.National;
        var ledger = Sheet("samples", "ledger.xlsx");
        var bad = ledger.Concat([
            ["2025-05-06", "网络", "自然人", "错一", "330200198001010010", "13800138009", "某信息", "", "", "", "", "", "", "2025-05-01", "予以公开"],
            ["2025-05-06", "网络", "自然人", "错二", "330200198001010011", "13800138009", "某信息"],
            ["2025-05-06", "网络", "自然人", "错三", "330200198001010010", "13800138009", "某信息", "", "", "", "", "", "", "2025-05-08", "已办结"],
            ledger[1],
        ]).ToList();

        var preview = await LedgerImport.PreviewAsync(db, town.Id, bad, null, calendar, today, default);
        Assert.Null(preview.Problem);
        Assert.Equal([.. Enumerable.Repeat(RowFate.New, 6), RowFate.Refused, RowFate.Refused, RowFate.Refused, RowFate.Refused], preview.Rows.Select(r => r.Fate));
        Assert.Contains("早于上一步的日期", preview.Rows[6].Detail);
        Assert.Contains("身份证号码不正确", preview.Rows[7].Detail);
        Assert.Contains("“已办结”不是条例规定的答复类型", preview.Rows[8].Detail);
        Assert.Contains("可能重复", preview.Rows[9].Detail);
        Assert.Equal(0, await db.Applications.CountAsync());

        await LedgerImport.ApplyAsync(db, town.Id, bad, null, "ledger.xlsx", calendar, today, DateTime.UtcNow, default);
        db.ChangeTracker.Clear();
        var stored = await db.Applications.AsNoTracking().OrderBy(a => a.Received).ToListAsync();
        Assert.Equal(6, stored.Count);
        Assert.Equal(4, stored.Count(a => a.ReplyType != null));
        Assert.True(stored.Single(a => a.ApplicantName == "郑三").Extended);
        var wu = stored.Single(a => a.ApplicantName == "吴二").Id;
        Assert.Equal(2, await db.ApplicationSteps.CountAsync(s => s.ApplicationId == wu
            && (s.Kind == Domain.Applications.StepKind.RequestSupplement || s.Kind == Domain.Applications.StepKind.ReceiveSupplement)));
        var open = stored.Where(a => a.ReplyType is null).ToList();
        Assert.Equal(["王四", "样例县绿水环保协会"], open.Select(a => a.ApplicantName));
        Assert.All(open, a => Assert.Equal(calendar.AddWorkingDays(a.Received, 20), a.DueDate));
        Assert.All(stored.Where(a => a.IdNumber is not null), a => Assert.StartsWith("sm4:", a.IdNumber));
        Assert.Contains(await db.AuditEntries.Select(e => e.Changes).ToListAsync(), c => c.Contains("ledger.xlsx 第 7 行", StringComparison.Ordinal));

        var again = await LedgerImport.PreviewAsync(db, town.Id, ledger, null, calendar, today, default);
        Assert.All(again.Rows, r => Assert.Equal(RowFate.Unchanged, r.Fate));
        Assert.Equal(2, await db.Appeals.CountAsync());
        var fee = await db.ApplicationSteps.AsNoTracking().SingleAsync(s => s.ApplicationId == wu && s.Kind == Domain.Applications.StepKind.SendFeeNotice);
        Assert.Equal((new DateOnly(2025, 11, 20), 120m), (fee.Date, fee.Amount));
        Assert.Equal(1, await db.ApplicationSteps.CountAsync(s => s.ApplicationId == wu && s.Kind == Domain.Applications.StepKind.RecordPayment));

        var counted = await Reports.RecordCounts.CountAsync(db, [town.Id], Domain.Reports.ReportFormats.ForYear(2025), 2025);
        decimal? Cell(string row, string column) => counted.Values.Number(new Domain.Reports.CellKey("requests", row, column));
        Assert.Equal((2m, 1m, 3m), (Cell("new", "natural"), Cell("new", "commercial"), Cell("new", "total")));
        Assert.Equal((1m, 1m, 1m), (Cell("granted", "natural"), Cell("partial", "natural"), Cell("unable.not_held", "commercial")));
        decimal? Appeal(string column) => counted.Values.Number(new Domain.Reports.CellKey("appeals", "cases", column));
        Assert.Equal((1m, 1m, 1m, 1m), (Appeal("reconsideration.upheld"), Appeal("reconsideration.total"), Appeal("litigation.direct.pending"), Appeal("litigation.direct.total")));
    }

    /// <summary>
    /// A fee and an appeal in a ledger are checked by the rules the console applies: no fee notice
    /// before 2021 (国办函〔2020〕109号), 逾期未缴费 only after the period to pay, no appeal filed before
    /// the application or decided before it was filed, and only the kinds and results the report has.
    /// </summary>
    [Fact]
    public async Task FeesAndAppeals_InTheLedger_AreCheckedLikeTheConsole()
    {
        await using var database = await Contexts.MigratedDatabaseAsync("sqlite");
        await using var db = Contexts.Open(database);
        await Setup.PlatformSetup.SetUpAsync(db, new("sample", "样例县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.sample", "管理员", "Setup-Pass-2026"), DateTime.UtcNow, default);
        var county = await db.Agencies.SingleAsync();
        IReadOnlyList<string> header = ["收到日期", "申请方式", "申请人类型", "申请人姓名或名称", "联系电话", "申请内容", "收费通知日期", "收费金额", "缴费日期", "答复日期", "答复类型",
            "复议/诉讼", "复议/诉讼提起日期", "复议/诉讼审结日期", "复议/诉讼结果"];
        IReadOnlyList<string> Row(string name, string received, string fee = "", string amount = "", string paid = "", string replied = "", string reply = "",
            string appeal = "", string filed = "", string decided = "", string result = "") =>
            [received, "网络", "商业企业", name, "0571-87001234", "某信息", fee, amount, paid, replied, reply, appeal, filed, decided, result];
        var sheet = new List<IReadOnlyList<string>>
        {
            header,
            Row("甲", "2025-03-03", "2025-03-10", "¥150元", "2025-03-14", "2025-03-20", "予以公开", "复议后诉讼", "2025-06-02", "2025-08-01", "纠正"),
            Row("乙", "2020-11-02", "2020-11-10", "100"),
            Row("丙", "2025-03-03", "2025-03-10", "100", "", "2025-03-12", "逾期未缴费"),
            Row("丁", "2025-03-03", "2025-03-10", "100", "", "2025-04-20", "逾期未缴费"),
            Row("戊", "2025-03-03", "", "", "", "2025-03-20", "予以公开", "行政复议", "2025-02-01"),
            Row("己", "2025-03-03", "", "", "", "2025-03-20", "予以公开", "行政复议", "2025-04-01", "2025-03-01", "维持"),
            Row("庚", "2025-03-03", "", "", "", "2025-03-20", "予以公开", "投诉", "2025-04-01"),
            Row("辛", "2025-03-03", "", "", "", "2025-03-20", "予以公开", "行政诉讼", "2025-04-01", "2025-05-01", "驳回"),
            Row("壬", "2025-03-03", "", "-5"),
        };

        var preview = await LedgerImport.PreviewAsync(db, county.Id, sheet, null, Domain.Calendar.WorkingCalendar.National, new DateOnly(2026, 3, 2), default);

        Assert.Equal([RowFate.New, RowFate.Refused, RowFate.Refused, RowFate.New, RowFate.Refused, RowFate.Refused, RowFate.Refused, RowFate.Refused, RowFate.Refused],
            preview.Rows.Select(r => r.Fate));
        Assert.Contains("收费 150 元", preview.Rows[0].Detail);
        Assert.Contains("行政诉讼（复议后起诉） 2025-06-02，结果纠正", preview.Rows[0].Detail);
        Assert.Contains("2021 年 1 月 1 日起", preview.Rows[1].Detail);
        Assert.Contains("届满前不能视为放弃申请", preview.Rows[2].Detail);
        Assert.Contains("申请人逾期未缴纳信息处理费", preview.Rows[3].Detail);
        Assert.Equal(Domain.Applications.Appeal.FiledBeforeApplication, preview.Rows[4].Detail);
        Assert.Equal(Domain.Applications.Appeal.DecidedBeforeFiled, preview.Rows[5].Detail);
        Assert.Contains("“投诉”不正确", preview.Rows[6].Detail);
        Assert.Contains("维持、纠正或其他", preview.Rows[7].Detail);
        Assert.Contains("收费金额", preview.Rows[8].Detail);
    }

    /// <summary>
    /// An office's ledger with its own headers (登记日期, 来信人): the preview shows which fields it
    /// found and which required one it lacks; chosen, the columns are read, and after the import the
    /// choice is the agency's remembered mapping — the next ledger reads the same without choosing,
    /// a field chosen 不导入 stays unread, and another agency still reads by the standard names.
    /// </summary>
    [Fact]
    public async Task TheLedgerColumnMapping_IsShown_Chosen_AndRemembered()
    {
        await using var database = await Contexts.MigratedDatabaseAsync("sqlite");
        await using var db = Contexts.Open(database);
        await Setup.PlatformSetup.SetUpAsync(db, new("sample", "样例县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.sample", "管理员", "Setup-Pass-2026"), DateTime.UtcNow, default);
        await AgencyImport.ApplyAsync(db, Sheet("samples", "agencies.xlsx"), "agencies.xlsx", default);
        var (county, town) = (await db.Agencies.SingleAsync(a => a.ShortCode == "sample"), await db.Agencies.SingleAsync(a => a.ShortCode == "sample-town"));
        var calendar = Domain.Calendar.WorkingCalendar.National;
        var today = new DateOnly(2026, 3, 2);
        List<IReadOnlyList<string>> Ledger(string name) =>
        [
            ["登记日期", "申请方式", "申请人类型", "来信人", "联系电话", "申请内容", "备注"],
            ["2026-02-02", "网络", "商业企业", name, "0571-87001234", "某信息", "电话已告知"],
        ];

        var unmapped = await LedgerImport.PreviewAsync(db, town.Id, Ledger("某公司"), null, calendar, today, default);
        Assert.Equal("第一行缺少必需的列：收到日期、申请人姓名或名称（列名见 docs/moving-in.md）。", unmapped.Problem);
        var shown = unmapped.Columns!.ToDictionary(u => u.Field);
        Assert.Equal(("申请方式", "B"), (shown["申请方式"].Header, shown["申请方式"].Column));
        Assert.Equal(("备注", "G"), (shown["答复说明"].Header, shown["答复说明"].Column));
        Assert.True(shown["收到日期"] is { Header: null, Required: true });

        var choices = new Dictionary<string, string?> { ["收到日期"] = "登记日期", ["申请人姓名或名称"] = "来信人", ["答复说明"] = SheetColumns.NotImported, ["证件号码"] = "" };
        var chosen = await LedgerImport.PreviewAsync(db, town.Id, Ledger("某公司"), choices, calendar, today, default);
        Assert.Null(chosen.Problem);
        Assert.Equal([RowFate.New], chosen.Rows.Select(r => r.Fate));
        Assert.Equal(("登记日期", "A"), (chosen.Columns!.Single(u => u.Field == "收到日期").Header, chosen.Columns!.Single(u => u.Field == "收到日期").Column));
        Assert.True(chosen.Columns!.Single(u => u.Field == "答复说明") is { Header: null, Skipped: true });
        Assert.Equal(0, await db.ImportMappings.CountAsync());

        await LedgerImport.ApplyAsync(db, town.Id, Ledger("某公司"), choices, "台账.xlsx", calendar, today, DateTime.UtcNow, default);
        var remembered = await ImportMapping.RememberedAsync(db, town.Id, LedgerImport.SheetKind, default);
        Assert.Equal(("登记日期", "来信人", SheetColumns.NotImported), (remembered["收到日期"], remembered["申请人姓名或名称"], remembered["答复说明"]));
        Assert.False(remembered.ContainsKey("证件号码"));

        var next = await LedgerImport.PreviewAsync(db, town.Id, Ledger("另一公司"), null, calendar, today, default);
        Assert.Null(next.Problem);
        Assert.Equal([RowFate.New], next.Rows.Select(r => r.Fate));
        Assert.True(next.Columns!.Single(u => u.Field == "答复说明").Skipped);
        Assert.NotNull((await LedgerImport.PreviewAsync(db, county.Id, Ledger("另一公司"), null, calendar, today, default)).Problem);
    }

    /// <summary>
    /// The sample items of sample-town with their files: two published as they were (their own
    /// 索引号 and dates, the body file and the attachment read, searchable at once), the list of
    /// names with an unmasked ID number held as a draft; a second run imports nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Items_KeepTheirIndexAndDates_AreFoundAtOnce_AndOneWithAnIdNumberIsHeld(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        await Setup.PlatformSetup.SetUpAsync(db, new("sample", "样例县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.sample", "管理员", "Setup-Pass-2026"), DateTime.UtcNow, default);
        await AgencyImport.ApplyAsync(db, Sheet("samples", "agencies.xlsx"), "agencies.xlsx", default);
        var town = await db.Agencies.AsNoTracking().SingleAsync(a => a.ShortCode == "sample-town");
        var files = LocalFolder.Read(Fixture("samples"), ReadLimits.Default);
        var today = new DateOnly(2026, 3, 2);
        var sheet = Sheet("samples", "items.xlsx");

        var preview = await ItemImport.PreviewAsync(db, town, sheet, files, ReadLimits.Default, today, default);
        Assert.Equal([RowFate.New, RowFate.New, RowFate.New], preview.Rows.Select(r => r.Fate));
        Assert.Contains("含未屏蔽的个人信息（3302**********0010）", preview.Rows[2].Detail);

        await ItemImport.ApplyAsync(db, town, sheet, files, "items.xlsx", (1, "管理员"), ReadLimits.Default, today, DateTime.UtcNow, null, default);
        db.ChangeTracker.Clear();
        var items = await db.InfoItems.AsNoTracking().OrderBy(i => i.WrittenOn).ToListAsync();
        Assert.Equal([
            ("11330200MB1234567X/2025-00003", Domain.Disclosure.ItemStatus.Draft, (DateOnly?)null),
            ("11330200MB1234567X/2025-00015", Domain.Disclosure.ItemStatus.Published, new DateOnly(2025, 6, 24)),
            ("11330200MB1234567X/2025-00012", Domain.Disclosure.ItemStatus.Published, new DateOnly(2025, 8, 5)),
        ], items.Select(i => (i.IndexNumber, i.Status, i.PublishedOn)));
        var rules = items[1];
        Assert.Equal(("清政发〔2025〕3号", Domain.Disclosure.DocumentKind.Normative, "a21.t04"), (rules.DocumentNumber, rules.DocumentKind, rules.CategoryCode));
        Assert.Contains("村民代表会议讨论通过", rules.BodyText);
        var attachment = await db.ItemAttachments.AsNoTracking().SingleAsync(a => a.ItemId == rules.Id);
        Assert.Equal("宅基地申请表.docx", attachment.FileName);
        Assert.Contains("清河镇农村宅基地申请表", attachment.Text);
        Assert.Contains(await db.AuditEntries.Select(e => e.Changes).ToListAsync(), c => c.Contains("迁移导入：items.xlsx 第 2 行", StringComparison.Ordinal));

        foreach (var (words, expected) in new[] { ("水利设施维修资金", items[2].Id), ("宅基地申请表", rules.Id) })
        {
            var hits = await db.Search.SearchAsync(Domain.Disclosure.SearchText.Parse(words).Query!, new Search.SearchFilter(), 1, 10);
            Assert.Equal([expected], hits.ItemIds);
        }
        Assert.Empty((await db.Search.SearchAsync(Domain.Disclosure.SearchText.Parse("社会救助对象名单").Query!, new Search.SearchFilter(), 1, 10)).ItemIds);

        var again = await ItemImport.PreviewAsync(db, town, sheet, files, ReadLimits.Default, today, default);
        Assert.All(again.Rows, r => Assert.Equal(RowFate.Unchanged, r.Fate));
    }

    [Fact]
    public void AZipWhosePathsClimb_IsRefusedWhole()
    {
        byte[] Zip(params string[] names)
        {
            using var stream = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var name in names)
                {
                    using var entry = zip.CreateEntry(name).Open();
                    entry.Write("内容"u8);
                }
            }
            return stream.ToArray();
        }
        Assert.Equal(["items/a.txt", "b.txt"], ZipFolder.Read(Zip("items/a.txt", "b.txt"), ReadLimits.Default).Keys.Order(StringComparer.Ordinal).Reverse());
        foreach (var bad in new[] { "../etc/passwd", "items/../../x.txt", "/abs.txt", "C:/x.txt", "items\\..\\..\\x.txt" })
        {
            Assert.Contains("不安全", Assert.Throws<FileLimitException>(() => ZipFolder.Read(Zip("items/a.txt", bad), ReadLimits.Default)).Message);
        }
        Assert.Contains("超过", Assert.Throws<FileLimitException>(() => ZipFolder.Read(Zip("a.txt", "b.txt"), ReadLimits.Default with { MaxDecompressedBytes = 7 })).Message);
    }
}
