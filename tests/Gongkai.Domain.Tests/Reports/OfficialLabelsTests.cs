using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>
/// Every row and column of domain-spec §2 is in its format with exactly its label. The expected
/// labels are the spec's own blocks, copied verbatim into Reports/SpecLabels; the regional
/// variants apply the changes the spec describes in words.
/// </summary>
public sealed class OfficialLabelsTests
{
    private static string Spec(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "SpecLabels", file));

    /// <summary>The (label, unit) lines of a spec block written as "label → unit".</summary>
    private static List<(string Label, string? Unit)> Lines(string block) => block
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Split("   (no")[0].Trim())
        .Select(l => l.Split(" → ") is [var label, var unit] ? (label.Trim(), (string?)unit.Trim()) : (l, null))
        .ToList();

    private static List<(string Label, string? Unit)> Rows(string formatCode) =>
        ReportFormats.Get(formatCode).Table("stats").AllRows().Select(r => (r.Label, r.Unit)).ToList();

    private static List<(string, string?)> National() => Lines(Spec("legacy-national.rows.txt"));

    private static int IndexOf(List<(string Label, string? Unit)> rows, string label) => rows.FindIndex(r => r.Label == label);

    [Fact]
    public void LegacyNational_HasTheSpecsRowsInOrder_WithTheirUnits()
    {
        Assert.Equal(National(), Rows("legacy-national"));
    }

    [Fact]
    public void LegacyBeijing_InsertsTheKeyAreaRows_AndRenumbersTheChannelBlock()
    {
        var expected = National();
        expected[IndexOf(expected, "（二）通过不同渠道和方式公开政府信息的情况")] = ("（三）通过不同渠道和方式公开政府信息的情况", null);
        expected.InsertRange(IndexOf(expected, "制发规范性文件总数") + 1, Lines(Spec("legacy-beijing.insert.txt")));
        Assert.Equal(expected, Rows("legacy-beijing"));
    }

    private static List<(string Label, string? Unit)> Shandong()
    {
        var rows = National();
        rows.Insert(IndexOf(rows, "4.信函申请数") + 1, ("5.其他形式", "件"));
        var complaints = IndexOf(rows, "六、举报投诉数量");
        rows.RemoveAt(complaints);
        rows.InsertRange(complaints,
        [
            ("六、被举报投诉数量", "件"), ("（一）维持具体行政行为数", "件"), ("（二）被纠错数", "件"), ("（三）其他情形数", "件"),
            ("七、向图书馆、档案馆等查阅场所报送信息数", "条"), ("（一）纸质文件数", "条"), ("（二）电子文件数", "条"),
        ]);
        Renumber(rows, "七、依申请公开信息收取的费用", "八、");
        Renumber(rows, "八、机构建设和保障经费情况", "九、");
        Renumber(rows, "九、政府信息公开会议和培训情况", "十、");
        return rows;
    }

    private static void Renumber(List<(string Label, string? Unit)> rows, string label, string number)
    {
        var i = IndexOf(rows, label);
        rows[i] = (number + label[(label.IndexOf('、') + 1)..], rows[i].Unit);
    }

    [Fact]
    public void LegacyShandong_AddsOtherForm_ComplaintBreakdown_AndArchives_AndRenumbers()
    {
        Assert.Equal(Shandong(), Rows("legacy-shandong"));
    }

    [Fact]
    public void LegacyWeihai_AddsItsRowsAfterTheArchives_WithoutTheBudgetRow()
    {
        var shandong = Shandong();
        var expected = shandong.Take(IndexOf(shandong, "八、依申请公开信息收取的费用")).ToList();
        expected[IndexOf(expected, "二、回应解读情况")] = ("二、回应解读情况（不同方式回应同一热点或舆情计1次）", null);
        var insert = Lines(Spec("legacy-weihai.insert.txt"));
        expected.AddRange(insert.Take(IndexOf(insert, "十三、机构建设和保障经费情况") + 1));
        var staffing = shandong.Skip(IndexOf(shandong, "九、机构建设和保障经费情况") + 1).TakeWhile(r => !r.Label.StartsWith("十、", StringComparison.Ordinal));
        expected.AddRange(staffing.Where(r => !r.Label.StartsWith("（四）政府信息公开专项经费", StringComparison.Ordinal)));
        expected.Add(("十四、政府信息公开会议和培训情况", null));
        expected.AddRange(shandong.Skip(IndexOf(shandong, "十、政府信息公开会议和培训情况") + 1));
        Assert.Equal(expected, Rows("legacy-weihai"));
    }

    [Theory]
    [InlineData("legacy-national")]
    [InlineData("legacy-beijing")]
    [InlineData("legacy-shandong")]
    [InlineData("legacy-weihai")]
    public void TheStatisticsSheet_HasTheColumns统计指标单位统计数(string format)
    {
        var section = ReportFormats.Get(format).Table("stats").Sections.Single();
        Assert.Equal("统计指标", section.LabelHeader);
        Assert.Equal(["单位", "统计数"], section.Columns.Select(c => c.Label));
    }

    private static List<string> RequestRows2019() => Spec("new.requests.rows.txt")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('*').Trim()).ToList();

    private static List<string> Labels(TableDef table) => table.AllRows().Select(r => r.Label).ToList();

    private static List<string> DataRows(TableDef table) => table.AllRows().Where(r => r.HasCells).Select(r => r.Label).ToList();

    [Fact]
    public void Format2019_RequestTable_HasThe23DataRowsAndTheirGroups()
    {
        var table = ReportFormats.Get("2019").Table("requests");
        Assert.Equal(RequestRows2019(), Labels(table));
        var starred = Spec("new.requests.rows.txt").Split('\n').Where(l => l.StartsWith('*')).Select(l => l.TrimStart('*').Trim()).ToList();
        Assert.Equal(starred, DataRows(table));
        Assert.Equal(23, starred.Count);
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", table.CornerNote);
    }

    [Fact]
    public void Format2021_RequestTable_SplitsOtherHandlingIntoThreeRows()
    {
        var expected = RequestRows2019();
        var other = expected.IndexOf("（六）其他处理");
        var split = Spec("2021.requests.other.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('*').Trim()).ToList();
        expected.RemoveAt(other);
        expected.InsertRange(other, split);
        var table = ReportFormats.Get("2021").Table("requests");
        Assert.Equal(expected, Labels(table));
        Assert.Equal(25, DataRows(table).Count);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void TheRequestTable_HasTheApplicantColumnsTree(string format)
    {
        var expected = Spec("new.requests.columns.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimStart('├', '└', '│', '─', ' ')).Select(l => l.Trim('├', '└', '│', '─', ' ')).ToList();
        var section = ReportFormats.Get(format).Table("requests").Sections.Single();
        Assert.Equal(expected, section.Columns.SelectMany(Flatten).ToList());
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], section.LeafColumns().Select(c => c.Label));
    }

    private static IEnumerable<string> Flatten(ColumnDef c) => [c.Label, .. c.Children.SelectMany(Flatten)];

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void TheAppealsTable_HasFifteenColumnsInTheSpecsOrder(string format)
    {
        var block = Spec("new.appeals.columns.txt").Split('\n');
        string[] Cells(string line) => line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var top = Cells(block[0]);
        var outcomes = Cells(block[1])[..5];
        var litigation = Cells(block[1])[5..];
        var expected = new List<string> { top[0] };
        expected.AddRange(outcomes);
        expected.Add(top[1]);
        foreach (var kind in litigation)
        {
            expected.Add(kind);
            expected.AddRange(outcomes);
        }
        var section = ReportFormats.Get(format).Table("appeals").Sections.Single();
        Assert.Equal(expected, section.Columns.SelectMany(Flatten).ToList());
        Assert.Equal(15, section.LeafColumns().Count);
        Assert.Single(section.Rows);
    }

    [Theory]
    [InlineData("2019", "2019.proactive.txt")]
    [InlineData("2021", "2021.proactive.txt")]
    public void TheArticle20Table_HasEachBlockWithItsColumnsAndRows(string format, string file)
    {
        var expected = Spec(file).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(c => (Title: c[0], Columns: c[1].Split(" / ").ToList(), Rows: c[2].Split(" ; ").ToList()))
            .ToList();
        var table = ReportFormats.Get(format).Table("proactive");
        var actual = table.Sections.Select(s => (Title: s.Title!, Columns: s.LeafColumns().Select(c => c.Label).ToList(), Rows: s.Rows.Select(r => r.Label).ToList())).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Title, actual[i].Title);
            Assert.Equal(expected[i].Columns, actual[i].Columns);
            Assert.Equal(expected[i].Rows, actual[i].Rows);
            Assert.Equal("信息内容", table.Sections[i].LabelHeader);
        }
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void TheNewFormats_HaveTheSixPartOutline_WithTheTablesInPartsTwoToFour(string format)
    {
        var outline = ReportFormats.Get(format).Outline;
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            outline.Select(p => p.Heading));
        Assert.Equal([[], ["proactive"], ["requests"], ["appeals"], [], []], outline.Select(p => p.TableCodes.ToArray()));
    }
}
