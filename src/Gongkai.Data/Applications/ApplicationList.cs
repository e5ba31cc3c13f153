using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Applications;

/// <summary>
/// The console's list of applications: open ones first by due date, then the answered and closed;
/// filtered to the overdue or those due within <see cref="StaffDigest.DueSoonWorkingDays"/> working
/// days (the dashboard's links) in the query itself, so that a page of it, its total and its Excel
/// all hold every application that matches — an office with 2,091 applications sees 2,091.
/// </summary>
public static class ApplicationList
{
    public const int PageSize = 100;

    public enum Filter
    {
        All,
        Overdue,
        DueSoon,
    }

    public sealed record Row(int Id, string TrackingNumber, int AgencyId, string Applicant, DateOnly Received, CaseStatus Status, DateOnly Due, bool Open, int DaysLeft)
    {
        public bool Overdue => Open && DaysLeft < 0;
        public bool DueSoon => Open && DaysLeft is >= 0 and <= StaffDigest.DueSoonWorkingDays;
    }

    /// <param name="Total">All applications that match, on every page.</param>
    public sealed record Page(int Total, int Number, int Pages, IReadOnlyList<Row> Rows);

    public static Filter ParseFilter(string? show) => show switch
    {
        "overdue" => Filter.Overdue,
        "due-soon" => Filter.DueSoon,
        _ => Filter.All,
    };

    /// <summary>One page (1-based; one past the end gives the last).</summary>
    public static async Task<Page> PageAsync(GongkaiDb db, IReadOnlyCollection<int> agencies, Filter filter, WorkingCalendar calendar, DateOnly today, int number, CancellationToken ct)
    {
        var query = Matching(db, agencies, filter, calendar, today);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        number = Math.Clamp(number, 1, pages);
        var rows = await query.Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page(total, number, pages, rows.Select(a => RowOf(a, calendar, today)).ToList());
    }

    /// <summary>Every matching application, in the list's order, read as it is written out (an Excel of any size).</summary>
    public static async IAsyncEnumerable<Row> AllAsync(GongkaiDb db, IReadOnlyCollection<int> agencies, Filter filter, WorkingCalendar calendar, DateOnly today,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var a in Matching(db, agencies, filter, calendar, today).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return RowOf(a, calendar, today);
        }
    }

    /// <summary>
    /// The last due date still “due soon” on <paramref name="today"/>: working days left are the
    /// working days from today to the due date, which grow with the date, so the due-soon ones are
    /// those from today to this day.
    /// </summary>
    public static DateOnly DueSoonUntil(WorkingCalendar calendar, DateOnly today)
    {
        var day = today;
        // Three working days lie within a fortnight even across the longest holiday (春节, 国庆: 8 days off).
        while (day < today.AddDays(31) && StaffDigest.WorkingDaysLeft(calendar, today, day.AddDays(1)) <= StaffDigest.DueSoonWorkingDays)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private static IQueryable<DisclosureApplication> Matching(GongkaiDb db, IReadOnlyCollection<int> agencies, Filter filter, WorkingCalendar calendar, DateOnly today)
    {
        var query = db.Applications.AsNoTracking().Where(a => agencies.Contains(a.AgencyId));
        var open = query.Where(a => a.Status != CaseStatus.Replied && a.Status != CaseStatus.Closed);
        var soonUntil = DueSoonUntil(calendar, today);
        query = filter switch
        {
            Filter.Overdue => open.Where(a => a.DueDate < today),
            Filter.DueSoon => open.Where(a => a.DueDate >= today && a.DueDate <= soonUntil),
            _ => query,
        };
        return query.OrderBy(a => a.Status == CaseStatus.Replied || a.Status == CaseStatus.Closed).ThenBy(a => a.DueDate).ThenBy(a => a.Id);
    }

    private static Row RowOf(DisclosureApplication a, WorkingCalendar calendar, DateOnly today)
    {
        var open = a.Status is not (CaseStatus.Replied or CaseStatus.Closed);
        return new Row(a.Id, a.TrackingNumber, a.AgencyId, a.ApplicantName, a.Received, a.Status, a.DueDate, open,
            open ? StaffDigest.WorkingDaysLeft(calendar, today, a.DueDate) : 0);
    }
}
