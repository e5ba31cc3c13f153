using System.Net;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Demo;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

public sealed class SignInTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    /// <summary>
    /// Issue 25: an unknown user name answered in 6 ms, a known one with a wrong password in 86 ms,
    /// so the time told which accounts exist. Each now checks one password hash — counted, not
    /// timed, so the answer does not depend on the machine. Removing the dummy check for unknown
    /// and deactivated accounts (StaffAccounts.VerifyNone) makes the first count 0.
    /// </summary>
    [Fact]
    public async Task AnUnknownUserName_CostsTheSamePasswordCheck_AsAKnownOne()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        await app.QueryAsync(async db =>
        {
            var unknown = Gongkai.Data.Staff.StaffAccounts.CountChecks();
            var (outcome, _) = await Infrastructure.StaffSignIn.CheckAsync(db, TimeProvider.System, "no.such.user", "猜的密码123", default);
            Assert.Equal((Infrastructure.SignInOutcome.WrongCredentials, 1), (outcome, unknown.Value));

            var known = Gongkai.Data.Staff.StaffAccounts.CountChecks();
            (outcome, _) = await Infrastructure.StaffSignIn.CheckAsync(db, TimeProvider.System, "bsz.clerk", "猜的密码123", default);
            Assert.Equal((Infrastructure.SignInOutcome.WrongCredentials, 1), (outcome, known.Value));

            await db.StaffUsers.Where(u => u.UserName == "bsz.clerk").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
            db.ChangeTracker.Clear();
            var inactive = Gongkai.Data.Staff.StaffAccounts.CountChecks();
            (outcome, _) = await Infrastructure.StaffSignIn.CheckAsync(db, TimeProvider.System, "bsz.clerk", DemoData.Password, default);
            Assert.Equal((Infrastructure.SignInOutcome.WrongCredentials, 1), (outcome, inactive.Value));
            return 0;
        });
    }

    /// <summary>
    /// 等保 level 3 (登录连接超时自动退出): a session ends after 30 minutes without a request and,
    /// however active, 8 hours after the sign-in (Session:IdleMinutes, Session:AbsoluteHours), on
    /// the injected clock. With the cookie's old fixed 8 hours the idle case stays signed in; without
    /// the sign-in time checked the active one does.
    /// </summary>
    [Fact]
    public async Task ASession_EndsAfterThirtyIdleMinutes_AndEightHoursAfterSignInHoweverActive()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        async Task<bool> SignedInAsync(Visitor visitor) => (await visitor.GetAsync("/console")).Status == HttpStatusCode.OK;

        using (var idle = await app.SignedInAsync("bsz.clerk"))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await SignedInAsync(idle));
            app.Clock.Advance(TimeSpan.FromMinutes(25));
            Assert.True(await SignedInAsync(idle));
            app.Clock.Advance(TimeSpan.FromMinutes(31));
            Assert.False(await SignedInAsync(idle));
        }

        using var busy = await app.SignedInAsync("bsz.clerk");
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.5); elapsed += TimeSpan.FromMinutes(20))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await SignedInAsync(busy), $"signed out after {elapsed + TimeSpan.FromMinutes(20)}");
        }
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.False(await SignedInAsync(busy));
    }

    /// <summary>
    /// 等保 level 3 (身份鉴别): an initial password (set by an administrator) is changed at the first
    /// sign-in before any other page opens; none of the last five comes back; after 90 days
    /// (Passwords:MaxAgeDays) it must be changed again. Without the PasswordChange filter the new
    /// account reaches /console at once.
    /// </summary>
    [Fact]
    public async Task AnInitialPassword_IsChangedFirst_NoneOfTheLastFiveComesBack_AndItExpiresAfterNinetyDays()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Passwords:MaxAgeDays"] = "90" });
        using var admin = await app.SignedInAsync("bsz.admin");
        var created = await admin.SubmitAsync("/console/users/new", new Dictionary<string, string?>
        {
            ["UserName"] = "bsz.newcomer", ["Form.DisplayName"] = "白沙镇 新同事", ["Form.Role"] = "Clerk", ["Password"] = "Initial2026x",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);

        using var newcomer = app.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync("bsz.newcomer", "Initial2026x")).StatusCode);
        var console = await newcomer.GetAsync("/console/applications");
        Assert.Equal((HttpStatusCode.Redirect, "/console/account"), (console.Status, console.Location));
        Assert.Contains("请先设置新密码", (await newcomer.GetAsync("/console/account")).Text);

        async Task<Visitor.Page> ChangeAsync(string current, string next) => await newcomer.SubmitAsync("/console/account", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next,
        });
        Assert.Equal("新密码不能与当前密码或最近 5 次使用过的密码相同。", (await ChangeAsync("Initial2026x", "Initial2026x")).FieldError("NewPassword"));
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync("Initial2026x", "Second2026x")).Status);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/console/applications")).Status);
        Assert.Equal("新密码不能与当前密码或最近 5 次使用过的密码相同。", (await ChangeAsync("Second2026x", "Initial2026x")).FieldError("NewPassword"));

        app.Clock.Advance(TimeSpan.FromDays(91));
        using var later = app.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync("bsz.newcomer", "Second2026x")).StatusCode);
        Assert.Equal("/console/account", (await later.GetAsync("/console")).Location);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SigningIn_OpensTheConsole_AndSigningOut_ClosesIt(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var visitor = app.NewVisitor();

        var response = await visitor.SignInAsync("bsz.clerk", DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console", response.Headers.Location?.OriginalString);

        var dashboard = await visitor.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("白沙镇 经办人", dashboard.Text);
        Assert.Contains("青溪县白沙镇人民政府", dashboard.Text);

        var token = await visitor.TokenFromAsync("/console");
        var logout = await visitor.PostAsync("/console/logout", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, logout.Status);
        var after = await visitor.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/console/login", after.Location);

        var events = await app.QueryAsync(db => db.AuditEntries.Where(e => e.ActorName == "bsz.clerk").Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.SignedIn, AuditActions.SignedOut], events);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AWrongPassword_IsRefusedWithAMessage_AndRecorded(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var visitor = app.NewVisitor();

        var page = await visitor.SubmitAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "bsz.clerk", ["Password"] = "wrong-password1" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("用户名或密码错误。", page.Summary);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);
        var user = await app.UserAsync("bsz.clerk");
        Assert.Equal(1, user.FailedLoginCount);
        var entry = await app.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Id).LastAsync());
        Assert.Equal((AuditActions.SignInFailed, user.AgencyId), (entry.Action, entry.AgencyId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne_UntilTheLockoutEnds(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var visitor = app.NewVisitor();
        for (var i = 0; i < 5; i++)
        {
            await visitor.SignInAsync("sqz.clerk", "wrong-password1");
        }

        var locked = await visitor.SubmitAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "sqz.clerk", ["Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        // Locked, the right password is refused with the same words as a wrong one.
        Assert.Contains("用户名或密码错误。", locked.Summary);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await visitor.SignInAsync("sqz.clerk", DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/console")).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAdmin_CanLiftALockout(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using (var guesser = app.NewVisitor())
        {
            for (var i = 0; i < 5; i++)
            {
                await guesser.SignInAsync("sqz.clerk", "wrong-password1");
            }
        }
        using var admin = await app.SignedInAsync("sqz.admin");
        var clerk = await app.UserAsync("sqz.clerk");
        var page = await admin.SubmitAsync($"/console/users/{clerk.Id}", new Dictionary<string, string?>(), handler: "Unlock");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);

        using var visitor = app.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignInAsync("sqz.clerk", DemoData.Password)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADeactivatedAccount_LosesItsOpenSession(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        using var admin = await app.SignedInAsync("bsz.admin");
        var user = await app.UserAsync("bsz.clerk");

        var saved = await admin.SubmitAsync($"/console/users/{user.Id}", new Dictionary<string, string?> { ["IsActive"] = null });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/console")).Status);
        Assert.False((await app.UserAsync("bsz.clerk")).IsActive);
        using var again = app.NewVisitor();
        Assert.Equal(HttpStatusCode.OK, (await again.SubmitAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "bsz.clerk", ["Password"] = DemoData.Password })).Status);
    }

    [Fact]
    public async Task ARoleChange_EndsTheAccountsOpenSession_ANameChangeDoesNot()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        using var admin = await app.SignedInAsync("bsz.admin");
        var user = await app.UserAsync("bsz.clerk");

        var renamed = await admin.SubmitAsync($"/console/users/{user.Id}", new Dictionary<string, string?> { ["Form.DisplayName"] = "白沙镇 经办人 李四" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.Status);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/console")).Status);

        var promoted = await admin.SubmitAsync($"/console/users/{user.Id}", new Dictionary<string, string?> { ["Form.Role"] = "Reviewer" });
        Assert.Equal(HttpStatusCode.Redirect, promoted.Status);
        var next = await clerk.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.StartsWith("/console/login", next.Location);
    }

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/users")]
    [InlineData("/console/users/new")]
    [InlineData("/console/audit")]
    [InlineData("/console/agencies")]
    [InlineData("/console/agencies/1")]
    [InlineData("/console/account")]
    public async Task AnAnonymousRequestToAConsolePage_IsSentToLogIn(string url)
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var page = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/console/login?ReturnUrl=", page.Location);
    }

    [Fact]
    public async Task SigningIn_ReturnsToTheRequestedPage_ButNeverToAnotherSite()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var local = await visitor.SubmitAsync("/console/login?ReturnUrl=%2Fconsole%2Faudit", new Dictionary<string, string?> { ["UserName"] = "bsz.admin", ["Password"] = DemoData.Password });
        Assert.Equal("/console/audit", local.Location);

        using var other = app.NewVisitor();
        var foreign = await other.SubmitAsync("/console/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string?> { ["UserName"] = "bsz.admin", ["Password"] = DemoData.Password });
        Assert.Equal("/console", foreign.Location);
    }

    [Fact]
    public async Task SixtyWrongPasswordsAtOnce_CheckNoMoreThanFive_AndLockTheAccount()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var token = await visitor.TokenFromAsync("/console/login");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => visitor.Client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["UserName"] = "sqz.clerk", ["Password"] = "wrong-password1",
        }))));

        // Beyond 20 a minute from one address the answer is 429; of the rest, each took a number and at most five were checked.
        Assert.All(attempts, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(attempts, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        var checkedPasswords = await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ActorName == "sqz.clerk" && e.Changes.Contains("wrong password")));
        Assert.InRange(checkedPasswords, 1, 5);
        var user = await app.QueryAsync(db => db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == "sqz.clerk"));
        Assert.True(user.LockoutEndUtc > app.Clock.GetUtcNow().UtcDateTime);
    }
}
