using System.Diagnostics;
using System.Net;
using Gongkai.Data.Reports;
using Gongkai.Data.Staff;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// Issue 26, as an operator moves a county in: the built site started as its own process in
/// production settings on an empty PostgreSQL database, <c>gongkai setup</c> run as a command,
/// the administrator's first sign-in with its second factor, and docs/samples/ brought in through
/// the console.
/// </summary>
public sealed class MovingInTests
{
    private static async Task<(int Exit, string Output)> GongkaiAsync(TestDatabase database, string stdin, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var cli = Path.Combine(Browser.RepositoryRoot(), "src", "Gongkai.Cli", "bin", configuration, "net10.0", "gongkai.dll");
        var start = new ProcessStartInfo("dotnet", [cli, .. args]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Database__Provider"] = database.ProviderName;
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["PersonalData__KeyFile"] = Contexts.KeyFile;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task AnEmptyProductionSite_IsSetUpFromTheCommandLine_AndTakesInTheSamples()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        var port = WebNode.FreePort();
        using var node = await WebNode.StartAsync(port, new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres", ["ConnectionStrings__Default"] = database.ConnectionString, ["Site__PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Demo__SeedOnEmptyDatabase"] = "false",
        }, ready: HttpStatusCode.ServiceUnavailable);
        using var admin = WebNode.VisitorAt(port);
        Assert.Contains("gongkai setup", (await admin.GetAsync("/")).Text);

        var setup = await GongkaiAsync(database, "Setup-Pass-2026", "setup", "--agency-code", "sample", "--agency-name", "样例县人民政府", "--admin", "admin.sample",
            "--admin-name", "管理员", "--password-stdin");
        Assert.True(setup.Exit == 0, setup.Output);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).Status);

        // Production: the system administrator enrols the second factor before anything else.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin.sample", "Setup-Pass-2026")).StatusCode);
        Assert.Equal(Infrastructure.TwoFactorEnrolment.Page, (await admin.GetAsync("/console")).Location);
        var enrolment = await admin.GetAsync(Infrastructure.TwoFactorEnrolment.Page);
        var values = Visitor.Values(enrolment.Document.QuerySelector("input[name='Enrolment']")!.Closest("form")!);
        values["Code"] = TwoFactor.CodeAt(enrolment.Document.QuerySelector("code.secret")!.TextContent, DateTime.UtcNow);
        Assert.Equal("/console", (await admin.PostAsync(Infrastructure.TwoFactorEnrolment.Page, values)).Location);

        async Task ConfirmAsync(Visitor.Page preview, string page, string counts)
        {
            Assert.Contains(counts, preview.Text);
            var done = await admin.PostAsync($"{page}?handler=Apply", Visitor.Values(preview.Document.QuerySelector("form[action*='handler=Apply']")!));
            Assert.Contains("已导入", done.Text);
        }
        await ConfirmAsync(await FirstStartTests.UploadAsync(admin, "/console/agencies/import", "agencies.xlsx"), "/console/agencies/import", "新增 2，修改 1，不变 0，拒绝 0");
        await ConfirmAsync(await FirstStartTests.UploadAsync(admin, "/console/users/import", "users.xlsx"), "/console/users/import", "新增 5，修改 0，不变 0，拒绝 0");
        await using var db = Contexts.Open(database);
        var town = await db.Agencies.AsNoTracking().SingleAsync(a => a.ShortCode == "sample-town");
        await ConfirmAsync(await FirstStartTests.UploadAsync(admin, "/console/applications/import", "ledger.xlsx", town.Id), "/console/applications/import", "新增 6，修改 0，不变 0，拒绝 0");
        var form = new MultipartFormDataContent
        {
            { new StringContent(await admin.TokenFromAsync("/console/items/import")), "__RequestVerificationToken" },
            { new StringContent(town.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId" },
        };
        form.Add(new ByteArrayContent(FirstStartTests.SampleItemsZip()), "Package", "old-site.zip");
        var items = await admin.Client.PostAsync("/console/items/import?handler=Preview", form);
        var itemsPage = new Visitor.Page(items.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await items.Content.ReadAsStringAsync()), items);
        await ConfirmAsync(itemsPage, "/console/items/import", "新增 3，不变 0，拒绝 0");

        // The public sees the imported items on the town's catalogue and finds one by a word of its body.
        using var citizen = WebNode.VisitorAt(port);
        Assert.Contains("关于印发《清河镇农村宅基地审批管理办法》的通知", (await citizen.GetAsync("/agency/sample-town/catalog")).Text);
        Assert.Contains("清河镇2025年财政预算执行情况", (await citizen.GetAsync("/search?q=" + Uri.EscapeDataString("水利设施维修资金"))).Text);

        // The imported open cases are on the console's list with their deadlines (20 working days from receipt, Art. 33);
        // received in February 2026 and never answered, they are past them on any day this runs, and the dashboard says so.
        Assert.Contains("件申请已超过答复期限", (await admin.GetAsync("/console")).Text);
        var overdue = (await admin.GetAsync("/console/applications?show=overdue")).Text;
        Assert.Contains("王四", overdue);
        Assert.Contains("样例县绿水环保协会", overdue);
        var list = (await admin.GetAsync("/console/applications")).Text;
        foreach (var received in new[] { new DateOnly(2026, 2, 24), new DateOnly(2026, 2, 27) })
        {
            Assert.Contains(WorkingCalendar.National.AddWorkingDays(received, 20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), list);
        }

        // The report made from records for 2025 counts the ledger's cases in their cells.
        var counted = await RecordCounts.CountAsync(db, [town.Id], ReportFormats.ForYear(2025), 2025);
        decimal? Cell(string row, string column) => counted.Values.Number(new CellKey("requests", row, column));
        Assert.Equal((2m, 1m, 3m, 1m, 1m), (Cell("new", "natural"), Cell("new", "commercial"), Cell("new", "total"), Cell("granted", "total"), Cell("unable.not_held", "commercial")));
        Assert.False(node.HasExited);
    }
}
