namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The one way a page shows a use case that did not go through: each problem at its field (or at
/// the top), a stale form told to reload, a locked year's form asking for the correction reason
/// (the partial _CorrectionReason, shown where ViewData["CorrectionFor"] names the form).
/// </summary>
public static class OutcomeView
{
    /// <param name="prefix">The page's name for the use case's fields (e.g. "Form" for an ApplicantForm bound as Form), if any.</param>
    /// <param name="handler">The form that asks for a correction reason when the year is locked.</param>
    /// <param name="fields">Where the page binds a use case's field under another name (e.g. Role as "Form.Role").</param>
    public static void Show(PageModel page, Outcome outcome, string? handler = null, string? prefix = null, IReadOnlyDictionary<string, string>? fields = null)
    {
        if (outcome.Kind == OutcomeKind.YearLocked && handler is not null)
        {
            page.ViewData["CorrectionFor"] = handler;
        }
        foreach (var problem in outcome.Problems)
        {
            var key = problem.Field is null ? "" : fields?.GetValueOrDefault(problem.Field) ?? (prefix is null ? problem.Field : $"{prefix}.{problem.Field}");
            page.ModelState.AddModelError(key, problem.Message);
        }
    }
}
