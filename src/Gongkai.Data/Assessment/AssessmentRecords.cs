using Gongkai.Data.Applications;
using Gongkai.Data.Reports;
using Gongkai.Documents.Files;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Assessment;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Data.Assessment;

/// <summary>
/// The 政务公开考评 of a year for a set of agencies: the records gathered per agency
/// (<see cref="AgencyFacts"/>, in one query per kind of record for all of them) and judged by
/// <see cref="Scoring"/>. The console page, its Excel and <c>gongkai assessment</c> all call
/// <see cref="ForAsync"/>, so they cannot disagree.
/// </summary>
public static class AssessmentRecords
{
    /// <param name="JudgedOn">The day the year's cases are judged on (<see cref="Scoring.JudgedOn"/>).</param>
    public sealed record Result(int Year, IndicatorSet Set, DateOnly JudgedOn, IReadOnlyList<AgencyScore> Rows);

    public static async Task<Result> ForAsync(GongkaiDb db, IReadOnlySet<int> agencyIds, IndicatorSet set, int year, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var facts = await FactsAsync(db, agencyIds, year, today, ct);
        return new Result(year, set, Scoring.JudgedOn(year, today), facts.Select(f => Scoring.Evaluate(set, f, year, today, calendar)).ToList());
    }

    /// <summary>What the records hold about each agency's <paramref name="year"/>, in the agencies' order.</summary>
    public static async Task<IReadOnlyList<AgencyFacts>> FactsAsync(GongkaiDb db, IReadOnlySet<int> agencyIds, int year, DateOnly today, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);

