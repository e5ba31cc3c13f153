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

    [GeneratedRegex(@"^(?:填报)?单位(?:名称)?[:：](\S{2,30})$")]
    private static partial Regex UnitName();

    [GeneratedRegex(@"^\S{2,30}?" + OrganSuffix + "$")]
    private static partial Regex OrganLine();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Spaces();

    // NFKC first: a full-width ２０１７ is still a year.
    private static string Collapse(string s) => Spaces().Replace(s.Normalize(System.Text.NormalizationForm.FormKC), "");

    public static Metadata Read(SourceDocument source)
    {
        var lines = source.Paragraphs.Select(p => Collapse(p.Text)).Where(l => l.Length > 0).ToList();
        var cells = source.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => Collapse(c.Text)).Where(t => t.Length > 0).ToList();

        var titleIndex = lines.Take(4).ToList().FindIndex(l => l.Contains("报告") && l.Length <= 60);
        string? title = null;
        if (titleIndex >= 0)
        {
            title = lines[titleIndex];
            if (titleIndex > 0 && OrganLine().IsMatch(lines[titleIndex - 1]) && !title.Contains(lines[titleIndex - 1]))
            {
                title = lines[titleIndex - 1] + title;
            }
        }

        var all = string.Concat(lines);
        var period = Period().Match(all);
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

        var agency = MadeBy().Match(all) is { Success: true } made ? made.Groups[1].Value
            : CompiledFrom().Match(all) is { Success: true } compiled ? compiled.Groups[1].Value
            : dateIndex > 0 && OrganLine().IsMatch(lines[dateIndex - 1]) ? lines[dateIndex - 1]
            : cells.Concat(lines).Select(l => UnitName().Match(l)).FirstOrDefault(u => u.Success) is { } unit ? unit.Groups[1].Value
            : title is not null && Regex.Match(title, @"^(.{2,30}?)\d{4}年") is { Success: true } prefix ? prefix.Groups[1].Value
            : null;
        return new Metadata(title, agency, year, start, end, published);
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly? SafeDate(int y, int m, int d) =>
        y is >= 1990 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
