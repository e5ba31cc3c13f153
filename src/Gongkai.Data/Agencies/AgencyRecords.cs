using Gongkai.Domain.Agencies;

namespace Gongkai.Data.Agencies;

/// <summary>Creating an agency and changing its profile: the rules the tree and the portal's addresses need.</summary>
public static class AgencyRecords
{
    /// <summary>A new agency, filled in by the system admin (<see cref="ProblemsAsync"/> refuses), listed last.</summary>
    public static async Task<Outcome<Agency>> CreateAsync(GongkaiDb db, Agency agency, CancellationToken ct)
    {
        if (await ProblemsAsync(db, null, agency.ShortCode, agency.ParentId, agency.IndexPattern, ct) is { Count: > 0 } problems)
        {
            return Outcome<Agency>.Of(Outcome.Refused(problems), null);
        }
        agency.SortOrder = await db.Agencies.CountAsync(ct);
        db.Agencies.Add(agency);
        return Outcome<Agency>.Of(await Outcome.SaveAsync(db, ct), agency);
    }

    /// <summary>
    /// Saves the changes made to a tracked agency read at <paramref name="version"/>; refused as
    /// <see cref="ProblemsAsync"/> says (then nothing is kept), stale when changed meanwhile.
    /// </summary>
    public static async Task<Outcome> UpdateAsync(GongkaiDb db, Agency agency, int version, CancellationToken ct)
    {
        if (await ProblemsAsync(db, agency.Id, agency.ShortCode, agency.ParentId, agency.IndexPattern, ct) is { Count: > 0 } problems)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused(problems);
        }
        db.Entry(agency).Property(a => a.Version).OriginalValue = version;
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>
    /// What an agency's fields may not be, each at its field: a parent that does not exist, or is the
    /// agency itself or one of its own (<see cref="AgencyTree.CanMoveUnder"/>); a short code (the
    /// portal's address, /agency/{code}) another agency has; an invalid index-number pattern.
    /// </summary>
    /// <param name="id">The agency changed, or null for a new one.</param>
    public static async Task<IReadOnlyList<Problem>> ProblemsAsync(GongkaiDb db, int? id, string? shortCode, int? parentId, string? indexPattern, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (parentId is { } parent)
        {
            var links = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
            if (links.All(l => l.Id != parent))
            {
                problems.Add(new Problem(nameof(Agency.ParentId), "上级机构不存在。"));
            }
            else if (id is { } self && !new AgencyTree(links.Select(l => (l.Id, l.ParentId))).CanMoveUnder(self, parent))
            {
                problems.Add(new Problem(nameof(Agency.ParentId), "上级机构不能是本机构或其下级机构。"));
            }
        }
        var code = shortCode?.Trim();
        if (!string.IsNullOrEmpty(code) && await db.Agencies.AnyAsync(a => a.ShortCode == code && a.Id != (id ?? 0), ct))
        {
            problems.Add(new Problem(nameof(Agency.ShortCode), "该简码已被其他机构使用。"));
        }
        if (!string.IsNullOrWhiteSpace(indexPattern) && Domain.Disclosure.IndexNumber.Problem(indexPattern.Trim()) is { } problem)
        {
            problems.Add(new Problem(nameof(Agency.IndexPattern), problem));
        }
        return problems;
    }
}
