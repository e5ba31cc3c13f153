using Gongkai.Data.Staff;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Staff;

namespace Gongkai.Data.Setup;

/// <summary>
/// The first start in production: the root agency and the first system administrator, made from
/// the server's command line (<c>gongkai setup</c>) and never from the web — the first account of
/// a site must not be claimable by whoever reaches it first. Only an empty database is set up.
/// </summary>
public static class PlatformSetup
{
    /// <param name="Password">Chosen by the operator who runs the command, so not an initial password to change (the second factor is enrolled at the first sign-in).</param>
    public sealed record Request(string AgencyCode, string AgencyName, AgencyKind Kind, AgencyLevel Level, string AdminUserName, string AdminName, string Password);

    /// <summary>Whether the platform has been set up (any agency exists); until then the site shows how to do it.</summary>
    public static Task<bool> IsSetUpAsync(GongkaiDb db, CancellationToken ct = default) => db.Agencies.AnyAsync(ct);

    /// <summary>Everything <see cref="SetUpAsync"/> refuses, each at its option.</summary>
    public static async Task<IReadOnlyList<Problem>> ProblemsAsync(GongkaiDb db, Request request, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var (agencies, accounts) = (await db.Agencies.CountAsync(ct), await db.StaffUsers.CountAsync(ct));
        if (agencies > 0 || accounts > 0)
        {
            problems.Add(new Problem(null,
                $"数据库中已有 {agencies} 个机构、{accounts} 个账户：setup 只用于尚未使用的空数据库。请用已有的系统管理员账户登录，在工作台中新增机构和用户。"));
            return problems;
        }
        if (!AgencyRules.IsShortCode(request.AgencyCode))
        {
            problems.Add(new Problem("AgencyCode", AgencyRules.ShortCodeMessage));
        }
        if (string.IsNullOrWhiteSpace(request.AgencyName) || request.AgencyName.Trim().Length > AgencyRules.NameLength)
        {
            problems.Add(new Problem("AgencyName", $"请填写机构名称（不超过 {AgencyRules.NameLength} 个字）。"));
        }
        if (UserNameRules.Problem(request.AdminUserName) is { } name)
        {
            problems.Add(new Problem("AdminUserName", name));
        }
        if (string.IsNullOrWhiteSpace(request.AdminName))
        {
            problems.Add(new Problem("AdminName", "请填写管理员姓名。"));
        }
        if (PasswordRules.Problem(request.Password, request.AdminUserName) is { } password)
        {
            problems.Add(new Problem("Password", password));
        }
        return problems;
    }

    /// <summary>
    /// The root agency and its system administrator, in one transaction; refused (nothing written)
    /// on a database that has any agency or account, or when a value breaks its rule.
    /// </summary>
    public static async Task<Outcome<(Agency Agency, StaffUser Admin)>> SetUpAsync(GongkaiDb db, Request request, DateTime nowUtc, CancellationToken ct)
    {
        if (await ProblemsAsync(db, request, ct) is { Count: > 0 } problems)
        {
            return Outcome<(Agency, StaffUser)>.Of(Outcome.Refused(problems), default);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The disclosure office's contact data (Art. 12, printed in the guide) is the admin's first task in the console.
        var agency = new Agency
        {
            Name = request.AgencyName.Trim(), ShortCode = request.AgencyCode, Kind = request.Kind, Level = request.Level,
            OfficeName = "", OfficeAddress = "", OfficePhone = "",
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        var admin = StaffAccounts.New(agency.Id, request.AdminUserName, request.AdminName, StaffRole.SystemAdmin, request.Password, nowUtc);
        admin.MustChangePassword = false;
        db.StaffUsers.Add(admin);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<(Agency, StaffUser)>.Of(Outcome.Done, (agency, admin));
    }
}
