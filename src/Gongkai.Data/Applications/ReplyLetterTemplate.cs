using Gongkai.Domain.Applications;

namespace Gongkai.Data.Applications;

/// <summary>An agency's own wording of the reply letter for one reply type (the default applies where there is none).</summary>
public sealed class ReplyLetterTemplate : IAudited, ILetterTemplate
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

/// <summary>An agency's own wording of a procedural letter (受理回执, 补正告知书, 第三方意见征询函, 延期答复告知书).</summary>
public sealed class ProceduralLetterTemplate : IAudited, ILetterTemplate
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public ProceduralLetter Letter { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class ProceduralLetterTemplateConfiguration : IEntityTypeConfiguration<ProceduralLetterTemplate>
{
    public void Configure(EntityTypeBuilder<ProceduralLetterTemplate> e)
    {
        e.ToTable("procedural_letter_templates");
        e.HasIndex(t => new { t.AgencyId, t.Letter }).IsUnique().HasDatabaseName("ix_procedural_letter_templates_agency_id_letter");
        e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(t => t.Letter).HasConversion<string>();
        e.Property(t => t.Version).IsConcurrencyToken();
    }
}

/// <summary>What the two kinds of template share: an agency's text replacing a default.</summary>
public interface ILetterTemplate
{
    string Body { get; set; }
    DateTime UpdatedUtc { get; set; }
}

/// <summary>An agency's letter templates (the reply letters and the procedural letters), saved together.</summary>
public static class LetterTemplates
{
    public const int MaxLength = 5000;

    /// <summary>
    /// Saves an agency's wording of each letter (a body left empty or equal to the default falls
    /// back to the default). Refused, each at its field (<c>Bodies[Type]</c>, <c>Procedural[Letter]</c>),
    /// when a body names a placeholder that does not exist, drops an element the law requires of
    /// the letter (<see cref="ReplyLetters.MissingElements"/>, <see cref="ProceduralLetters.MissingElements"/>),
    /// or is too long.
    /// </summary>
    public static async Task<Outcome> SaveAsync(GongkaiDb db, int agencyId, IReadOnlyDictionary<ReplyType, string?> replies,
        IReadOnlyDictionary<ProceduralLetter, string?> procedural, DateTime nowUtc, CancellationToken ct)
    {
        var problems = new List<Problem>();
        foreach (var (type, body) in replies.Where(b => b.Value is not null))
        {
            problems.AddRange(Check($"Bodies[{type}]", body!, ReplyLetters.UnknownPlaceholders(body!), ReplyLetters.MissingElements(type, body!)));
        }
        foreach (var (letter, body) in procedural.Where(b => b.Value is not null))
        {
            problems.AddRange(Check($"Procedural[{letter}]", body!, ProceduralLetters.UnknownPlaceholders(letter, body!), ProceduralLetters.MissingElements(letter, body!)));
        }
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }
        Apply(db.ReplyLetterTemplates, await db.ReplyLetterTemplates.Where(t => t.AgencyId == agencyId).ToDictionaryAsync(t => t.ReplyType, ct),
            replies, ReplyLetters.DefaultBody, (type, body) => new ReplyLetterTemplate { AgencyId = agencyId, ReplyType = type, Body = body, UpdatedUtc = nowUtc }, nowUtc);
        Apply(db.ProceduralLetterTemplates, await db.ProceduralLetterTemplates.Where(t => t.AgencyId == agencyId).ToDictionaryAsync(t => t.Letter, ct),
            procedural, ProceduralLetters.DefaultBody, (letter, body) => new ProceduralLetterTemplate { AgencyId = agencyId, Letter = letter, Body = body, UpdatedUtc = nowUtc }, nowUtc);
        return await Outcome.SaveAsync(db, ct);
    }

    private static IEnumerable<Problem> Check(string field, string body, IReadOnlyList<string> unknown, IReadOnlyList<string> missing)
    {
        if (unknown.Count > 0)
        {
            yield return new Problem(field, $"没有这些占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。");
        }
        if (missing.Count > 0)
        {
            // The law asks these of every letter of the kind: a template may word them, not drop them.
            yield return new Problem(field, $"此类告知书必须包含：{string.Join("、", missing)}。");
        }
        if (body.Length > MaxLength)
        {
            yield return new Problem(field, $"模板不超过 {MaxLength} 个字。");
        }
    }

    private static void Apply<TKey, T>(DbSet<T> set, Dictionary<TKey, T> own, IReadOnlyDictionary<TKey, string?> bodies, Func<TKey, string> defaultBody,
        Func<TKey, string, T> create, DateTime nowUtc) where TKey : notnull where T : class, ILetterTemplate
    {
        foreach (var (key, posted) in bodies)
        {
            var body = posted?.Replace("\r\n", "\n").Trim();
            var custom = string.IsNullOrEmpty(body) || body == defaultBody(key) ? null : body;
            if (own.TryGetValue(key, out var existing))
            {
                if (custom is null)
                {
                    set.Remove(existing);
                }
                else if (existing.Body != custom)
                {
                    existing.Body = custom;
                    existing.UpdatedUtc = nowUtc;
                }
            }
            else if (custom is not null)
            {
                set.Add(create(key, custom));
            }
        }
    }
}
