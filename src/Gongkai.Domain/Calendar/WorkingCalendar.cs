using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>What a date is on the national working calendar.</summary>
public enum DayKind
{
    WorkingDay,
    Weekend,

    /// <summary>A weekday off: a statutory holiday or a shifted rest day (放假 / 放假调休).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday worked in exchange for a holiday (调休上班).</summary>
    ShiftedWorkingDay,
}

/// <summary>
/// A date's kind and, for holidays and shifted days, the holiday it belongs to. Provisional: the
/// year's notice is not loaded, so the day is as the statute alone makes it (<see cref="StatutoryHolidays"/>).
/// </summary>
public readonly record struct CalendarDay(DateOnly Date, DayKind Kind, string? Holiday, bool Provisional = false)
{
    public bool IsWorkingDay => Kind is DayKind.WorkingDay or DayKind.ShiftedWorkingDay;
}

/// <summary>A date the lunar calendar cannot place (before 1901 or after 2100): no calendar at all, not even a provisional one.</summary>
public sealed class CalendarGapException(int year)
    : Exception($"{year} 年超出了可计算的范围（1901—2100 年），无法计算工作日。")
{
    public int Year { get; } = year;
}

/// <summary>A day the State Council's notice names: a weekday off (放假) or a weekend worked (调休上班).</summary>
public readonly record struct ScheduledDay(DateOnly Date, bool IsOffDay, string Name);

/// <summary>
/// The working-day calendar of mainland China: Monday to Friday, except the weekdays the State
/// Council's yearly notice gives off, plus the weekends it makes working days. Deadlines of the
/// Regulation (Arts. 26, 30, 32, 33, 34) and of the fee notice count these days.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, ScheduledDay> _days;
    private readonly HashSet<int> _years;

    public WorkingCalendar(IEnumerable<ScheduledDay> days, IEnumerable<int> coveredYears)
    {
        _days = days.ToDictionary(d => d.Date);
        _years = coveredYears.ToHashSet();
    }

    public IReadOnlySet<int> CoveredYears => _years;

    /// <summary>
    /// The schedules embedded with Gongkai (cn-holidays.csv, the State Council's notices). A year is
    /// covered when its notice is in: every notice sets the Spring Festival holiday, so the years are
    /// those with 春节 days; a notice's 元旦 days that fall in the December before do not cover that year.
    /// </summary>
    public static WorkingCalendar National { get; } = FromDays(ParseDays(ReadEmbedded()));

    private static WorkingCalendar FromDays(IReadOnlyList<ScheduledDay> days) =>
        new(days, days.Where(d => d.Name == "春节").Select(d => d.Date.Year));

    /// <summary>This calendar with <paramref name="year"/>'s days replaced by <paramref name="days"/> (a schedule loaded later), and the year covered.</summary>
    public WorkingCalendar WithYear(int year, IEnumerable<ScheduledDay> days) =>
        new(_days.Values.Where(d => d.Date.Year != year).Concat(days), _years.Append(year));

    /// <summary>The days a schedule sets in <paramref name="year"/> (weekdays off, weekends worked), as the CSV lists them; none for a provisional year.</summary>
    public IReadOnlyList<ScheduledDay> ScheduledDays(int year) => _days.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();

    /// <summary>Reads the CSV format of cn-holidays.csv: <c>date,is_off_day,name</c>.</summary>
    public static WorkingCalendar Parse(string csv, IEnumerable<int> coveredYears) => new(ParseDays(csv), coveredYears);

    /// <summary>The days of a schedule in the CSV format of cn-holidays.csv, each checked: only weekdays are given off, only weekends are worked.</summary>
    public static IReadOnlyList<ScheduledDay> ParseDays(string csv)
    {
        var days = new List<ScheduledDay>();
        var lines = csv.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length < 3
                || !DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !bool.TryParse(fields[1], out var off))
            {
                throw new FormatException($"第 {i + 1} 行格式不对，应为“日期,是否休息(true/false),节日名称”：{lines[i]}");
            }
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (off == weekend)
            {
                throw new FormatException($"第 {i + 1} 行：{date:yyyy-MM-dd} 是{(weekend ? "周末" : "工作日")}，只能列为{(weekend ? "调休上班（false）" : "放假（true）")}。");
            }
            days.Add(new ScheduledDay(date, off, fields[2]));
        }
        return days;
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("cn-holidays.csv")
            ?? throw new InvalidOperationException("The embedded holiday schedule is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The sentence said beside every date computed on a year without its notice: why it is 暂定 and
    /// what will change it.
    /// </summary>
    public static string ProvisionalNote(int year) =>
        $"暂定：国务院办公厅{year}年节假日安排尚未载入，{year}年的日期按《全国年节及纪念日放假办法》规定的法定节假日（含补假）计算，安排载入后将重新计算。";

    /// <summary>Whether dates of <paramref name="year"/> are provisional here: its notice is not loaded.</summary>
    public bool IsProvisional(int year) => !_years.Contains(year);

    /// <summary>Whether a due date is provisional: some day counted towards it lies in a year without its notice.</summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            if (IsProvisional(year))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Dictionary<DateOnly, ScheduledDay>> Statutory = new();

    public CalendarDay Describe(DateOnly date)
    {
        if (!_years.Contains(date.Year))
        {
            // A year without its notice is never a gap: the statute's own days (Art. 33's periods must run).
            if (date.Year is < 1901 or > 2100)
            {
                throw new CalendarGapException(date.Year);
            }
            var statutory = Statutory.GetOrAdd(date.Year, y => StatutoryHolidays.OffDays(y).ToDictionary(d => d.Date));
            return statutory.TryGetValue(date, out var off)
                ? new CalendarDay(date, DayKind.Holiday, off.Name, true)
                : new CalendarDay(date, IsWeekend(date) ? DayKind.Weekend : DayKind.WorkingDay, null, true);
        }
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (_days.TryGetValue(date, out var scheduled))
        {
            return new CalendarDay(date, scheduled.IsOffDay ? DayKind.Holiday : DayKind.ShiftedWorkingDay, scheduled.Name);
        }
        return new CalendarDay(date, weekend ? DayKind.Weekend : DayKind.WorkingDay, null);
    }

    public bool IsWorkingDay(DateOnly date) => Describe(date).IsWorkingDay;

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// The date that is the <paramref name="days"/>-th working day after <paramref name="start"/>:
    /// the start day itself is not counted (day 1 is the next working day), as procedural periods
    /// are counted in Chinese practice.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }
}
