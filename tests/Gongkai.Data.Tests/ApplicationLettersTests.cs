using Gongkai.Data.Applications;
using Gongkai.Data.Calendar;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Mail;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Notifications;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>
/// The letters of an application, made from the records and opened with the OpenXml SDK: each
/// procedural letter and the 36(一)/36(五) replies carry what their article requires, and the
/// applicant's mails carry the letters.
/// </summary>
public sealed class ApplicationLettersTests
{
    private const string Site = "https://gk.example.cn";
    private static readonly DateTime Now = new(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;

    private static readonly Applicant Person = new(ApplicantKind.NaturalPerson, "张三", "11010519491231002X", "13812345678", "zhangsan@example.cn", null, "道路建设项目招标文件", "电子邮件");

    private sealed record Setup(TestDatabase Database, GongkaiDb Db, int AgencyId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    /// <summary>A fresh SQLite database with one agency, whose saves write the applicant's mails as the site's do.</summary>
    private static async Task<Setup> StartAsync()
    {
        var database = await Contexts.MigratedDatabaseAsync("sqlite");
        var options = GongkaiServices.UseProvider(new DbContextOptionsBuilder<GongkaiDb>(), database.Settings).Options;
        var db = new GongkaiDb((DbContextOptions<GongkaiDb>)options, new Audit.AuditActor(), TimeProvider.System, Contexts.Cipher, new Notices(new WorkingCalendars(), Site));
        var agency = Contexts.Agency("bsz", "白沙镇人民政府");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return new Setup(database, db, agency.Id);
    }

    private static async Task<DisclosureApplication> RegisterAsync(Setup setup, DateOnly received, Channel channel)
    {
        var registered = await ApplicationRecords.RegisterAsync(setup.Db, Person, setup.AgencyId, received, channel, Calendar, received, Now, null, default);
        Assert.True(registered.IsDone);
        return registered.Value.Application;
    }

    private static async Task StepAsync(Setup setup, DisclosureApplication application, CaseStep step)
    {
        var (domain, _) = await ApplicationRecords.LoadAsync(setup.Db, application, Calendar, default);
        var outcome = await ApplicationRecords.RecordStepAsync(setup.Db, application, domain, step, application.Version, Calendar, null, Now, null, default);
        Assert.True(outcome.IsDone, string.Join(" ", outcome.Problems.Select(p => p.Message)));
    }

    private static string Text(byte[] docx) => DocxText.Of(docx);

    private static async Task<string> LetterAsync(Setup setup, DisclosureApplication application, ProceduralLetter letter)
    {
        var steps = await setup.Db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == application.Id).OrderBy(s => s.Id).ToListAsync();
        var step = ApplicationLetters.Available(application, steps).Single(l => l.Letter == letter).Step;
        return Text(await ApplicationLetters.ProceduralAsync(setup.Db, application, letter, step, Calendar, Site, default));
    }

    [Fact]
    public async Task EachProceduralLetter_CarriesWhatItsArticleRequires_AndTheMailsCarryTheLetters()
    {
        await using var setup = await StartAsync();
        var received = new DateOnly(2026, 11, 2);
        var application = await RegisterAsync(setup, received, Channel.InPerson);

        // 受理回执 (Art. 31, 33): the day received and why, the due date, the tracking number and where to follow it.
        var receipt = await LetterAsync(setup, application, ProceduralLetter.Receipt);
        Assert.Contains("政府信息公开申请受理回执", receipt);
        Assert.Contains(ReportHtml.Date(received), receipt);
        Assert.Contains(ReportHtml.Date(Calendar.AddWorkingDays(received, 20)), receipt);
        Assert.Contains(application.TrackingNumber, receipt);
        Assert.Contains(ReceiptRules.For(Channel.InPerson), receipt);
        Assert.Contains("20 个工作日内予以答复", receipt);
        Assert.Contains($"{Site}/track?number=", receipt);

        // 补正告知书 (Art. 30): exactly what to add, by when, the restart, what silence means.
        await StepAsync(setup, application, new CaseStep(StepKind.RequestSupplement, new DateOnly(2026, 11, 4), "clerk", "请写明招标文件所属项目的名称和年份。", Days: 10));
        var supplement = await LetterAsync(setup, application, ProceduralLetter.SupplementNotice);
        Assert.Contains("请写明招标文件所属项目的名称和年份", supplement);
        Assert.Contains(ReportHtml.Date(Calendar.AddWorkingDays(new DateOnly(2026, 11, 4), 10)), supplement);
        Assert.Contains("10个工作日内", supplement);
        Assert.Contains("收到补正的申请之日起重新计算", supplement);
        Assert.Contains("视为放弃申请", supplement);

        // 第三方意见征询函 (Art. 32): to the third party, what is asked, 15 working days, silence; not the applicant's name.
        await StepAsync(setup, application, new CaseStep(StepKind.ReceiveSupplement, new DateOnly(2026, 11, 10), "clerk", "已补正"));
        await StepAsync(setup, application, new CaseStep(StepKind.StartConsultation, new DateOnly(2026, 11, 12), "clerk", "是否同意公开投标文件中的报价部分", Party: "某建设有限公司"));
        var consultation = await LetterAsync(setup, application, ProceduralLetter.ConsultationLetter);
        Assert.StartsWith("政府信息公开第三方意见征询函", consultation);
        Assert.Contains("某建设有限公司：", consultation);
        Assert.Contains("是否同意公开投标文件中的报价部分", consultation);
        Assert.Contains("15 个工作日内书面提出意见", consultation);
        Assert.Contains("逾期未提出意见的", consultation);
        Assert.DoesNotContain("张三", consultation);

        // 延期答复告知书 (Art. 33 ¶2): the reason, the approval, the days and the new due date.
        await StepAsync(setup, application, new CaseStep(StepKind.EndConsultation, new DateOnly(2026, 11, 25), "clerk", "第三方同意公开"));
        await StepAsync(setup, application, new CaseStep(StepKind.Extend, new DateOnly(2026, 11, 30), "head", "需要调取已归档的招标档案", Days: 15, ByReviewer: true));
        var extension = await LetterAsync(setup, application, ProceduralLetter.ExtensionNotice);
        var due = (await setup.Db.Applications.AsNoTracking().SingleAsync()).DueDate;
        Assert.Contains("因需要调取已归档的招标档案", extension);
        Assert.Contains("延长15个工作日", extension);
        Assert.Contains(ReportHtml.Date(due), extension);
        Assert.Contains("工作机构负责人同意", extension);
        Assert.Contains("最长不超过 20 个工作日", extension);

        // The applicant's mails: the receipt, the supplement notice and the extension notice attached.
        var mails = await setup.Db.Outbox.AsNoTracking().Where(m => m.ApplicationId == application.Id).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([MessageKind.Receipt, MessageKind.SupplementRequested, MessageKind.Extended], mails.Select(m => m.Kind));
        Assert.Equal([$"受理回执-{application.TrackingNumber}.docx", $"补正告知书-{application.TrackingNumber}.docx", $"延期答复告知书-{application.TrackingNumber}.docx"],
            mails.Select(m => m.AttachmentName));
        Assert.Contains("请写明招标文件所属项目的名称和年份", Text(mails[1].Attachment!));
        Assert.Contains(ReportHtml.Date(due), Text(mails[2].Attachment!));
    }

    [Fact]
    public async Task Receipt_OnlyForPaperChannels_AndProvisionalWhenTheDueDateNeedsAYearWithoutItsNotice()
    {
        await using var setup = await StartAsync();
        var online = await RegisterAsync(setup, new DateOnly(2026, 11, 2), Channel.Online);
        Assert.DoesNotContain(ApplicationLetters.Available(online, []), l => l.Letter == ProceduralLetter.Receipt);
        Assert.Null((await setup.Db.Outbox.AsNoTracking().SingleAsync(m => m.ApplicationId == online.Id)).AttachmentName);

        // Received 2026-12-20: the due date runs into 2027, whose notice the shipped calendar lacks.
        var post = await RegisterAsync(setup, new DateOnly(2026, 12, 20), Channel.Post);
        var receipt = await LetterAsync(setup, post, ProceduralLetter.Receipt);
        Assert.Contains("2027年1月18日", receipt);
        Assert.Contains(WorkingCalendar.ProvisionalNote(2027), receipt);
        Assert.Contains(ReceiptRules.For(Channel.Post), receipt);
    }

    [Fact]
    public async Task AConsultation_NeedsItsAddressee_AndAnAgencyTemplateCannotDropARequiredElement()
    {
        await using var setup = await StartAsync();
        var application = await RegisterAsync(setup, new DateOnly(2026, 11, 2), Channel.InPerson);
        var (domain, _) = await ApplicationRecords.LoadAsync(setup.Db, application, Calendar, default);
        var nameless = await ApplicationRecords.RecordStepAsync(setup.Db, application, domain,
            new CaseStep(StepKind.StartConsultation, new DateOnly(2026, 11, 3), "clerk", "是否同意公开", Party: "  "), application.Version, Calendar, null, Now, null, default);
        Assert.Equal(OutcomeKind.Refused, nameless.Kind);
        Assert.Contains("征求意见的对象", nameless.Problems[0].Message);

        var dropped = await LetterTemplates.SaveAsync(setup.Db, setup.AgencyId, new Dictionary<ReplyType, string?>(),
            new Dictionary<ProceduralLetter, string?> { [ProceduralLetter.SupplementNotice] = "{申请人}：\n请补正。" }, Now, default);
        Assert.Equal(("Procedural[SupplementNotice]", "此类告知书必须包含：{补正内容}、{补正期限}。"), (dropped.Problems[0].Field, dropped.Problems[0].Message));

        var own = await LetterTemplates.SaveAsync(setup.Db, setup.AgencyId, new Dictionary<ReplyType, string?>(),
            new Dictionary<ProceduralLetter, string?> { [ProceduralLetter.SupplementNotice] = "{申请人}：\n白沙镇请您补正：{补正内容}。期限：{补正期限}。" }, Now, default);
        Assert.True(own.IsDone);
        await StepAsync(setup, application, new CaseStep(StepKind.RequestSupplement, new DateOnly(2026, 11, 4), "clerk", "写明年份", Days: 5));
        var letter = await LetterAsync(setup, application, ProceduralLetter.SupplementNotice);
        Assert.Contains("白沙镇请您补正：写明年份。", letter);
        // The statutory closing is not the template's to drop.
        Assert.Contains("收到补正的申请之日起重新计算", letter);
    }

    [Fact]
    public async Task AnAlreadyPublicReply_NamesTheChosenItem_AndANotThisOrganReply_NamesTheResponsibleOrgan()
    {
        await using var setup = await StartAsync();
        var item = new InfoItem
        {
            AgencyId = setup.AgencyId, IndexNumber = "QX-BSZ-2025-0003", Year = 2025, Sequence = 3, Title = "白沙镇2025年度财政预算", Issuer = "白沙镇人民政府",
            WrittenOn = new DateOnly(2025, 1, 20), PublishedOn = new DateOnly(2025, 1, 25), CategoryCode = "a21.t05", BodyHtml = "<p>预算</p>", BodyText = "预算",
            Status = ItemStatus.Published, AuthorId = 1, AuthorName = "clerk", CreatedUtc = Now, UpdatedUtc = Now,
        };
        setup.Db.InfoItems.Add(item);
        await setup.Db.SaveChangesAsync();

        var first = await RegisterAsync(setup, new DateOnly(2026, 11, 2), Channel.InPerson);
        var (domain, _) = await ApplicationRecords.LoadAsync(setup.Db, first, Calendar, default);
        var unknown = await ApplicationRecords.RecordStepAsync(setup.Db, first, domain,
            new CaseStep(StepKind.Reply, new DateOnly(2026, 11, 10), "clerk", "已公开", ReplyType.AlreadyPublic, ItemIndex: "QX-BSZ-2025-9999"), first.Version, Calendar, null, Now, null, default);
        Assert.Equal((OutcomeKind.Refused, "ItemIndex"), (unknown.Kind, unknown.Problems[0].Field));

        await StepAsync(setup, first, new CaseStep(StepKind.Reply, new DateOnly(2026, 11, 10), "clerk", "见财政预决算栏目", ReplyType.AlreadyPublic, ItemIndex: " QX-BSZ-2025-0003 "));
        var already = Text(await ApplicationLetters.ReplyAsync(setup.Db, first, (ReplyType.AlreadyPublic, new DateOnly(2026, 11, 10)), Site, default));
        Assert.Contains("《白沙镇2025年度财政预算》", already);
        Assert.Contains("索引号：QX-BSZ-2025-0003", already);
        Assert.Contains($"{Site}/agency/bsz/items/{item.Id}", already);

        var second = await RegisterAsync(setup, new DateOnly(2026, 11, 3), Channel.InPerson);
        await StepAsync(setup, second, new CaseStep(StepKind.Reply, new DateOnly(2026, 11, 10), "clerk", "该信息由县自然资源局制作", ReplyType.NotThisOrgan,
            Party: "某县自然资源局", PartyContact: "0571-7654321", ItemIndex: "ignored"));
        Assert.Null((await setup.Db.ApplicationSteps.AsNoTracking().SingleAsync(s => s.ApplicationId == second.Id)).ItemIndex);
        var redirect = Text(await ApplicationLetters.ReplyAsync(setup.Db, second, (ReplyType.NotThisOrgan, new DateOnly(2026, 11, 10)), Site, default));
        Assert.Contains("负责公开该政府信息的行政机关为某县自然资源局（联系方式：0571-7654321）", redirect);
        Assert.Contains("该信息由县自然资源局制作", redirect);
    }

    public static TheoryData<ReplyType> ReplyTypes => new(Enum.GetValues<ReplyType>());

    [Theory]
    [MemberData(nameof(ReplyTypes))]
    public async Task EveryReplyTypesLetter_CarriesTheDecisionItsBasisTheReasonsAndTheRemedies(ReplyType type)
    {
        await using var setup = await StartAsync();
        var received = new DateOnly(2026, 11, 2);
        var application = await RegisterAsync(setup, received, Channel.InPerson);
        const string reason = "经核查，该信息涉及的事项已于2025年办结";
        var answered = type switch
        {
            ReplyType.NoSupplement => new DateOnly(2026, 11, 20),
            ReplyType.FeeUnpaid => new DateOnly(2026, 12, 4),
            _ => new DateOnly(2026, 11, 16),
        };
        switch (type)
        {
            case ReplyType.NoSupplement:
                await StepAsync(setup, application, new CaseStep(StepKind.RequestSupplement, new DateOnly(2026, 11, 3), "clerk", "写明年份", Days: 5));
                await StepAsync(setup, application, new CaseStep(StepKind.DeemAbandonedNoSupplement, answered, "clerk", reason));
                break;
            case ReplyType.FeeUnpaid:
                await StepAsync(setup, application, new CaseStep(StepKind.SendFeeNotice, new DateOnly(2026, 11, 3), "clerk", "按件计收", Amount: 100));
                await StepAsync(setup, application, new CaseStep(StepKind.DeemAbandonedUnpaid, answered, "clerk", reason));
                break;
            default:
                if (type == ReplyType.UnclearAfterSupplement)
                {
                    await StepAsync(setup, application, new CaseStep(StepKind.RequestSupplement, new DateOnly(2026, 11, 3), "clerk", "写明年份", Days: 5));
                    await StepAsync(setup, application, new CaseStep(StepKind.ReceiveSupplement, new DateOnly(2026, 11, 5), "clerk", "已补正"));
                }
                await StepAsync(setup, application, new CaseStep(StepKind.Reply, answered, "clerk", reason, type, Party: "某县自然资源局", PartyContact: "0571-7654321"));
                break;
        }
        var text = Text(await ApplicationLetters.ReplyAsync(setup.Db, application, (type, answered), Site, default));

        Assert.StartsWith(ReplyLetters.Title(type), text);
        Assert.Contains("张三：", text);
        Assert.Contains(ReportHtml.Date(received), text);
        // The decision and its legal basis: the article the default cites.
        var basis = System.Text.RegularExpressions.Regex.Match(ReplyLetters.DefaultBody(type), "第[一二三四五六七八九十]+条(第（[一二三四五六七]）项|第[一二]款)?|国办函〔2020〕109号").Value;
        Assert.True(basis.Length > 0 || type == ReplyType.Confirmation, $"{type} cites no basis");
        Assert.Contains(basis, text);
        if (ReplyLetters.Required(type).Contains("理由"))
        {
            Assert.Contains(reason, text);
        }
        if (ReplyLetters.Required(type).Contains("获取方式"))
        {
            Assert.Contains("电子邮件", text);
        }
        if (type == ReplyType.NotThisOrgan)
        {
            Assert.Contains("某县自然资源局（联系方式：0571-7654321）", text);
        }
        if (type == ReplyType.AlreadyPublic)
        {
            Assert.Contains($"{reason}（本机关政府信息公开专栏：{Site}/agency/bsz）", text);
        }
        // The remedies: 60 days' reconsideration, 6 months' litigation, the bodies named.
        Assert.Contains("六十日内向上一级人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）", text);
        Assert.Contains("六个月内向白沙镇人民政府所在地有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）", text);
        Assert.EndsWith(ReportHtml.Date(answered), text);
    }
}
