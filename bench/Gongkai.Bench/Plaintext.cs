using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Bench;

/// <summary>
/// <c>bench plaintext --urls URL</c>: Kestrel answering "Hello, World!" to every GET, the yardstick
/// the portal's uncached pages are measured against (issue 30: at least a fifth of it), run on the
/// same machine in the same session as the site so both see the same cores.
/// </summary>
public static class Plaintext
{
    public static async Task<int> RunAsync(string[] args)
    {
        var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5090";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        app.MapGet("/plaintext", () => Results.Text("Hello, World!"));
        await app.RunAsync();
        return 0;
    }
}
