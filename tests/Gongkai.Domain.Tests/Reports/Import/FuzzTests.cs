using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>
/// Damaged reports — lines deleted, duplicated or replaced by junk, full- and half-width forms
/// swapped, the file cut anywhere — never make the parser throw anything but its own clear error,
/// and it never reports a value that is not printed in the text.
/// </summary>
public sealed class FuzzTests
{
    public static TheoryData<string> Seeds => new([SeedTruth.Seed000, SeedTruth.Seed001, SeedTruth.Seed002, SeedTruth.Seed003, SeedTruth.Seed004]);

    private static readonly (char Full, char Half)[] Widths = [('（', '('), ('）', ')'), ('．', '.'), ('，', ','), ('：', ':'), ('０', '0'), ('１', '1'), ('　', ' ')];

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var edits = random.Next(1, 12);
        for (var e = 0; e < edits && lines.Count > 0; e++)
        {
            var i = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(i);
                    break;
                case 1:
                    lines.Insert(i, lines[i]);
                    break;
                case 2:
                    lines.Insert(i, random.Next(3) switch { 0 => "\t\t\t", 1 => "||| 垃圾 |", _ => new string((char)random.Next(0x4e00, 0x9fa5), random.Next(1, 30)) });
                    break;
                case 3:
                    var sb = new StringBuilder(lines[i]);
                    for (var k = 0; k < sb.Length; k++)
                    {
                        foreach (var (full, half) in Widths)
                        {
                            if (sb[k] == full && random.Next(2) == 0) { sb[k] = half; }
                            else if (sb[k] == half && random.Next(2) == 0) { sb[k] = full; }
                        }
                    }
                    lines[i] = sb.ToString();
                    break;
                case 4:
                    lines[i] = lines[i][..random.Next(lines[i].Length + 1)];
                    break;
                default:
                    (lines[i], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[i]);
                    break;
            }
        }
        var joined = string.Join('\n', lines);
        return random.Next(4) == 0 ? joined[..random.Next(joined.Length + 1)] : joined;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ADamagedReport_NeverBreaksTheParser_NorGainsAValue(string seed)
    {
        var original = File.ReadAllText(SeedTruth.FixturePath(seed));
        var (read, values) = (0, 0);
        for (var round = 0; round < 150; round++)
        {
            var random = new Random(round * 31 + seed[2]);
            var damaged = Mutate(original, random);
            ImportedReport imported;
            try
            {
                imported = ReportParser.ParseText(seed, damaged);
            }
            catch (ReportImportException e)
            {
                Assert.StartsWith(seed, e.Message);
                continue;
            }
            read++;
            values += imported.Report.Values.All.Count();
            foreach (var (key, value) in imported.Report.Values.All)
            {
                Assert.True(imported.Sources.TryGetValue(key, out var source), $"round {round}: {key} has no source");
                Assert.Contains(source.Printed, damaged);
                var reread = CellText.Parse(source.Printed, imported.Report.Format.FindCell(key)!.Kind).Value ?? CellValue.OfText(source.Printed);
                Assert.Equal(reread.Display(), value.Display());
            }
        }
        // A parser that refused every damaged copy, or read none of its figures, would pass the loop: it must read most of them.
        Assert.True(read >= 75, $"{seed}: only {read} of 150 damaged copies were read");
        var intact = ReportParser.ParseText(seed, original).Report.Values.All.Count();
        Assert.True(values > 0 || intact == 0, $"{seed}: no figure was read from any damaged copy");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("一、总体情况\n没有年份的报告。")]
    public void AReportWithoutAYear_IsAClearError_NamingTheFile(string text)
    {
        var error = Assert.Throws<ReportImportException>(() => ReportParser.ParseText("empty.txt", text));
        Assert.Equal("empty.txt：找不到报告年度。", error.Message);
    }

    [Fact]
    public void ATableThatMatchesNoFormat_IsAnError_NotAGuess()
    {
        var text = "某局2020年政府信息公开工作年度报告\n\n项目\t数量\n苹果\t3\n香蕉\t4\n橘子\t5\n";
        var error = Assert.Throws<ReportImportException>(() => ReportParser.ParseText("fruit.txt", text));
        Assert.Contains("无法对应到任何已知的报告格式", error.Message);
    }

    [Fact]
    public void ARowTheFormatDoesNotKnow_IsKeptAndReported()
    {
        var text = File.ReadAllText(SeedTruth.FixturePath(SeedTruth.Seed000))
            .Replace("八、依申请公开信息收取的费用\t万元\t0", "八、依申请公开信息收取的费用\t万元\t0\n新增统计项：电话咨询次数\t次\t42");
        var imported = ReportParser.ParseText("000.txt", text);
        var row = Assert.Single(imported.Unrecognised);
        Assert.Equal("新增统计项：电话咨询次数", row.Label);
        Assert.Equal(["新增统计项：电话咨询次数", "次", "42"], row.Cells);
        Assert.Contains(imported.Problems, p => p.CheckCode == "row.unrecognised" && p.Message.Contains("电话咨询次数"));
    }

    // Found by the fuzz run (bench: fuzz), each a server error or a minute of CPU before.

    [Fact]
    public void AFigureTooLargeForAnyNumber_IsAProblemAtItsRow_NotAnError()
    {
        var text = File.ReadAllText(SeedTruth.FixturePath(SeedTruth.Seed000))
            .Replace("八、依申请公开信息收取的费用\t万元\t0", "八、依申请公开信息收取的费用\t万元\t" + new string('9', 40));
        var imported = ReportParser.ParseText("000.txt", text);
        Assert.Contains(imported.Problems, p => p.CheckCode == "cell.kind" && p.Message.StartsWith("八、依申请公开信息收取的费用：应填数字", StringComparison.Ordinal));
    }

    [Fact]
    public void ALongRunOfDigitsInTheNarrative_ChangesNoFigure()
    {
        var original = File.ReadAllText(SeedTruth.FixturePath(SeedTruth.Seed001));
        var paragraph = original.IndexOf('。', original.Length / 10);
        var damaged = original[..paragraph] + new string('9', 200_000) + original[paragraph..];
        var before = ReportParser.ParseText("001.txt", original).Report.Values.All.ToDictionary(v => v.Key, v => v.Value.Display());
        var after = ReportParser.ParseText("001.txt", damaged).Report.Values.All.ToDictionary(v => v.Key, v => v.Value.Display());
        Assert.Equal(before, after);
    }

    [Fact]
    public void ALabelLookedForPastTheEndOfTheText_IsNotFound()
    {
        Assert.Null(LabelPattern.For("本年新收政府信息公开申请数量").Find("本年新收政府信息公开申请数量", 30, 100));
    }
}
