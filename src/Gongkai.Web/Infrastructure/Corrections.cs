namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A change that alters the figures of a year whose report was already submitted needs a reason
/// (<see cref="Gongkai.Domain.Reports.RecordLock"/>). The reason is typed in the form that made
/// the change (field <see cref="Field"/>, shown by the partial _CorrectionReason once asked for).
/// </summary>
public static class Corrections
{
    public const string Field = "CorrectionReason";
    public const string Label = "更正说明";

    /// <summary>The reason is printed on the year's report beside the correction: a few sentences.</summary>
    public const int MaxLength = CorrectionReasons.MaxLength;

    /// <summary>Puts the reason typed with the form on the context for its save.</summary>
    public static void Take(GongkaiDb db, string? reason) => db.CorrectionReason = CorrectionReasons.Normalise(reason);

    /// <summary>After a refused save: forgets the unsaved changes (the page reloads the stored state) and asks for the reason in the form of <paramref name="handler"/>.</summary>
    public static string Ask(PageModel page, GongkaiDb db, RecordsLockedException refusal, string handler)
    {
        db.ChangeTracker.Clear();
        db.CorrectionReason = null;
        page.ViewData["CorrectionFor"] = handler;
        return refusal.Message;
    }
}
