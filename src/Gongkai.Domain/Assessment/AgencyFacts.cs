using Gongkai.Domain.Agencies;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Assessment;

/// <summary>What the records hold about one agency's year, as the assessment reads it (gathered by the data layer, judged here).</summary>
/// <param name="GuideChanged">The last day the agency's profile, and with it its guide, was changed; null when no change is recorded.</param>
public sealed record AgencyFacts(int AgencyId, string Name, AgencyKind Kind, Office Office, DateOnly? GuideChanged,
    IReadOnlyList<ItemFact> Items, IReadOnlyList<CaseFact> Cases, IReadOnlyList<AppealFact> Appeals, ReportFact? Report);

/// <summary>The disclosure office's particulars the guide prints (Art. 12).</summary>
public sealed record Office(string Name, string Address, string? Hours, string Phone, string? Fax, string? Email);

/// <summary>An item published in the year.</summary>
/// <param name="Interpreted">Whether a published 政策解读 is linked to it.</param>
public sealed record ItemFact(int Id, string Title, string IndexNumber, string CategoryCode, DateOnly Written, DateOnly Published, DocumentKind Kind, bool Interpreted);

/// <summary>An application answered in the year, or still open with its last day in the year.</summary>
/// <param name="Missing">The Art. 36 elements its reply's record lacks (<see cref="ReplyLetters.Missing"/>); none when not answered.</param>
public sealed record CaseFact(int Id, string TrackingNumber, DateOnly Received, DateOnly Due, DateOnly? Answered, ReplyType? Reply, IReadOnlyList<string> Missing);

/// <summary>A reconsideration or lawsuit decided in the year.</summary>
public sealed record AppealFact(int ApplicationId, string TrackingNumber, AppealKind Kind, DateOnly Decided, AppealResult Result);

/// <summary>The year's annual report as published.</summary>
/// <param name="FirstPublished">The day its first edition was published; null when none is.</param>
/// <param name="RecordId">The latest published edition.</param>
/// <param name="FailedChecks">The latest published edition's failed checks (errors), as sentences.</param>
/// <param name="Differences">The latest published edition's figures that differ from the records (表、行、列：报告 x，记录 y); null when its format cannot be computed from records.</param>
public sealed record ReportFact(int? RecordId, string? Title, DateOnly? FirstPublished, IReadOnlyList<string> FailedChecks, IReadOnlyList<string>? Differences);
