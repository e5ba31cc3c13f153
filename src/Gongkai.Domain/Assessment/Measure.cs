namespace Gongkai.Domain.Assessment;

/// <summary>
/// What the records can compute for an indicator of the 政务公开考评 (<see cref="IndicatorSet"/>).
/// An indicator names one; an indicator set asking for anything else is refused, because the
/// platform would have to invent its score.
/// </summary>
public enum Measure
{
    /// <summary>公开指南 changed within the indicator's months before the day assessed (Art. 12: the guide is kept up to date).</summary>
    GuideCurrent,
    /// <summary>The guide's Art. 12 elements present (分类、编排体系、获取方式、工作机构的名称、地址、办公时间、电话、传真、互联网联系方式).</summary>
    GuideElements,
    /// <summary>Art. 20 categories applying to the agency's kind with an item published in the year.</summary>
    CategoriesCovered,
    /// <summary>Items published in the year within Art. 26's 20 working days of 成文日期.</summary>
    TimelyPublication,
    /// <summary>规章 and 规范性文件 published in the year with a 政策解读 linked to them.</summary>
    NormativeInterpreted,
    /// <summary>Applications answered (or due) in the year answered within Art. 33's period (extensions counted).</summary>
    RepliesOnTime,
    /// <summary>Replies of the year whose record holds every element Art. 36 asks of its kind of reply.</summary>
    ReplyLettersComplete,
    /// <summary>Reconsiderations and lawsuits decided in the year that did not correct the agency.</summary>
    AppealsNotCorrected,
    /// <summary>The year's annual report published by Art. 49's date.</summary>
    ReportOnTime,
    /// <summary>The year's published annual report passing every check of its format.</summary>
    ReportPassesChecks,
    /// <summary>The year's published annual report's figures equal to what the records give.</summary>
    ReportMatchesRecords,
}

public static class Measures
{
    /// <summary>The measure's name in an indicator set's data file.</summary>
    public static string Code(this Measure measure) => measure switch
    {
        Measure.GuideCurrent => "guide-current",
        Measure.GuideElements => "guide-elements",
        Measure.CategoriesCovered => "categories-covered",
        Measure.TimelyPublication => "timely-publication",
        Measure.NormativeInterpreted => "normative-interpreted",
        Measure.RepliesOnTime => "replies-on-time",
        Measure.ReplyLettersComplete => "reply-letters-complete",
        Measure.AppealsNotCorrected => "appeals-not-corrected",
        Measure.ReportOnTime => "report-on-time",
        Measure.ReportPassesChecks => "report-passes-checks",
        Measure.ReportMatchesRecords => "report-matches-records",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    public static Measure? FromCode(string? code) => Enum.GetValues<Measure>().Cast<Measure?>().FirstOrDefault(m => m!.Value.Code() == code);

    /// <summary>How the records compute it, as the assessment page and the editor say.</summary>
    public static string Label(this Measure measure) => measure switch
    {
        Measure.GuideCurrent => "公开指南在规定月数内更新（是/否）",
        Measure.GuideElements => "公开指南第十二条要素齐全的比例",
        Measure.CategoriesCovered => "适用的第二十条类别当年有公开信息的比例",
        Measure.TimelyPublication => "当年公开的信息在形成后20个工作日内公开的比例",
        Measure.NormativeInterpreted => "当年公开的规章、规范性文件有政策解读的比例",
        Measure.RepliesOnTime => "当年答复或到期的申请按期答复的比例",
        Measure.ReplyLettersComplete => "当年答复具备第三十六条要素的比例",
        Measure.AppealsNotCorrected => "当年审结的复议、诉讼未被纠错的比例",
        Measure.ReportOnTime => "年度报告在第四十九条规定日期前发布（是/否）",
        Measure.ReportPassesChecks => "已发布的年度报告通过全部校验（是/否）",
        Measure.ReportMatchesRecords => "已发布的年度报告数据与办理记录一致（是/否）",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}
