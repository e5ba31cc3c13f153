using System.Security.Cryptography;
using Gongkai.Data.Staff;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Staff;

namespace Gongkai.Data.MovingIn;

/// <summary>
/// Staff accounts from a spreadsheet (docs/moving-in.md), matched by user name. A new name makes an
/// account with a one-time initial password (changed at its first sign-in, <see cref="PasswordRules.MustChange"/>);
/// a known one gets its name and mail updated. What the importer may do is what the console lets
/// them do (<see cref="AccessPolicy"/>): accounts only in agencies they manage, roles only those
/// they may give, and — 三员分立 — an existing account's role changed only by whoever changes roles.
/// </summary>
public static class UserImport
{
    public const string UserName = "用户名", DisplayName = "姓名", Role = "角色", Agency = "所属机构简码", Email = "邮箱";

    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        [UserName] = ["账号", "登录名"], [DisplayName] = ["名字", "人员姓名"], [Role] = ["岗位角色"], [Agency] = ["机构简码", "单位简码"], [Email] = ["电子邮箱", "邮件地址"],
    };

    private static readonly string[] Required = [UserName, DisplayName, Role, Agency];

    /// <summary>Who imports: their role and agency (the CLI imports as a system administrator).</summary>
    public sealed record Importer(StaffRole Role, int AgencyId);

    /// <summary>A new account and its initial password, shown once (or written to a file) for the administrator to hand over.</summary>
    public sealed record InitialPassword(string UserName, string DisplayName, string AgencyCode, string Password);

    private sealed record Wanted(int Line, string UserName, string DisplayName, StaffRole Role, Agency Agency, string Email, StaffUser? Existing);

    public static async Task<ImportPreview> PreviewAsync(GongkaiDb db, Importer by, IReadOnlyList<IReadOnlyList<string>> sheet, CancellationToken ct) =>
        (await PlanAsync(db, by, sheet, ct)).Preview;

    /// <summary>Writes the new and changed accounts in one transaction; returns the new accounts' initial passwords.</summary>
    public static async Task<(ImportPreview Preview, IReadOnlyList<InitialPassword> Passwords)> ApplyAsync(GongkaiDb db, Importer by, IReadOnlyList<IReadOnlyList<string>> sheet,
        string fileName, DateTime nowUtc, CancellationToken ct)
    {
        var (preview, plan) = await PlanAsync(db, by, sheet, ct);
        var passwords = new List<InitialPassword>();
        if (!preview.HasWork)
        {
            return (preview, passwords);
        }
        var existing = await db.StaffUsers.Where(u => plan.Select(w => w.UserName).Contains(u.UserName)).ToDictionaryAsync(u => u.UserName, ct);
        foreach (var w in plan)
        {
            if (existing.TryGetValue(w.UserName, out var user))
            {
                (user.DisplayName, user.Email) = (w.DisplayName, w.Email.Length > 0 ? w.Email : user.Email);
                if (user.Role != w.Role)
                {
                    (user.Role, user.SecurityStamp) = (w.Role, Guid.NewGuid().ToString("N"));
                }
                continue;
            }
            var password = NewInitialPassword(w.UserName);
            var created = StaffAccounts.New(w.Agency.Id, w.UserName, w.DisplayName, w.Role, password, nowUtc);
            created.Email = w.Email.Length > 0 ? w.Email : null;
            db.StaffUsers.Add(created);
            passwords.Add(new InitialPassword(created.UserName, created.DisplayName, w.Agency.ShortCode, password));
        }
        db.AuditNote = $"从表格导入用户：{fileName}";
        var saved = await Outcome.SaveAsync(db, ct);
        return saved.IsDone ? (preview, passwords)
            : (preview with { Problem = string.Join(" ", saved.Problems.Select(p => p.Message)) }, []);
    }

    /// <summary>A one-time password that meets <see cref="PasswordRules"/>: 12 characters of three kinds, none easily misread (0/O, 1/l/I).</summary>
    public static string NewInitialPassword(string userName)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        while (true)
        {
            var chars = new[] { upper, lower, digits }.Select(set => set[RandomNumberGenerator.GetInt32(set.Length)])
                .Concat(Enumerable.Range(0, 9).Select(_ => (upper + lower + digits)[RandomNumberGenerator.GetInt32(upper.Length + lower.Length + digits.Length)]))
                .OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray();
            var password = new string(chars);
            if (PasswordRules.Problem(password, userName) is null)
            {
                return password;
            }
        }
    }

    /// <summary>A role by its Chinese label (经办人, 审核人, 单位管理员, 主管部门…) or its code.</summary>
    public static StaffRole? RoleOf(string text) => Domain.Text.Labels.Parse<StaffRole>(text, r => r.Label());

    private static async Task<(ImportPreview Preview, List<Wanted> Plan)> PlanAsync(GongkaiDb db, Importer by, IReadOnlyList<IReadOnlyList<string>> sheet, CancellationToken ct)
    {
        var (columns, problem) = SheetColumns.Read(sheet, Columns, Required);
        if (columns is null)
        {
            return (new ImportPreview([], problem), []);
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.ShortCode, ct);
        var tree = new AgencyTree(agencies.Values.Select(a => (a.Id, a.ParentId)));
        var names = sheet.Skip(1).Select(r => UserNameRules.Normalize(columns.Cell(r, UserName))).ToList();
        var users = await db.StaffUsers.AsNoTracking().Where(u => names.Contains(u.UserName)).ToDictionaryAsync(u => u.UserName, ct);
        var seen = new HashSet<string>();
        var rows = new List<ImportRow>();
        var plan = new List<Wanted>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var (line, cell) = (i + 1, (Func<string, string>)(column => columns.Cell(sheet[i], column)));
            var name = UserNameRules.Normalize(cell(UserName));
            var role = RoleOf(cell(Role));
            var agency = agencies.GetValueOrDefault(cell(Agency).ToLowerInvariant());
            var existing = users.GetValueOrDefault(name);
            var refusal = UserNameRules.Problem(name) is { } nameProblem ? nameProblem
                : !seen.Add(name) ? $"用户名 {name} 在表格中出现了不止一次。"
                : cell(DisplayName).Length is 0 or > 50 ? "请填写姓名（不超过 50 个字）。"
                : role is null ? $"角色“{cell(Role)}”不正确，可选：{string.Join("、", Enum.GetValues<StaffRole>().Select(r => r.Label()))}。"
                : agency is null ? $"所属机构简码“{cell(Agency)}”不是已有机构（先导入机构）。"
                : !AccessPolicy.Allows(by.Role, by.AgencyId, Permission.ManageUsers, agency.Id, tree) ? $"您不能管理 {agency.Name} 的用户。"
                : !AccessPolicy.MayAssignRole(by.Role, role.Value) ? $"您不能授予“{role.Value.Label()}”角色（三员分立：管理员角色由安全管理员授予）。"
                : cell(Email).Length > 0 && !Domain.Applications.ApplicantRules.IsEmail(cell(Email)) ? "邮箱格式不正确。"
                : existing is null ? null
                : existing.AgencyId != agency.Id ? "该用户名已属于另一机构：导入不调动账户。"
                : !AccessPolicy.MayAssignRole(by.Role, existing.Role) ? "您不能管理该账户。"
                : existing.Role != role && !AccessPolicy.HasAnywhere(by.Role, Permission.ManageSecurity) ? "角色变更须由安全管理员在工作台中办理（三员分立）。"
                : null;
            if (refusal is not null)
            {
                rows.Add(new ImportRow(line, name, RowFate.Refused, refusal));
                continue;
            }
            var wanted = new Wanted(line, name, cell(DisplayName), role!.Value, agency!, cell(Email), existing);
            var changes = existing is null ? [] : Differences(existing, wanted);
            rows.Add(existing is null ? new ImportRow(line, name, RowFate.New, $"{wanted.DisplayName}（{wanted.Role.Label()}，{agency!.Name}）")
                : changes.Count == 0 ? new ImportRow(line, name, RowFate.Unchanged, "")
                : new ImportRow(line, name, RowFate.Changed, string.Join("；", changes)));
            if (existing is null || changes.Count > 0)
            {
                plan.Add(wanted);
            }
        }
        return (new ImportPreview(rows), plan);
    }

    private static List<string> Differences(StaffUser user, Wanted w)
    {
        var changes = new List<string>();
        if (user.DisplayName != w.DisplayName)
        {
            changes.Add($"{DisplayName}：{user.DisplayName} → {w.DisplayName}");
        }
        if (user.Role != w.Role)
        {
            changes.Add($"{Role}：{user.Role.Label()} → {w.Role.Label()}");
        }
        if (w.Email.Length > 0 && !string.Equals(user.Email, w.Email, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add($"{Email}：{user.Email ?? "（空）"} → {w.Email}");
        }
        return changes;
    }
}
