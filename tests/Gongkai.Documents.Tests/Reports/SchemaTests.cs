using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Reports;

/// <summary>Codes are unique, documented, and never change once published.</summary>
public sealed class SchemaTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), relative);
    }

    [Fact]
    public void RowAndColumnCodes_AreUniqueInEachTable_AndTableCodesInEachFormat()
    {
        foreach (var format in ReportFormats.All)
        {
            Assert.Equal(format.Tables.Count, format.Tables.Select(t => t.Code).Distinct().Count());
            foreach (var table in format.Tables)
            {
                var rows = table.AllRows().Select(r => r.Code).ToList();
                Assert.Equal(rows.Count, rows.Distinct().Count());
                foreach (var section in table.Sections)
                {
                    var columns = section.Columns.SelectMany(Flatten).ToList();
                    Assert.Equal(columns.Count, columns.Distinct().Count());
                }
                var cells = table.Cells().Select(c => c.Key).ToList();
                Assert.Equal(cells.Count, cells.Distinct().Count());
            }
        }
    }

    private static IEnumerable<string> Flatten(ColumnDef c) => [c.Code, .. c.Children.SelectMany(Flatten)];

    /// <summary>
    /// The snapshot lists every code ever published with what it means. A line that disappears
    /// or changes fails the build: published codes are never renumbered. A new code must be
    /// appended to the snapshot (and documented) in the same change.
    /// </summary>
    [Fact]
    public void TheCodeList_MatchesThePublishedSnapshot()
    {
        var snapshot = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reports", "report-codes.snapshot.txt")).Where(l => l.Length > 0).ToList();
        var current = SchemaDocument.CodeLines().ToList();
        var lost = snapshot.Except(current).ToList();
        var added = current.Except(snapshot).ToList();
        Assert.True(lost.Count == 0, "Published codes changed or disappeared:\n" + string.Join("\n", lost));
        Assert.True(added.Count == 0, "New codes: append them to tests/Gongkai.Documents.Tests/Reports/report-codes.snapshot.txt:\n" + string.Join("\n", added));
    }

    [Fact]
    public void TheSchemaDocument_ListsTheCurrentCodes()
    {
        var doc = File.ReadAllText(RepoFile("docs/report-schema.md")).Replace("\r\n", "\n");
        var start = doc.IndexOf(SchemaDocument.Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(SchemaDocument.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/report-schema.md lacks the generated-codes markers.");
        Assert.True(doc[(start + SchemaDocument.Begin.Length)..end].Trim() == SchemaDocument.Codes().Trim(),
            "docs/report-schema.md is out of date: run `gongkai report schema --update docs/report-schema.md`.");
    }
}
