using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Reports;

/// <summary>The figures of a report the records give, and where a report's figures differ from them.</summary>
public static class RecordFigures
{
    /// <summary>The cells of a format the records can give (application, appeals and proactive figures); none for a format they cannot.</summary>
    public static IReadOnlySet<CellKey> Cells(ReportFormat format) =>
        ApplicationTables.Computable(format.Code)
            ? ApplicationTables.OwnedCells(format).Concat(ProactiveTables.OwnedCells(format.Code)).ToHashSet()
            : new HashSet<CellKey>();

    /// <summary>The cells the records give whose reported figure is another (a blank differs from 0).</summary>
    public static IReadOnlyList<(CellDef Cell, decimal? Reported, decimal? Counted)> Differences(ReportFormat format, ReportValues reported, ReportValues counted)
    {
        var owned = Cells(format);
        return format.Cells().Where(c => owned.Contains(c.Key) && reported.Number(c.Key) != counted.Number(c.Key))
            .Select(c => (c, reported.Number(c.Key), counted.Number(c.Key))).ToList();
    }
}
