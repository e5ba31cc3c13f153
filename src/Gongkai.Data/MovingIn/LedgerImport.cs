using Gongkai.Data.Applications;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Text;

namespace Gongkai.Data.MovingIn;

/// <summary>
/// An agency's applications ledger (依申请公开台账) from a spreadsheet (docs/moving-in.md): a row per
/// application, with the steps a ledger keeps — the supplement asked for and received, the
/// extension, the reply. Every row is checked as the console checks a registration and each step
/// (<see cref="Applicant.Problems"/>, <see cref="ApplicationCase.Record"/>: a reply before the
/// receipt, a second extension, an ID number whose check digit is wrong → refused with the rule);
/// the imported cases then take their place in deadlines, the dashboard and the report made from
/// records. A row whose application is already stored (same agency, day, applicant and request)
/// is not registered twice, so a second run adds nothing.
/// </summary>
public static class LedgerImport
{
    public const string Received = "收到日期", Channel = "申请方式", Kind = "申请人类型", Name = "申请人姓名或名称", IdNumber = "证件号码", Phone = "联系电话",
        Description = "申请内容", FormWanted = "获取方式", SupplementAsked = "补正告知日期", SupplementDays = "补正期限", SupplementReceived = "补正收到日期",
        Extended = "延期日期", ExtensionDays = "延长工作日数", FeeNoticed = "收费通知日期", FeeAmount = "收费金额", Paid = "缴费日期",
        Replied = "答复日期", Reply = "答复类型", ReplyNote = "答复说明",
        Appeal = "复议/诉讼", AppealFiled = "复议/诉讼提起日期", AppealBody = "复议机关或法院", AppealDecided = "复议/诉讼审结日期", AppealOutcome = "复议/诉讼结果";

