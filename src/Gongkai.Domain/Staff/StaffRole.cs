namespace Gongkai.Domain.Staff;

/// <summary>The role of a staff account. One role per account, bound to one agency.</summary>
public enum StaffRole
{
    /// <summary>经办人: drafts items, registers and processes applications, records appeals.</summary>
    Clerk,

    /// <summary>审核人: confidentiality review and approval; approves extensions.</summary>
    Reviewer,

    /// <summary>单位管理员: the agency's users, guide, catalog settings and annual report.</summary>
    AgencyAdmin,

    /// <summary>主管部门: reads its agency and every agency below it; compiles the roll-up report.</summary>
    Supervisor,

    /// <summary>系统管理员: the agency tree, accounts (not their roles) and settings — not the audit log (三员分立).</summary>
    SystemAdmin,

    /// <summary>安全管理员: roles, unlocks and two-factor resets — no accounts, no records, no audit log (三员分立).</summary>
    SecurityAdmin,

    /// <summary>审计管理员: reads the audit log of every agency, and nothing else (三员分立).</summary>
    AuditAdmin,
}

public static class StaffRoleNames
{
    public static string Label(this StaffRole role) => role switch
    {
        StaffRole.Clerk => "经办人",
        StaffRole.Reviewer => "审核人",
        StaffRole.AgencyAdmin => "单位管理员",
        StaffRole.Supervisor => "主管部门",
        StaffRole.SystemAdmin => "系统管理员",
        StaffRole.SecurityAdmin => "安全管理员",
        StaffRole.AuditAdmin => "审计管理员",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
