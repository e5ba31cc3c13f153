using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Staff;
using Gongkai.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary><c>gongkai user add</c>: the first system admin of a new deployment, or any account.</summary>
public static class UserCommands
{
    private static readonly Dictionary<string, StaffRole> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["clerk"] = StaffRole.Clerk,
        ["reviewer"] = StaffRole.Reviewer,
        ["agency-admin"] = StaffRole.AgencyAdmin,
        ["supervisor"] = StaffRole.Supervisor,
        ["system-admin"] = StaffRole.SystemAdmin,
        ["security-admin"] = StaffRole.SecurityAdmin,
        ["audit-admin"] = StaffRole.AuditAdmin,
    };

    public static Command Create(CliIo io)
    {
        var user = new Command("user", "工作人员账户");
        var agency = new Option<string>("--agency") { Description = "所属机构简码，如 qx-bsz", Required = true };
        var userName = new Option<string>("--username") { Description = "用户名", Required = true };
        var displayName = new Option<string>("--name") { Description = "姓名", Required = true };
        var role = new Option<string>("--role") { Description = "角色：" + string.Join(" | ", RoleNames.Keys), Required = true };
        var password = new Option<string?>("--password") { Description = "密码（也可用 --password-stdin 从标准输入读取）" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码" };
        var add = new Command("add", "新增工作人员账户") { agency, userName, displayName, role, password, passwordStdin };
        add.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            if (!RoleNames.TryGetValue(parse.GetValue(role)!, out var staffRole))
            {
                throw new CliException($"--role 的值无效，可选：{string.Join("、", RoleNames.Keys)}。");
            }
            var secret = parse.GetValue(passwordStdin) ? (await io.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') : parse.GetValue(password);
            var name = parse.GetValue(userName)!;
            if (UserNameRules.Problem(name) is { } nameProblem)
            {
                throw new CliException($"--username：{nameProblem}");
            }
            if (PasswordRules.Problem(secret, name) is { } passwordProblem)
            {
                throw new CliException($"--password：{passwordProblem}");
            }
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.Actor.Set(null, "命令行");
            var code = parse.GetValue(agency)!.Trim().ToLowerInvariant();
            var agencyId = await db.Agencies.Where(a => a.ShortCode == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct)
                ?? throw new CliException($"--agency：找不到简码为 {code} 的机构。");
            if (await StaffAccounts.UserNameTakenAsync(db, name, ct))
            {
                throw new CliException($"--username：用户名 {name} 已被使用。");
            }
            var created = StaffAccounts.New(agencyId, name, parse.GetValue(displayName)!, staffRole, secret!,
                scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            db.StaffUsers.Add(created);
            await db.SaveChangesAsync(ct);
            await io.Out.WriteLineAsync($"已创建用户 {created.UserName}（{staffRole.Label()}）。");
            return 0;
        }));
        user.Subcommands.Add(add);
        user.Subcommands.Add(MovingInCommands.UserImportCommand(io));
        return user;
    }
}
