using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Formats;

namespace Gongkai.Domain.Applications;

/// <summary>
/// The report's application table (三) and appeals table (四) computed from the records of one
/// agency and year. Named policies:
/// <list type="bullet">
/// <item>New: applications received in the year (by receipt date).</item>
/// <item>Carried over: received before the year and not answered before it began.</item>
/// <item>Results: answers given in the year, each in the one row of its reply type.</item>
/// <item>Carried forward: received by the year's end and not answered by then.</item>
/// <item>Appeals: filed in the year; the result known at the year's end, else 尚未审结.</item>
/// </list>
/// So 一 + 二 = 三（七） + 四 holds by construction; each figure is computed here and nowhere else.
/// </summary>
public static class ApplicationTables
{
    private static string Column(ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "natural",
        ApplicantKind.Commercial => "commercial",
        ApplicantKind.Research => "research",
        ApplicantKind.Charity => "charity",
        ApplicantKind.LegalService => "legal",
        _ => "other",
    };

    /// <summary>Sets the application and appeals tables of <paramref name="values"/> for a 2019- or 2021-format report.</summary>
    public static void Fill(ReportValues values, string formatCode, int year, IEnumerable<ApplicationCase> cases, IEnumerable<Appeal> appeals)
    {
        FillRequests(values, formatCode, year, cases);
        FillAppeals(values, year, appeals);
    }

    /// <summary>Sets the application table (三) from the applications.</summary>
    public static void FillRequests(ReportValues values, string formatCode, int year, IEnumerable<ApplicationCase> cases)
    {
        if (formatCode is not ("2019" or "2021"))
        {
            throw new ArgumentException($"Format {formatCode} has no application table of the 2019 Regulation.", nameof(formatCode));
        }
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        string[] rows = ["new", "carried_over", .. NewFormats.OutcomeRows(formatCode), "results_total", "carried_forward"];
        var counts = rows.ToDictionary(r => r, _ => NewFormats.ApplicantColumns.ToDictionary(c => c, _ => 0));

        foreach (var application in cases)
        {
            var column = Column(application.Applicant);
            var reply = application.Reply;
            if (application.Received > last || (reply is { } answered && answered.Date < first))
            {
                continue;
            }
            counts[application.Received >= first ? "new" : "carried_over"][column]++;
            if (reply is { } r && r.Date <= last)
            {
                counts[ReplyTypes.RowFor(r.Type, formatCode)][column]++;
                counts["results_total"][column]++;
            }
            else
            {
                counts["carried_forward"][column]++;
            }
        }
        foreach (var (row, byColumn) in counts)
        {
            byColumn["total"] = byColumn.Where(c => c.Key != "total").Sum(c => c.Value);
            foreach (var (column, n) in byColumn)
            {
                values.Set(new CellKey(NewFormats.Requests, row, column), n);
            }
        }

    }

    /// <summary>Sets the appeals table (四) from the reconsiderations and lawsuits filed in the year.</summary>
    public static void FillAppeals(ReportValues values, int year, IEnumerable<Appeal> appeals)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        foreach (var group in NewFormats.AppealGroups)
        {
            foreach (var outcome in new[] { "upheld", "corrected", "other", "pending", "total" })
            {
                values.Set(new CellKey(NewFormats.Appeals, "cases", $"{group}.{outcome}"), 0);
            }
        }
        foreach (var appeal in appeals.Where(a => a.Filed >= first && a.Filed <= last))
        {
            var group = appeal.Kind switch
            {
                AppealKind.Reconsideration => "reconsideration",
                AppealKind.LitigationDirect => "litigation.direct",
                _ => "litigation.after_reconsideration",
            };
            var outcome = appeal.Decided is { } decided && decided <= last && appeal.Result is { } result
                ? result switch { AppealResult.Upheld => "upheld", AppealResult.Corrected => "corrected", _ => "other" }
                : "pending";
            Increment(values, new CellKey(NewFormats.Appeals, "cases", $"{group}.{outcome}"));
            Increment(values, new CellKey(NewFormats.Appeals, "cases", $"{group}.total"));
        }
    }

    private static void Increment(ReportValues values, CellKey key) => values.Set(key, (values.Number(key) ?? 0) + 1);
}
