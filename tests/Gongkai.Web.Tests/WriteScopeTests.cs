using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// The write walk beside the read walk (AccessScopeTests): every console form that changes a
/// town's records, posted — with a valid antiforgery token — by another town's staff and by the
/// county's supervisor, is refused (403 or 404) and nothing stored changes.
/// </summary>
public sealed class WriteScopeTests
{
    /// <summary>What a refused write must leave as it was: counts and every row version of the records the walk aims at.</summary>
    private static Task<string> FingerprintAsync(GongkaiApp app) => app.QueryAsync(async db => string.Join("|",
        await db.ApplicationSteps.CountAsync(), await db.Appeals.CountAsync(), await db.ItemSignOffs.CountAsync(), await db.ItemAttachments.CountAsync(),
        await db.InfoItems.SumAsync(i => i.Version), await db.InfoItems.CountAsync(i => i.RepealedOn != null || i.PersonalDataOverride != null),
        await db.AnnualReports.SumAsync(r => r.Version), await db.AnnualReports.CountAsync(), await db.Agencies.SumAsync(a => a.Version),
        await db.StaffUsers.SumAsync(u => u.Version), await db.Applications.SumAsync(a => a.Version), await db.Outbox.CountAsync()));

    [Fact]
    public async Task AnotherTownsStaff_AndTheSupervisor_CannotWriteATownsRecords_AndNothingChanges()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var application = (await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "InPerson", ["Received"] = "2026-02-24", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "王五", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13900139000", ["Form.Description"] = "白沙镇2025年度财政预算", ["Form.FormWanted"] = "当面领取",
        })).Location!;
        var town = await app.AgencyAsync("qx-bsz");
        var (item, document) = await app.QueryAsync(async db => (
            await db.InfoItems.Where(i => i.AgencyId == town.Id).Select(i => i.Id).FirstAsync(),
            await db.InfoItems.Where(i => i.AgencyId == town.Id && i.DocumentKind != Domain.Disclosure.DocumentKind.None).Select(i => i.Id).FirstAsync()));
        var report = await app.QueryAsync(db => db.AnnualReports.Where(r => r.AgencyId == town.Id).OrderByDescending(r => r.Year).Select(r => r.Id).FirstAsync());
        var user = (await app.UserAsync("bsz.clerk")).Id;

        var writes = new (string Url, Dictionary<string, string?> Fields)[]
        {
            (application, new() { ["Kind"] = "Reply", ["Date"] = "2026-03-02", ["Reply"] = "Granted", ["Reason"] = "予以公开", ["Version"] = "0" }),
            (application + "?handler=Appeal", new() { ["NewAppeal.Kind"] = "Reconsideration", ["NewAppeal.Filed"] = "2026-03-01", ["NewAppeal.Body"] = "青溪县人民政府" }),
            (application + "?handler=Decision", new() { ["Decision.AppealId"] = "1", ["Decision.Decided"] = "2026-03-01", ["Decision.Result"] = "Upheld" }),
            ($"/console/items/{item}?handler=Act", new() { ["action"] = "Withdraw", ["opinion"] = "撤回", ["version"] = "0" }),
            ($"/console/items/{item}?handler=Mask", new()),
            ($"/console/items/{item}?handler=Override", new() { ["reason"] = "办公电话可以公开" }),
            ($"/console/items/{item}?handler=Attach", new()),
            ($"/console/items/{document}?handler=Repeal", new() { ["repealedOn"] = "2026-03-01" }),
            ($"/console/items/{item}/edit", new() { ["Title"] = "被篡改", ["WrittenOn"] = "2026-03-01", ["CategoryCode"] = "a21.t05", ["Body"] = "被篡改", ["Version"] = "0" }),
            ($"/console/reports/{report}/edit", new() { ["Title"] = "被篡改", ["Version"] = "0" }),
            ($"/console/reports/{report}/draft?handler=FromRecords", new()),
            ($"/console/reports/{report}/draft?handler=Redraft", new()),
            ($"/console/reports/{report}?handler=Submit", new()),
            ($"/console/reports/{report}?handler=Publish", new()),
            ($"/console/reports/{report}?handler=Correct", new()),
            ($"/console/agencies/{town.Id}", new() { ["Form.OfficeName"] = "被篡改", ["Form.OfficeAddress"] = "被篡改", ["Form.OfficePhone"] = "000000", ["Form.Version"] = "0" }),
            ($"/console/users/{user}", new() { ["Form.DisplayName"] = "被篡改", ["Form.Role"] = "AgencyAdmin", ["IsActive"] = "true", ["Version"] = "0" }),
            ($"/console/users/{user}?handler=Unlock", new()),
        };
        var before = await FingerprintAsync(app);
        foreach (var name in new[] { "sqz.clerk", "sqz.reviewer", "sqz.admin", "qx.supervisor" })
        {
            using var other = await app.SignedInAsync(name);
            var token = await other.TokenFromAsync("/console/account");
            foreach (var (url, fields) in writes)
            {
                var response = await other.PostAsync(url, new Dictionary<string, string?>(fields) { ["__RequestVerificationToken"] = token });
                Assert.True(response.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{name} POST {url}: {response.Status}");
            }
        }
        Assert.Equal(before, await FingerprintAsync(app));

        // The walk can tell a refused write from an accepted one: the town's own clerk is heard.
        var own = await clerk.SubmitAsync(application, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2026-03-02", ["Reply"] = "Granted", ["Reason"] = "予以公开" });
        Assert.Equal(HttpStatusCode.Redirect, own.Status);
        Assert.NotEqual(before, await FingerprintAsync(app));
    }
}
