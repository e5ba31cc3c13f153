namespace Gongkai.Data.MovingIn;

/// <summary>
/// The header an agency's sheet gives a field (登记日期 for 收到日期), as chosen at its last import:
/// remembered per agency and kind of sheet, so the next ledger of the same office is read the
/// same way without choosing again.
/// </summary>
public sealed class ImportMapping
{
    public int AgencyId { get; set; }
    public required string Sheet { get; set; }
    public required string Field { get; set; }

    /// <summary>The header as written in the sheet, or <see cref="SheetColumns.NotImported"/>.</summary>
    public required string Header { get; set; }

    /// <summary>The agency's remembered mapping (field → header), empty before its first import.</summary>
    public static async Task<Dictionary<string, string>> RememberedAsync(GongkaiDb db, int agencyId, string sheet, CancellationToken ct) =>
        await db.ImportMappings.AsNoTracking().Where(m => m.AgencyId == agencyId && m.Sheet == sheet).ToDictionaryAsync(m => m.Field, m => m.Header, ct);

    /// <summary>The remembered mapping with the office's choices of this import over it.</summary>
    /// <param name="choices">Field → header; an empty header is no choice (the remembered one or the field's names apply).</param>
    public static async Task<Dictionary<string, string>> ChosenAsync(GongkaiDb db, int agencyId, string sheet, IReadOnlyDictionary<string, string?>? choices, CancellationToken ct)
    {
        var chosen = await RememberedAsync(db, agencyId, sheet, ct);
        foreach (var (field, header) in choices ?? new Dictionary<string, string?>())
        {
            if (!string.IsNullOrWhiteSpace(header))
            {
                chosen[field] = header.Trim();
            }
        }
        return chosen;
    }

    /// <summary>
    /// Keeps the columns an import was read with as the agency's mapping (saved with the import's
    /// other changes). A field no column fed is remembered as not imported only when the office
    /// chose so; otherwise it is forgotten, and the next sheet is searched for it by its names.
    /// </summary>
    public static async Task RememberAsync(GongkaiDb db, int agencyId, string sheet, IReadOnlyList<ColumnUse> uses, CancellationToken ct)
    {
        var stored = await db.ImportMappings.Where(m => m.AgencyId == agencyId && m.Sheet == sheet).ToDictionaryAsync(m => m.Field, ct);
        foreach (var use in uses)
        {
            var header = use.Header ?? (use.Skipped ? SheetColumns.NotImported : null);
            if (stored.TryGetValue(use.Field, out var row))
            {
                if (header is null)
                {
                    db.ImportMappings.Remove(row);
                }
                else
                {
                    row.Header = header;
                }
            }
            else if (header is not null)
            {
                db.ImportMappings.Add(new ImportMapping { AgencyId = agencyId, Sheet = sheet, Field = use.Field, Header = header });
            }
        }
    }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> e)
    {
        e.ToTable("import_mappings");
        e.HasKey(m => new { m.AgencyId, m.Sheet, m.Field });
        e.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
