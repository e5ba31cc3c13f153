using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>The words a format is recognised by are declared with it (issue 29): the marks must be what it prints and the others do not.</summary>
public sealed class FormatMarksTests
{
    private static IEnumerable<string> RowLabels(ReportFormat format) =>
        format.Tables.SelectMany(t => t.AllRows()).Select(r => LabelText.Normalize(r.Label));

    [Fact]
    public void ARegionalSheetsOwnMarks_AreRowsItPrints_AndNoNationalFormatDoes()
    {
        var regional = ReportFormats.All.Where(f => f.Marks.Own.Count > 0).ToList();
        Assert.Equal(["legacy-beijing", "legacy-shandong", "legacy-weihai"], regional.Select(f => f.Code));
        foreach (var format in regional)
        {
            // Weihai's sheet grew out of Shandong's and prints its rows too: both are then tried, and the best reading wins.
            var others = ReportFormats.All.Where(f => f.Marks.Own.Count == 0).SelectMany(RowLabels).ToHashSet();
            foreach (var mark in format.Marks.OwnInText.Select(LabelText.Normalize))
            {
                Assert.Contains(RowLabels(format), label => label.Contains(mark, StringComparison.Ordinal));
                Assert.DoesNotContain(others, label => label.Contains(mark, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void EachFamily_SharesItsMarks_AndTheOtherFamilyPrintsNone()
    {
        foreach (var statistics in new[] { true, false })
        {
            var family = ReportFormats.All.Where(f => ReportFormats.IsStatistics(f.Code) == statistics).ToList();
            Assert.Single(family.Select(f => f.Marks.Family).Distinct(ReferenceEqualityComparer.Instance));
            var others = ReportFormats.All.Where(f => ReportFormats.IsStatistics(f.Code) != statistics).SelectMany(RowLabels).ToList();
            Assert.All(family[0].Marks.FamilyInText.Select(LabelText.Normalize), mark => Assert.DoesNotContain(others, label => label.Contains(mark, StringComparison.Ordinal)));
        }
    }
}
