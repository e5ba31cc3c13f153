using System.Net;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Staff;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Every kind of staff change lands in the audit log with the right actor and agency.</summary>
public sealed class AuditTrailTests
{
    private static Task<AuditEntry> LastEntryAsync(GongkaiApp app, string entityType) =>
        app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType).OrderBy(e => e.Id).LastAsync());

    [Fact]
    public async Task EachKindOfStaffChange_WritesAnEntryWithTheActorAndAgency()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        var admin = await app.UserAsync("bsz.admin");
        using var visitor = await app.SignedInAsync("bsz.admin");

        // The office's contact data.
        await visitor.SubmitAsync($"/console/agencies/{town.Id}", new Dictionary<string, string?> { ["Form.OfficePhone"] = "0571-86049999" });
        var agencyEntry = await LastEntryAsync(app, "Agency");
        Assert.Equal((admin.Id, "bsz.admin", town.Id, AuditActions.Updated), (agencyEntry.ActorUserId, agencyEntry.ActorName, agencyEntry.AgencyId, agencyEntry.Action));
        Assert.Contains("0571-86049999", agencyEntry.Changes);

        // A new account.
        await visitor.SubmitAsync("/console/users/new", new Dictionary<string, string?>
        {
            ["UserName"] = "bsz.clerk2", ["Form.DisplayName"] = "白沙镇 新经办人", ["Form.Role"] = "Clerk", ["Password"] = "Baisha2026x",
        });
        var created = await LastEntryAsync(app, "StaffUser");
        Assert.Equal((admin.Id, town.Id, AuditActions.Created), (created.ActorUserId, created.AgencyId, created.Action));
        Assert.Contains("bsz.clerk2", created.Changes);

        // A changed role.
        var clerk2 = await app.UserAsync("bsz.clerk2");
        await visitor.SubmitAsync($"/console/users/{clerk2.Id}", new Dictionary<string, string?> { ["Form.Role"] = "Reviewer" });
        var changed = await LastEntryAsync(app, "StaffUser");
        Assert.Equal((admin.Id, town.Id, AuditActions.Updated, clerk2.Id.ToString()), (changed.ActorUserId, changed.AgencyId, changed.Action, changed.EntityId));
        Assert.Contains("""Role":["Clerk","Reviewer"]""", changed.Changes);

        // The audit page shows these to the agency's admin.
        var page = await visitor.GetAsync("/console/audit");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("bsz.clerk2", page.Text);
        Assert.Contains("0571-86049999", page.Text);
    }

    [Fact]
    public async Task AnAgencyAdmin_ReadsOnlyItsOwnLog_TheAuditAdminReadsEveryAgencys_TheSupervisorNone()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var townA = await app.AgencyAsync("qx-bsz");
        var townB = await app.AgencyAsync("qx-sqz");
        using (var adminB = await app.SignedInAsync("sqz.admin"))
        {
            await adminB.SubmitAsync($"/console/agencies/{townB.Id}", new Dictionary<string, string?> { ["Form.OfficePhone"] = "0571-86058888" });
        }
        using (var unknown = app.NewVisitor())
        {
            await unknown.SignInAsync("no.such.user", "猜的密码123");
        }
        using var adminA = await app.SignedInAsync("bsz.admin");
        var own = await adminA.GetAsync("/console/audit");
        Assert.DoesNotContain("0571-86058888", own.Text);
        Assert.DoesNotContain("no.such.user", own.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"/console/audit?agency={townB.Id}")).Status);

        // 三员分立: the log is the audit admin's (and each agency's own entries its admin's); the supervisor's reach over records does not extend to it.
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/console/audit")).Status);

        using var auditor = await app.SignedInAsync("auditor");
        var all = await auditor.GetAsync($"/console/audit?agency={townB.Id}");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Contains("0571-86058888", all.Text);
        var everything = await auditor.GetAsync("/console/audit");
        Assert.Contains(townA.Name, everything.Document.QuerySelector("#agency")!.TextContent);
        Assert.Contains("no.such.user", everything.Text); // a failure of a name no agency owns
    }

    /// <summary>Routine sign-ins and sign-outs are left out of the log unless asked for; a failed sign-in never is.</summary>
    [Fact]
    public async Task TheLog_LeavesRoutineSignInsOut_UnlessAsked_ButNeverAFailedOne()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using (var clerk = await app.SignedInAsync("bsz.clerk"))
        {
        }
        using (var wrong = app.NewVisitor())
        {
            await wrong.SignInAsync("bsz.clerk", "not-the-password");
        }
        using var auditor = await app.SignedInAsync("auditor");
        List<string> Sentences(Visitor.Page page) => page.Document.QuerySelectorAll("table.audit tbody .sentence").Select(p => p.TextContent.Trim()).ToList();

        // The accounts' records (sign-in events are about an account): the newest page holds today's.
        var plain = Sentences(await auditor.GetAsync("/console/audit?record=StaffUser"));
        var asked = Sentences(await auditor.GetAsync("/console/audit?record=StaffUser&signins=true"));
        Assert.DoesNotContain(plain, s => s.EndsWith(" 登录", StringComparison.Ordinal));
        Assert.Contains(asked, s => s.EndsWith(" 登录", StringComparison.Ordinal));
        Assert.Contains(plain, s => s.EndsWith("登录失败", StringComparison.Ordinal));
        Assert.Contains(asked, s => s.EndsWith("登录失败", StringComparison.Ordinal));
        Assert.Equal(await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "StaffUser" && AuditActions.Sessions.Contains(e.Action))),
            asked.Count - plain.Count);
    }

    [Fact]
    public async Task ChangingOnesOwnPassword_IsLogged_WithoutThePassword()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = await app.SignedInAsync("bsz.clerk");
        var page = await visitor.SubmitAsync("/console/account", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = Gongkai.Data.Demo.DemoData.Password, ["NewPassword"] = "Baisha2027x", ["ConfirmPassword"] = "Baisha2027x",
        });
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var entry = await LastEntryAsync(app, "StaffUser");
        Assert.Equal(("bsz.clerk", AuditActions.Updated), (entry.ActorName, entry.Action));
        Assert.DoesNotContain("Baisha2027x", entry.Changes);
        using var again = app.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("bsz.clerk", "Baisha2027x")).StatusCode);
    }

    [Fact]
    public async Task TheAuditLog_ReadsAsSentences_InChinese_WithDigestsOnlyInTheDetails_AndFilters()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        string tracking;
        using (var visitor = app.NewVisitor())
        {
            var submitted = await visitor.SubmitAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>
            {
                ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "张三", ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13800138000",
                ["Form.Description"] = "白沙镇2025年农村低保资金发放名单", ["Form.FormWanted"] = "电子邮件",
            });
            tracking = (await visitor.GetAsync(submitted.Location!)).Document.QuerySelector(".notice strong")!.TextContent;
        }
        var id = await app.QueryAsync(db => db.Applications.Where(a => a.TrackingNumber == tracking).Select(a => a.Id).SingleAsync());
        using var clerk = await app.SignedInAsync("bsz.clerk");
        await clerk.SubmitAsync($"/console/applications/{id}", new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2026-03-04", ["Reply"] = "Granted", ["Reason"] = "予以公开" });

        using var admin = await app.SignedInAsync("bsz.admin");
        var page = await admin.GetAsync("/console/audit");
        var rows = page.Document.QuerySelectorAll("table.audit tbody tr").ToList();
        var reply = rows.First(r => r.QuerySelector(".sentence")!.TextContent.Contains($"申请 {tracking}", StringComparison.Ordinal));
        Assert.StartsWith("白沙镇 经办人 修改了申请 " + tracking, reply.QuerySelector(".sentence")!.TextContent);
        Assert.Contains("状态：办理中 → 已答复", reply.QuerySelector(".audit-changes")!.TextContent);
        Assert.Contains("答复类型：（空） → 予以公开", reply.QuerySelector(".audit-changes")!.TextContent);
        Assert.DoesNotContain(rows, r => r.QuerySelector(".sentence")!.TextContent.Contains("StaffUser", StringComparison.Ordinal) || r.QuerySelector(".sentence")!.TextContent.Contains("sha256", StringComparison.Ordinal));

        var clerkId = (await app.UserAsync("bsz.clerk")).Id;
        var byClerk = await admin.GetAsync($"/console/audit?person={clerkId}&record=DisclosureApplication");
        var sentences = byClerk.Document.QuerySelectorAll(".sentence").Select(s => s.TextContent).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.StartsWith("白沙镇 经办人 ", s));
        Assert.All(sentences, s => Assert.Contains("申请", s));
        Assert.Empty((await admin.GetAsync("/console/audit?from=2030-01-01")).Document.QuerySelectorAll("table.audit tbody tr"));
    }
}
