using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports.Formats;

namespace Gongkai.Domain.Reports.Supervision;

/// <summary>
/// The facts of the tables told in plain Chinese, as a first draft of the narrative parts of a
/// 2019- or 2021-format report: counts, shares, and the change on last year. Only parts the clerk
/// has not written are filled; the clerk edits the rest.
/// </summary>
public static class NarrativeDraft
{
    public static AnnualReport Fill(AnnualReport report, AnnualReport? previous)
    {
        var drafts = Drafts(report, previous);
        return report with
        {
            Parts = report.Parts.Select(part => string.IsNullOrWhiteSpace(part.Text) && part.Code is { } code && drafts.GetValueOrDefault(code) is { } text
                ? part with { Text = text }
                : part).ToList(),
        };
    }

    /// <summary>
    /// The parts whose written text a fresh draft would replace: a draft exists for them and says
    /// something else (after the table was regenerated, typically), by title.
    /// </summary>
    public static IReadOnlyList<string> Redraftable(AnnualReport report, AnnualReport? previous)
    {
        var drafts = Drafts(report, previous);
        return report.Parts.Where(p => !string.IsNullOrWhiteSpace(p.Text) && p.Code is { } code && drafts.GetValueOrDefault(code) is { } draft && draft != p.Text.Trim())
            .Select(p => p.Heading).ToList();
    }

    /// <summary>The report with the text of every part a draft exists for replaced by the draft of the current table (the clerk asked for it).</summary>
    public static AnnualReport Redraft(AnnualReport report, AnnualReport? previous)
    {
        var drafts = Drafts(report, previous);
        return report with
        {
            Parts = report.Parts.Select(part => part.Code is { } code && drafts.GetValueOrDefault(code) is { } text ? part with { Text = text } : part).ToList(),
        };
    }

    private static Dictionary<string, string?> Drafts(AnnualReport report, AnnualReport? previous)
    {
        if (report.FormatCode is not ("2019" or "2021"))
        {
            return [];
        }
        var last = previous is { FormatCode: "2019" or "2021" } p && p.Year == report.Year - 1 ? p : null;
        return new Dictionary<string, string?>
        {
            ["proactive"] = Proactive(report),
            ["requests"] = Requests(report, last),
            ["appeals"] = Appeals(report, last),
        };
    }

    private static decimal? Cell(AnnualReport r, string table, string row, string column) => r.Values.Number(new CellKey(table, row, column));

    private static string? Proactive(AnnualReport r)
    {
        var (issued, repealed, inForce) = r.FormatCode == "2021" ? ("issued", "repealed", "in_force") : ("made", "published", "total");
        var rules = (Cell(r, NewFormats.Proactive, "rules", issued), Cell(r, NewFormats.Proactive, "rules", repealed), Cell(r, NewFormats.Proactive, "rules", inForce));
        var normative = (Cell(r, NewFormats.Proactive, "normative", issued), Cell(r, NewFormats.Proactive, "normative", repealed), Cell(r, NewFormats.Proactive, "normative", inForce));
        if (normative.Item1 is null && rules.Item1 is null)
        {
            return null;
        }
        return r.FormatCode == "2021"
            ? $"{r.Year}年，本机关制发规章 {N(rules.Item1)} 件、行政规范性文件 {N(normative.Item1)} 件，废止规章 {N(rules.Item2)} 件、行政规范性文件 {N(normative.Item2)} 件；截至年底，现行有效的规章 {N(rules.Item3)} 件、行政规范性文件 {N(normative.Item3)} 件。"
            : $"{r.Year}年，本机关新制作规范性文件 {N(normative.Item1)} 件，新公开 {N(normative.Item2)} 件，对外公开总数 {N(normative.Item3)} 件。";
    }

    private static string? Requests(AnnualReport r, AnnualReport? last)
    {
        if (Cell(r, NewFormats.Requests, "new", "total") is not { } received)
        {
            return null;
        }
        var text = new StringBuilder($"{r.Year}年，本机关新收政府信息公开申请 {N(received)} 件");
        if (last is not null && Cell(last, NewFormats.Requests, "new", "total") is { } before)
        {
            text.Append(Change(received, before));
        }
        var persons = Cell(r, NewFormats.Requests, "new", "natural") ?? 0;
        text.Append($"，其中自然人提出 {N(persons)} 件、法人或者其他组织提出 {N(received - persons)} 件；上年结转 {N(Cell(r, NewFormats.Requests, "carried_over", "total"))} 件。");
        if (Cell(r, NewFormats.Requests, "results_total", "total") is { } done && done > 0)
        {
            var granted = Cell(r, NewFormats.Requests, "granted", "total") ?? 0;
            var partial = Cell(r, NewFormats.Requests, "partial", "total") ?? 0;
            text.Append($"本年办结 {N(done)} 件，其中予以公开 {N(granted)} 件（占 {Share(granted, done)}），部分公开 {N(partial)} 件（占 {Share(partial, done)}）");
            var notHeld = Cell(r, NewFormats.Requests, "unable.not_held", "total") ?? 0;
            if (notHeld > 0)
            {
                text.Append($"，因本机关不掌握相关政府信息而无法提供 {N(notHeld)} 件");
            }
            text.Append('。');
        }
        text.Append($"结转下年度继续办理 {N(Cell(r, NewFormats.Requests, "carried_forward", "total"))} 件。");
        return text.ToString();
    }

    private static string? Appeals(AnnualReport r, AnnualReport? last)
    {
        decimal Total(AnnualReport x, string group) => x.Values.Number(new CellKey(NewFormats.Appeals, "cases", $"{group}.total")) ?? 0;
        if (r.Values.Number(new CellKey(NewFormats.Appeals, "cases", "reconsideration.total")) is null)
        {
            return null;
        }
        var reconsideration = Total(r, "reconsideration");
        var litigation = Total(r, "litigation.direct") + Total(r, "litigation.after_reconsideration");
        if (reconsideration + litigation == 0)
        {
            return $"{r.Year}年，本机关未发生因政府信息公开被申请行政复议或者提起行政诉讼的情况。";
        }
        var text = new StringBuilder($"{r.Year}年，本机关因政府信息公开被申请行政复议 {N(reconsideration)} 件、被提起行政诉讼 {N(litigation)} 件");
        if (last is not null)
        {
            text.Append($"（上年分别为 {N(Total(last, "reconsideration"))} 件、{N(Total(last, "litigation.direct") + Total(last, "litigation.after_reconsideration"))} 件）");
        }
        var corrected = new[] { "reconsideration", "litigation.direct", "litigation.after_reconsideration" }
            .Sum(g => r.Values.Number(new CellKey(NewFormats.Appeals, "cases", $"{g}.corrected")) ?? 0);
        text.Append(corrected > 0 ? $"，其中结果被纠正 {N(corrected)} 件。" : "，均未被纠正。");
        return text.ToString();
    }

    private static string Change(decimal now, decimal before) => before == 0
        ? (now == 0 ? "，与上年持平" : "，上年为 0 件")
        : now == before ? "，与上年持平"
        : $"，比上年{(now > before ? "增加" : "减少")} {N(Math.Abs(now - before))} 件（{(now > before ? "+" : "−")}{Share(Math.Abs(now - before), before)}）";

    private static string Share(decimal part, decimal whole) => (part / whole).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    private static string N(decimal? n) => (n ?? 0).ToString("0.##", CultureInfo.InvariantCulture);
}