    /// <summary>The sheet's kind under which an agency's column mapping is remembered.</summary>
    public const string SheetKind = "ledger";

    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        [Received] = ["收到申请日期", "受理日期", "申请日期"], [Channel] = ["提交方式", "申请渠道"], [Kind] = ["申请人类别"], [Name] = ["申请人", "申请人姓名", "申请人名称"],
        [IdNumber] = ["身份证号码", "证件号"], [Phone] = ["联系方式", "电话"], [Description] = ["申请公开内容", "所需信息"], [FormWanted] = ["提供形式"],
        [SupplementAsked] = ["补正日期"], [SupplementDays] = ["补正期限（工作日）"], [SupplementReceived] = ["补正日期（收到）"],
        [Extended] = ["延期答复日期"], [ExtensionDays] = ["延长期限"], [FeeNoticed] = ["收费通知书日期", "发出收费通知日期"], [FeeAmount] = ["收费", "信息处理费", "收费金额（元）"],
        [Paid] = ["缴费收到日期", "收到缴费日期"], [Replied] = ["答复时间"], [Reply] = ["答复结果", "办理结果"], [ReplyNote] = ["答复理由", "备注"],
        [Appeal] = ["复议诉讼", "行政复议/诉讼", "复议或诉讼", "救济情况"], [AppealFiled] = ["复议诉讼提起日期", "提起日期"], [AppealBody] = ["复议机关", "受理法院"],
        [AppealDecided] = ["复议诉讼审结日期", "审结日期"], [AppealOutcome] = ["复议诉讼结果", "审结结果"],
    };

    private static readonly string[] Required = [Received, Channel, Kind, Name, Phone, Description];

    private sealed record Wanted(int Line, Applicant Applicant, DateOnly Received, Channel Channel, IReadOnlyList<CaseStep> Steps, Appeal? Appeal);

    /// <param name="choices">The office's choice of column for some fields (field → header; <see cref="SheetColumns.NotImported"/>), over the agency's remembered mapping.</param>
    public static async Task<ImportPreview> PreviewAsync(GongkaiDb db, int agencyId, IReadOnlyList<IReadOnlyList<string>> sheet, IReadOnlyDictionary<string, string?>? choices,
        WorkingCalendar calendar, DateOnly today, CancellationToken ct) =>
        (await PlanAsync(db, agencyId, sheet, await ImportMapping.ChosenAsync(db, agencyId, SheetKind, choices, ct), calendar, today, ct)).Preview;

    /// <summary>
    /// Registers the new rows' applications with their steps and appeals, in one transaction; the
    /// audit log names the file and row of each. The columns it was read with become the agency's
    /// remembered mapping.
    /// </summary>
    public static async Task<ImportPreview> ApplyAsync(GongkaiDb db, int agencyId, IReadOnlyList<IReadOnlyList<string>> sheet, IReadOnlyDictionary<string, string?>? choices,
        string fileName, WorkingCalendar calendar, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var chosen = await ImportMapping.ChosenAsync(db, agencyId, SheetKind, choices, ct);
        var (preview, plan) = await PlanAsync(db, agencyId, sheet, chosen, calendar, today, ct);
        if (preview.Problem is not null)
        {
            return preview;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ImportMapping.RememberAsync(db, agencyId, SheetKind, preview.Columns!, ct);
        await db.SaveChangesAsync(ct);
        foreach (var w in plan)
        {
            var (application, _) = ApplicationRecords.New(w.Applicant, agencyId, w.Received, w.Channel, calendar, nowUtc);
            var domain = Replay(w, calendar);
            application.Follow(domain, calendar);
            // An application of a year already reported is a late record (flagged, never refused);
            // its steps change that year's figures, so they carry the import as their reason.
            db.AuditNote = $"从台账导入：{fileName} 第 {w.Line} 行";
            await ApplicationRecords.AddAsync(db, application, ct);
            foreach (var step in w.Steps)
            {
                db.ApplicationSteps.Add(ApplicationStep.From(step, application, null, nowUtc));
            }
            if (w.Appeal is { } appeal)
            {
                db.Appeals.Add(new AppealRecord
                {
                    AgencyId = agencyId, ApplicationId = application.Id, Kind = appeal.Kind, Filed = appeal.Filed, Body = appeal.Body, Decided = appeal.Decided, Result = appeal.Result,
                    CreatedUtc = nowUtc,
                });
            }
            db.AuditNote = $"从台账导入：{fileName} 第 {w.Line} 行";
            db.CorrectionReason = w.Steps.Count > 0 || w.Appeal is not null ? $"从台账导入（{fileName} 第 {w.Line} 行）" : null;
            await db.SaveChangesAsync(ct);
            db.CorrectionReason = null;
        }
        await transaction.CommitAsync(ct);
        return preview;
    }

    private static ApplicationCase Replay(Wanted w, WorkingCalendar calendar)
    {
        var domain = new ApplicationCase(w.Received, w.Channel, w.Applicant.Kind);
        foreach (var step in w.Steps)
        {
            domain.Record(step, calendar);
        }
        return domain;
    }

    private static async Task<(ImportPreview Preview, List<Wanted> Plan)> PlanAsync(GongkaiDb db, int agencyId, IReadOnlyList<IReadOnlyList<string>> sheet,
        IReadOnlyDictionary<string, string> chosen, WorkingCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var uses = SheetColumns.Uses(sheet, Columns, Required, chosen);
        var (columns, problem) = SheetColumns.Read(sheet, Columns, Required, chosen);
        if (columns is null)
        {
            return (new ImportPreview([], problem, uses), []);
        }
        var stored = (await db.Applications.AsNoTracking().Where(a => a.AgencyId == agencyId)
            .Select(a => new { a.Received, a.ApplicantName, a.Description, a.TrackingNumber }).ToListAsync(ct))
            .ToLookup(a => (a.Received, a.ApplicantName, a.Description), a => a.TrackingNumber);
        var rows = new List<ImportRow>();
        var plan = new List<Wanted>();
        var inSheet = new HashSet<(DateOnly, string, string)>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var (line, cell) = (i + 1, (Func<string, string>)(column => columns.Cell(sheet[i], column)));
            var key = $"{cell(Received)} {cell(Name)}";
            var (wanted, refusal) = Read(line, cell, calendar, today);
            if (wanted is null)
            {
                rows.Add(new ImportRow(line, key, RowFate.Refused, refusal!));
                continue;
            }
            var same = (wanted.Received, wanted.Applicant.Name.Trim(), wanted.Applicant.Description.Trim());
            if (stored[same].FirstOrDefault() is { } tracking)
            {
                rows.Add(new ImportRow(line, key, RowFate.Unchanged, $"已有相同的申请 {tracking}（同一收到日期、申请人和申请内容），不重复登记。"));
                continue;
            }
            if (!inSheet.Add(same))
            {
                rows.Add(new ImportRow(line, key, RowFate.Refused, "与表中前面一行是同一申请（同一收到日期、申请人和申请内容），可能重复，未登记。"));
                continue;
            }
            var status = Replay(wanted, calendar);
            rows.Add(new ImportRow(line, key, RowFate.New, (status.Reply is { } reply
                ? $"{wanted.Applicant.Name}，{reply.Date:yyyy-MM-dd} 答复：{reply.Type.Label()}"
                : $"{wanted.Applicant.Name}，办理中，答复期限 {status.Deadline(calendar).Due:yyyy-MM-dd}")
                + (status.FeeNotice is { Amount: { } fee } ? $"；收费 {fee:0.##} 元" : "")
                + (wanted.Appeal is { } appeal ? $"；{appeal.Kind.Label()} {appeal.Filed:yyyy-MM-dd}{(appeal.Result is { } result ? $"，{result.Label()}" : "，尚未审结")}" : "")));
            plan.Add(wanted);
        }
        return (new ImportPreview(rows, Columns: uses), plan);
    }

    /// <summary>The application a row describes, or why it cannot be registered (the console's own words).</summary>
    private static (Wanted? Wanted, string? Refusal) Read(int line, Func<string, string> cell, WorkingCalendar calendar, DateOnly today)
    {
        if (SheetColumns.Date(cell(Received)) is not { } received)
        {
            return (null, $"收到日期“{cell(Received)}”不是日期（如 2026-03-02）。");
        }
        if (received > today || received < ApplicationRecords.FirstReceiptDay)
        {
            return (null, received > today ? "收到日期不能晚于今天。" : "收到日期不能早于 2008 年 5 月 1 日（条例施行之日）。");
        }
        if (Labels.Parse<Channel>(cell(Channel), c => c.Label()) is not { } channel)
        {
            return (null, $"申请方式“{cell(Channel)}”不正确，可选：{Labels.Choices<Channel>(c => c.Label())}。");
        }
        if (Labels.Parse<ApplicantKind>(cell(Kind), k => k.Label()) is not { } kind)
        {
            return (null, $"申请人类型“{cell(Kind)}”不正确，可选：{Labels.Choices<ApplicantKind>(k => k.Label())}。");
        }
        var form = cell(FormWanted) is { Length: > 0 } f ? f : Applicant.Forms[1];
        var applicant = new Applicant(kind, cell(Name), cell(IdNumber).Length > 0 ? cell(IdNumber).ToUpperInvariant() : null, cell(Phone), null, null, cell(Description), form);
        if (cell(Name).Length == 0 || cell(Description).Length == 0)
        {
            return (null, "请填写申请人姓名或名称和申请内容。");
        }
        if (applicant.Problems().FirstOrDefault() is { Message: { } message })
        {
            return (null, message);
        }
        var steps = new List<CaseStep>();
        const string actor = "台账导入";
        if (cell(SupplementAsked).Length > 0)
        {
            if (SheetColumns.Date(cell(SupplementAsked)) is not { } asked || !int.TryParse(cell(SupplementDays), out var days))
            {
                return (null, "补正告知日期须为日期，并填写补正期限（工作日数）。");
            }
            steps.Add(new CaseStep(StepKind.RequestSupplement, asked, actor, "台账记载的补正告知", Days: days));
            if (cell(SupplementReceived).Length > 0)
            {
                if (SheetColumns.Date(cell(SupplementReceived)) is not { } back)
                {
                    return (null, $"补正收到日期“{cell(SupplementReceived)}”不是日期。");
                }
                steps.Add(new CaseStep(StepKind.ReceiveSupplement, back, actor, "台账记载的补正"));
            }
        }
        if (cell(Extended).Length > 0)
        {
            if (SheetColumns.Date(cell(Extended)) is not { } extended)
            {
                return (null, $"延期日期“{cell(Extended)}”不是日期。");
            }
            var days = int.TryParse(cell(ExtensionDays), out var d) ? d : ReplyDeadline.MaxExtension(ReplyDeadline.RulesFor(received));
            // The ledger records an extension that was approved (Art. 33 ¶2): it is imported as the reviewer's.
            steps.Add(new CaseStep(StepKind.Extend, extended, actor, "台账记载的延期答复", Days: days, ByReviewer: true));
        }
        if (cell(FeeNoticed).Length > 0 || cell(FeeAmount).Length > 0)
        {
            if (SheetColumns.Date(cell(FeeNoticed)) is not { } noticed || LedgerValues.Money(cell(FeeAmount)) is not { } amount)
            {
                return (null, $"收费须有收费通知日期和收费金额（元，如 120 或 120.50；“{cell(FeeAmount)}”）。");
            }
            steps.Add(new CaseStep(StepKind.SendFeeNotice, noticed, actor, "台账记载的收费通知", Amount: amount));
            if (cell(Paid).Length > 0)
            {
                if (SheetColumns.Date(cell(Paid)) is not { } paid)
                {
                    return (null, $"缴费日期“{cell(Paid)}”不是日期。");
                }
                steps.Add(new CaseStep(StepKind.RecordPayment, paid, actor, "台账记载的缴费"));
            }
        }
        if (cell(Replied).Length > 0 || cell(Reply).Length > 0)
        {
            if (SheetColumns.Date(cell(Replied)) is not { } replied || LedgerValues.ReplyOf(cell(Reply)) is not { } reply)
            {
                return (null, $"答复须有答复日期和答复类型（“{cell(Reply)}”不是条例规定的答复类型，可选如：予以公开、部分公开、政府信息不存在）。");
            }
            var note = cell(ReplyNote) is { Length: > 0 } n ? n : $"台账记载：{reply.Label()}";
            // 逾期不补正 and 逾期未缴费 are not replies but the application deemed abandoned (Art. 30; 国办函〔2020〕109号):
            // recorded as those steps, they are checked against the period that had to run out first.
            steps.Add(reply switch
            {
                ReplyType.NoSupplement => new CaseStep(StepKind.DeemAbandonedNoSupplement, replied, actor, note),
                ReplyType.FeeUnpaid => new CaseStep(StepKind.DeemAbandonedUnpaid, replied, actor, note),
                _ => new CaseStep(StepKind.Reply, replied, actor, note, reply),
            });
        }
        var (appeal, appealProblem) = AppealOf(cell, received);
        if (appealProblem is not null)
        {
            return (null, appealProblem);
        }
        // A ledger keeps each step in its own column; the case happened in the order of their dates
        // (a fee notice may come before or after an extension), and on one day in the columns' order.
        var wanted = new Wanted(line, applicant, received, channel, [.. steps.OrderBy(s => s.Date)], appeal);
        try
        {
            Replay(wanted, calendar);
        }
        catch (Exception e) when (e is CaseStepException or CalendarGapException)
        {
            return (null, e.Message);
        }
        return (wanted, null);
    }

    /// <summary>The reconsideration or lawsuit a row records, or why it cannot be (dates as the console checks them).</summary>
    private static (Appeal? Appeal, string? Problem) AppealOf(Func<string, string> cell, DateOnly received)
    {
        if (cell(Appeal) is "" or "无" or "否" or "未提起")
        {
            return cell(AppealFiled).Length > 0 ? (null, "填写了复议/诉讼提起日期，请同时填写复议/诉讼类别（行政复议、行政诉讼或复议后诉讼）。") : (null, null);
        }
        if (LedgerValues.AppealKindOf(cell(Appeal)) is not { } kind)
        {
            return (null, $"复议/诉讼“{cell(Appeal)}”不正确，可选：行政复议、行政诉讼、复议后诉讼。");
        }
        if (SheetColumns.Date(cell(AppealFiled)) is not { } filed)
        {
            return (null, $"复议/诉讼须有提起日期（“{cell(AppealFiled)}”不是日期）。");
        }
        DateOnly? decided = null;
        AppealResult? result = null;
        if (cell(AppealDecided).Length > 0 || cell(AppealOutcome).Length > 0)
        {
            if (SheetColumns.Date(cell(AppealDecided)) is not { } d || LedgerValues.AppealResultOf(cell(AppealOutcome)) is not { } r)
            {
                return (null, $"审结的复议/诉讼须有审结日期和结果（维持、纠正或其他；“{cell(AppealOutcome)}”）。");
            }
            (decided, result) = (d, r);
        }
        var appeal = new Appeal(kind, filed, cell(AppealBody) is { Length: > 0 } body ? body[..Math.Min(body.Length, 100)] : "台账未记载", decided, result);
        return appeal.Problem(received) is { } problem ? (null, problem) : (appeal, null);
    }
}
