using System.Text;
using Gongkai.Documents.Files;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Import;

/// <summary>Reads a report file of any supported kind (text, markdown, HTML, DOCX, PDF), told apart by content, not by name.</summary>
public static class ReportFiles
{
    public static ImportedReport Parse(string name, byte[] content, ReadLimits? limits = null) => ReportParser.Parse(Read(name, content, limits));

    /// <summary>The file as paragraphs and tables, read within <paramref name="limits"/> (the defaults when null).</summary>
    public static SourceDocument Read(string name, byte[] content, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K')
        {
            return DocxSource.Read(name, content, limits);
        }
        if (Pdf.PdfLines.IsPdf(content))
        {
            return PdfSource.Read(name, content, limits);
        }
        var text = Decode(name, content);
        if (text.Length > limits.MaxCharacters)
        {
            throw new ReportImportException($"{name}：文字超过 {limits.MaxCharacters:N0} 字。");
        }
        var head = text.Length > 2048 ? text[..2048] : text;
        var page = head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
        if (!page && MarkdownSource.LooksLikeMarkdown(text))
        {
            // Markdown may hold raw <table> blocks (pandoc's tables with spanned cells): the markdown reader hands them on.
            return MarkdownSource.Read(name, text, limits);
        }
        if (page || head.Contains("<table", StringComparison.OrdinalIgnoreCase))
        {
            return HtmlSource.Read(name, text, limits);
        }
        return TextSource.Read(name, text);
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 as older government pages use.</summary>
    private static string Decode(string name, byte[] content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            return Encoding.Unicode.GetString(content).TrimStart('\ufeff');
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\ufeff');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            try
            {
                return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                throw new ReportImportException($"{name}：无法识别文件的文字编码（应为 UTF-8 或 GB18030 的文本、HTML、DOCX 或 PDF）。");
            }
        }
    }
}
