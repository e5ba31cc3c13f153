using System.Net;
using Gongkai.Data.Agencies;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Bad input on every form: a message in Chinese at the field, and nothing half-saved.</summary>
public sealed class FormValidationTests
{
    /// <summary>
    /// Found by <c>bench forms</c> (issue 25, part 3): a checkbox posted as "on" or as text answered
    /// 500 on the user and mail-settings pages (the checkbox could not be shown again). Now a field
    /// message and nothing saved. Taking the reset out of FormFields makes both 500.
    /// </summary>
    [Fact]
    public async Task ACheckboxPostedWithText_IsAFieldError_NotAServerError()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var clerk = await app.UserAsync("bsz.clerk");
        var user = await admin.SubmitAsync($"/console/users/{clerk.Id}", new Dictionary<string, string?> { ["IsActive"] = "on" });
        Assert.Equal(HttpStatusCode.OK, user.Status);
        Assert.True((await app.UserAsync("bsz.clerk")).IsActive);
        var mail = await admin.SubmitAsync("/console/account/mail", new Dictionary<string, string?> { ["DigestsOff"] = "零h2" });
        Assert.Equal(HttpStatusCode.OK, mail.Status);
        Assert.False((await app.UserAsync("bsz.admin")).DigestsOff);
    }

    [Fact]
    public async Task TheOfficeContactForm_NamesEachBadField_AndSavesNothing()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        using var admin = await app.SignedInAsync("bsz.admin");

        var page = await admin.SubmitAsync($"/console/agencies/{town.Id}", new Dictionary<string, string?>
        {
            ["Form.OfficeName"] = "改过的名称",
            ["Form.OfficeAddress"] = "",
            ["Form.OfficePostcode"] = "33A1",
            ["Form.OfficePhone"] = "电话号码",
            ["Form.OfficeEmail"] = "not-an-email",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("请填写办公地址。", page.FieldError("Form.OfficeAddress"));
        Assert.Equal("邮政编码为 6 位数字。", page.FieldError("Form.OfficePostcode"));
        Assert.Equal("联系电话只能包含数字、空格、括号和连字符。", page.FieldError("Form.OfficePhone"));
        Assert.Equal("电子邮箱格式不正确。", page.FieldError("Form.OfficeEmail"));
        Assert.Equal("改过的名称", page.Document.QuerySelector("#Form_OfficeName")!.GetAttribute("value"));
        var stored = await app.AgencyAsync("qx-bsz");
        Assert.Equal((town.OfficeName, town.Version), (stored.OfficeName, stored.Version));
    }

    [Fact]
    public async Task TheNewUserForm_NamesEachBadField_AndCreatesNoAccount()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var before = await app.QueryAsync(db => db.StaffUsers.CountAsync());

        var empty = await admin.SubmitAsync("/console/users/new", new Dictionary<string, string?>
        {
            ["UserName"] = "", ["Form.DisplayName"] = "", ["Password"] = "",
        });
        Assert.Equal("请填写用户名。", empty.FieldError("UserName"));
        Assert.Equal("请填写姓名。", empty.FieldError("Form.DisplayName"));
        Assert.Equal("请填写初始密码。", empty.FieldError("Password"));

        var bad = await admin.SubmitAsync("/console/users/new", new Dictionary<string, string?>
        {
            ["UserName"] = "bsz.clerk", ["Form.DisplayName"] = "重名", ["Form.Role"] = "Supervisor", ["Password"] = "short1",
        });
        Assert.Equal("该用户名已被使用。", bad.FieldError("UserName"));
        Assert.Equal("您不能授予该角色。", bad.FieldError("Form.Role"));
        Assert.Equal("密码至少 10 位。", bad.FieldError("Password"));

        var garbled = await admin.SubmitAsync("/console/users/new", new Dictionary<string, string?>
        {
            ["AgencyId"] = "abc", ["UserName"] = "Bad Name", ["Form.DisplayName"] = "某人", ["Form.Role"] = "Emperor", ["Password"] = "Baisha2026x",
        });
        Assert.Equal("“abc”不是所属机构的有效值。", garbled.FieldError("AgencyId"));
        Assert.Equal("“Emperor”不是角色的有效值。", garbled.FieldError("Form.Role"));
        Assert.StartsWith("用户名为", garbled.FieldError("UserName"));

        Assert.Equal(before, await app.QueryAsync(db => db.StaffUsers.CountAsync()));
    }

    [Fact]
    public async Task TheEditUserForm_RefusesAWeakPassword_AndKeepsTheOldOne()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var clerk = await app.UserAsync("bsz.clerk");
        using var admin = await app.SignedInAsync("bsz.admin");

        var page = await admin.SubmitAsync($"/console/users/{clerk.Id}", new Dictionary<string, string?>
        {
            ["Form.DisplayName"] = "", ["NewPassword"] = "abcdefghij",
        });

        Assert.Equal("请填写姓名。", page.FieldError("Form.DisplayName"));
        Assert.Equal("密码须包含大写字母、小写字母、数字和其他符号中的至少三种。", page.FieldError("NewPassword"));
        var stored = await app.UserAsync("bsz.clerk");
        Assert.Equal((clerk.DisplayName, clerk.PasswordHash), (stored.DisplayName, stored.PasswordHash));
    }

    [Fact]
    public async Task AnAdmin_CannotDemoteOrDeactivateThemselves()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var self = await app.UserAsync("bsz.admin");
        using var admin = await app.SignedInAsync("bsz.admin");

        var page = await admin.SubmitAsync($"/console/users/{self.Id}", new Dictionary<string, string?> { ["Form.Role"] = "Clerk" });

        Assert.Contains("不能更改自己的角色或停用自己的账户。", page.Summary);
        Assert.Equal(self.Role, (await app.UserAsync("bsz.admin")).Role);
    }

    [Fact]
    public async Task TheLoginAndPasswordForms_NameTheirEmptyAndWrongFields()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var login = await visitor.SubmitAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "", ["Password"] = "" });
        Assert.Equal("请填写用户名。", login.FieldError("UserName"));
        Assert.Equal("请填写密码。", login.FieldError("Password"));

        using var clerk = await app.SignedInAsync("bsz.clerk");
        var before = (await app.UserAsync("bsz.clerk")).PasswordHash;
        var account = await clerk.SubmitAsync("/console/account", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = "wrong-one1", ["NewPassword"] = "Baisha2027x", ["ConfirmPassword"] = "Baisha2027y",
        });
        Assert.Equal("当前密码不正确。", account.FieldError("CurrentPassword"));
        Assert.Equal("两次填写的新密码不一致。", account.FieldError("ConfirmPassword"));
        Assert.Equal(before, (await app.UserAsync("bsz.clerk")).PasswordHash);
    }

    [Fact]
    public async Task TheNewAgencyForm_RefusesADuplicateCodeAndAMissingName()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var sysadmin = await app.SignedInAsync("sysadmin");
        var before = await app.QueryAsync(db => db.Agencies.CountAsync());

        var page = await sysadmin.SubmitAsync("/console/agencies/new", new Dictionary<string, string?>
        {
            ["Form.Name"] = "", ["Form.ShortCode"] = "qx-bsz", ["Form.OfficeName"] = "办公室", ["Form.OfficeAddress"] = "某路", ["Form.OfficePhone"] = "0571-1234567",
        });

        Assert.Equal("请填写机构名称。", page.FieldError("Form.Name"));
        Assert.Equal("该简码已被其他机构使用。", page.FieldError("Form.ShortCode"));
        Assert.Equal(before, await app.QueryAsync(db => db.Agencies.CountAsync()));
    }

    [Fact]
    public async Task TheSystemAdmin_AddsAStreetOffice_ThatThePortalThenLists()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var county = await app.AgencyAsync("qx");
        using var sysadmin = await app.SignedInAsync("sysadmin");

        var page = await sysadmin.SubmitAsync("/console/agencies/new", new Dictionary<string, string?>
        {
            ["Form.Name"] = "青溪县城关街道办事处", ["Form.ShortCode"] = "qx-cgjd", ["Form.ParentId"] = county.Id.ToString(),
            ["Form.Level"] = "Township", ["Form.Kind"] = "Subdistrict",
            ["Form.OfficeName"] = "城关街道党政办", ["Form.OfficeAddress"] = "青溪县城关街道中山路 5 号", ["Form.OfficePhone"] = "0571-86060001",
        });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var created = await app.AgencyAsync("qx-cgjd");
        Assert.Equal(county.Id, created.ParentId);
        var entry = await app.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "Agency").OrderBy(e => e.Id).LastAsync());
        Assert.Equal(("sysadmin", created.Id, Gongkai.Data.Audit.AuditActions.Created), (entry.ActorName, entry.AgencyId, entry.Action));
        using var visitor = app.NewVisitor();
        Assert.Contains("青溪县城关街道办事处", (await visitor.GetAsync("/")).Text);
    }

    [Fact]
    public async Task MovingAnAgencyBelowItsOwnChild_IsRefused()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var county = await app.AgencyAsync("qx");
        var town = await app.AgencyAsync("qx-bsz");
        using var sysadmin = await app.SignedInAsync("sysadmin");

        var page = await sysadmin.SubmitAsync($"/console/agencies/{county.Id}", new Dictionary<string, string?> { ["Form.ParentId"] = town.Id.ToString() });

        Assert.Equal("上级机构不能是本机构或其下级机构。", page.FieldError("Form.ParentId"));
        Assert.Null((await app.AgencyAsync("qx")).ParentId);
    }

    [Fact]
    public async Task TwoAdminsEditingOneAgency_TheSecondIsToldToReload_AndTheFirstEditStays()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        using var first = await app.SignedInAsync("bsz.admin");
        using var second = await app.SignedInAsync("sysadmin");
        var url = $"/console/agencies/{town.Id}";
        var token = await second.TokenFromAsync(url);
        var staleForm = (await second.GetAsync(url)).Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value");

        await first.SubmitAsync(url, new Dictionary<string, string?> { ["Form.OfficePhone"] = "0571-86041111" });
        var late = await second.PostAsync(url, new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = token, ["Form.Name"] = town.Name, ["Form.ShortCode"] = town.ShortCode, ["Form.ParentId"] = town.ParentId.ToString(),
            ["Form.Level"] = town.Level.ToString(), ["Form.Kind"] = town.Kind.ToString(),
            ["Form.OfficeName"] = town.OfficeName, ["Form.OfficeAddress"] = town.OfficeAddress, ["Form.OfficePhone"] = "0571-86042222", ["Form.Version"] = staleForm,
        });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("已被他人修改", late.Summary);
        Assert.Equal("0571-86041111", (await app.AgencyAsync("qx-bsz")).OfficePhone);
    }
}
