using System.Security.Cryptography;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Applications;

/// <summary>Between stored applications and the domain's <see cref="ApplicationCase"/>.</summary>
public static class ApplicationRecords
{
    private static readonly PasswordHasher<DisclosureApplication> Hasher = new();

    public static async Task<(ApplicationCase Case, IReadOnlyList<ApplicationStep> Steps)> LoadAsync(GongkaiDb db, DisclosureApplication application, WorkingCalendar calendar, CancellationToken ct)
    {
        var steps = await db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == application.Id).OrderBy(s => s.Id).ToListAsync(ct);
        var domain = new ApplicationCase(application.Received, application.Channel, application.ApplicantKind, application.Rules);
        foreach (var step in steps)
        {
            domain.Record(step.ToDomain(), calendar);
        }
        return (domain, steps);
    }

    /// <summary>
    /// A new application from what the applicant gave, received on <paramref name="received"/> by
    /// <paramref name="channel"/>, with its tracking number; returns the secret code to show once.
    /// </summary>
    public static (DisclosureApplication Application, string Code) New(ApplicantForm form, int agencyId, DateOnly received, Channel channel, WorkingCalendar calendar, DateTime nowUtc)
    {
        var domain = new ApplicationCase(received, channel, form.Kind!.Value);
        var (tracking, code, hash) = NewCredentials(received, agencyId);
        var application = new DisclosureApplication
        {
            AgencyId = agencyId,
            TrackingNumber = tracking,
            AccessCodeHash = hash,
            Received = received,
            Channel = channel,
            Rules = domain.Rules,
            ApplicantKind = form.Kind!.Value,
            ApplicantName = form.Name!.Trim(),
            IdNumber = Blank(form.IdNumber)?.ToUpperInvariant(),
            Phone = form.Phone!.Trim(),
            Email = Blank(form.Email),
            Address = Blank(form.Address),
            Description = form.Description!.Trim(),
            FormWanted = form.FormWanted!,
            CreatedUtc = nowUtc,
        };
        application.Follow(domain, calendar);
        return (application, code);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A new tracking number and secret code; the code is shown once and stored only as a hash.</summary>
    public static (string TrackingNumber, string Code, string Hash) NewCredentials(DateOnly received, int agencyId)
    {
        var tracking = $"{received:yyyyMMdd}{agencyId % 1000:D3}{RandomNumberGenerator.GetInt32(0, 1_000_000):D6}";
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var code = new string(Enumerable.Range(0, 8).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
        return (tracking, code, Hasher.HashPassword(null!, code));
    }

    public static bool CodeMatches(DisclosureApplication application, string code) =>
        Hasher.VerifyHashedPassword(application, application.AccessCodeHash, code.Trim().ToUpperInvariant()) != PasswordVerificationResult.Failed;

    public static string Label(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交",
        Channel.Post => "邮寄（需签收）",
        Channel.OrdinaryMail => "平常信函",
        Channel.Fax => "传真",
        Channel.Online => "网络",
        _ => "其他",
    };

    public static string Label(this ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.Commercial => "商业企业",
        ApplicantKind.Research => "科研机构",
        ApplicantKind.Charity => "社会公益组织",
        ApplicantKind.LegalService => "法律服务机构",
        _ => "其他组织",
    };

    public static string Label(this AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };

    public static string Label(this AppealResult result) => result switch
    {
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        _ => "其他结果",
    };
}
