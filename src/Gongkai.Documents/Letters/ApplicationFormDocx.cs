using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Letters;

/// <summary>
/// The 政府信息公开申请表 for people who apply on paper (Art. 29: in writing, letters included),
/// made for one agency: its name on the form, and where and how to hand it in. The form asks for
/// what Art. 29 requires and nothing more: who applies and how to reach them (with the proof of
/// identity), what information (名称、文号 or another description), and in what form and by what
/// way it is wanted.
/// </summary>
public static class ApplicationFormDocx
{
    /// <summary>Where the form goes: the agency's disclosure office (政府信息公开工作机构) and the online form's address.</summary>
    public sealed record Office(string Agency, string Name, string Address, string? Postcode, string Phone, string? Fax, string? Hours, string OnlineUrl);

    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int Width = 8844; // A4 between the official-document margins, in twentieths of a point

    public static byte[] Render(Office office)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(
                Para("政府信息公开申请表", 36, JustificationValues.Center, bold: true, font: "SimHei"),
                Para($"（向{office.Agency}提出）", 28, JustificationValues.Center),
                Table(office),
                Para("填表说明", 24, JustificationValues.Left, bold: true, before: 200));
            var notes = new List<string>
            {
                "一、申请人是公民的，填写姓名、身份证件名称和号码；是法人或者其他组织的，填写名称、统一社会信用代码和联系人。请附身份证明复印件。",
                "二、所需信息请尽量写明名称、文号，或者便于查询的其他特征性描述（条例第二十九条）；内容不明确的，本机关将一次性告知需要补正的事项。",
                $"三、提交方式：当面提交至{office.Address}{(office.Hours is { } h ? $"（{h}）" : "")}；邮寄至{office.Address}{(office.Postcode is { } p ? $"，邮政编码{p}" : "")}，收件人{office.Name}，请在信封左下角注明“政府信息公开申请”{(office.Fax is { } fax ? $"；传真至{fax}" : "")}；也可在线提交：{office.OnlineUrl}。咨询电话：{office.Phone}。",
                $"四、本机关收到申请之日起{ReplyDeadline.BaseDays(ReplyRules.Regulation2019)}个工作日内予以答复；需要延长的，延长期限最长不超过{ReplyDeadline.MaxExtension(ReplyRules.Regulation2019)}个工作日（条例第三十三条）。行政机关依申请提供政府信息，不收取费用（条例第四十二条另有规定的除外）。本表复制有效。",
            };
            foreach (var note in notes)
            {
                body.Append(Para(note, 21, JustificationValues.Left));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1531, Right = 1531, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            Files.DocxProperties.Set(document, "政府信息公开申请表", office.Agency);
        }
        return stream.ToArray();
    }

    private static Table Table(Office office)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = Width.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6 }, new BottomBorder { Val = BorderValues.Single, Size = 6 },
                new LeftBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(new GridColumn { Width = "1400" }, new GridColumn { Width = "2300" }, new GridColumn { Width = (Width - 3700).ToString() }));
        void Section(string title) => table.Append(new TableRow(Cell(title, 3, bold: true, shaded: true)));
        void Line(string group, string label, int height = 520, string value = "") =>
            table.Append(new TableRow(new TableRowProperties(new TableRowHeight { Val = (uint)height }), Cell(group, 1), Cell(label, 1), Cell(value, 1)));

        Section("一、申请人信息");
        Line("公民", "姓名");
        Line("", "身份证件名称及号码");
        Line("", "工作单位（选填）");
        Line("法人或者其他组织", "名称");
        Line("", "统一社会信用代码");
        Line("", "法定代表人或者负责人");
        Line("", "联系人姓名");
        Line("联系方式", "联系电话");
        Line("", "电子邮箱");
        Line("", "通信地址及邮政编码");
        Section("二、所需信息情况");
        Line("所需信息", "名称、文号或者便于查询的其他特征性描述", 2400);
        Section("三、获取信息的方式");
        Line("形式要求", "提供信息的方式（请在□内打√）", 700, string.Join("　", Applicant.Forms.Select(f => "□" + f)) + "　□其他：");
        Section("四、申请人签名");
        Line("签名或者盖章", "申请人签名（盖章）", 700);
        Line("", "申请日期", 520, "　　　　年　　月　　日");
        table.Append(new TableRow(Cell($"收件机关：{office.Agency}　{office.Name}", 3)));
        return table;
    }

    private static TableCell Cell(string text, int span, bool bold = false, bool shaded = false)
    {
        var properties = new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "EDEDED" });
        }
        return new TableCell(properties, Para(text, 24, JustificationValues.Left, bold: bold, line: 360));
    }

    private static Paragraph Para(string text, int size, JustificationValues align, bool bold = false, string font = "FangSong", int before = 0, int line = 400)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(), After = "0", Line = line.ToString(), LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = align });
        var run = new RunProperties(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font });
        if (bold)
        {
            run.Append(new Bold());
        }
        run.Append(new FontSize { Val = size.ToString() });
        return new Paragraph(properties, new Run(run, new Text(WritableText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
