using System.Net;
using Gongkai.Data;
using Gongkai.Data.Mail;
using Gongkai.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Gongkai.Web.Tests;

/// <summary>Mail to applicants through a real SMTP server (aiosmtpd): what is sent, when the server is down, with two senders at once.</summary>
public sealed class MailTests
{
    private const string IdNumber = "11010519491231002X";

    private static Dictionary<string, string> Smtp(SmtpServer server) => new()
    {
        ["Mail:Delivery"] = "Smtp", ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None", ["Mail:From"] = "gongkai@qx.example.gov.cn", ["Mail:SendIntervalSeconds"] = "1", ["Mail:RetrySeconds"] = "1",
        ["Jobs:Enabled"] = "true", ["Site:PublicUrl"] = "https://gk.example.gov.cn",
    };

    private static async Task<(string Tracking, string Code, int Id)> ApplyAsync(GongkaiApp app, string email = "zhang@example.com")
    {
        using var visitor = app.NewVisitor();
        var submitted = await visitor.SubmitAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>
        {
            ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "张三", ["Form.IdNumber"] = IdNumber, ["Form.Phone"] = "13800138000",
            ["Form.Email"] = email, ["Form.Description"] = "白沙镇2025年农村低保资金发放名单", ["Form.FormWanted"] = "电子邮件",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var page = await visitor.GetAsync(submitted.Location!);
        var strongs = page.Document.QuerySelectorAll(".notice strong").Select(s => s.TextContent).ToList();
        var id = await app.QueryAsync(db => db.Applications.Where(a => a.TrackingNumber == strongs[0]).Select(a => a.Id).SingleAsync());
        return (strongs[0], strongs[1], id);
    }

    private static async Task StepAsync(Visitor clerk, int id, Dictionary<string, string?> step)
    {
        var done = await clerk.SubmitAsync($"/console/applications/{id}", step);
        Assert.True(done.Status == HttpStatusCode.Redirect, done.Summary);
    }

    private static string Body(MimeMessage m) => m.TextBody + "\n" + m.HtmlBody;

    [Fact]
    public async Task AnApplicationsLife_ReceiptSupplementReply_SendsExactlyThoseMails_InOrder_WithTheLetter_AndNeitherIdNumberNorCode()
    {
        if (SmtpServer.Unavailable() is { } why)
        {
            Assert.Skip(why);
        }
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await GongkaiApp.StartAsync("sqlite", Smtp(smtp));
        var (tracking, code, id) = await ApplyAsync(app);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        await StepAsync(clerk, id, new() { ["Kind"] = "RequestSupplement", ["Date"] = "2026-03-03", ["Days"] = "10", ["Reason"] = "请说明所需名单的村名和月份" });
        await StepAsync(clerk, id, new() { ["Kind"] = "ReceiveSupplement", ["Date"] = "2026-03-05", ["Reason"] = "申请人补充了村名和月份" });
        await StepAsync(clerk, id, new() { ["Kind"] = "Reply", ["Date"] = "2026-03-06", ["Reply"] = "Granted", ["Reason"] = "予以公开" });

        var mails = await smtp.WaitForAsync(3);
        // Nothing else may come: once every row is marked sent, no sender has anything left to send.
        await WaitAsync(app, rows => rows.All(r => r.State == OutboxState.Sent));
        mails = smtp.Messages();
        Assert.Equal(
            [$"已收到您的政府信息公开申请（查询号 {tracking}）", $"请补正您的政府信息公开申请（查询号 {tracking}）", $"您的政府信息公开申请已答复（查询号 {tracking}）"],
            mails.Select(m => m.Subject));
        Assert.All(mails, m => Assert.Equal("zhang@example.com", m.To.Mailboxes.Single().Address));
        Assert.All(mails, m => Assert.DoesNotContain(IdNumber, Body(m)));
        Assert.All(mails, m => Assert.DoesNotContain(code, Body(m)));
        Assert.All(mails, m => Assert.Contains($"https://gk.example.gov.cn/track?number={tracking}", m.TextBody));
        Assert.Contains("请说明所需名单的村名和月份", mails[1].TextBody);
        var letter = Assert.Single(mails[2].Attachments.OfType<MimePart>());
        Assert.Equal($"告知书-{tracking}.docx", letter.FileName);
        using var docx = new MemoryStream();
        await letter.Content!.DecodeToAsync(docx);
        Assert.Equal((byte)'P', docx.ToArray()[0]); // a zip package
        Assert.Contains("六十日内依法申请行政复议", mails[2].TextBody);

        var rows = await app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.ApplicationId == id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([MessageKind.Receipt, MessageKind.SupplementRequested, MessageKind.Reply], rows.Select(r => r.Kind));
        Assert.All(rows, r => Assert.Equal((OutboxState.Sent, 1), (r.State, r.Attempts)));
    }

    /// <summary>
    /// The worker's daily trigger on the injected clock: its rounds go on (each application's receipt
    /// goes out) but the reminders wait for Jobs:RemindersAt in Beijing; past it they run once that
    /// day, however many rounds follow, and again the next day only past the hour.
    /// </summary>
    [Fact]
    public async Task TheDailyReminders_RunOnceADay_PastTheirHour_AndNotBefore()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var settings = Smtp(smtp);
        settings["Jobs:RemindersAt"] = "07:30";
        settings["Demo:StaffMail"] = "true";
        DateTimeOffset Beijing(int day, int hour, int minute) => new DateTimeOffset(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        await using var app = await GongkaiApp.StartAsync("sqlite", settings, Beijing(3, 7, 0));
        async Task<List<DateOnly>> RunsAsync() => await app.QueryAsync(db => db.JobRuns.Where(r => r.Job == Reminders.Job).Select(r => r.Day).OrderBy(d => d).ToListAsync());
        bool Digest(MimeMessage m) => m.To.Mailboxes.Any(a => a.Address.EndsWith(".gov.cn", StringComparison.Ordinal));
        var expected = 0;
        // A round has run since now once the receipt of an application made now has gone out.
        async Task<IReadOnlyList<MimeMessage>> ARoundAsync()
        {
            await ApplyAsync(app);
            expected = smtp.Messages().Count(m => !Digest(m)) + 1;
            var until = DateTime.UtcNow.AddMinutes(1);
            while (smtp.Messages().Count(m => !Digest(m)) < expected && DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
            Assert.Equal(expected, smtp.Messages().Count(m => !Digest(m)));
            return smtp.Messages();
        }

        await ARoundAsync();
        Assert.Empty(await RunsAsync());

        app.Clock.Now = Beijing(3, 7, 31);
        await ARoundAsync();
        var day = new DateOnly(2026, 3, 3);
        var until = DateTime.UtcNow.AddMinutes(1);
        while (!await app.QueryAsync(db => db.JobRuns.AnyAsync(r => r.Job == Reminders.Job && r.Day == day && r.FinishedUtc != null)) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        Assert.Equal([day], await RunsAsync());
        // The run has written its digests; once the outbox has nothing left to send, they are all in.
        // (Waiting for "one message more" waited out its minute whenever they were in already.)
        var outbox = await WaitAsync(app, rows => rows.All(r => r.State == OutboxState.Sent));
        Assert.All(outbox, r => Assert.Equal(OutboxState.Sent, r.State));
        var digests = smtp.Messages().Count(Digest);
        Assert.True(digests > 0, "no digest went out");

        // More rounds that day: no second run, no second digest.
        await ARoundAsync();
        await ARoundAsync();
        Assert.Equal([day], await RunsAsync());
        Assert.Equal(digests, smtp.Messages().Count(Digest));

        // The next day, before the hour nothing; past it, the day's run.
        app.Clock.Now = Beijing(4, 7, 29);
        await ARoundAsync();
        Assert.Equal([day], await RunsAsync());
        app.Clock.Now = Beijing(4, 7, 30);
        await ARoundAsync();
        until = DateTime.UtcNow.AddMinutes(1);
        while ((await RunsAsync()).Count < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        Assert.Equal([day, day.AddDays(1)], await RunsAsync());
    }

    [Fact]
    public async Task WithTheMailServerDown_StepsAreRecorded_MailsWaitWithTheirError_AndGoOutOnceWhenItIsBack()
    {
        if (SmtpServer.Unavailable() is { } why)
        {
            Assert.Skip(why);
        }
        await using var smtp = SmtpServer.Planned(); // not listening yet
        await using var app = await GongkaiApp.StartAsync("sqlite", Smtp(smtp));
        var first = await ApplyAsync(app);
        var second = await ApplyAsync(app, "li@example.com");
        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        await StepAsync(reviewer, first.Id, new() { ["Kind"] = "Extend", ["Date"] = "2026-03-20", ["Days"] = "20", ["Reason"] = "需要协调多个村委会" });

        var waiting = await WaitAsync(app, rows => rows.Count == 3 && rows.All(r => r.Attempts >= 1 && r.LastError is not null));
        Assert.All(waiting, r => Assert.Equal(OutboxState.Pending, r.State));
        using var admin = await app.SignedInAsync("sysadmin");
        var console = await admin.GetAsync("/console/mail");
        Assert.Equal(HttpStatusCode.OK, console.Status);
        Assert.Contains("SocketException", console.Text);
        Assert.Contains("待发送", console.Text);

        await smtp.StartAgainAsync();
        app.Clock.Advance(TimeSpan.FromHours(1)); // past every back-off
        var delivered = await smtp.WaitForAsync(3);
        await WaitAsync(app, rows => rows.All(r => r.State == OutboxState.Sent));
        delivered = smtp.Messages();
        Assert.Equal(3, delivered.Count);
        Assert.Equal(3, delivered.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(["li@example.com", "zhang@example.com", "zhang@example.com"], delivered.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(await app.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync()), r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.Equal(1, await app.QueryAsync(db => db.ApplicationSteps.CountAsync(s => s.ApplicationId == first.Id)));
        _ = second;
    }

    private static async Task<List<OutboxMessage>> WaitAsync(GongkaiApp app, Func<List<OutboxMessage>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        List<OutboxMessage> rows;
        do
        {
            await Task.Delay(200);
            rows = await app.QueryAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        }
        while (!done(rows) && DateTime.UtcNow < until);
        return rows;
    }

    /// <summary><paramref name="count"/> test mails in the outbox, due now (“第 i 封” to user<i>i</i>@example.com); the clock's now.</summary>
    private static async Task<DateTime> WriteTestMailsAsync(GongkaiApp app, int count)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.QueryAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.Outbox.Add(Notices.New(null, null, MessageKind.Test, $"user{i}@example.com", new MessageTemplates.Template($"第 {i} 封", "测试"), null, now));
            }
            return await db.SaveChangesAsync();
        });
        return now;
    }

    [Fact]
    public async Task TwoWebNodesOnOnePostgres_DeliverEachMailOnce()
    {
        if (SmtpServer.Unavailable() is { } why)
        {
            Assert.Skip(why);
        }
        await using var smtp = await SmtpServer.StartAsync();
        var settings = Smtp(smtp);
        settings["Jobs:Enabled"] = "false"; // the mails are written first, then both nodes' workers start at once
        await using var a = await GongkaiApp.StartAsync("postgres", settings);
        await WriteTestMailsAsync(a, 60);
        settings["Jobs:Enabled"] = "true";
        await using var b = GongkaiApp.SecondNode(a, settings);
        await using var c = GongkaiApp.SecondNode(a, settings);

        var delivered = await smtp.WaitForAsync(60);
        // Nothing may come twice: once every row is marked sent, no node has anything left to send.
        await WaitAsync(a, rows => rows.All(r => r.State == OutboxState.Sent));
        delivered = smtp.Messages();
        Assert.Equal(60, delivered.Count);
        Assert.Equal(60, delivered.Select(m => m.Subject).Distinct().Count());
        Assert.All(await a.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync()), r => Assert.Equal((OutboxState.Sent, 1), (r.State, r.Attempts)));
    }

    /// <summary>On SQLite (one node), the worker and <c>gongkai jobs run outbox</c> may still send at once: its transactions take turns.</summary>
    [Fact]
    public async Task TwoSendersAtOnce_OnSqlite_DeliverEachMailOnce()
    {
        if (SmtpServer.Unavailable() is { } why)
        {
            Assert.Skip(why);
        }
        await using var smtp = await SmtpServer.StartAsync();
        var settings = Smtp(smtp);
        settings["Jobs:Enabled"] = "false";
        await using var app = await GongkaiApp.StartAsync("sqlite", settings);
        var now = await WriteTestMailsAsync(app, 40);
        var mailer = app.Services.GetRequiredService<Mailer>();
        // Both senders are let go together, and each notes when it began and ended.
        using var gate = new Barrier(2);
        var rounds = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            gate.SignalAndWait();
            var began = System.Diagnostics.Stopwatch.GetTimestamp();
            var round = await OutboxSender.SendDueAsync(db, mailer, now, CancellationToken.None);
            return (Round: round, Began: began, Ended: System.Diagnostics.Stopwatch.GetTimestamp());
        })));
        // The two ran at once (each began before the other ended): what follows is about two senders at once.
        Assert.True(rounds[0].Began < rounds[1].Ended && rounds[1].Began < rounds[0].Ended, "the two senders did not overlap");
        var delivered = await smtp.WaitForAsync(40);
        Assert.Equal(40, rounds.Sum(r => r.Round.Sent));
        Assert.Equal(40, delivered.Count);
        Assert.Equal(40, delivered.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task OffTheNetwork_TheFeeNoticeMail_IsAFileInTheMailFolder_WithTheAmountAndTheLastDayToPay()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Jobs:Enabled"] = "true", ["Mail:SendIntervalSeconds"] = "1" });
        var (tracking, _, id) = await ApplyAsync(app);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        await StepAsync(clerk, id, new() { ["Kind"] = "SendFeeNotice", ["Date"] = "2026-03-03", ["Amount"] = "100", ["Reason"] = "按量收费：超过 30 页的部分" });

        var until = DateTime.UtcNow.AddSeconds(30);
        while ((!Directory.Exists(app.MailFolder) || Directory.GetFiles(app.MailFolder, "*.eml").Length < 2) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }
        var mails = Directory.GetFiles(app.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var fee = Assert.Single(mails, m => m.Subject == $"政府信息公开信息处理费缴费通知（查询号 {tracking}）");
        // Twenty working days after Tuesday 3 March 2026: 4 March … 31 March.
        Assert.Contains("需缴纳信息处理费 100.00 元。\n请于2026年3月31日前缴纳", fee.TextBody!.Replace("\r\n", "\n"));
        Assert.Equal(2, mails.Count);
    }

    [Fact]
    public async Task AnItemSentForReview_WritesANoteToEachReviewerWhoGaveAnAddress_AtOnce()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        var bad = await reviewer.SubmitAsync("/console/account/mail", new Dictionary<string, string?> { ["Email"] = "reviewer@bsz" });
        Assert.Equal("电子邮箱格式不正确（例如 name@example.gov.cn）。", bad.FieldError("Email"));
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync("/console/account/mail", new Dictionary<string, string?> { ["Email"] = "reviewer@bsz.example.gov.cn" })).Status);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        var url = (await clerk.SubmitAsync("/console/items/new", new Dictionary<string, string?>
        {
            ["Title"] = "白沙镇2026年春耕生产工作安排", ["WrittenOn"] = "2026-02-26", ["CategoryCode"] = "a21.t08",
            ["DocumentKind"] = "None", ["Channels"] = "Website", ["Body"] = "各村做好春耕备耕工作。",
        })).Location!;
        Assert.Empty(await app.QueryAsync(db => db.Outbox.ToListAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync(url, new Dictionary<string, string?> { ["action"] = "Submit" }, handler: "Act")).Status);

        var note = Assert.Single(await app.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync()));
        Assert.Equal((MessageKind.ReviewRequested, "reviewer@bsz.example.gov.cn", "待保密审查：白沙镇2026年春耕生产工作安排"), (note.Kind, note.Recipient, note.Subject));
        Assert.Contains($"http://localhost:5000{url}", note.TextBody);
    }

    [Fact]
    public async Task TheAgencyAdmin_RewordsAMail_PreviewsIt_AndTheApplicantGetsTheNewWords()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var unknown = await admin.SubmitAsync("/console/mail/templates", new Dictionary<string, string?> { ["Bodies[Receipt]"] = "您的查询码是 {查询码}" });
        Assert.Contains("没有这些占位符：{查询码}", unknown.FieldError("Bodies[Receipt]"));
        var preview = await admin.SubmitAsync("/console/mail/templates", new Dictionary<string, string?>
        {
            ["Subjects[Receipt]"] = "{机关}已收到申请 {查询号}", ["Bodies[Receipt]"] = "{申请人}您好，我们会在{答复期限}前答复。", ["Kind"] = "Receipt",
        }, handler: "Preview");
        Assert.Contains("张三您好，我们会在", preview.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/console/mail/templates", new Dictionary<string, string?>
        {
            ["Subjects[Receipt]"] = "{机关}已收到申请 {查询号}", ["Bodies[Receipt]"] = "{申请人}您好，我们会在{答复期限}前答复。",
        })).Status);

        var (tracking, _, id) = await ApplyAsync(app);
        var receipt = await app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.ApplicationId == id));
        Assert.Equal($"青溪县白沙镇人民政府已收到申请 {tracking}", receipt.Subject);
        Assert.StartsWith("张三您好，我们会在2026年", receipt.TextBody);
        var other = await app.QueryAsync(db => db.MessageTemplates.CountAsync());
        Assert.Equal(1, other);
    }
}
