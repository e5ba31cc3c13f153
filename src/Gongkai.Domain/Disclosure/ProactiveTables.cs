using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Formats;

namespace Gongkai.Domain.Disclosure;

/// <summary>What the report's proactive figures need of one information item.</summary>
/// <param name="Issued">成文日期 / 印发日期: when a document was made.</param>
/// <param name="Repealed">When a document was repealed or declared invalid (废止、失效).</param>
/// <param name="Withdrawn">When a published item was taken down.</param>
/// <param name="Count">How many items this stands for: the database groups items whose dates stand alike to the year (<see cref="ProactiveTables.StandIn"/>).</param>
public sealed record DisclosedItem(DocumentKind Kind, DateOnly? Issued, DateOnly? Published, DateOnly? Repealed, DateOnly? Withdrawn, PublicationChannels Channels, int Count = 1)
{
    /// <summary>A document's validity (有效性) on a day: issued, not repealed by then.</summary>
    public bool InForce(DateOnly day) => Kind != DocumentKind.None && Issued is { } issued && issued <= day && (Repealed is not { } r || r > day);

    /// <summary>Whether the item was on the portal at the end of <paramref name="day"/>.</summary>
    public bool PublicOn(DateOnly day) => Published is { } p && p <= day && (Withdrawn is not { } w || w > day);
}

/// <summary>Where a date stands to a report year.</summary>
public enum YearSide
{
    None,
    Before,
    Within,
    After,
}

/// <summary>
/// The report's proactive figures from the records. Named policies:
/// <list type="bullet">
/// <item>Issued (制发 / 新制作): documents whose 成文日期 falls in the year.</item>
/// <item>Repealed (废止): documents repealed in the year.</item>
/// <item>In force (现行有效): documents in force on 31 December.</item>
/// <item>Newly published (新公开): items published in the year; total (对外公开总数量): on the portal on 31 December.</item>
/// <item>Legacy 主动公开政府信息数: items published in the year, once each; the channel rows count each channel.</item>
/// </list>
/// Only the cells records can give are set; 第二十条第（五）（六）（八）（九）项 stay as typed.
/// </summary>
public static class ProactiveTables
{
    /// <summary>
    /// Whether the format counts every published item (the pre-2019 主动公开政府信息数 and its
    /// channels) or only 规章 and 规范性文件 (2019, 2021), so the records loaded can be narrowed.
    /// </summary>
    public static bool CountsEveryItem(string formatCode) => formatCode is not ("2019" or "2021");

    /// <summary>Sets the cells of <see cref="OwnedCells"/> to the number of items <see cref="CellsOf"/> places in each.</summary>
    public static void Fill(ReportValues values, string formatCode, int year, IReadOnlyCollection<DisclosedItem> items)
    {
        var counts = OwnedCells(formatCode).ToDictionary(k => k, _ => 0);
        foreach (var item in items)
        {
            foreach (var key in CellsOf(item, formatCode, year))
            {
                counts[key] += item.Count;
            }
        }
        foreach (var (key, n) in counts)
        {
            values.Set(key, n);
        }
    }

    /// <summary>
    /// A day that stands to <paramref name="year"/> as <paramref name="side"/> says. <see cref="CellsOf"/>
    /// asks of each date only whether it is missing, before the year, within it or after it; so the
    /// database may count the items whose dates stand alike together, and one stand-in item per
    /// group gives every figure (a whole roll-up's agencies in one query: issue 30).
    /// </summary>
    public static DateOnly? StandIn(YearSide side, int year) => side switch
    {
        YearSide.Before => new DateOnly(year - 1, 12, 31),
        YearSide.Within => new DateOnly(year, 1, 1),
        YearSide.After => new DateOnly(year + 1, 1, 1),
        _ => null,
    };

    /// <summary>Where <paramref name="day"/> stands to <paramref name="year"/> (the database computes the same in its query).</summary>
    public static YearSide Side(DateOnly? day, int year) =>
        day is not { } d ? YearSide.None : d.Year < year ? YearSide.Before : d.Year == year ? YearSide.Within : YearSide.After;

    private static readonly (string Row, DocumentKind Kind)[] DocumentRows = [("rules", DocumentKind.Rule), ("normative", DocumentKind.Normative)];

    private static readonly (string Row, PublicationChannels Channel)[] ChannelRows =
    [
        ("gazette", PublicationChannels.Gazette), ("website", PublicationChannels.Website), ("weibo", PublicationChannels.Weibo),
        ("wechat", PublicationChannels.WeChat), ("other", PublicationChannels.Other),
    ];

    private static string[] DocumentColumns(string formatCode) => formatCode == "2021" ? ["issued", "repealed", "in_force"] : ["made", "published", "total"];

    /// <summary>The cells of a format the records give.</summary>
    public static IEnumerable<CellKey> OwnedCells(string formatCode) => formatCode is "2019" or "2021"
        ? DocumentRows.SelectMany(d => DocumentColumns(formatCode).Select(c => new CellKey(NewFormats.Proactive, d.Row, c)))
        : new[] { "proactive.items", "proactive.items.normative", "proactive.items.normative_issued" }.Concat(ChannelRows.Select(c => $"proactive.channels.{c.Row}"))
            .Select(r => new CellKey(LegacyFormats.Table, r, LegacyFormats.Value));

    /// <summary>The cells one item counts in for a report year, by the policies above.</summary>
    public static IEnumerable<CellKey> CellsOf(DisclosedItem item, string formatCode, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        bool In(DateOnly? d) => d is { } day && day >= first && day <= last;
        if (formatCode is "2019" or "2021")
        {
            if (DocumentRows.FirstOrDefault(d => d.Kind == item.Kind).Row is not { } row)
            {
                yield break;
            }
            var columns = DocumentColumns(formatCode);
            bool[] counted = formatCode == "2021"
                ? [In(item.Issued), In(item.Repealed), item.InForce(last)]
                : [In(item.Issued), In(item.Published), item.PublicOn(last)];
            for (var i = 0; i < columns.Length; i++)
            {
                if (counted[i])
                {
                    yield return new CellKey(NewFormats.Proactive, row, columns[i]);
                }
            }
            yield break;
        }
        CellKey Cell(string row) => new(LegacyFormats.Table, row, LegacyFormats.Value);
        if (item.Kind == DocumentKind.Normative && In(item.Issued))
        {
            yield return Cell("proactive.items.normative_issued");
        }
        if (!In(item.Published))
        {
            yield break;
        }
        yield return Cell("proactive.items");
        if (item.Kind == DocumentKind.Normative)
        {
            yield return Cell("proactive.items.normative");
        }
        foreach (var (row, channel) in ChannelRows.Where(c => item.Channels.HasFlag(c.Channel)))
        {
            yield return Cell($"proactive.channels.{row}");
        }
    }
}
