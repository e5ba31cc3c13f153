using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>Which changes to the records are corrections of a submitted year: those that alter its figures.</summary>
public sealed class RecordLockTests
{
    private static readonly ReportFormat Format2021 = ReportFormats.Get("2021");

    private static bool Alters(ApplicationTally before, ApplicationTally after, int year) =>
        RecordLock.AltersFigures(ApplicationTables.CellsOf(before, Format2021, year), ApplicationTables.CellsOf(after, Format2021, year));

    private static readonly ApplicationTally CarriedForward = new(ApplicantKind.NaturalPerson, Channel.Post, new DateOnly(2025, 12, 15), null, false);

    [Theory]
    [InlineData(ReportStatus.Draft, false)]
    [InlineData(ReportStatus.Submitted, true)]
    [InlineData(ReportStatus.Accepted, true)]
    [InlineData(ReportStatus.Published, true)]
    [InlineData(ReportStatus.Superseded, true)]
    public void TheRecords_AreLockedFromSubmission(ReportStatus status, bool locks) => Assert.Equal(locks, RecordLock.Locks(status));

    [Fact]
    public void AReplyInTheNewYear_ToAnApplicationCarriedForward_DoesNotAlterTheSubmittedYear()
    {
        var replied = CarriedForward with { Reply = (ReplyType.Granted, new DateOnly(2026, 1, 6)) };
        Assert.False(Alters(CarriedForward, replied, 2025));
        Assert.True(Alters(CarriedForward, replied, 2026));
    }

    [Fact]
    public void AReplyDatedInTheSubmittedYear_OrAnotherApplicant_AltersIt()
    {
        Assert.True(Alters(CarriedForward, CarriedForward with { Reply = (ReplyType.Granted, new DateOnly(2025, 12, 30)) }, 2025));
        Assert.True(Alters(CarriedForward, CarriedForward with { Applicant = ApplicantKind.Commercial }, 2025));
        // The channel is not a column of the 2021 table.
        Assert.False(Alters(CarriedForward, CarriedForward with { Channel = Channel.Online }, 2025));
    }

    [Fact]
    public void RegisteringAnApplicationOfTheYear_AltersIt_AndOneOfTheNextYearDoesNot()
    {
        Assert.True(RecordLock.AltersFigures([], ApplicationTables.CellsOf(CarriedForward, Format2021, 2025)));
        Assert.False(RecordLock.AltersFigures([], ApplicationTables.CellsOf(CarriedForward with { Received = new DateOnly(2026, 1, 5) }, Format2021, 2025)));
    }
}
