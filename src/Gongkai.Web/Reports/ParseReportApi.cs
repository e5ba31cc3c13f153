using System.Threading.RateLimiting;
using Gongkai.Documents.Files;
using Gongkai.Documents.Import;
using Microsoft.AspNetCore.RateLimiting;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Web.Reports;

/// <summary>
/// <c>POST /api/v1/reports/parse</c>: other systems send a published report (text, HTML or DOCX)
/// and get back its data as JSON (docs/report-schema.md) with the check results. Nothing is stored.
/// </summary>
public static class ParseReportApi
{
    public const string RatePolicy = "report-parse";
    private const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Parsing costs CPU: one address gets a fair share.</summary>
    public static RateLimiterOptions AddReportParseLimit(this RateLimiterOptions options, RateLimitSettings rates) => options.AddPolicy(RatePolicy, context =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = rates.ParsesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("年度报告");
        group.MapPost("/parse", ParseAsync)
            .DisableAntiforgery() // no cookie is read: a stateless service for other systems
            .RequireRateLimiting(RatePolicy)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("解析已发布的政府信息公开工作年度报告")
            .WithDescription("以 multipart/form-data 的 file 字段上传报告文件（PDF、DOCX、HTML 或纯文本）。返回报告数据（gongkai.annual-report/1：每个单元格的表、行代码、行标签路径、列代码、列标签路径和数值）、勾稽关系与正文数字的检查结果，以及每个单元格在原文中的位置。不保存任何内容。");
        return app;
    }

    private static async Task<IResult> ParseAsync(HttpRequest request, ReadLimits limits, ParseSlots slots, CancellationToken ct)
    {
        IFormFile? file = null;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A malformed multipart body: answered below like a missing file.
        }
        if (file is null)
        {
            return Results.Problem(title: "缺少报告文件", detail: "请以 multipart/form-data 的 file 字段上传报告文件。", statusCode: StatusCodes.Status400BadRequest);
        }
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            return Results.Problem(title: "文件大小不符合要求", detail: $"文件“{file.FileName}”为空或超过 20 MB。", statusCode: StatusCodes.Status400BadRequest);
        }
        var content = await Uploads.BytesAsync(file, ct);
        using var slot = await slots.EnterAsync(ct);
        if (slot is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return Results.Problem(title: "服务繁忙", detail: "正在解析的报告文件较多，请稍后再试。", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            var imported = ReportFiles.Parse(file.FileName, content, limits);
            return Results.Text(ImportJson.Write(file.FileName, imported), "application/json; charset=utf-8");
        }
        catch (ReportImportException e)
        {
            return Results.Problem(title: "无法解析报告", detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }
}
