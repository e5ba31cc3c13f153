namespace Gongkai.Web.Pages.Errors;

/// <summary>The page shown for an error status; the status itself is kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int status) => Describe(status);

    public void OnPost(int status) => Describe(status);

    private void Describe(int status)
    {
        (Title, Explanation) = status switch
        {
            400 => ("请求无效", "提交的内容无效或页面已过期，请返回上一页刷新后重试。"),
            403 => ("无权访问", "您没有访问该页面或执行该操作的权限。"),
            404 => ("页面不存在", "您访问的页面不存在或已被移除。"),
            409 => ("无法执行该操作", "该记录当前的状态不允许此操作，例如已发布的年度报告不能再修改（请使用“更正”生成新版本）。"),
            413 => ("提交的内容过大", "提交的文字或文件超过了允许的大小，请删减后重新提交。已经保存的内容不受影响。"),
            429 => ("访问过于频繁", "同一网络地址在一分钟内提交的次数已达上限，请一分钟后再试。已经提交成功的内容不受影响。"),
            _ => ("出错了", "服务器处理请求时出错，请稍后再试。"),
        };
    }
}
