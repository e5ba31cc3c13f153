using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Staff;

/// <summary>
/// The one table of who may do what, and over which agencies. Every page and endpoint of the
/// console asks this before it reads or changes a record of an agency.
/// </summary>
public static class AccessPolicy
{
    private enum Reach
    {
        None,
        OwnAgency,
        OwnAgencyAndBelow,
        Everywhere,
    }

    // 三员分立 (GB/T 22239-2019 level 3, 访问控制 and 安全审计): the system, security and audit
    // administrators each do one kind of work and none the others'. The system admin runs the
    // platform (agencies, accounts, settings) but gives no roles, lifts no lockouts and reads no
    // audit log; the security admin gives roles, unlocks and resets second factors and does nothing
    // else; the audit admin reads the audit log and nothing else. Inside one agency its admin keeps
    // the agency's own accounts, roles and audit entries.
    private static Reach ReachOf(StaffRole role, Permission permission) => (role, permission) switch
    {
        // Chasing up agencies and weighing their assessment are the supervisor's business, not the platform's.
        (StaffRole.SystemAdmin, Permission.ManageSecurity or Permission.ReadAudit or Permission.RevealPersonalData or Permission.SendChaseUps or Permission.EditAssessmentSets) => Reach.None,
        (StaffRole.SystemAdmin, _) => Reach.Everywhere,

        (StaffRole.SecurityAdmin, Permission.ManageSecurity) => Reach.Everywhere,
        (StaffRole.SecurityAdmin, _) => Reach.None,

        (StaffRole.AuditAdmin, Permission.ReadAudit) => Reach.Everywhere,
        (StaffRole.AuditAdmin, _) => Reach.None,

        (StaffRole.Supervisor, Permission.ReadRecords or Permission.AcceptReports or Permission.SendChaseUps) => Reach.OwnAgencyAndBelow,
        (StaffRole.Supervisor, Permission.EditAssessmentSets) => Reach.OwnAgency,
        (StaffRole.Supervisor, _) => Reach.None,

        (StaffRole.AgencyAdmin, Permission.ReadRecords or Permission.EditRecords or Permission.EditAgencyProfile or Permission.ManageUsers
            or Permission.ManageSecurity or Permission.ReadAudit or Permission.EditReports or Permission.ApproveItems or Permission.RevealPersonalData) => Reach.OwnAgency,

        // Those who handle the agency's applications see the number when a case needs it (个人信息保护法 第五十一条: access kept to the roles that need it).
        (StaffRole.Reviewer, Permission.ReadRecords or Permission.EditRecords or Permission.Review or Permission.ApproveItems or Permission.RevealPersonalData) => Reach.OwnAgency,

        (StaffRole.Clerk, Permission.ReadRecords or Permission.EditRecords or Permission.RevealPersonalData) => Reach.OwnAgency,

        _ => Reach.None,
    };

    public static bool Allows(StaffRole role, int ownAgencyId, Permission permission, int targetAgencyId, AgencyTree tree) =>
        ReachOf(role, permission) switch
        {
            Reach.Everywhere => tree.Contains(targetAgencyId),
            Reach.OwnAgencyAndBelow => tree.IsSelfOrBelow(targetAgencyId, ownAgencyId),
            Reach.OwnAgency => targetAgencyId == ownAgencyId,
            _ => false,
        };

    /// <summary>Whether the role holds the permission over every agency, and so also over what belongs to none (the audit admin's sign-in failures of unknown names).</summary>
    public static bool HasEverywhere(StaffRole role, Permission permission) => ReachOf(role, permission) == Reach.Everywhere;

    /// <summary>Whether the role has the permission anywhere at all (for menus).</summary>
    public static bool HasAnywhere(StaffRole role, Permission permission) => ReachOf(role, permission) != Reach.None;

    /// <summary>Every agency where the permission holds, for filtering lists in one query.</summary>
    public static IReadOnlySet<int> AgenciesWhere(StaffRole role, int ownAgencyId, Permission permission, AgencyTree tree, IEnumerable<int> allAgencyIds) =>
        ReachOf(role, permission) switch
        {
            Reach.Everywhere => allAgencyIds.ToHashSet(),
            Reach.OwnAgencyAndBelow => tree.SelfAndDescendants(ownAgencyId),
            Reach.OwnAgency => tree.Contains(ownAgencyId) ? new HashSet<int> { ownAgencyId } : new HashSet<int>(),
            _ => new HashSet<int>(),
        };

    /// <summary>The three administrators of 三员分立.</summary>
    public static bool IsPlatformAdministrator(StaffRole role) => role is StaffRole.SystemAdmin or StaffRole.SecurityAdmin or StaffRole.AuditAdmin;

    /// <summary>
    /// Which roles an account may hand out, and so which accounts it may manage at all (whoever
    /// manages an account could take it over by setting its password). An agency admin manages its
    /// own users but cannot create supervisors or administrators: those carry reach beyond the
    /// agency. The system admin creates accounts for the agencies' work only; the three
    /// administrators' roles are given by the security admin (三员分立), so no one of them makes
    /// themselves another.
    /// </summary>
    public static bool MayAssignRole(StaffRole assigner, StaffRole role) => assigner switch
    {
        StaffRole.SystemAdmin => !IsPlatformAdministrator(role),
        StaffRole.SecurityAdmin => true,
        StaffRole.AgencyAdmin => role is StaffRole.Clerk or StaffRole.Reviewer or StaffRole.AgencyAdmin,
        _ => false,
    };

    /// <summary>
    /// Whose second factor is required at sign-in (GB/T 22239-2019 level 3 asks for two factors
    /// for administrators): those who reach beyond one agency. Others may enrol.
    /// </summary>
    public static bool RequiresTwoFactor(StaffRole role) => IsPlatformAdministrator(role) || role == StaffRole.Supervisor;
}
