namespace Gongkai.Domain.Reports;

/// <summary>What an edit of a report changed, in words for the audit log: the cells (old → new), the narrative parts, the basic data.</summary>
public static class ReportChanges
{
    public static string Describe(AnnualReport before, AnnualReport after)
    {
        var keys = before.Values.All.Select(c => c.Key).Union(after.Values.All.Select(c => c.Key)).ToList();
        var changed = keys.Where(k => before.Values[k] != after.Values[k])
            .Select(k => $"{k}: {before.Values[k]?.Display() ?? "空"}→{after.Values[k]?.Display() ?? "空"}").ToList();
        var parts = after.Parts.Where(p => before.Parts.FirstOrDefault(b => b.Code == p.Code && b.Heading == p.Heading)?.Text != p.Text).Select(p => p.Heading).ToList();
        var notes = new List<string>();
        if (changed.Count > 0)
        {
            notes.Add($"修改 {changed.Count} 个单元格：{string.Join("；", changed.Take(30))}{(changed.Count > 30 ? "……" : "")}");
        }
        if (parts.Count > 0)
        {
            notes.Add($"修改正文：{string.Join("、", parts)}");
        }
        if (before.Title != after.Title || before.PeriodStart != after.PeriodStart || before.PeriodEnd != after.PeriodEnd || before.PublishedOn != after.PublishedOn)
        {
            notes.Add("修改基本信息");
        }
        return notes.Count == 0 ? "保存（无修改）" : string.Join("。", notes);
    }
}
