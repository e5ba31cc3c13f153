using Gongkai.Data.Disclosure;
using Gongkai.Data.Search;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Demo;

/// <summary>
/// Published information of the demo towns and county: a normative document with its
/// interpretation, one repealed document, a recipients list with masked ID numbers, a
/// land-expropriation notice; and one draft whose unmasked ID number the guard stops.
/// </summary>
internal sealed class DemoItems(GongkaiDb db)
{
    private sealed record Sample(string Title, string? Number, string Category, DocumentKind Kind, int DaysAgo, string Body, bool Published = true, int? RepealedDaysAgo = null, int? Interprets = null);

    private static Sample[] Samples(string town) =>
    [
        new($"{town}农村低保审核审批实施办法", $"青{town[..1]}政发〔2025〕3号", "a20.01", DocumentKind.Normative, 300,
            $"为规范{town}农村居民最低生活保障（低保）审核审批工作，根据《社会救助暂行办法》，制定本办法。\n申请低保以家庭为单位，由户主向户籍所在地村（居）民委员会提出书面申请。\n镇人民政府自受理申请之日起 30 日内完成审核，审核结果在村务公开栏公示 7 日。"),
        new($"《{town}农村低保审核审批实施办法》政策解读", null, "a20.01", DocumentKind.None, 298,
            "一、制定背景：进一步规范低保审核审批程序。\n二、主要内容：明确申请条件、审核时限和公示要求。\n三、咨询方式：镇社会事务办，电话 0571-86040003。", Interprets: 0),
        new($"{town}村庄规划管理规定", $"青{town[..1]}政发〔2019〕8号", "a20.01", DocumentKind.Normative, 2000,
            "本规定自印发之日起施行，有效期五年。", RepealedDaysAgo: 200),
        new($"2025年第四季度{town}农村低保对象名单公示", null, "a21.t08", DocumentKind.None, 60,
            "根据审核结果，现将本季度低保对象名单公示如下：\n王某某 身份证号 3301**********1230 保障人数 2 人\n陈某某 身份证号 1101**********002X 保障人数 1 人\n公示期 7 日，如有异议请向镇社会事务办反映。"),
        new($"{town}2025年集体土地征收补偿安置方案", null, "a21.t05", DocumentKind.None, 40,
            $"根据县人民政府征地批复，{town}东村集体土地 12.5 公顷将被征收。征地补偿标准按区片综合地价执行，每亩 6.8 万元；青苗补偿按实际种植作物另行计算。\n被征地农民可在公告之日起 10 个工作日内申请听证。"),
        new($"{town}2026年1月低保资金发放情况", null, "a21.t08", DocumentKind.None, 5,
            "本月发放低保资金 12.6 万元。\n经办人：李某，联系电话 13812345678，身份证号 330102199003071230。", Published: false),
    ];

    public async Task SeedAsync(Agency agency, string town, (int Id, string Name) clerk, (int Id, string Name) reviewer, DateTime now, DateOnly today, CancellationToken ct)
    {
        var created = new List<InfoItem>();
        var agencyId = agency.Id;
        foreach (var s in Samples(town))
        {
            var written = today.AddDays(-s.DaysAgo);
            var (sequence, index) = await InfoItem.NextIndexAsync(db, agency, written.Year, ct);
            var body = string.Concat(s.Body.Split('\n').Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>"));
            var item = new InfoItem
            {
                AgencyId = agencyId, IndexNumber = index,
                Year = written.Year, Sequence = sequence, Title = s.Title, DocumentNumber = s.Number, Issuer = agency.Name, WrittenOn = written,
                PublishedOn = s.Published ? written.AddDays(2) : null, CategoryCode = s.Category, BodyHtml = body, BodyText = s.Body, DocumentKind = s.Kind,
                RepealedOn = s.RepealedDaysAgo is { } r ? today.AddDays(-r) : null, InterpretsItemId = s.Interprets is { } i ? created[i].Id : null,
                Channels = PublicationChannels.Website | (s.Kind == DocumentKind.Normative ? PublicationChannels.WeChat : PublicationChannels.None),
                Status = s.Published ? ItemStatus.Published : ItemStatus.InReview, AuthorId = clerk.Id, AuthorName = clerk.Name, CreatedUtc = now, UpdatedUtc = now,
            };
            db.InfoItems.Add(item);
            await db.SaveChangesAsync(ct);
            created.Add(item);
            db.ItemSignOffs.Add(new ItemSignOff { ItemId = item.Id, AgencyId = agencyId, Action = ItemAction.Submit, UserId = clerk.Id, UserName = clerk.Name, AtUtc = now, Opinion = "提交审查" });
            if (s.Published)
            {
                db.ItemSignOffs.Add(new ItemSignOff { ItemId = item.Id, AgencyId = agencyId, Action = ItemAction.PassReview, UserId = reviewer.Id, UserName = reviewer.Name, AtUtc = now, Opinion = "不涉及国家秘密、工作秘密和个人隐私" });
                db.ItemSignOffs.Add(new ItemSignOff { ItemId = item.Id, AgencyId = agencyId, Action = ItemAction.Approve, UserId = reviewer.Id, UserName = reviewer.Name, AtUtc = now, Opinion = "同意发布" });
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
