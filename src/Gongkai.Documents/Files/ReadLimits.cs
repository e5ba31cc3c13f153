using System.Diagnostics;
using System.IO.Compression;
using System.Xml;

namespace Gongkai.Documents.Files;

/// <summary>
/// How much of an uploaded file the readers will look at: nesting depth, bytes once decompressed,
/// characters of text, and time. Anyone can upload a report to the parse API, so a file built to
/// exhaust the server (a table nested 20,000 deep, a zip bomb) must be refused with a message,
/// not followed.
/// </summary>
public sealed record ReadLimits(int MaxNesting = 256, long MaxDecompressedBytes = 64L * 1024 * 1024, int MaxCharacters = 2_000_000, TimeSpan? Time = null)
{
    public static ReadLimits Default { get; } = new(Time: TimeSpan.FromSeconds(20));

    public TimeSpan Budget => Time ?? TimeSpan.FromSeconds(20);

    /// <summary>Where PDFs are read: in a worker process (the web app), or in this process when null (the CLI, a clerk's own files).</summary>
    public Pdf.PdfWorker? Worker { get; init; }
}

/// <summary>A file refused by <see cref="ReadLimits"/>; the message says which limit, in Chinese.</summary>
public sealed class FileLimitException(string message) : Exception(message);

/// <summary>
/// Checks a Word or Excel file (a zip of XML parts) against the limits before the OpenXML SDK
/// opens it, reading every part once through a counting stream with a streaming XML reader: the
/// SDK builds its tree recursively (a deep enough nesting overflows the stack, which no catch can
/// stop) and trusts the sizes the zip declares.
/// </summary>
public static class OfficeFiles
{
    /// <summary>Throws <see cref="FileLimitException"/> when the file passes a limit, <see cref="InvalidDataException"/> when it is not a zip of XML parts.</summary>
    public static void Check(byte[] content, ReadLimits limits)
    {
        var clock = Stopwatch.StartNew();
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        var total = 0L;
        var characters = 0L;
        foreach (var entry in zip.Entries)
        {
            using var part = new Counting(entry.Open(), limits.MaxDecompressedBytes - total, limits.MaxDecompressedBytes);
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
                while (reader.Read())
                {
                    if (reader.Depth > limits.MaxNesting)
                    {
                        throw new FileLimitException($"文件结构嵌套过深（超过 {limits.MaxNesting} 层）。");
                    }
                    if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && (characters += reader.Value.Length) > limits.MaxCharacters)
                    {
                        throw new FileLimitException($"文字超过 {limits.MaxCharacters:N0} 字。");
                    }
                    if ((reader.NodeType == XmlNodeType.Element) && clock.Elapsed > limits.Budget)
                    {
                        throw new FileLimitException("读取超时。");
                    }
                }
            }
            else
            {
                part.CopyTo(Stream.Null);
            }
            total += part.Count;
        }
    }

    /// <summary>A decompressing stream that stops at the limit instead of filling memory.</summary>
    private sealed class Counting(Stream inner, long allowed, long limit) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Count += read;
            if (Count > allowed)
            {
                throw new FileLimitException($"解压后超过 {limit >> 20:N0} MB。");
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
