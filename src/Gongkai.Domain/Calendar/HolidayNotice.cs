using Gongkai.Domain.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// What was read from a pasted schedule: the year's days as the CSV lists them, what was set aside
/// and why, and the statutory holidays it lacks (<see cref="HolidayNotice.MissingStatutory"/>) —
/// a schedule lacking one is not loaded.
/// </summary>
public sealed record NoticeReading(IReadOnlyList<ScheduledDay> Days, IReadOnlyList<string> Notes, IReadOnlyList<string> Missing)
{
    public bool Complete => Missing.Count == 0;
}

/// <summary>
/// Reads a year's holiday schedule as a clerk has it: the State Council's notice pasted as it is
/// published (“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。”), lines of
/// dates (“2027-02-06 上班 春节”), or the CSV of cn-holidays.csv. The result is what the CSV keeps:
/// weekdays off and weekends worked, each named by its holiday; weekend days inside a holiday are
/// off anyway and not listed. Bounded: at most <see cref="MaxLength"/> characters are read.
/// </summary>
public static class HolidayNotice
{
    public const int MaxLength = 20_000;

    public const string CsvHeader = "date,is_off_day,name";

    // A section of the notice: “一、元旦：” … up to the next section.
    private static readonly Regex Section = new(@"[一二三四五六七八九十]{1,2}、(?<name>[^：:，。\n]{1,20})[：:](?<body>[^\n]*?)(?=(?:\s*[一二三四五六七八九十]{1,2}、[^：:，。\n]{1,20}[：:])|\n|$)",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A date in a sentence: the year and the month may be left out (“至3日”, “、30日”), taken from the date before.
    private static readonly Regex DatePart = new(@"(?:(?<y>\d{4})年)?(?:(?<m>\d{1,2})月)?(?<d>\d{1,2})日", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A line of dates: “2027-02-06 上班 春节” or “2027-01-01，放假，元旦”.
    private static readonly Regex DateLine = new(@"^\s*(?<date>\d{4}-\d{1,2}-\d{1,2})[\s,，、]+(?<kind>放假|休息|休|上班|班|true|false)(?:[\s,，、]+(?<name>\S.*?))?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>Reads <paramref name="text"/> as <paramref name="year"/>'s schedule; refused (<see cref="FormatException"/>, in Chinese) when nothing can be read.</summary>
    public static NoticeReading Read(int year, string text)
    {
        if (text.Length > MaxLength)
        {
            throw new FormatException($"粘贴的内容不超过 {MaxLength} 个字。");
        }
        text = text.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        if (text.StartsWith("date,", StringComparison.OrdinalIgnoreCase))
        {
            return Checked(year, WorkingCalendar.ParseDays(text).Select(d => (d.Date, d.Name, d.IsOffDay)));
        }
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > 0 && lines.All(l => DateLine.IsMatch(l)))
        {
            return Checked(year, lines.Select(l => DateLine.Match(l)).Select(m => (
                ParseIso(m.Groups["date"].Value),
                m.Groups["name"].Success ? m.Groups["name"].Value : "",
                m.Groups["kind"].Value.ToLowerInvariant() is "放假" or "休息" or "休" or "true")));
        }
        return Checked(year, FromNotice(year, text));
    }

    /// <summary>The notice's sections: in each, the sentence with 放假 gives a range off, the one with 上班 the weekends worked.</summary>
    private static IEnumerable<(DateOnly Date, string Name, bool Off)> FromNotice(int year, string text)
    {
        foreach (Match section in Section.Matches(text))
        {
            var name = section.Groups["name"].Value.Trim();
            foreach (var sentence in section.Groups["body"].Value.Split(['。', '；', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                var dates = Dates(year, sentence).ToList();
                if (sentence.Contains("放假", StringComparison.Ordinal) && dates.Count > 0)
                {
                    // “1月1日至3日放假” is a range; “1月1日放假1天” one day.
                    var last = sentence.Contains('至') && dates.Count > 1 ? dates[1] : dates[0];
                    for (var day = dates[0]; day <= last; day = day.AddDays(1))
                    {
                        yield return (day, name, true);
                    }
                }
                else if (sentence.Contains("上班", StringComparison.Ordinal))
                {
                    foreach (var day in dates)
                    {
                        yield return (day, name, false);
                    }
                }
            }
        }
    }

    private static IEnumerable<DateOnly> Dates(int year, string sentence)
    {
        var (y, m) = (year, 0);
        foreach (Match match in DatePart.Matches(sentence))
        {
            y = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : y;
            m = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : m;
            var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (m is >= 1 and <= 12 && y is >= 1901 and <= 2100 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            {
                yield return new DateOnly(y, m, d);
            }
        }
    }

    private static DateOnly ParseIso(string text)
    {
        var parts = text.Split('-');
        var (y, m, d) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            throw new FormatException($"没有这一天：{text}");
        }
        return new DateOnly(y, m, d);
    }

    /// <summary>
    /// Keeps what the CSV keeps (weekdays off, weekends worked, of <paramref name="year"/>) and says
    /// what it set aside: other years' days, weekends inside a holiday, a weekday “上班”; and any
    /// weekday the statute gives off (《全国年节及纪念日放假办法》) that the schedule does not.
    /// </summary>
    private static NoticeReading Checked(int year, IEnumerable<(DateOnly Date, string Name, bool Off)> read)
    {
        var notes = new List<string>();
        var days = new SortedDictionary<DateOnly, ScheduledDay>();
        var seen = new Dictionary<DateOnly, bool>();
        foreach (var (date, name, off) in read)
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (seen.TryGetValue(date, out var before) && before != off)
            {
                throw new FormatException($"{date:yyyy-MM-dd} 既列为放假又列为上班，请核对。");
            }
            seen[date] = off;
            if (date.Year != year)
            {
                notes.Add($"{date:yyyy-MM-dd} 不在 {year} 年，已略过（它属于 {date.Year} 年的安排）。");
            }
            else if (off == weekend)
            {
                if (!off)
                {
                    notes.Add($"{date:yyyy-MM-dd} 是工作日，本来就上班，已略过。");
                }
            }
            else if (!days.ContainsKey(date))
            {
                days[date] = new ScheduledDay(date, off, string.IsNullOrWhiteSpace(name) ? "节假日" : name.Trim());
            }
        }
        if (days.Count == 0)
        {
            throw new FormatException($"没有读出 {year} 年的任何放假或调休上班日期。请粘贴国务院办公厅通知的正文，或逐行填写“日期 放假/上班 节日名称”。");
        }
        var list = days.Values.ToList();
        return new NoticeReading(list, notes, MissingStatutory(year, list));
    }

    /// <summary>
    /// Policy <c>ASchedule_KeepsEveryStatutoryHoliday</c>: a notice moves weekends around the
    /// holidays 《全国年节及纪念日放假办法》 gives, never takes one away (every shipped notice,
    /// 2008–2026, keeps them all — StatutoryHolidaysTests). A schedule in which a statutory weekday
    /// holiday is a working day is a partial or mistyped one, and is not loaded as official.
    /// </summary>
    public static IReadOnlyList<string> MissingStatutory(int year, IEnumerable<ScheduledDay> days)
    {
        if (year < 2008)
        {
            return [];
        }
        var off = days.Where(d => d.IsOffDay).Select(d => d.Date).ToHashSet();
        return StatutoryHolidays.Days(year)
            .Where(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !off.Contains(d.Date))
            .Select(d => $"{d.Date:yyyy-MM-dd}（{d.Name}）是法定节假日，安排中却不是休息日。")
            .ToList();
    }

    /// <summary>The days in the CSV format of cn-holidays.csv, as stored.</summary>
    public static string ToCsv(IEnumerable<ScheduledDay> days)
    {
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var day in days.OrderBy(d => d.Date))
        {
            // The name is pasted text: written as the one CSV writer writes text (no comma, nothing a spreadsheet would run).
            csv.Append(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd},{(day.IsOffDay ? "true" : "false")},{Csv.Inert(day.Name.Replace(',', '，'))}\n");
        }
        return csv.ToString();
    }

    /// <summary>
    /// A template to fill in for <paramref name="year"/>: the statutory weekdays off with their 补假
    /// (<see cref="StatutoryHolidays.OffDays"/>), to be corrected to the notice and completed with
    /// its bridging days and weekends worked.
    /// </summary>
    public static string Template(int year) => ToCsv(StatutoryHolidays.OffDays(year));
}
