namespace Gongkai.Data.Forms;

/// <summary>
/// A form post, by the hash of what was sent (the address, every field including the antiforgery
/// token that stands for one showing of the form, and the files' names and sizes). The same post
/// again — a double click, a refresh of the answer, the back button and submit — is answered with
/// the first one's redirect instead of doing the work twice. Kept for <see cref="FormSubmissions.Kept"/>.
/// </summary>
public sealed class FormSubmission
{
    public required string PostHash { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Where the first post redirected to, once it has finished; null while it runs.</summary>
    public string? Location { get; set; }

    /// <summary>The Set-Cookie values of the first answer (the confirmation shown once), one per line.</summary>
    public string? Cookies { get; set; }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> e)
    {
        e.ToTable("form_submissions");
        e.HasKey(f => f.PostHash);
        e.HasIndex(f => f.CreatedUtc).HasDatabaseName("ix_form_submissions_created_utc");
    }
}

/// <summary>Claiming a post, recording its answer, and letting it go when it ended without one.</summary>
public static class FormSubmissions
{
    /// <summary>Long enough for any repeat a person makes; the answer holds a confirmation and is not kept longer.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    /// <summary>True when this is the first time the post is seen (it is now claimed); false when another has it.</summary>
    public static async Task<bool> ClaimAsync(GongkaiDb db, string postHash, DateTime nowUtc, CancellationToken ct)
    {
        var expired = nowUtc - Kept;
        await db.FormSubmissions.Where(f => f.CreatedUtc < expired).ExecuteDeleteAsync(ct);
        // One statement on both databases: a second post racing the first finds the row and inserts nothing.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO form_submissions (post_hash, created_utc) VALUES ({postHash}, {nowUtc}) ON CONFLICT (post_hash) DO NOTHING", ct);
        return inserted == 1;
    }

    public static Task<FormSubmission?> FindAsync(GongkaiDb db, string postHash, CancellationToken ct) =>
        db.FormSubmissions.AsNoTracking().SingleOrDefaultAsync(f => f.PostHash == postHash, ct);

    public static Task AnsweredAsync(GongkaiDb db, string postHash, string location, IEnumerable<string> cookies, CancellationToken ct)
    {
        var lines = string.Join('\n', cookies);
        return db.FormSubmissions.Where(f => f.PostHash == postHash)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Location, location).SetProperty(f => f.Cookies, lines), ct);
    }

    /// <summary>The post ended without a redirect (a message on the form, an error): the same post may be tried again.</summary>
    public static Task ReleaseAsync(GongkaiDb db, string postHash, CancellationToken ct) =>
        db.FormSubmissions.Where(f => f.PostHash == postHash && f.Location == null).ExecuteDeleteAsync(ct);
}
