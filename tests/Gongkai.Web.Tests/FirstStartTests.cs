using System.Net;
using System.IO.Compression;
using System.Net.Http.Headers;
using Gongkai.Data.Setup;
using Gongkai.Domain.Agencies;

namespace Gongkai.Web.Tests;

/// <summary>Issue 26: a site started on an empty database in production says how to set it up, and nothing else.</summary>
public sealed class FirstStartTests
{
    /// <summary>
    /// Before <c>gongkai setup</c> every page — the portal, the console's sign-in, an API — answers
    /// 503 with the command, and a post is refused (no web form claims the first account); after
    /// it, the portal opens and the new admin signs in. Without the SetupGate the portal answers
    /// 200 with no agencies and the sign-in page is open.
    /// </summary>
    [Fact]
    public async Task AnEmptyDatabase_ShowsTheSetupCommand_UntilSetupHasRun()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Demo:SeedOnEmptyDatabase"] = "false" });
        using var visitor = app.NewVisitor();
        foreach (var path in new[] { "/", "/console/login", "/agency/qx-bsz", "/search?q=低保" })
        {
            var page = await visitor.GetAsync(path);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "平台尚未完成初始设置"), (page.Status, page.Document.QuerySelector("h1")?.TextContent));
            Assert.Contains("gongkai setup --agency-code", page.Text);
        }
        var post = await visitor.PostAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "admin", ["Password"] = "Anything-2026" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.Status);

        var outcome = await app.QueryAsync(db => PlatformSetup.SetUpAsync(db,
            new PlatformSetup.Request("qx", "青溪县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.qx", "张管理", "Setup-Pass-2026"), DateTime.UtcNow, default));
        Assert.True(outcome.IsDone);

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/not-set-up")).Status);
        var signIn = await visitor.SignInAsync("admin.qx", "Setup-Pass-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/console")).Status);
    }

    internal static async Task<Visitor.Page> UploadAsync(Visitor visitor, string page, string file, int? agencyId = null) =>
        await UploadAsync(visitor, page, file, await File.ReadAllBytesAsync(Path.Combine(Browser.RepositoryRoot(), "docs", "samples", file)), agencyId);

    internal static async Task<Visitor.Page> UploadAsync(Visitor visitor, string page, string file, byte[] bytes, int? agencyId = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(await visitor.TokenFromAsync(page)), "__RequestVerificationToken" } };
        if (agencyId is { } agency)
        {
            form.Add(new StringContent(agency.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId");
        }
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "Sheet.File", file);
        var response = await visitor.Client.PostAsync($"{page}?handler=Preview", form);
        return new Visitor.Page(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    /// <summary>docs/samples/items.xlsx and its files as the one ZIP the console takes.</summary>
    internal static byte[] SampleItemsZip()
    {
        using var stream = new MemoryStream();
        var samples = Path.Combine(Browser.RepositoryRoot(), "docs", "samples");
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntryFromFile(Path.Combine(samples, "items.xlsx"), "items.xlsx");
            foreach (var path in Directory.GetFiles(Path.Combine(samples, "items")))
            {
                archive.CreateEntryFromFile(path, "items/" + Path.GetFileName(path));
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// After setup, the system admin brings docs/samples/ in through the console: the agencies
    /// sheet previews as 1 changed and 2 new, is confirmed; the users sheet likewise, showing each
    /// new account's one-time password once; a new clerk signs in with it and is sent to change it
    /// first; the town's ledger puts its open cases in the applications list; the old site's items
    /// (a ZIP) are on the town's catalog and found by a word of a body, the one with an unmasked
    /// ID number not. Uploading the same sheet again previews every row unchanged, with nothing to confirm.
    /// </summary>
    [Fact]
    public async Task TheSystemAdmin_ImportsTheSamples_AgenciesStaffLedgerAndItems_AndANewClerkMustChangeTheInitialPassword()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Demo:SeedOnEmptyDatabase"] = "false" });
        await app.QueryAsync(db => PlatformSetup.SetUpAsync(db,
            new PlatformSetup.Request("sample", "样例县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.sample", "管理员", "Setup-Pass-2026"), DateTime.UtcNow, default));
        using var admin = app.NewVisitor();
        await admin.SignInAsync("admin.sample", "Setup-Pass-2026");

        var agencies = await UploadAsync(admin, "/console/agencies/import", "agencies.xlsx");
        Assert.Equal(HttpStatusCode.OK, agencies.Status);
        Assert.Contains("新增 2，修改 1，不变 0，拒绝 0", agencies.Text);
        var confirm = Visitor.Values(agencies.Document.QuerySelector("form[action*='handler=Apply']")!);
        var applied = await admin.PostAsync("/console/agencies/import?handler=Apply", confirm);
        Assert.Contains("已导入《agencies.xlsx》", applied.Text);
        Assert.Equal(3, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Agencies)));

        var users = await UploadAsync(admin, "/console/users/import", "users.xlsx");
        Assert.Contains("新增 5，修改 0，不变 0，拒绝 0", users.Text);
        var created = await admin.PostAsync("/console/users/import?handler=Apply", Visitor.Values(users.Document.QuerySelector("form[action*='handler=Apply']")!));
        var passwords = created.Document.QuerySelectorAll("table caption").First(c => c.TextContent == "初始密码").ParentElement!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.Children[0].TextContent, r => r.Children[3].TextContent);
        Assert.Equal(5, passwords.Count);

        using var clerk = app.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SignInAsync("sample-town.clerk", passwords["sample-town.clerk"])).StatusCode);
        Assert.Equal("/console/account", (await clerk.GetAsync("/console")).Location);

        // The town's ledger: its open cases join the applications list with their deadlines.
        var town = await app.AgencyAsync("sample-town");
        var ledger = await UploadAsync(admin, "/console/applications/import", "ledger.xlsx", town.Id);
        Assert.Contains("新增 6，修改 0，不变 0，拒绝 0", ledger.Text);
        var imported = await admin.PostAsync("/console/applications/import?handler=Apply", Visitor.Values(ledger.Document.QuerySelector("form[action*='handler=Apply']")!));
        Assert.Contains("已导入《ledger.xlsx》", imported.Text);
        var list = (await admin.GetAsync("/console/applications")).Text;
        Assert.Contains("王四", list);
        Assert.Contains("样例县绿水环保协会", list);

        // A ledger with the office's own headers: the preview shows the columns found and the one missing; chosen, it imports,
        // and the town's next ledger is read with the remembered choice.
        byte[] OwnLedger(string name) => System.Text.Encoding.UTF8.GetBytes($"登记日期,申请方式,申请人类型,来信人,联系电话,申请内容\n2026-02-25,网络,商业企业,{name},0571-87001234,清河镇集贸市场改造方案\n");
        var own = await UploadAsync(admin, "/console/applications/import", "台账2026.csv", OwnLedger("某商贸公司"), town.Id);
        Assert.Contains("第一行缺少必需的列：收到日期、申请人姓名或名称", own.Text);
        var mapForm = own.Document.QuerySelector("details.column-map form")!;
        Assert.Equal("申请方式", mapForm.QuerySelector("select[name='Sheet.Map[申请方式]'] option[selected]")!.TextContent);
        var choice = Visitor.Values(mapForm);
        (choice["Sheet.Map[收到日期]"], choice["Sheet.Map[申请人姓名或名称]"]) = ("登记日期", "来信人");
        var mapped = await admin.PostAsync("/console/applications/import?handler=Preview", choice);
        Assert.Contains("新增 1，修改 0，不变 0，拒绝 0", mapped.Text);
        Assert.Contains("已导入《台账2026.csv》", (await admin.PostAsync("/console/applications/import?handler=Apply",
            Visitor.Values(mapped.Document.QuerySelector("form[action*='handler=Apply']")!))).Text);
        var next = await UploadAsync(admin, "/console/applications/import", "台账2026-03.csv", OwnLedger("某物流公司"), town.Id);
        Assert.Contains("新增 1，修改 0，不变 0，拒绝 0", next.Text);
        Assert.Equal("登记日期", next.Document.QuerySelector("select[name='Sheet.Map[收到日期]'] option[selected]")!.TextContent);

        // The town's old site: a ZIP of the list and its files; the published ones are on the portal and found at once.
        var zip = SampleItemsZip();
        var form = new MultipartFormDataContent
        {
            { new StringContent(await admin.TokenFromAsync("/console/items/import")), "__RequestVerificationToken" },
            { new StringContent(town.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId" },
        };
        form.Add(new ByteArrayContent(zip), "Package", "old-site.zip");
        var itemsPreview = await admin.Client.PostAsync("/console/items/import?handler=Preview", form);
        var itemsPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await itemsPreview.Content.ReadAsStringAsync());
        Assert.Contains("新增 3，不变 0，拒绝 0", itemsPage.Body!.TextContent);
        var published = await admin.PostAsync("/console/items/import?handler=Apply", Visitor.Values(itemsPage.QuerySelector("form[action*='handler=Apply']")!));
        Assert.Contains("已导入《old-site.zip》", published.Text);
        using var citizen = app.NewVisitor();
        var catalog = (await citizen.GetAsync("/agency/sample-town/catalog")).Text;
        Assert.Contains("清河镇2025年财政预算执行情况", catalog);
        Assert.DoesNotContain("社会救助对象名单", catalog);
        var search = await citizen.GetAsync("/search?q=" + Uri.EscapeDataString("水利设施维修资金"));
        Assert.Contains("清河镇2025年财政预算执行情况", search.Text);

        var again = await UploadAsync(admin, "/console/agencies/import", "agencies.xlsx");
        Assert.Contains("新增 0，修改 0，不变 3，拒绝 0", again.Text);
        Assert.Null(again.Document.QuerySelector("form[action*='handler=Apply']"));
    }
}