        // The guide is generated from the agency's profile (office particulars and its own text):
        // the profile's last recorded change up to today is the guide's.
        var keys = agencies.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var before = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        var changed = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Agency) && keys.Contains(e.EntityId) && e.OccurredUtc < before
                && (e.Action == AuditActions.Created || e.Action == AuditActions.Updated))
            .GroupBy(e => e.EntityId).Select(g => new { Id = g.Key, Last = g.Max(e => e.OccurredUtc) }).ToListAsync(ct);
        var guideChanged = changed.ToDictionary(c => int.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture), c => DateOnly.FromDateTime(c.Last + ChinaTime.Offset));

        var items = await db.InfoItems.AsNoTracking()
            .Where(i => agencyIds.Contains(i.AgencyId) && (i.Status == ItemStatus.Published || i.Status == ItemStatus.Withdrawn)
                && i.PublishedOn >= start && i.PublishedOn <= end)
            .Select(i => new
            {
                i.AgencyId, i.Id, i.Title, i.IndexNumber, i.CategoryCode, i.WrittenOn, PublishedOn = i.PublishedOn!.Value, i.DocumentKind,
                Interpreted = db.InfoItems.Any(x => x.InterpretsItemId == i.Id && x.Status == ItemStatus.Published),
            })
            .ToListAsync(ct);

        // Answered in the year with a reply; or open, being handled, with its last day in the year.
        // A case waiting for a supplement, a fee or a consultation has its clock stopped (Arts. 30,
        // 32, 42), so it is not judged late while it waits.
        var cases = await db.Applications.AsNoTracking()
            .Where(a => agencyIds.Contains(a.AgencyId)
                && ((a.ReplyType != null && a.AnsweredOn >= start && a.AnsweredOn <= end)
                    || (a.AnsweredOn == null && a.Status == CaseStatus.InProgress && a.DueDate >= start && a.DueDate <= end)))
            .Select(a => new { a.AgencyId, a.Id, a.TrackingNumber, a.Received, a.DueDate, a.AnsweredOn, a.ReplyType, a.FormWanted })
            .ToListAsync(ct);
        var answeredIds = cases.Where(c => c.ReplyType is not null).Select(c => c.Id).ToList();
        var answers = (await db.ApplicationSteps.AsNoTracking()
                .Where(s => answeredIds.Contains(s.ApplicationId) && s.Kind == StepKind.Reply)
                .Select(s => new { s.ApplicationId, s.Id, s.Reason, s.Party, s.ItemIndex }).ToListAsync(ct))
            .GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Id)!);

        var appeals = await db.Appeals.AsNoTracking()
            .Where(a => agencyIds.Contains(a.AgencyId) && a.Result != null && a.Decided >= start && a.Decided <= end)
            .Join(db.Applications, a => a.ApplicationId, x => x.Id, (a, x) => new { a.AgencyId, a.ApplicationId, x.TrackingNumber, a.Kind, Decided = a.Decided!.Value, Result = a.Result!.Value })
            .ToListAsync(ct);

        var editions = (await db.AnnualReports.AsNoTracking()
            .Where(r => agencyIds.Contains(r.AgencyId) && r.Year == year && (r.Status == ReportStatus.Published || r.Status == ReportStatus.Superseded))
            .ToListAsync(ct)).ToLookup(r => r.AgencyId);
        // Each agency's records, found by key rather than by scanning every agency's for each one.
        var itemsOf = items.ToLookup(i => i.AgencyId);
        var casesOf = cases.ToLookup(c => c.AgencyId);
        var appealsOf = appeals.ToLookup(x => x.AgencyId);

        // Each current report's figures against the records: every agency of a format in one set of queries.
        var current = agencies.Select(a => editions[a.Id].Where(r => r.Status == ReportStatus.Published).MaxBy(r => r.Edition)).OfType<AnnualReportRecord>()
            .ToDictionary(r => r.AgencyId, r => (Record: r, Report: ReportRecords.Load(r)));
        var counted = new Dictionary<int, RecordCount>();
        foreach (var format in current.Values.Where(c => ApplicationTables.Computable(c.Report.FormatCode)).GroupBy(c => c.Report.FormatCode))
        {
            foreach (var (id, count) in await RecordCounts.CountEachAsync(db, format.Select(c => c.Record.AgencyId).ToList(), format.First().Report.Format, year, ct))
            {
                counted[id] = count;
            }
        }

        var result = new List<AgencyFacts>();
        foreach (var a in agencies)
        {
            var office = new Office(a.OfficeName, a.OfficeAddress, a.OfficeHours, a.OfficePhone, a.OfficeFax, a.OfficeEmail);
            var itemFacts = itemsOf[a.Id]
                .Select(i => new ItemFact(i.Id, i.Title, i.IndexNumber, i.CategoryCode, i.WrittenOn, i.PublishedOn, i.DocumentKind, i.Interpreted)).ToList();
            var caseFacts = casesOf[a.Id].Select(c =>
            {
                var answer = answers.GetValueOrDefault(c.Id);
                var missing = c.ReplyType is { } type
                    ? ReplyLetters.Missing(type, ApplicationLetters.RecordedElements(c.FormWanted, answer?.Reason, answer?.Party, answer?.ItemIndex))
                    : [];
                return new CaseFact(c.Id, c.TrackingNumber, c.Received, c.DueDate, c.AnsweredOn, c.ReplyType, missing);
            }).ToList();
            var appealFacts = appealsOf[a.Id].Select(x => new AppealFact(x.ApplicationId, x.TrackingNumber, x.Kind, x.Decided, x.Result)).ToList();
            result.Add(new AgencyFacts(a.Id, a.Name, a.Kind, office, guideChanged.TryGetValue(a.Id, out var g) ? g : null,
                itemFacts, caseFacts, appealFacts, ReportFact([.. editions[a.Id]], current.GetValueOrDefault(a.Id).Report, counted.GetValueOrDefault(a.Id))));
        }
        return result;
    }

    /// <summary>The year's published report: its first day of publication, and the current edition's failed checks and differences from the records.</summary>
    /// <param name="report">The current edition (the newest published), if any.</param>
    /// <param name="counted">The records' figures, when the report's format can be computed.</param>
    private static ReportFact? ReportFact(IReadOnlyList<AnnualReportRecord> editions, AnnualReport? report, RecordCount? counted)
    {
        if (editions.Count == 0)
        {
            return null;
        }
        var first = editions.Where(r => r.PublishedOn is not null).Min(r => r.PublishedOn);
        var current = editions.Where(r => r.Status == ReportStatus.Published).MaxBy(r => r.Edition);
        if (current is null || report is null)
        {
            return new ReportFact(null, null, first, [], null);
        }
        var failed = report.Check(imported: current.SourceFileId is not null).Where(v => v.Severity == Severity.Error).Select(v => v.Message).ToList();
        var differences = counted is null ? null : RecordFigures.Differences(report.Format, report.Values, counted.Values)
            .Select(d => $"{ReportChecks.Name(d.Cell)}：报告 {Figure(d.Reported)}，记录 {Figure(d.Counted)}").ToList();
        return new ReportFact(current.Id, current.Title, first, failed, differences);
    }

    private static string Figure(decimal? value) => value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "空白";

    /// <summary>
    /// The indicator set that assesses <paramref name="year"/> for staff of <paramref name="agencyId"/>:
    /// the newest own set (of the agency or, nearest first, an agency above it) starting on or
    /// before the year, else the shipped one.
    /// </summary>
    public static async Task<(IndicatorSet Set, AssessmentSetRecord? Record)> ApplyingAsync(GongkaiDb db, IReadOnlyList<int> selfAndAncestors, int year, CancellationToken ct)
    {
        var own = await db.AssessmentSets.AsNoTracking().Where(s => selfAndAncestors.Contains(s.AgencyId) && s.FromYear <= year).ToListAsync(ct);
        var chosen = own.OrderBy(s => selfAndAncestors.ToList().IndexOf(s.AgencyId)).ThenByDescending(s => s.FromYear).ThenByDescending(s => s.Id).FirstOrDefault();
        return chosen is null ? (IndicatorSet.For(year), null) : (chosen.Set(), chosen);
    }

    /// <summary>A supervisor's copy of <paramref name="source"/>, owned by its agency, to change.</summary>
    public static async Task<Outcome<AssessmentSetRecord>> CopyAsync(GongkaiDb db, int agencyId, IndicatorSet source, DateTime nowUtc, CancellationToken ct)
    {
        var copy = source with { Name = source.Name.EndsWith("（本地）", StringComparison.Ordinal) ? source.Name : TrimmedName(source.Name) + "（本地）" };
        var record = new AssessmentSetRecord { AgencyId = agencyId, Name = copy.Name, FromYear = copy.FromYear, Content = copy.ToJson(), UpdatedUtc = nowUtc };
        db.AssessmentSets.Add(record);
        return Outcome<AssessmentSetRecord>.Of(await Outcome.SaveAsync(db, ct), record);
    }

    private static string TrimmedName(string name) => name.Length > 96 ? name[..96] : name;

    /// <summary>
    /// Saves an edited set read at <paramref name="version"/>: refused, naming the field, when the
    /// JSON it makes would not parse (an indicator the records cannot compute, a weight of 0).
    /// </summary>
    public static async Task<Outcome> SaveSetAsync(GongkaiDb db, AssessmentSetRecord record, IndicatorSet edited, int version, DateTime nowUtc, CancellationToken ct)
    {
        var json = edited.ToJson();
        var parsed = IndicatorSet.Parse(json);
        if (parsed.Set is null)
        {
            return Outcome.Refused(parsed.Problems.Select(p => new Problem(null, p)).ToList());
        }
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        record.Name = parsed.Set.Name;
        record.FromYear = parsed.Set.FromYear;
        record.Content = json;
        record.UpdatedUtc = nowUtc;
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>
    /// The assessment as a workbook: the scores (one line per agency, each indicator's score and the
    /// total), the indicators (weight, how computed, basis), then one sheet per indicator with the
    /// evidence rows of every agency that fell short.
    /// </summary>
    public static byte[] Workbook(Result result)
    {
        var indicators = result.Set.Indicators;
        var sheets = new List<Xlsx.Sheet>
        {
            new("得分", ["机构", .. indicators.Select(i => $"{i.Name}（{IndicatorSet.Format(i.Weight)}分）"), $"总分（{IndicatorSet.Format(result.Set.TotalWeight)}分）"],
                result.Rows.Select(r => (IReadOnlyList<object?>)[r.Agency, .. r.Scores.Select(s => (object?)s.Score), r.Total])),
            new("指标", ["代码", "指标", "分值", "计算方法", "依据"],
                indicators.Select(i => (IReadOnlyList<object?>)[i.Code, i.Name, i.Weight, i.Measure.Label(), i.Basis])),
        };
        for (var n = 0; n < indicators.Count; n++)
        {
            var index = n;
            sheets.Add(new(indicators[n].Name, ["机构", "得分", "说明", "记录", "情况"], result.Rows.SelectMany(r =>
            {
                // Every agency has a line (its note says why it scored what it did), then one per record that fell short.
                var score = r.Scores[index];
                return score.Evidence.Count == 0
                    ? [(IReadOnlyList<object?>)[r.Agency, score.Score, score.Note, null, null]]
                    : score.Evidence.Select(e => (IReadOnlyList<object?>)[r.Agency, score.Score, score.Note, e.Title, e.Detail]);
            })));
        }
        return Xlsx.Write(sheets);
    }
}
