namespace Gongkai.Data.Calendar;

/// <summary>
/// A year's holiday schedule loaded after Gongkai shipped (the State Council publishes each year's
/// notice in the autumn before). Versions are kept: a correction is a new version, never an edit.
/// </summary>
public sealed class CalendarSchedule
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }

    /// <summary>The schedule in the CSV form of cn-holidays.csv (date,is_off_day,name).</summary>
    public required string Csv { get; set; }

    public DateTime LoadedUtc { get; set; }
    public required string LoadedBy { get; set; }
}

internal sealed class CalendarScheduleConfiguration : IEntityTypeConfiguration<CalendarSchedule>
{
    public void Configure(EntityTypeBuilder<CalendarSchedule> e)
    {
        e.ToTable("calendar_schedules");
        e.HasIndex(c => new { c.Year, c.Version }).IsUnique().HasDatabaseName("ix_calendar_schedules_year_version");
    }
}
