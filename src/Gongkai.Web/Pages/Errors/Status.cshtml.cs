using Gongkai.Web.Applications;
using Microsoft.AspNetCore.Diagnostics;

namespace Gongkai.Web.Pages.Errors;

/// <summary>The page shown for an error status; the status itself is kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>A refused form's text is kept on the 429 page up to this size (the public forms' text fits many times over).</summary>
    private const int KeptFormBytes = 64 * 1024;

    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    /// <summary>How long a refused visitor waits (429), in seconds.</summary>
    public int? RetryAfter { get; private set; }

    /// <summary>Where the refused form posted, with what was typed, to post again unchanged once the wait is over.</summary>
    public string? KeptAction { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> Kept { get; private set; } = [];

    public void OnGet(int status) => Describe(status);

    public async Task OnPostAsync(int status, CancellationToken ct)
    {
        Describe(status);
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } feature
            ? $"{feature.OriginalPathBase}{feature.OriginalPath}{feature.OriginalQueryString}"
            : RefusedByProxy();
        // The limit refused the post before it was read: what the person typed is still in the request, and is given back (never stored).
        if (status == StatusCodes.Status429TooManyRequests && original is not null && Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && Request.ContentLength is > 0 and <= KeptFormBytes)
        {
            var form = await Request.ReadFormAsync(ct);
            Kept = [.. form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))];
            KeptAction = original;
        }
    }

    /// <summary>
    /// The form nginx refused (deploy/gongkai.nginx.conf passes its address in a header when it
    /// sends the post here): only a public form's own address is taken, so the header can point
    /// the kept form nowhere else.
    /// </summary>
    private string? RefusedByProxy() =>
        Request.Headers["X-Gongkai-Refused-Uri"].ToString() is var uri && System.Text.RegularExpressions.Regex.IsMatch(uri, "^/(track|agency/[a-z0-9-]{1,40}/apply)$") ? uri : null;

    private void Describe(int status)
    {
        if (status == StatusCodes.Status429TooManyRequests)
        {
            RetryAfter = HttpContext.Items[ApplicationLimits.RetryAfterItem] as int? ?? 60;
            Response.Headers.RetryAfter = RetryAfter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The page may hold what a person typed: no cache keeps it.
            Response.Headers.CacheControl = "no-store";
        }
        (Title, Explanation) = status switch
        {
            400 => ("请求无效", "提交的内容无效或页面已过期，请返回上一页刷新后重试。"),
            403 => ("无权访问", "您没有访问该页面或执行该操作的权限。"),
            404 => ("页面不存在", "您访问的页面不存在或已被移除。"),
            409 => ("无法执行该操作", "该记录当前的状态不允许此操作，例如已发布的年度报告不能再修改（请使用“更正”生成新版本）。"),
            413 => ("提交的内容过大", "提交的文字或文件超过了允许的大小，请删减后重新提交。已经保存的内容不受影响。"),
            429 => ("访问过于频繁", $"为防止恶意批量提交，同一浏览器或同一网络地址在一分钟内的提交次数有上限，您这次的提交未被受理。请在 {RetryAfter} 秒后再试。已经提交成功的内容不受影响。"),
            _ => ("出错了", "服务器处理请求时出错，请稍后再试。"),
        };
    }
}
