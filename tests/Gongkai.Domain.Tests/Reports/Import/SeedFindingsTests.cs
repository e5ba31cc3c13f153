using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>Every numeric inconsistency the seeds' facts files list is reported after import.</summary>
public sealed class SeedFindingsTests
{
    private static IReadOnlyList<Violation> Problems(string seed) =>
        ReportParser.ParseText(seed, File.ReadAllText(SeedTruth.FixturePath(seed))).Problems;

    private static void Reports(IReadOnlyList<Violation> problems, string code, decimal? expected, decimal? actual)
    {
        Assert.Contains(problems, p => p.CheckCode == code && p.Expected == expected && p.Actual == actual);
    }

    [Fact]
    public void Seed000_ArithmeticTextAndOutlineFindings()
    {
        var problems = Problems(SeedTruth.Seed000);
        Reports(problems, "requests.received.sum", 2, 1);                 // facts 1
        Reports(problems, "text.requests.received", 2, 1);                // facts 2: 共收到两起
        Reports(problems, "text.proactive.wechat", 5, 6400);              // facts 3
        Reports(problems, "text.reconsideration", 1, 0);                  // facts 4
        Reports(problems, "text.litigation", 1, 0);                       // facts 5
        Reports(problems, "responses.channels.sum", 5, 0);                // facts 6
        Reports(problems, "text.announced_items", 5, 4);                  // facts 7
        Reports(problems, "proactive.items.normative.within_issued", 0, 5); // facts 8
    }

    [Fact]
    public void Seed001_HasNoFinding()
    {
        Assert.Empty(Problems(SeedTruth.Seed001));
    }

    [Fact]
    public void Seed002_TrainingsInTheText_AndThePlausibilityWarnings()
    {
        var problems = Problems(SeedTruth.Seed002);
        Reports(problems, "text.meetings.trainings", 2, 0);               // facts 1: 开展2期全员培训学习
        Reports(problems, "proactive.items.normative.within_issued", 0, 7); // facts 2
        Reports(problems, "responses.channels.cover_hotspots", 0, 6);     // facts 4
        Assert.DoesNotContain(problems, p => p.Severity == Severity.Error);
    }

    [Fact]
    public void Seed003_AnnouncesTwelvePartsAndATable_ButHasElevenAndNone()
    {
        var problems = Problems(SeedTruth.Seed003);
        Reports(problems, "text.outline", 12, 11);
        Assert.Contains(problems, p => p.CheckCode == "text.missing_table");
    }

    [Fact]
    public void Seed004_WebsiteFigureChannelsBlankTotalsAndReadingPoints()
    {
        var problems = Problems(SeedTruth.Seed004);
        Reports(problems, "text.proactive.website", 756, 413);            // facts 1
        Reports(problems, "proactive.channels.cover_items", 741, 756);    // facts 2
        Reports(problems, "reading_visitors.sum", 16, null);              // facts 3
        Reports(problems, "reading_points.same_in_staffing", 1, null);    // facts 4
        Reports(problems, "proactive.items.normative.within_issued", 7, 8); // facts 5
    }
}
