using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Import;

/// <summary>Who made the report, for which year and period, and when it was published, as printed.</summary>
internal sealed partial record Metadata(string? Title, string? Agency, int? Year, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? PublishedOn)
{
    private const string OrganSuffix = "(?:人民政府|政府|办事处|委员会|局|办公室|厅|委|署|院|中心|管理处)";

    [GeneratedRegex(@"(\d{4})年(?:度)?")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"自?(\d{4})年(\d{1,2})月(\d{1,2})日(?:起|始)?[，,]?(?:至|到)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")]
    private static partial Regex Period();

    [GeneratedRegex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"由(\S{2,30}?" + OrganSuffix + @")编制")]
    private static partial Regex MadeBy();

    [GeneratedRegex(@"根据(\S{2,30}?" + OrganSuffix + @")(?:政府)?信息公开工作情况编制")]
    private static partial Regex CompiledFrom();

    // 机关 without a colon is the start of many a label too (机关不再处理其政府信息公开申请): the name after it must be an organ's.
    [GeneratedRegex(@"^(?:(?:填报)?单位(?:名称)?[:：](?<name>\S{2,30})|机关(?:[:：](?<name>\S{2,30})|(?<name>\S{2,30}?" + OrganSuffix + ")))$")]
    private static partial Regex UnitName();

    [GeneratedRegex(@"^\S{2,30}?" + OrganSuffix + "$")]
    private static partial Regex OrganLine();

    /// <summary>The header a crawler or a site's print view puts above a page: 标题: …, 发布时间: …, 发布机构: ….</summary>
    [GeneratedRegex(@"^(?<field>标题|发布时间|发布日期|发布机构|发文机关|文号|栏目|原文链接|原文地址|本地目录)[:：](?<value>.*)$")]
    private static partial Regex PageField();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})")]
    private static partial Regex IsoDate();

    public static Metadata Read(SourceDocument source)
    {
        var all = source.Paragraphs.Select(p => Text.Nfkc.Collapse(p.Text)).Where(l => l.Length > 0).ToList();
        // The page's header is metadata, not part of the report.
        var page = all.Take(12).Select(l => PageField().Match(l)).Where(m => m.Success)
            .GroupBy(m => m.Groups["field"].Value).ToDictionary(g => g.Key, g => g.First().Groups["value"].Value);
        var lines = all.Where(l => !PageField().IsMatch(l)).ToList();
        // The table's cells are read only when the text does not say (they are many; the text usually does).
        var cells = source.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => Text.Nfkc.Collapse(c.Text)).Where(t => t.Length > 0);

        var titleIndex = lines.Take(4).ToList().FindIndex(l => l.Contains("报告") && l.Length <= 60);
        string? title = page.GetValueOrDefault("标题") is { Length: > 0 } pageTitle ? pageTitle : null;
        if (title is null && titleIndex >= 0)
        {
            title = lines[titleIndex];
            // A title wrapped over two lines (a PDF's centred heading): the line before it goes with it
            // — also when the wrap cuts the year from its 年 (…体育局2021 / 年度政府信息公开工作年度报告).
            if (titleIndex > 0 && !title.Contains(lines[titleIndex - 1])
                && (OrganLine().IsMatch(lines[titleIndex - 1]) || (!YearInTitle().IsMatch(title) && YearInTitle().IsMatch(lines[titleIndex - 1] + title)
                    && !lines[titleIndex - 1].EndsWith('。') && lines[titleIndex - 1].Length + title.Length <= 60)))
            {
                title = lines[titleIndex - 1] + title;
            }
        }

        var text = string.Concat(lines);
        var period = Period().Match(text);
        DateOnly? start = null, end = null;
        if (period.Success)
        {
            var y1 = Int(period.Groups[1].Value);
            start = SafeDate(y1, Int(period.Groups[2].Value), Int(period.Groups[3].Value));
            end = SafeDate(period.Groups[4].Success ? Int(period.Groups[4].Value) : y1, Int(period.Groups[5].Value), Int(period.Groups[6].Value));
        }

        int? year = null;
        if (title is not null && YearInTitle().Match(title) is { Success: true } y)
        {
            year = Int(y.Groups[1].Value);
        }
        year ??= cells.Concat(lines).Select(l => Regex.Match(l, @"(\d{4})年度")).FirstOrDefault(m => m.Success) is { } m ? Int(m.Groups[1].Value) : start?.Year;

        var dateIndex = lines.FindLastIndex(l => DateLine().IsMatch(l));
        DateOnly? published = null;
        if (dateIndex >= 0 && DateLine().Match(lines[dateIndex]) is var d)
        {
            published = SafeDate(Int(d.Groups[1].Value), Int(d.Groups[2].Value), Int(d.Groups[3].Value));
        }

        if (published is null && (page.GetValueOrDefault("发布时间") ?? page.GetValueOrDefault("发布日期")) is { } posted && IsoDate().Match(posted) is { Success: true } iso)
        {
            published = SafeDate(Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value));
        }

        var agency = MadeBy().Match(text) is { Success: true } made ? made.Groups[1].Value
            : CompiledFrom().Match(text) is { Success: true } compiled ? compiled.Groups[1].Value
            : (page.GetValueOrDefault("发布机构") ?? page.GetValueOrDefault("发文机关")) is { Length: > 1 } publisher ? publisher
            : dateIndex > 0 && OrganLine().IsMatch(lines[dateIndex - 1]) ? lines[dateIndex - 1]
            : cells.Concat(lines).Select(l => UnitName().Match(l)).FirstOrDefault(u => u.Success) is { } unit ? unit.Groups["name"].Value
            : title is not null && Regex.Match(title, @"^(.{2,30}?)\d{4}年") is { Success: true } prefix ? prefix.Groups[1].Value
            : null;
        return new Metadata(title, agency, year, start, end, published);
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly? SafeDate(int y, int m, int d) =>
        y is >= 1990 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
