using Gongkai.Domain.Applications;

namespace Gongkai.Data.Applications;

/// <summary>An agency's own wording of the reply letter for one reply type (the default applies where there is none).</summary>
public sealed class ReplyLetterTemplate : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public ReplyType ReplyType { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class ReplyLetterTemplateConfiguration : IEntityTypeConfiguration<ReplyLetterTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyLetterTemplate> e)
    {
        e.ToTable("reply_letter_templates");
        e.HasIndex(t => new { t.AgencyId, t.ReplyType }).IsUnique().HasDatabaseName("ix_reply_letter_templates_agency_id_reply_type");
        e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(t => t.ReplyType).HasConversion<string>();
        e.Property(t => t.Version).IsConcurrencyToken();
    }
}

/// <summary>An agency's reply letter templates, saved together.</summary>
public static class ReplyLetterTemplates
{
    public const int MaxLength = 5000;

    /// <summary>
    /// Saves an agency's wording of each type's letter (a body left empty or equal to the default
    /// falls back to the default). Refused, each at its type's field <c>Bodies[Type]</c>, when a body
    /// names a placeholder that does not exist, drops an element Art. 36 requires of its type
    /// (<see cref="ReplyLetters.MissingElements"/>), or is too long.
    /// </summary>
    public static async Task<Outcome> SaveAsync(GongkaiDb db, int agencyId, IReadOnlyDictionary<ReplyType, string?> bodies, DateTime nowUtc, CancellationToken ct)
    {
        var problems = new List<Problem>();
        foreach (var (type, body) in bodies.Where(b => b.Value is not null))
        {
            var field = $"Bodies[{type}]";
            if (ReplyLetters.UnknownPlaceholders(body!) is { Count: > 0 } unknown)
            {
                problems.Add(new Problem(field, $"没有这些占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。"));
            }
            if (ReplyLetters.MissingElements(type, body!) is { Count: > 0 } missing)
            {
                // Art. 36 asks these of every letter of the type: a template may word them, not drop them.
                problems.Add(new Problem(field, $"此类答复的告知书必须包含：{string.Join("、", missing)}。"));
            }
            if (body!.Length > MaxLength)
            {
                problems.Add(new Problem(field, $"模板不超过 {MaxLength} 个字。"));
            }
        }
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }
        var own = await db.ReplyLetterTemplates.Where(t => t.AgencyId == agencyId).ToDictionaryAsync(t => t.ReplyType, ct);
        foreach (var (type, posted) in bodies)
        {
            var body = posted?.Replace("\r\n", "\n").Trim();
            var custom = string.IsNullOrEmpty(body) || body == ReplyLetters.DefaultBody(type) ? null : body;
            if (own.TryGetValue(type, out var existing))
            {
                if (custom is null)
                {
                    db.ReplyLetterTemplates.Remove(existing);
                }
                else if (existing.Body != custom)
                {
                    existing.Body = custom;
                    existing.UpdatedUtc = nowUtc;
                }
            }
            else if (custom is not null)
            {
                db.ReplyLetterTemplates.Add(new ReplyLetterTemplate { AgencyId = agencyId, ReplyType = type, Body = custom, UpdatedUtc = nowUtc });
            }
        }
        return await Outcome.SaveAsync(db, ct);
    }
}
