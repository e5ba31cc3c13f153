using Gongkai.Domain.Calendar;
using Gongkai.Data.Applications;
using Gongkai.Data.Reports;
using Gongkai.Data.Staff;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Staff;

namespace Gongkai.Data.Demo;

/// <summary>
/// A fictional county (青溪县) with two departments and two towns, each with a disclosure office
/// and staff accounts, so that a fresh start shows a working site.
/// </summary>
public sealed class DemoData(GongkaiDb db, TimeProvider clock)
{
    /// <summary>The password of every demo account. Demo data is for trying Gongkai out, never for production.</summary>
    public const string Password = "Gongkai2026";

    /// <summary>The access code of every demo application (the tracking page asks for it).</summary>
    public const string AccessCode = "DEMO2026";

    // One hash each per process: hashing is deliberately slow (PBKDF2, ~50 ms), and these codes are
    // public anyway. Hashed per account and per application, a seed cost two seconds of hashing,
    // and the tests seed many demo databases.
    internal static readonly Lazy<string> PasswordHash = new(() => StaffAccounts.HashPassword(Password));
    internal static readonly Lazy<string> AccessCodeHash = new(() => StaffAccounts.HashPassword(AccessCode));

    public sealed record DemoAccount(string UserName, string DisplayName, StaffRole Role, string AgencyCode);

    public static IReadOnlyList<DemoAccount> Accounts { get; } = BuildAccounts();

    private static readonly (string Code, string? Parent, string Name, AgencyLevel Level, AgencyKind Kind, string Office, string Address, string Postcode, string Phone, string Fax, string Email)[] Agencies =
    [
        ("qx", null, "青溪县人民政府", AgencyLevel.County, AgencyKind.Government,
            "青溪县人民政府办公室（县政务公开办）", "青溪县城关镇人民路 1 号县政府大楼 3 楼 305 室", "330100", "0571-86010001", "0571-86010002", "zwgk@qingxi.example.gov.cn"),
        ("qx-czj", "qx", "青溪县财政局", AgencyLevel.County, AgencyKind.Department,
            "青溪县财政局办公室", "青溪县城关镇人民路 18 号", "330100", "0571-86020001", "0571-86020002", "czj@qingxi.example.gov.cn"),
        ("qx-zrzyj", "qx", "青溪县自然资源局", AgencyLevel.County, AgencyKind.Department,
            "青溪县自然资源局办公室", "青溪县城关镇建设路 66 号", "330100", "0571-86030001", "0571-86030002", "zrzyj@qingxi.example.gov.cn"),
        ("qx-bsz", "qx", "青溪县白沙镇人民政府", AgencyLevel.Township, AgencyKind.Government,
            "白沙镇党政办公室", "青溪县白沙镇白沙街 8 号", "330101", "0571-86040001", "0571-86040002", "bsz@qingxi.example.gov.cn"),
        ("qx-sqz", "qx", "青溪县石桥镇人民政府", AgencyLevel.Township, AgencyKind.Government,
            "石桥镇党政办公室", "青溪县石桥镇新街 2 号", "330102", "0571-86050001", "0571-86050002", "sqz@qingxi.example.gov.cn"),
    ];

    private static List<DemoAccount> BuildAccounts()
    {
        var list = new List<DemoAccount>
        {
            new("sysadmin", "系统管理员", StaffRole.SystemAdmin, "qx"),
            // 三员分立: the other two administrators.
            new("secadmin", "安全管理员", StaffRole.SecurityAdmin, "qx"),
            new("auditor", "审计管理员", StaffRole.AuditAdmin, "qx"),
            new("qx.supervisor", "县政务公开办 王主任", StaffRole.Supervisor, "qx"),
        };
        var people = new Dictionary<string, string>
        {
            ["qx"] = "县政府办", ["qx-czj"] = "财政局", ["qx-zrzyj"] = "自然资源局", ["qx-bsz"] = "白沙镇", ["qx-sqz"] = "石桥镇",
        };
        foreach (var (code, unit) in people)
        {
            var prefix = code == "qx" ? "qx" : code["qx-".Length..];
            list.Add(new($"{prefix}.admin", $"{unit} 管理员", StaffRole.AgencyAdmin, code));
            list.Add(new($"{prefix}.clerk", $"{unit} 经办人", StaffRole.Clerk, code));
            list.Add(new($"{prefix}.reviewer", $"{unit} 审核人", StaffRole.Reviewer, code));
        }
        return list;
    }

