using System.Globalization;
using System.Text.Json;
using Gongkai.Documents.Files;

namespace Gongkai.Documents.Pdf;

/// <summary>The worker process's side of <see cref="PdfWorker"/>: what Gongkai.PdfWorker runs.</summary>
public sealed partial class PdfWorker
{
    /// <summary>
    /// The worker's side: reads a PDF from <paramref name="input"/> within the limits the arguments
    /// give and writes the pages, or why it refused the file, to <paramref name="output"/>.
    /// </summary>
    public static int Serve(string[] args, Stream input, Stream output)
    {
        using var buffer = new MemoryStream();
        if (args.Length == 6 && args[5] == WarmFlag)
        {
            // A spare, started before its file comes: read a small page first, so that the code a
            // PDF runs through is compiled while it waits (a cold worker spent ~0.45 s of its
            // ~0.6 s on that), then wait for the file — for SpareLife at most, then end unused.
            WarmUp();
            args = args[..5];
            var first = new byte[1];
            var waiting = Task.Run(() => input.Read(first, 0, 1));
            if (!waiting.Wait(SpareLife))
            {
                return 0;
            }
            buffer.Write(first, 0, waiting.Result);
        }
        if (args.Length != 5)
        {
            Console.Error.WriteLine($"usage: {AssemblyFile} <max nesting> <max decompressed bytes> <max characters> <milliseconds> <memory MB>, with the PDF on standard input");
            return 64;
        }
        long Number(int i) => long.Parse(args[i], NumberStyles.None, CultureInfo.InvariantCulture);
        var limits = new ReadLimits((int)Number(0), Number(1), (int)Number(2), TimeSpan.FromMilliseconds(Number(3)));
        input.CopyTo(buffer);
        Reply reply;
        try
        {
            reply = new Reply(PdfLines.Read(buffer.ToArray(), limits), null, null);
        }
        catch (FileLimitException e)
        {
            reply = new Reply(null, e.Message, null);
        }
        catch (PdfUnreadableException e)
        {
            reply = new Reply(null, null, e.Message);
        }
        catch (OutOfMemoryException)
        {
            reply = new Reply(null, MemoryMessage((int)Number(4)), null);
        }
        JsonSerializer.Serialize(output, reply, Json);
        output.Flush();
        return 0;
    }

    /// <summary>
    /// Reads a one-page report table as LibreOffice prints it (embedded warm-up.pdf: CJK and Latin
    /// fonts, ruled cells) and forgets it; nothing is written.
    /// </summary>
    private static void WarmUp()
    {
        try
        {
            using var stream = typeof(PdfWorker).Assembly.GetManifestResourceStream("warm-up.pdf")!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            PdfLines.Read(copy.ToArray(), ReadLimits.Default);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A warm-up that fails only leaves the worker cold.
        }
    }

    /// <summary>The worker's answer: the pages, or the message of the limit the file passed, or why it cannot be read.</summary>
    private sealed record Reply(IReadOnlyList<PdfPageText>? Pages, string? Limit, string? Unreadable);
}
