using System.Net;
using Gongkai.Tests;

namespace Gongkai.Web.Tests;

/// <summary>Authorization is checked on the server for every page, scoped by agency.</summary>
public sealed class AccessScopeTests
{
    [Fact]
    public async Task AClerkOfTownA_CannotReadTownB_WhileTheCountySupervisorReadsBoth()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var townA = await app.AgencyAsync("qx-bsz");
        var townB = await app.AgencyAsync("qx-sqz");

        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/console/agencies/{townA.Id}")).Status);
        var denied = await clerk.GetAsync($"/console/agencies/{townB.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Contains("无权访问", denied.Text);
        Assert.DoesNotContain(townB.OfficePhone, denied.Text);
        var list = await clerk.GetAsync("/console/agencies");
        Assert.DoesNotContain(townB.Name, list.Text);

        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var a = await supervisor.GetAsync($"/console/agencies/{townA.Id}");
        var b = await supervisor.GetAsync($"/console/agencies/{townB.Id}");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.Status, b.Status));
        Assert.Contains(townA.OfficePhone, a.Text);
        Assert.Contains(townB.OfficePhone, b.Text);
    }

    [Fact]
    public async Task AnAdminOfTownA_CannotChangeTownB_AndNothingChanges()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var townA = await app.AgencyAsync("qx-bsz");
        var townB = await app.AgencyAsync("qx-sqz");
        using var admin = await app.SignedInAsync("bsz.admin");
        var token = await admin.TokenFromAsync($"/console/agencies/{townA.Id}");

        var attempt = await admin.PostAsync($"/console/agencies/{townB.Id}", new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.OfficeName"] = "被篡改", ["Form.OfficeAddress"] = "被篡改", ["Form.OfficePhone"] = "000000", ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Forbidden, attempt.Status);
        Assert.Equal(townB.OfficeName, (await app.AgencyAsync("qx-sqz")).OfficeName);
    }

    [Fact]
    public async Task TheCountySupervisor_ReadsButCannotChangeATown()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var token = await supervisor.TokenFromAsync("/console");

        var attempt = await supervisor.PostAsync($"/console/agencies/{town.Id}", new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.OfficeName"] = "被篡改", ["Form.OfficeAddress"] = "被篡改", ["Form.OfficePhone"] = "000000", ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Forbidden, attempt.Status);
        Assert.Equal(town.OfficeName, (await app.AgencyAsync("qx-bsz")).OfficeName);
    }

    [Fact]
    public async Task AnAgencyAdmin_ManagesOnlyItsOwnAgencysUsers()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var otherClerk = await app.UserAsync("sqz.clerk");
        var townB = await app.AgencyAsync("qx-sqz");
        using var admin = await app.SignedInAsync("bsz.admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/console/users/{otherClerk.Id}")).Status);
        var users = await admin.GetAsync("/console/users");
        Assert.Contains("bsz.clerk", users.Text);
        Assert.DoesNotContain("sqz.clerk", users.Text);

        var create = await admin.SubmitAsync("/console/users/new", new Dictionary<string, string?>
        {
            ["AgencyId"] = townB.Id.ToString(), ["UserName"] = "sqz.intruder", ["Form.DisplayName"] = "外单位", ["Form.Role"] = "Clerk", ["Password"] = "Qingxi2026x",
        });
        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
        Assert.False(await app.QueryAsync(db => Task.FromResult(db.StaffUsers.Any(u => u.UserName == "sqz.intruder"))));
    }

    [Fact]
    public async Task AnAgencyAdmin_CannotTakeOverTheSupervisorsAccount()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var supervisor = await app.UserAsync("qx.supervisor");
        using var admin = await app.SignedInAsync("qx.admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/console/users/{supervisor.Id}")).Status);
        var token = await admin.TokenFromAsync("/console/users/new");
        var reset = await admin.PostAsync($"/console/users/{supervisor.Id}", new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = token, ["Form.DisplayName"] = "x", ["Form.Role"] = "Supervisor", ["IsActive"] = "true", ["NewPassword"] = "Takeover2026", ["Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Forbidden, reset.Status);
        Assert.Equal(supervisor.PasswordHash, (await app.UserAsync("qx.supervisor")).PasswordHash);
    }

    [Fact]
    public async Task AClerk_SeesNeitherUsersNorTheAuditLog()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/users")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/users/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/agencies/new")).Status);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRejected_AndNothingChanges()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        using var admin = await app.SignedInAsync("bsz.admin");

        var attempt = await admin.PostAsync($"/console/agencies/{town.Id}", new Dictionary<string, string?>
        {
            ["Form.OfficeName"] = "无令牌", ["Form.OfficeAddress"] = "无令牌", ["Form.OfficePhone"] = "0571-1111111", ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.BadRequest, attempt.Status);
        Assert.Equal(town.OfficeName, (await app.AgencyAsync("qx-bsz")).OfficeName);
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryToken_IsRejected()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var attempt = await visitor.PostAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "bsz.admin", ["Password"] = Gongkai.Data.Demo.DemoData.Password });
        Assert.Equal(HttpStatusCode.BadRequest, attempt.Status);
    }
}
