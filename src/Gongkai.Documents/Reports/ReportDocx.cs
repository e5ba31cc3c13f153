using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentFormat.OpenXml;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Reports;

/// <summary>
/// The report as a Word document (OpenXML): A4 with the margins of official documents
/// (GB/T 9704), 宋体 body, 黑体 headings, and the tables merged like the official template.
/// Opens in Word, WPS and LibreOffice.
/// </summary>
public static class ReportDocx
{
    // A4 and the GB/T 9704 margins (3.7 / 3.5 / 2.8 / 2.6 cm) in twentieths of a point.
    private const int PageWidth = 11906, PageHeight = 16838, MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1588, MarginRight = 1474;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;

    public static byte[] Render(AnnualReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Paragraph(report.Title, bold: true, size: 36, font: "SimHei", center: true, spacingAfter: 240));
            foreach (var line in Meta(report))
            {
                body.Append(Paragraph(line, size: 21, center: true));
            }
            foreach (var (part, tables) in report.Layout())
            {
                body.Append(Paragraph(part?.Heading ?? "附表", bold: true, size: 32, font: "SimHei", spacingBefore: 240, keepNext: true));
                foreach (var paragraph in ReportHtml.Paragraphs(part?.Text))
                {
                    body.Append(Paragraph(paragraph, size: 28, firstLineIndent: true));
                }
                foreach (var table in tables)
                {
                    var caption = ReportHtml.Caption(table, report.Year);
                    if (caption != part?.Heading)
                    {
                        body.Append(Paragraph(caption, bold: true, size: 24, center: true, spacingBefore: 120, keepNext: true));
                    }
                    body.Append(Table(table, report.Values));
                    body.Append(Paragraph("", size: 12));
                }
            }
            if (report.PublishedOn is { } date)
            {
                body.Append(Paragraph(report.AgencyName, size: 28, right: true, spacingBefore: 480));
                body.Append(Paragraph(ReportHtml.Date(date), size: 28, right: true));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            Files.DocxProperties.Set(document, report.Title, report.AgencyName);
        }
        return stream.ToArray();
    }

    private static IEnumerable<string> Meta(AnnualReport report)
    {
        if (report.PeriodStart is { } start && report.PeriodEnd is { } end)
        {
            yield return $"统计期间：{ReportHtml.Date(start)}至{ReportHtml.Date(end)}";
        }
        yield return $"报告格式：{report.Format.Name}";
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "SimSun", ComplexScript = "Times New Roman" },
                    new FontSize { Val = "24" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, string? font = null, bool center = false, bool right = false,
        bool firstLineIndent = false, int spacingBefore = 0, int spacingAfter = 0, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }
        properties.Append(new SpacingBetweenLines { Before = spacingBefore.ToString(), After = spacingAfter.ToString() });
        if (firstLineIndent)
        {
            // Two characters, as Chinese body text is indented.
            properties.Append(new Indentation { FirstLineChars = 200 });
        }
        if (center || right)
        {
            properties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        }
        return new Paragraph(properties, Run(text, bold, size, font));
    }

    private static Run Run(string text, bool bold, int size, string? font)
    {
        var properties = new RunProperties();
        if (font is not null)
        {
            properties.Append(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font });
        }
        if (bold)
        {
            properties.Append(new Bold());
        }
        properties.Append(new FontSize { Val = size.ToString() });
        return new Run(properties, new Text(WritableText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(TableDef definition, ReportValues values)
    {
        var grid = TableGrid.Build(definition, cell => values[cell.Key]?.Display() ?? (cell.Kind == ValueKind.UnitText ? cell.Row.Unit ?? "" : ""));
        var widths = ColumnWidths(grid);
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa })),
            new DocumentFormat.OpenXml.Wordprocessing.TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var singleSection = grid.Sections.Count == 1;
        foreach (var section in grid.Sections)
        {
            var rows = section.HeaderRows.Concat(section.BodyRows).ToList();
            var matrix = TableGrid.Matrix(rows, grid.Width);
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new TableRow();
                if (singleSection && r < section.HeaderRows.Count)
                {
                    row.Append(new TableRowProperties(new TableHeader()));
                }
                var c = 0;
                while (c < grid.Width)
                {
                    if (matrix[r][c] is not var (cell, start))
                    {
                        row.Append(Cell("", widths[c], 1, null, false, false));
                        c++;
                        continue;
                    }
                    var width = widths.Skip(c).Take(cell.ColSpan).Sum();
                    var merge = cell.RowSpan > 1 ? new VerticalMerge { Val = start ? MergedCellValues.Restart : MergedCellValues.Continue } : null;
                    var header = cell.Kind is not GridCellKind.Value;
                    var centered = cell.Kind is GridCellKind.Value or GridCellKind.ColumnHeader or GridCellKind.ColumnGroupHeader or GridCellKind.SectionTitle
                        || (cell.Kind == GridCellKind.Corner && !cell.Text.StartsWith('（'));
                    row.Append(Cell(start ? new string('　', cell.Indent * 2) + cell.Text : "", width, cell.ColSpan, merge,
                        bold: header && cell.Kind is GridCellKind.ColumnHeader or GridCellKind.ColumnGroupHeader or GridCellKind.SectionTitle, centered));
                    c += cell.ColSpan;
                }
                table.Append(row);
            }
        }
        return table;
    }

    private static int[] ColumnWidths(TableGrid grid)
    {
        var valueColumns = grid.Width - grid.LabelColumns;
        var labelShare = grid.LabelColumns == 0 ? 0 : grid.Table.Layout == LabelLayout.Indented ? 0.62 : grid.LabelColumns > 1 ? 0.5 : 0.42;
        var labelWidth = (int)(TextWidth * labelShare);
        var valueWidth = (TextWidth - labelWidth) / Math.Max(1, valueColumns);
        // Group labels (三、本年度办理结果) are short; the innermost label column holds the long row labels.
        var weights = Enumerable.Range(0, grid.LabelColumns).Select(i => i == grid.LabelColumns - 1 ? 2.5 : 1.0).ToList();
        var labels = weights.Select(w => (int)(labelWidth * w / weights.Sum()));
        return [.. labels, .. Enumerable.Repeat(valueWidth, valueColumns)];
    }

    private static TableCell Cell(string text, int width, int span, VerticalMerge? merge, bool bold, bool centered)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }
        if (merge is not null)
        {
            properties.Append(merge);
        }
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraph = new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "280", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = centered ? JustificationValues.Center : JustificationValues.Left }),
            Run(text, bold, 20, null));
        return new TableCell(properties, paragraph);
    }
}
