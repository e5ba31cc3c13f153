// Reads one untrusted PDF from standard input and writes its pages as JSON: the web app starts
// this program for every PDF it is given, with limits, so that a file PdfPig cannot finish in
// time or in memory ends this process and not the site (see PdfWorker).
using Gongkai.Documents.Pdf;

return PdfWorker.Serve(args, Console.OpenStandardInput(), Console.OpenStandardOutput());