    /// <summary>
    /// Fills an empty database, in one transaction (a failure leaves it empty, never half-seeded);
    /// does nothing when any agency exists. Works on any date: deadlines in a year without its
    /// holiday notice are provisional, like everyone's.
    /// </summary>
    /// <param name="withApplications">Also put a few applications in the towns' queues (tests that count applications leave them out).</param>
    /// <returns>True when the demo data was written.</returns>
    /// <param name="withStaffMail">Give the demo accounts mail addresses (example.gov.cn), so the daily reminders show.</param>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default, bool withApplications = true, bool withStaffMail = true)
    {
        if (await db.Agencies.AnyAsync(ct))
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SeedAsync(withApplications, withStaffMail, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task SeedAsync(bool withApplications, bool withStaffMail, CancellationToken ct)
    {
        db.Actor.Set(null, "演示数据");
        var ids = new Dictionary<string, int>();
        var order = 0;
        foreach (var a in Agencies)
        {
            var agency = new Agency
            {
                ParentId = a.Parent is null ? null : ids[a.Parent],
                Name = a.Name,
                ShortCode = a.Code,
                Level = a.Level,
                Kind = a.Kind,
                SortOrder = order++,
                OfficeName = a.Office,
                OfficeAddress = a.Address,
                OfficePostcode = a.Postcode,
                OfficeHours = "工作日 上午 8:30–12:00，下午 14:00–17:30（法定节假日除外）",
                OfficePhone = a.Phone,
                OfficeFax = a.Fax,
                OfficeEmail = a.Email,
            };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
            ids[a.Code] = agency.Id;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = PasswordHash.Value;
        foreach (var account in Accounts)
        {
            var user = StaffAccounts.WithHash(ids[account.AgencyCode], account.UserName, account.DisplayName, account.Role, hash, now);
            // Mail addresses in the reserved example.gov.cn domain, so a fresh demo shows the daily reminders (in App_Data/mail).
            user.Email = withStaffMail ? $"{account.UserName}@qingxi.example.gov.cn" : null;
            db.StaffUsers.Add(user);
        }
        await db.SaveChangesAsync(ct);
        var today = ChinaTime.Today(clock);
        foreach (var a in Agencies)
        {
            var prefix = a.Code == "qx" ? "qx" : a.Code["qx-".Length..];
            var staff = await db.StaffUsers.Where(u => u.UserName == $"{prefix}.clerk" || u.UserName == $"{prefix}.reviewer").ToDictionaryAsync(u => u.UserName, ct);
            var (clerk, reviewer) = (staff[$"{prefix}.clerk"], staff[$"{prefix}.reviewer"]);
            var agency = await db.Agencies.SingleAsync(x => x.Id == ids[a.Code], ct);
            var shortName = a.Name.Replace("青溪县", "", StringComparison.Ordinal).Replace("人民政府", "", StringComparison.Ordinal);
            await new DemoItems(db).SeedAsync(agency, shortName.Length == 0 ? "青溪县" : shortName, (clerk.Id, clerk.DisplayName), (reviewer.Id, reviewer.DisplayName), now, today, ct);
        }

        // The two years before this one have published reports, made from the records as a clerk would make them.
        var years = new[] { today.Year - 2, today.Year - 1 };
        var agencies = Agencies.Select(a => (ids[a.Code], a.Name)).ToList();
        var history = new DemoHistory(db);
        if (withApplications)
        {
            // The queue before the reports: in January its cases received in December count in last year's report.
            await history.SeedApplicationsAsync(agencies, years, now, ct);
            await SeedApplicationsAsync(ids, now, ct);
        }
        await history.SeedReportsAsync(agencies, years, today, now, ct);
    }

    /// <summary>A few applications in each town's queue: one answered, one in progress, one due soon.</summary>
    private async Task SeedApplicationsAsync(Dictionary<string, int> ids, DateTime now, CancellationToken ct)
    {
        var calendar = WorkingCalendar.National; // the database is empty: its calendar is the embedded one
        var today = ChinaTime.Today(clock);
        var people = new[] { ("赵敏", "13800000001"), ("钱江", "13800000002"), ("孙莉", "13800000003") };
        var index = 0;
        foreach (var code in new[] { "qx-bsz", "qx-sqz" })
        {
            foreach (var (daysAgo, answered) in new[] { (25, true), (12, false), (18, false) })
            {
                var received = today;
                for (var back = 0; back < daysAgo;)
                {
                    received = received.AddDays(-1);
                    back += calendar.IsWorkingDay(received) ? 1 : 0;
                }
                var (name, phone) = people[index++ % people.Length];
                var domain = new Gongkai.Domain.Applications.ApplicationCase(received, Gongkai.Domain.Applications.Channel.Online, Gongkai.Domain.Applications.ApplicantKind.NaturalPerson);
                var steps = new List<Gongkai.Domain.Applications.CaseStep>();
                if (answered)
                {
                    var step = new Gongkai.Domain.Applications.CaseStep(Gongkai.Domain.Applications.StepKind.Reply, calendar.AddWorkingDays(received, 5), "演示数据", "已在专栏公开，告知获取方式", Gongkai.Domain.Applications.ReplyType.AlreadyPublic);
                    domain.Record(step, calendar);
                    steps.Add(step);
                }
                var application = new DisclosureApplication
                {
                    AgencyId = ids[code], TrackingNumber = $"DEMO{ids[code]:D3}{index:D4}", AccessCodeHash = DemoData.AccessCodeHash.Value,
                    Received = received, Channel = Gongkai.Domain.Applications.Channel.Online, Rules = domain.Rules,
                    ApplicantKind = Gongkai.Domain.Applications.ApplicantKind.NaturalPerson, ApplicantName = name, Phone = phone,
                    Description = index % 2 == 0 ? $"本镇{today.Year - 1}年农村低保资金发放情况" : "本镇某村土地征收补偿安置方案", FormWanted = "电子邮件",
                    CreatedUtc = now,
                };
                application.Follow(domain, calendar);
                db.Applications.Add(application);
                await db.SaveChangesAsync(ct);
                foreach (var step in steps)
                {
                    db.ApplicationSteps.Add(ApplicationStep.From(step, application, null, now));
                }
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>
    /// The figures of a demo report that no record gives (licensing and penalty decisions) and its
    /// fixed narrative parts; <see cref="DemoHistory"/> adds what the records give.
    /// </summary>
    public static AnnualReport Report(string agencyName, int index, int year)
    {
        var format = ReportFormats.ForYear(year);
        var report = AnnualReport.Blank(format, agencyName, year) with { PublishedOn = new DateOnly(year + 1, 1, 15 + index) };
        foreach (var cell in format.Cells().Where(c => c.Kind != ValueKind.UnitText))
        {
            report.Values.Set(cell.Key, 0);
        }
        report.Values.Set(new CellKey("proactive", "licensing", "decisions"), 40 + index * 7 + year % 10 * 3);
        report.Values.Set(new CellKey("proactive", "penalty", "decisions"), 3 + index);
        var texts = new Dictionary<string, string>
        {
            ["overview"] = $"{year}年，{agencyName}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
            ["problems"] = "政策解读的形式还不够丰富，部分栏目更新不够及时。下一步将加强培训，规范发布流程。",
            ["other"] = "本年度未收取信息处理费。",
        };
        return report with { Parts = report.Parts.Select(p => p with { Text = texts.GetValueOrDefault(p.Code ?? "", "") }).ToList() };
    }
}
