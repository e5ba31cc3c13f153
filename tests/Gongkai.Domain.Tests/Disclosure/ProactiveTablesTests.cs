using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Disclosure;

/// <summary>The report's proactive figures from the items, counted by hand.</summary>
public sealed class ProactiveTablesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    // 2024: two normative documents made and published, one of them repealed in 2024; one made in
    // 2022 still in force; one made 2020 and repealed 2023; a rule made 2024; three other items.
    private static readonly DisclosedItem[] Items =
    [
        new(DocumentKind.Normative, D("2024-02-01"), D("2024-02-05"), null, null, PublicationChannels.Website | PublicationChannels.WeChat),
        new(DocumentKind.Normative, D("2024-03-01"), D("2024-03-04"), D("2024-11-30"), null, PublicationChannels.Website | PublicationChannels.Gazette),
        new(DocumentKind.Normative, D("2022-06-01"), D("2022-06-02"), null, null, PublicationChannels.Website),
        new(DocumentKind.Normative, D("2020-01-10"), D("2020-01-12"), D("2023-05-01"), null, PublicationChannels.Website),
        new(DocumentKind.Rule, D("2024-09-01"), D("2024-09-03"), null, null, PublicationChannels.Website),
        new(DocumentKind.None, D("2024-01-02"), D("2024-01-03"), null, null, PublicationChannels.Website | PublicationChannels.Weibo),
        new(DocumentKind.None, D("2024-05-02"), D("2024-05-06"), null, D("2024-06-01"), PublicationChannels.Website),
        new(DocumentKind.None, D("2024-12-30"), null, null, null, PublicationChannels.None),
    ];

    [Fact]
    public void The2021Row_CountsIssuedRepealedAndInForce()
    {
        var values = new ReportValues();
        ProactiveTables.Fill(values, "2021", 2024, Items);
        decimal? Cell(string row, string column) => values.Number(new CellKey("proactive", row, column));
        Assert.Equal((2m, 1m, 2m), (Cell("normative", "issued")!.Value, Cell("normative", "repealed")!.Value, Cell("normative", "in_force")!.Value));
        Assert.Equal((1m, 0m, 1m), (Cell("rules", "issued")!.Value, Cell("rules", "repealed")!.Value, Cell("rules", "in_force")!.Value));
        Assert.Null(Cell("licensing", "decisions"));
    }

    [Fact]
    public void The2019Row_CountsMadePublishedAndTotal()
    {
        var values = new ReportValues();
        ProactiveTables.Fill(values, "2019", 2024, Items);
        decimal? Cell(string column) => values.Number(new CellKey("proactive", "normative", column));
        Assert.Equal((2m, 2m, 4m), (Cell("made")!.Value, Cell("published")!.Value, Cell("total")!.Value));
    }

    [Fact]
    public void TheLegacyRows_CountEachItemOnce_AndEachChannel()
    {
        var values = new ReportValues();
        ProactiveTables.Fill(values, "legacy-national", 2024, Items);
        decimal? Row(string row) => values.Number(new CellKey("stats", row, "value"));
        Assert.Equal((5m, 2m, 2m), (Row("proactive.items")!.Value, Row("proactive.items.normative")!.Value, Row("proactive.items.normative_issued")!.Value));
        Assert.Equal((5m, 1m, 1m, 1m, 0m), (Row("proactive.channels.website")!.Value, Row("proactive.channels.gazette")!.Value, Row("proactive.channels.weibo")!.Value,
            Row("proactive.channels.wechat")!.Value, Row("proactive.channels.other")!.Value));
        Assert.DoesNotContain(ReportChecks.Evaluate(ReportFormats.Get("legacy-national"), values), v => v.Severity == Severity.Error);
    }

    /// <summary>
    /// The drill-down's lists, counted by hand from the items above (by their place in the list):
    /// each item is listed under exactly these cells and no others.
    /// </summary>
    [Theory]
    [InlineData("2021", "proactive/normative/issued", new[] { 0, 1 })]
    [InlineData("2021", "proactive/normative/repealed", new[] { 1 })]
    [InlineData("2021", "proactive/normative/in_force", new[] { 0, 2 })]
    [InlineData("2021", "proactive/rules/issued", new[] { 4 })]
    [InlineData("2021", "proactive/rules/repealed", new int[0])]
    [InlineData("2021", "proactive/rules/in_force", new[] { 4 })]
    [InlineData("2019", "proactive/normative/total", new[] { 0, 1, 2, 3 })]
    [InlineData("legacy-national", "stats/proactive.items/value", new[] { 0, 1, 4, 5, 6 })]
    [InlineData("legacy-national", "stats/proactive.channels.gazette/value", new[] { 1 })]
    [InlineData("legacy-national", "stats/proactive.channels.wechat/value", new[] { 0 })]
    public void EachFigure_ListsTheItemsCountedByHand(string format, string cell, int[] expected)
    {
        var listed = Enumerable.Range(0, Items.Length)
            .Where(i => ProactiveTables.CellsOf(Items[i], format, 2024).Any(k => k.ToString() == cell)).ToArray();
        Assert.Equal(expected, listed);
        var values = new ReportValues();
        ProactiveTables.Fill(values, format, 2024, Items);
        Assert.Equal(expected.Length, values.Number(ProactiveTables.OwnedCells(format).Single(k => k.ToString() == cell)));
    }

    /// <summary>
    /// The database counts items grouped by where their dates stand to the year, one stand-in per
    /// group: the cells of every item, in every format, are those of its stand-in.
    /// </summary>
    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    [InlineData("legacy-national")]
    public void AnItemsCells_DependOnlyOnWhereItsDatesStandToTheYear(string format)
    {
        var random = new Random(30);
        DateOnly? Day(bool optional) => optional && random.Next(4) == 0 ? null : new DateOnly(2022, 1, 1).AddDays(random.Next(0, 365 * 5));
        for (var i = 0; i < 5000; i++)
        {
            var year = random.Next(2023, 2026);
            var item = new DisclosedItem((DocumentKind)random.Next(3), Day(false), Day(true), Day(true), Day(true), (PublicationChannels)random.Next(0, 32));
            var standIn = item with
            {
                Issued = ProactiveTables.StandIn(ProactiveTables.Side(item.Issued, year), year),
                Published = ProactiveTables.StandIn(ProactiveTables.Side(item.Published, year), year),
                Repealed = ProactiveTables.StandIn(ProactiveTables.Side(item.Repealed, year), year),
                Withdrawn = ProactiveTables.StandIn(ProactiveTables.Side(item.Withdrawn, year), year),
            };
            Assert.Equal(ProactiveTables.CellsOf(item, format, year), ProactiveTables.CellsOf(standIn, format, year));
        }
        // A stand-in counts as many items as it stands for.
        var values = new ReportValues();
        ProactiveTables.Fill(values, "2021", 2024, [Items[0] with { Count = 7 }]);
        Assert.Equal(7, values.Number(new CellKey("proactive", "normative", "issued")));
    }
}
