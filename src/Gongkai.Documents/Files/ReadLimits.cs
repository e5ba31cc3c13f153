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
            var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            using var part = new Counting(entry.Open(), limits.MaxDecompressedBytes - total, limits.MaxDecompressedBytes, xml ? new TagSizes() : null);
            if (xml)
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

    /// <summary>
    /// The size of each tag of an XML part, watched in its bytes before the XML reader parses them.
    /// The reader takes a whole start tag in one call that no clock can interrupt, and a tag with a
    /// million attributes costs it half a minute (2 M: 102 s and 841 MB; issue 25). A Word or Excel
    /// element carries a few dozen attributes at most (w:rsid…, w14:paraId, r:id), so a tag with more
    /// than <see cref="MaxAttributes"/> or longer than <see cref="MaxTagBytes"/> is refused as soon as
    /// its bytes go past.
    /// </summary>
    public sealed class TagSizes
    {
        public const int MaxAttributes = 1_000;
        public const int MaxTagBytes = 256 * 1024;

        private bool _inTag;
        private byte _quote;
        private int _attributes;
        private int _bytes;

        public void Watch(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (!_inTag)
                {
                    if (b == (byte)'<')
                    {
                        (_inTag, _quote, _attributes, _bytes) = (true, 0, 0, 0);
                    }
                    continue;
                }
                if (++_bytes > MaxTagBytes)
                {
                    throw new FileLimitException($"文件中的一个元素超过 {MaxTagBytes >> 10:N0} KB。");
                }
                if (_quote != 0)
                {
                    _quote = b == _quote ? (byte)0 : _quote;
                }
                else if (b is (byte)'"' or (byte)'\'')
                {
                    _quote = b;
                }
                else if (b == (byte)'=' && ++_attributes > MaxAttributes)
                {
                    throw new FileLimitException($"文件中的一个元素带有过多属性（超过 {MaxAttributes:N0} 个）。");
                }
                else if (b == (byte)'>')
                {
                    _inTag = false;
                }
            }
        }
    }

    /// <summary>A decompressing stream that stops at the limit instead of filling memory, and watches each tag's size in an XML part.</summary>
    private sealed class Counting(Stream inner, long allowed, long limit, TagSizes? tags) : Stream
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
            tags?.Watch(buffer.AsSpan(offset, read));
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
