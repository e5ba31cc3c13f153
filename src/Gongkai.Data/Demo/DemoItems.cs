using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Demo;

/// <summary>
/// Published information of every demo agency over three years (the two before today's and this
/// one up to today): budgets, licensing results, procurement, subsistence-allowance lists with
/// masked ID numbers, a normative document with its interpretation and one repealed; the towns
/// also a land-expropriation notice and one draft whose unmasked ID number the guard stops.
/// Dates are fixed days of those years, never later than today, and every title's year is its own.
/// </summary>
internal sealed class DemoItems(GongkaiDb db)
{
    private sealed record Sample(DateOnly Written, string Title, string? Number, string Category, string Topic, DocumentKind Kind, string Body,
        bool Published = true, DateOnly? Repealed = null, int? Interprets = null);

    private static IEnumerable<Sample> Samples(string unit, string shortName, bool township, int thisYear)
    {
        var (relief, land) = township ? ("a21.t08", "a21.t05") : ("a21.c07", "a21.c04");
        for (var y = thisYear - 2; y <= thisYear; y++)
        {
            yield return new(new(y, 3, 20), $"{unit}{y}年部门预算", null, "a20.07", "财政", DocumentKind.None,
                $"根据《中华人民共和国预算法》，现将{unit}{y}年部门预算公开如下：\n一般公共预算支出 {1800 + y % 7 * 35} 万元，其中基本支出 {1200 + y % 5 * 20} 万元、项目支出 {600 + y % 7 * 15} 万元。\n“三公”经费预算 {12 + y % 3} 万元。");
            yield return new(new(y, 4, 10), $"{unit}{y}年第一季度行政许可办理结果", null, "a20.05", "综合政务", DocumentKind.None,
                $"{y}年第一季度，{unit}共受理行政许可申请 {20 + y % 9} 件，办结 {19 + y % 9} 件，均在法定期限内办结。");
            yield return new(new(y, 7, 8), $"{y}年第二季度{shortName}城乡居民最低生活保障对象名单公示", null, relief, "社会保障", DocumentKind.None,
                $"根据审核结果，现将{y}年第二季度低保对象名单公示如下：\n王某某 身份证号 3301**********1230 保障人数 2 人\n陈某某 身份证号 1101**********002X 保障人数 1 人\n公示期 7 日，如有异议请向{shortName}社会事务办反映。");
            yield return new(new(y, 10, 15), $"{unit}{y}年政府集中采购项目实施情况", null, "a20.09", "财政", DocumentKind.None,
                $"{y}年{unit}政府集中采购项目 {5 + y % 4} 个，采购金额 {260 + y % 6 * 40} 万元，均按规定公开采购结果。");
        }
        var last = thisYear - 1;
        yield return new(new(last, 3, 15), $"{shortName}农村低保审核审批实施办法", $"青{shortName[..1]}政发〔{last}〕3号", "a20.01", "社会保障", DocumentKind.Normative,
            $"为规范{shortName}农村居民最低生活保障（低保）审核审批工作，根据《社会救助暂行办法》，制定本办法。\n申请低保以家庭为单位，由户主向户籍所在地村（居）民委员会提出书面申请。\n自受理申请之日起 30 日内完成审核，审核结果在村务公开栏公示 7 日。");
        yield return new(new(last, 3, 17), $"《{shortName}农村低保审核审批实施办法》政策解读", null, "a20.01", "社会保障", DocumentKind.None,
            "一、制定背景：进一步规范低保审核审批程序。\n二、主要内容：明确申请条件、审核时限和公示要求。\n三、咨询方式：社会事务办，电话 0571-86040003。", Interprets: 4 * 3);
        yield return new(new(thisYear - 7, 5, 6), $"{shortName}村庄规划管理规定", $"青{shortName[..1]}政发〔{thisYear - 7}〕8号", "a20.01", "城乡建设", DocumentKind.Normative,
            "本规定自印发之日起施行，有效期五年。", Repealed: new(last, 6, 30));
        if (township)
        {
            yield return new(new(last, 9, 1), $"{shortName}{last}年集体土地征收补偿安置方案", null, land, "城乡建设", DocumentKind.None,
                $"根据县人民政府征地批复，{shortName}东村集体土地 12.5 公顷将被征收。征地补偿标准按区片综合地价执行，每亩 6.8 万元；青苗补偿按实际种植作物另行计算。\n被征地农民可在公告之日起 10 个工作日内申请听证。");
        }
    }

