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

    private static Reach ReachOf(StaffRole role, Permission permission) => (role, permission) switch
    {
        (StaffRole.SystemAdmin, _) => Reach.Everywhere,

        (StaffRole.Supervisor, Permission.ReadRecords or Permission.ReadAudit or Permission.AcceptReports) => Reach.OwnAgencyAndBelow,
        (StaffRole.Supervisor, _) => Reach.None,

        (StaffRole.AgencyAdmin, Permission.ReadRecords or Permission.EditRecords
            or Permission.EditAgencyProfile or Permission.ManageUsers or Permission.ReadAudit or Permission.EditReports or Permission.ApproveItems) => Reach.OwnAgency,

        (StaffRole.Reviewer, Permission.ReadRecords or Permission.EditRecords or Permission.Review or Permission.ApproveItems) => Reach.OwnAgency,

        (StaffRole.Clerk, Permission.ReadRecords or Permission.EditRecords) => Reach.OwnAgency,

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

    /// <summary>
    /// Which roles an account may hand out. An agency admin manages its own users but cannot
    /// create supervisors or system admins: those carry reach beyond the agency.
    /// </summary>
    public static bool MayAssignRole(StaffRole assigner, StaffRole role) => assigner switch
    {
        StaffRole.SystemAdmin => true,
        StaffRole.AgencyAdmin => role is StaffRole.Clerk or StaffRole.Reviewer or StaffRole.AgencyAdmin,
        _ => false,
    };
}
