using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Data.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// The supervisor's year on the demo county (clock 2 March 2026): the 考评 of 2025 computed from the
/// records, who sees which rows, its Excel read back, a changed weight changing the totals, an
/// indicator the records cannot compute refused; then a 督办 about a late case, on the agency's
/// dashboard, answered. One app, one story.
/// </summary>
public sealed class AssessmentTests
{
    [Fact]
    public async Task TheSupervisor_AssessesEveryAgencyBelow_ChangesAWeight_AndChasesUpALateCase()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var page = await supervisor.GetAsync("/console/assessment?year=2025");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.assessment tbody tr");
        Assert.Equal(5, rows.Length);
        Assert.Contains("依申请公开按期答复（20）", page.Document.QuerySelector("table.assessment thead")!.TextContent);
        var totals = rows.ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => decimal.Parse(r.QuerySelectorAll("td").Last().TextContent, System.Globalization.CultureInfo.InvariantCulture));
        // Sorted by the total, highest first, by default.
        Assert.Equal(totals.Values.OrderByDescending(t => t), totals.Values);

        // A score opens its evidence: the town's missing categories of Art. 20.
        var town = await app.QueryAsync(db => db.Agencies.SingleAsync(a => a.ShortCode == "qx-bsz"));
        var evidence = await supervisor.GetAsync($"/console/assessment?year=2025&agency={town.Id}");
        var categories = evidence.Document.QuerySelector("#ind-catalog\\.categories")!;
        Assert.Contains("当年没有公开信息", categories.TextContent);

        // An agency's admin sees its own row only, with its evidence, and not another's.
        using var admin = await app.SignedInAsync("czj.admin");
        var own = await admin.GetAsync("/console/assessment?year=2025");
        Assert.Equal(["青溪县财政局"], own.Document.QuerySelectorAll("table.assessment tbody th").Select(t => t.TextContent.Trim()));
        Assert.NotNull(own.Document.QuerySelector("#evidence"));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/console/assessment?year=2025&agency={town.Id}")).Status);
        Assert.Empty(own.Document.QuerySelectorAll("form[action*='handler=Copy']"));

        // The Excel: the scores as numbers, the indicators, a sheet of evidence per indicator.
        var bytes = await supervisor.Client.GetByteArrayAsync("/console/assessment?year=2025&download=xlsx");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var sheets = book.WorkbookPart!.Workbook.Sheets!.OfType<Sheet>().ToList();
            Assert.Equal(13, sheets.Count);
            Assert.Equal(["得分", "指标", "公开指南及时更新"], sheets.Take(3).Select(s => s.Name!.Value!));
            var scores = ((WorksheetPart)book.WorkbookPart.GetPartById(sheets[0].Id!.Value!)).Worksheet.Descendants<Row>().ToList();
            Assert.Equal(6, scores.Count);
            var total = scores.Skip(1).Select(r => r.Elements<Cell>().Last()).ToList();
            Assert.All(total, c => Assert.Equal(CellValues.Number, c.DataType!.Value));
            Assert.Equal(totals.Values.Order(), total.Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Order());
            var categorySheet = (WorksheetPart)book.WorkbookPart.GetPartById(sheets.Single(s => s.Name == "法定主动公开内容覆盖").Id!.Value!);
            Assert.Contains("当年没有公开信息", categorySheet.Worksheet.InnerText);
        }

        // The supervisor copies the set and weighs the categories three times as much: every agency short of them drops.
        var copied = await supervisor.SubmitAsync("/console/assessment?year=2025", new Dictionary<string, string?>(), "Copy");
        Assert.Equal(HttpStatusCode.Redirect, copied.Status);
        var editor = copied.Location!;
        var form = await supervisor.GetAsync(editor);
        var weightField = form.Document.QuerySelectorAll("input[name$='.Code']").Select((input, n) => (input, n)).Single(x => x.input.GetAttribute("value") == "catalog.categories").n;
        var unknown = await supervisor.SubmitAsync(editor, new Dictionary<string, string?>
        {
            ["Form.Added.Code"] = "satisfaction", ["Form.Added.Name"] = "群众满意度", ["Form.Added.Weight"] = "10", ["Form.Added.Measure"] = "citizen-satisfaction",
        });
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("measure（计算方法）“citizen-satisfaction”不能由本平台的记录计算", unknown.Summary);
        var saved = await supervisor.SubmitAsync(editor, new Dictionary<string, string?> { [$"Form.Rows[{weightField}].Weight"] = "45" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var reweighed = await supervisor.GetAsync("/console/assessment?year=2025");
        Assert.Contains("本地修订", reweighed.Text);
        Assert.Contains("满分 130 分", reweighed.Text);
        var after = reweighed.Document.QuerySelectorAll("table.assessment tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => decimal.Parse(r.QuerySelectorAll("td").Last().TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(after["青溪县人民政府"] != totals["青溪县人民政府"], $"{after["青溪县人民政府"]} vs {totals["青溪县人民政府"]}");
        // The town's admin is assessed by the supervisor's set too (it applies below).
        using var townAdmin = await app.SignedInAsync("bsz.admin");
        Assert.Contains("本地修订", (await townAdmin.GetAsync("/console/assessment?year=2025")).Text);

        // A case received on 5 January is past its last day on 2 March: the supervisor chases it up.
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "InPerson", ["Received"] = "2026-01-05", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "赵六", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13700137000", ["Form.Description"] = "某村 2025 年低保名单", ["Form.FormWanted"] = "邮寄纸质件",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var caseId = int.Parse(registered.Location!.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var chase = $"/console/chase-ups/new?subject=application&id={caseId}";
        Assert.Contains("至今未答复", (await supervisor.GetAsync(chase)).Text);
        // The town's clerk may not send one.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(chase)).Status);
        var noNote = await supervisor.SubmitAsync(chase, new Dictionary<string, string?> { ["Note"] = "", ["ReplyBy"] = "2026-03-09" });
        Assert.Equal("请填写督办意见。", noNote.FieldError("Note"));
        var sent = await supervisor.SubmitAsync(chase, new Dictionary<string, string?> { ["Note"] = "请于一周内答复申请人并说明逾期原因。", ["ReplyBy"] = "2026-03-09" });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var dashboard = await clerk.GetAsync("/console");
        Assert.Contains("上级督办待回复（1 件）", dashboard.Text);
        Assert.Contains("请于一周内答复申请人并说明逾期原因。", dashboard.Text);
        var answered = await clerk.SubmitAsync(sent.Location!, new Dictionary<string, string?> { ["Answer"] = "已于3月3日答复申请人，逾期系人员变动所致。" });
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.DoesNotContain("上级督办待回复", (await clerk.GetAsync("/console")).Text);
        var list = await supervisor.GetAsync("/console/chase-ups?show=answered");
        Assert.Contains("青溪县白沙镇人民政府", list.Text);
        Assert.Contains("已回复", list.Text);
        Assert.Contains("已于3月3日答复申请人", (await supervisor.GetAsync(sent.Location!)).Text);
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(ChaseUp))));
    }
}
