using System.Net;
using Gongkai.Data.Audit;
using Gongkai.Data.Staff;
using Gongkai.Domain.Staff;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// Issue 25, 等保 2.0 level 3 as the application must do it: two-factor sign-in for those who
/// reach beyond one agency, 三员分立 (each of the three administrators refused the others' work),
/// applicants' ID numbers sealed at rest and shown masked, exports audited.
/// </summary>
public sealed class StaffDutiesTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly Dictionary<string, string> TwoFactorOn = new() { ["TwoFactor:Required"] = "true" };

    /// <summary>
    /// A supervisor must enrol before any console page; afterwards the password alone opens
    /// nothing, a wrong code and a used one are refused, the next step's code is accepted. Without
    /// the TwoFactorEnrolment filter the first /console answers 200; without the step taken in the
    /// database the replayed code signs in.
    /// </summary>
    [Fact]
    public async Task ASupervisor_EnrolsFirst_ThenNeedsTheCode_AndAWrongOrReplayedCodeIsRefused()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", TwoFactorOn);
        string secret;
        using (var first = await app.SignedInAsync("qx.supervisor"))
        {
            Assert.Equal(Infrastructure.TwoFactorEnrolment.Page, (await first.GetAsync("/console")).Location);
            Assert.Equal(Infrastructure.TwoFactorEnrolment.Page, (await first.GetAsync("/console/reports/rollup")).Location);
            var enrolment = await first.GetAsync(Infrastructure.TwoFactorEnrolment.Page);
            Assert.StartsWith("data:image/png;base64,", enrolment.Document.QuerySelector("img")!.GetAttribute("src"));
            secret = enrolment.Document.QuerySelector("code.secret")!.TextContent;

            // Each visit offers a new secret; the form carries the one shown. Without it (the form fuzz posted an empty one: 500) the page starts again.
            var values = Visitor.Values(enrolment.Document.QuerySelector("input[name='Enrolment']")!.Closest("form")!);
            Assert.Equal(Infrastructure.TwoFactorEnrolment.Page, (await first.PostAsync(Infrastructure.TwoFactorEnrolment.Page, new Dictionary<string, string?>(values) { ["Enrolment"] = "", ["Code"] = "123456" })).Location);
            values["Code"] = "000000";
            var wrong = await first.PostAsync(Infrastructure.TwoFactorEnrolment.Page, values);
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.Null((await app.UserAsync("qx.supervisor")).TotpSecret);

            values["Code"] = TwoFactor.CodeAt(secret, app.Clock.GetUtcNow().UtcDateTime);
            var enrolled = await first.PostAsync(Infrastructure.TwoFactorEnrolment.Page, values);
            Assert.Equal("/console", enrolled.Location);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/console")).Status);
        }
        var stored = (await app.UserAsync("qx.supervisor")).TotpSecret!;
        Assert.StartsWith("sm4:", stored);
        Assert.DoesNotContain(secret, stored);

        // Next sign-in: the password leads to the code page only.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var second = app.NewVisitor();
        var password = await second.SignInAsync("qx.supervisor", Gongkai.Data.Demo.DemoData.Password);
        Assert.Equal(Infrastructure.TwoFactorPending.Page, password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/console")).Status);
        Assert.Equal("/console/login", (await second.GetAsync("/console")).Location?.Split('?')[0]);

        var code = TwoFactor.CodeAt(secret, app.Clock.GetUtcNow().UtcDateTime);
        var wrongCode = await second.SubmitAsync(Infrastructure.TwoFactorPending.Page, new Dictionary<string, string?> { ["Code"] = code == "123456" ? "654321" : "123456" });
        Assert.Equal(HttpStatusCode.OK, wrongCode.Status);
        Assert.Contains("动态验证码不正确", wrongCode.FieldError("Code"));

        var right = await second.SubmitAsync(Infrastructure.TwoFactorPending.Page, new Dictionary<string, string?> { ["Code"] = code });
        Assert.Equal("/console", right.Location);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/console")).Status);

        // The same code again, within its 30 seconds, from another browser that knows the password: refused.
        using var replay = app.NewVisitor();
        await replay.SignInAsync("qx.supervisor", Gongkai.Data.Demo.DemoData.Password);
        var replayed = await replay.SubmitAsync(Infrastructure.TwoFactorPending.Page, new Dictionary<string, string?> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.NotEqual(HttpStatusCode.OK, (await replay.GetAsync("/console")).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var next = await replay.SubmitAsync(Infrastructure.TwoFactorPending.Page,
            new Dictionary<string, string?> { ["Code"] = TwoFactor.CodeAt(secret, app.Clock.GetUtcNow().UtcDateTime) });
        Assert.Equal("/console", next.Location);

        var events = await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.TwoFactorFailed || e.Action == AuditActions.TwoFactorEnrolled)
            .Select(e => e.Action + " " + e.Changes).ToListAsync());
        Assert.Single(events, e => e.StartsWith(AuditActions.TwoFactorEnrolled, StringComparison.Ordinal));
        Assert.Single(events, e => e.Contains("code already used", StringComparison.Ordinal));
        Assert.Single(events, e => e.Contains("wrong code", StringComparison.Ordinal));
    }

    /// <summary>
    /// 三员分立: the system admin creates accounts but gives no roles, lifts no lockouts, reads no
    /// audit log and cannot manage the other administrators' accounts; the security admin gives
    /// roles and resets a second factor but creates no account, sets no password and reads no log;
    /// the audit admin reads every agency's log and nothing else.
    /// </summary>
    [Fact]
    public async Task TheThreeAdministrators_AreEachRefusedTheOthersWork()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var clerk = await app.UserAsync("bsz.clerk");
        var auditor = await app.UserAsync("auditor");
        using var system = await app.SignedInAsync("sysadmin");
        using var security = await app.SignedInAsync("secadmin");
        using var audit = await app.SignedInAsync("auditor");

        // The system admin: accounts yes; roles, audit log, the administrators' accounts no.
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/console/users/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/console/audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync($"/console/users/{auditor.Id}")).Status);
        var clerkPage = await system.GetAsync($"/console/users/{clerk.Id}");
        Assert.Null(clerkPage.Document.QuerySelector("select[name='Form.Role']"));
        Assert.Null(clerkPage.Document.QuerySelector("button[formaction*='handler=Unlock'], button[formaction*='handler=ResetTwoFactor']"));
        var (target, values) = await system.FillInAsync($"/console/users/{clerk.Id}", new Dictionary<string, string?> { ["Form.DisplayName"] = "白沙镇 经办人甲" });
        values["Form.Role"] = "AgencyAdmin";
        Assert.Equal(HttpStatusCode.Redirect, (await system.PostAsync(target, values)).Status);
        Assert.Equal(("白沙镇 经办人甲", StaffRole.Clerk), ((await app.UserAsync("bsz.clerk")).DisplayName, (await app.UserAsync("bsz.clerk")).Role));
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsync($"/console/users/{clerk.Id}?handler=Unlock",
            new Dictionary<string, string?> { ["__RequestVerificationToken"] = await system.TokenFromAsync($"/console/users/{clerk.Id}") })).Status);

        // The security admin: roles and resets yes; accounts, passwords, records, audit log no.
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/console/users/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/console/audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/console/applications")).Status);
        var rolePage = await security.GetAsync($"/console/users/{clerk.Id}");
        Assert.Null(rolePage.Document.QuerySelector("input[name='NewPassword']"));
        var (roleTarget, roleValues) = await security.FillInAsync($"/console/users/{clerk.Id}", new Dictionary<string, string?> { ["Form.Role"] = "Reviewer" });
        roleValues["NewPassword"] = "Taken-Over-2026";
        roleValues["Form.DisplayName"] = "改名";
        Assert.Equal(HttpStatusCode.Redirect, (await security.PostAsync(roleTarget, roleValues)).Status);
        var changed = await app.UserAsync("bsz.clerk");
        Assert.Equal((StaffRole.Reviewer, "白沙镇 经办人甲"), (changed.Role, changed.DisplayName));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, StaffAccounts.Verify(changed, Gongkai.Data.Demo.DemoData.Password));

        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync("/console")).Status);
        Assert.Equal(HttpStatusCode.OK, (await audit.GetAsync("/console")).Status);

        // The audit admin: every agency's log, and nothing else.
        var log = await audit.GetAsync("/console/audit");
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Contains(log.Document.QuerySelectorAll(".sentence"), s => s.TextContent.Contains("账户", StringComparison.Ordinal));
        foreach (var page in new[] { "/console/users", "/console/users/new", "/console/applications", "/console/agencies/new", "/console/calendar" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await audit.GetAsync(page)).Status);
        }
    }

    /// <summary>
    /// 个人信息保护法 第五十一条: the number is stored sealed (the raw row holds no digit of it beyond
    /// what the mask shows), lists and pages show the mask, the agency's clerk sees it in full on
    /// request and that look is audited; the system admin is refused. The applications list's
    /// download is an audit entry.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnIdNumber_IsStoredSealed_ShownMasked_AndRevealedOnlyOnRequest_Audited(string provider)
    {
        const string number = "11010519491231002X";
        await using var app = await GongkaiApp.StartAsync(provider);
        using (var citizen = app.NewVisitor())
        {
            var submitted = await citizen.SubmitAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>
            {
                ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "张三", ["Form.IdNumber"] = number.ToLowerInvariant(), ["Form.Phone"] = "13800138000",
                ["Form.Description"] = "白沙镇2025年农村低保资金发放名单", ["Form.FormWanted"] = "电子邮件",
            });
            Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        }
        var raw = await app.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, id_number, id_number_masked FROM applications WHERE applicant_name = '张三'";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (Id: reader.GetInt32(0), Stored: reader.GetString(1), Masked: reader.GetString(2));
        });
        Assert.StartsWith("sm4:", raw.Stored);
        Assert.DoesNotContain("19491231", raw.Stored);
        Assert.Equal("1101**********002X", raw.Masked);
        Assert.Equal(number, Contexts.Cipher.Open(raw.Stored));

        using var clerk = await app.SignedInAsync("bsz.clerk");
        var details = await clerk.GetAsync($"/console/applications/{raw.Id}");
        Assert.Contains("1101**********002X", details.Text);
        Assert.DoesNotContain(number, details.Text);
        Assert.DoesNotContain(number, (await clerk.GetAsync($"/console/applications/{raw.Id}/id-number")).Text);
        var revealed = await clerk.SubmitAsync($"/console/applications/{raw.Id}/id-number", new Dictionary<string, string?>());
        Assert.Contains(number, revealed.Text);

        using (var system = await app.SignedInAsync("sysadmin"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync($"/console/applications/{raw.Id}/id-number")).Status);
        }
        using (var otherTown = await app.SignedInAsync("sqz.clerk"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherTown.GetAsync($"/console/applications/{raw.Id}/id-number")).Status);
        }

        using var admin = await app.SignedInAsync("bsz.admin");
        var download = await admin.Client.GetAsync("/console/applications?download=xlsx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        var clerkId = (await app.UserAsync("bsz.clerk")).Id;
        var adminId = (await app.UserAsync("bsz.admin")).Id;
        var entries = await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.Revealed || e.Action == AuditActions.Exported)
            .Select(e => new { e.Action, e.ActorUserId, e.EntityId, e.Changes }).ToListAsync());
        Assert.Single(entries, e => e.Action == AuditActions.Revealed && e.ActorUserId == clerkId && e.EntityId == raw.Id.ToString());
        Assert.Single(entries, e => e.Action == AuditActions.Exported && e.ActorUserId == adminId && e.EntityId == "/console/applications" && e.Changes.Contains("xlsx"));
        // No audit entry, of any kind, holds the number.
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Changes.Contains("19491231"))));
    }
}
