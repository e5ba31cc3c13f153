namespace Gongkai.Domain.Disclosure;

/// <summary>A heading of the 法定主动公开内容 catalog: an item of Art. 20, or an area Art. 21 adds for a level.</summary>
public sealed record DisclosureCategory(string Code, string Label, string Basis);

/// <summary>
/// The catalog's headings. Art. 20's fifteen items apply to every organ; Art. 21 adds areas for
/// city and county governments and their departments, and for towns. The codes are stable; the
/// annual report's 第二十条 table refers to items （一）（五）（六）（八）（九）.
/// </summary>
public static class Categories
{
    public static IReadOnlyList<DisclosureCategory> Article20 { get; } =
    [
        new("a20.01", "行政法规、规章和规范性文件", "第二十条第（一）项"),
        new("a20.02", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "第二十条第（二）项"),
        new("a20.03", "国民经济和社会发展规划、专项规划、区域规划及相关政策", "第二十条第（三）项"),
        new("a20.04", "国民经济和社会发展统计信息", "第二十条第（四）项"),
        new("a20.05", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", "第二十条第（五）项"),
        new("a20.06", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定", "第二十条第（六）项"),
        new("a20.07", "财政预算、决算信息", "第二十条第（七）项"),
        new("a20.08", "行政事业性收费项目及其依据、标准", "第二十条第（八）项"),
        new("a20.09", "政府集中采购项目的目录、标准及实施情况", "第二十条第（九）项"),
        new("a20.10", "重大建设项目的批准和实施情况", "第二十条第（十）项"),
        new("a20.11", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", "第二十条第（十一）项"),
        new("a20.12", "突发公共事件的应急预案、预警信息及应对情况", "第二十条第（十二）项"),
        new("a20.13", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", "第二十条第（十三）项"),
        new("a20.14", "公务员招考的职位、名额、报考条件等事项以及录用结果", "第二十条第（十四）项"),
        new("a20.15", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", "第二十条第（十五）项"),
    ];

    public static IReadOnlyList<DisclosureCategory> Article21County { get; } =
        new[] { "市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助" }
            .Select((label, i) => new DisclosureCategory($"a21.c{i + 1:D2}", label, "第二十一条（设区的市级、县级人民政府及其部门）")).ToList();

    public static IReadOnlyList<DisclosureCategory> Article21Township { get; } =
        new[] { "贯彻落实农业农村政策", "农田水利工程建设运营", "农村土地承包经营权流转", "宅基地使用情况审核", "土地征收", "房屋征收", "筹资筹劳", "社会救助" }
            .Select((label, i) => new DisclosureCategory($"a21.t{i + 1:D2}", label, "第二十一条（乡、镇人民政府）")).ToList();

    public static IReadOnlyList<DisclosureCategory> All { get; } = [.. Article20, .. Article21County, .. Article21Township];

    /// <summary>The headings an agency's catalog offers: Art. 20 for all, plus its level's Art. 21 areas.</summary>
    public static IReadOnlyList<DisclosureCategory> For(bool township) => [.. Article20, .. township ? Article21Township : Article21County];

    public static DisclosureCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
