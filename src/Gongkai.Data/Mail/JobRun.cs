namespace Gongkai.Data.Mail;

/// <summary>
/// One run of a scheduled job for one day. The node that inserts the row runs the job; every other
/// node finds the key taken and does nothing, so with several web nodes each job runs once a day.
/// </summary>
public sealed class JobRun
{
    public required string Job { get; set; }
    public DateOnly Day { get; set; }
    public required string Node { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public string? Result { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.ToTable("job_runs");
        e.HasKey(r => new { r.Job, r.Day });
    }
}