    public async Task SeedAsync(Agency agency, string shortName, (int Id, string Name) clerk, (int Id, string Name) reviewer, DateTime now, DateOnly today, CancellationToken ct)
    {
        var township = agency.Level == Domain.Agencies.AgencyLevel.Township;
        var samples = Samples(agency.Name, shortName, township, today.Year).ToList();
        if (township)
        {
            samples.Add(new(today.AddDays(-5), $"{shortName}{today.Year}年{today.Month}月低保资金发放情况", null, "a21.t08", "社会保障", DocumentKind.None,
                "本月发放低保资金 12.6 万元。\n经办人：李某，联系电话 13812345678，身份证号 330102199003071230。", Published: false));
        }
        var created = new Dictionary<int, InfoItem>();
        foreach (var (s, n) in samples.Select((s, n) => (s, n)).Where(x => x.s.Written <= today.AddDays(-3) || !x.s.Published))
        {
            var (sequence, index) = await InfoItem.NextIndexAsync(db, agency, s.Written.Year, ct);
            var body = string.Concat(s.Body.Split('\n').Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>"));
            var item = new InfoItem
            {
                AgencyId = agency.Id, IndexNumber = index, Year = s.Written.Year, Sequence = sequence, Title = s.Title, DocumentNumber = s.Number, Issuer = agency.Name,
                WrittenOn = s.Written, PublishedOn = s.Published ? s.Written.AddDays(2) : null, Topic = s.Topic, CategoryCode = s.Category,
                BodyHtml = body, BodyText = s.Body, DocumentKind = s.Kind, RepealedOn = s.Repealed,
                InterpretsItemId = s.Interprets is { } i && created.TryGetValue(i, out var original) ? original.Id : null,
                Channels = PublicationChannels.Website | (s.Kind == DocumentKind.Normative ? PublicationChannels.WeChat : PublicationChannels.None),
                Status = s.Published ? ItemStatus.Published : ItemStatus.InReview, AuthorId = clerk.Id, AuthorName = clerk.Name, CreatedUtc = now, UpdatedUtc = now,
            };
            db.InfoItems.Add(item);
            await db.SaveChangesAsync(ct);
            created[n] = item;
            db.ItemSignOffs.Add(new ItemSignOff { ItemId = item.Id, AgencyId = agency.Id, Action = ItemAction.Submit, UserId = clerk.Id, UserName = clerk.Name, AtUtc = now, Opinion = "提交审查" });
            if (s.Published)
            {
                db.ItemSignOffs.Add(new ItemSignOff { ItemId = item.Id, AgencyId = agency.Id, Action = ItemAction.PassReview, UserId = reviewer.Id, UserName = reviewer.Name, AtUtc = now, Opinion = "不涉及国家秘密、工作秘密和个人隐私" });
                db.ItemSignOffs.Add(new ItemSignOff { ItemId = item.Id, AgencyId = agency.Id, Action = ItemAction.Approve, UserId = reviewer.Id, UserName = reviewer.Name, AtUtc = now, Opinion = "同意发布" });
            }
            await db.SaveChangesAsync(ct);
            // Saved rows are not kept tracked: every save compares each tracked row with its snapshot,
            // so a seed that kept them all did work growing with the square of its rows.
            db.ChangeTracker.Clear();
        }
    }
}
