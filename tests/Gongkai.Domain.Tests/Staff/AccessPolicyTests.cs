using Gongkai.Domain.Agencies;
using Gongkai.Domain.Staff;

namespace Gongkai.Domain.Tests.Staff;

public sealed class AccessPolicyTests
{
    private const int County = 1, Department = 2, TownA = 3, TownB = 4, OtherCounty = 5;
    private static readonly AgencyTree Tree = new([(County, null), (Department, County), (TownA, County), (TownB, County), (OtherCounty, null)]);

    private static bool Allows(StaffRole role, int own, Permission p, int target) => AccessPolicy.Allows(role, own, p, target, Tree);

    [Fact]
    public void AClerk_WorksOnlyOnItsOwnAgency()
    {
        Assert.True(Allows(StaffRole.Clerk, TownA, Permission.ReadRecords, TownA));
        Assert.True(Allows(StaffRole.Clerk, TownA, Permission.EditRecords, TownA));
        Assert.False(Allows(StaffRole.Clerk, TownA, Permission.ReadRecords, TownB));
        Assert.False(Allows(StaffRole.Clerk, TownA, Permission.EditRecords, TownB));
        Assert.False(Allows(StaffRole.Clerk, TownA, Permission.Review, TownA));
        Assert.False(Allows(StaffRole.Clerk, TownA, Permission.ManageUsers, TownA));
    }

    [Fact]
    public void ASupervisor_ReadsItsAgencyAndEverythingBelow_ButChangesNothing_NorReadsTheAuditLog()
    {
        foreach (var agency in new[] { County, Department, TownA, TownB })
        {
            Assert.True(Allows(StaffRole.Supervisor, County, Permission.ReadRecords, agency));
            Assert.False(Allows(StaffRole.Supervisor, County, Permission.ReadAudit, agency));
            Assert.False(Allows(StaffRole.Supervisor, County, Permission.EditRecords, agency));
        }
        Assert.False(Allows(StaffRole.Supervisor, County, Permission.ReadRecords, OtherCounty));
        Assert.False(Allows(StaffRole.Supervisor, TownA, Permission.ReadRecords, County));
    }

    [Fact]
    public void AnAgencyAdmin_ManagesItsOwnUsersAndProfile_Only()
    {
        Assert.True(Allows(StaffRole.AgencyAdmin, TownA, Permission.ManageUsers, TownA));
        Assert.True(Allows(StaffRole.AgencyAdmin, TownA, Permission.EditAgencyProfile, TownA));
        Assert.True(Allows(StaffRole.AgencyAdmin, TownA, Permission.ReadAudit, TownA));
        Assert.False(Allows(StaffRole.AgencyAdmin, County, Permission.ManageUsers, TownA));
        Assert.False(Allows(StaffRole.AgencyAdmin, TownA, Permission.ManageAgencies, TownA));
    }

    [Fact]
    public void OnlyTheAgencysAdmin_WritesItsAnnualReport_TheSupervisorReadsIt()
    {
        Assert.True(Allows(StaffRole.AgencyAdmin, TownA, Permission.EditReports, TownA));
        Assert.False(Allows(StaffRole.AgencyAdmin, TownA, Permission.EditReports, TownB));
        Assert.False(Allows(StaffRole.Clerk, TownA, Permission.EditReports, TownA));
        Assert.False(Allows(StaffRole.Clerk, TownA, Permission.ApproveItems, TownA));
        Assert.True(Allows(StaffRole.Reviewer, TownA, Permission.ApproveItems, TownA));
        Assert.True(Allows(StaffRole.AgencyAdmin, TownA, Permission.ApproveItems, TownA));
        Assert.False(Allows(StaffRole.AgencyAdmin, TownA, Permission.Review, TownA));
        Assert.False(Allows(StaffRole.Supervisor, County, Permission.ApproveItems, TownA));
        Assert.False(Allows(StaffRole.Supervisor, County, Permission.EditReports, TownA));
        Assert.True(Allows(StaffRole.Supervisor, County, Permission.ReadRecords, TownA));
    }

    [Fact]
    public void AReviewer_ReviewsInItsOwnAgency()
    {
        Assert.True(Allows(StaffRole.Reviewer, TownA, Permission.Review, TownA));
        Assert.False(Allows(StaffRole.Reviewer, TownA, Permission.Review, TownB));
    }

    [Fact]
    public void TheSystemAdmin_ReachesEveryKnownAgency()
    {
        Assert.True(Allows(StaffRole.SystemAdmin, County, Permission.ManageAgencies, OtherCounty));
        Assert.True(Allows(StaffRole.SystemAdmin, County, Permission.ManageUsers, TownB));
        Assert.False(Allows(StaffRole.SystemAdmin, County, Permission.ReadRecords, 99));
    }

    [Fact]
    public void AgenciesWhere_ListsExactlyTheAgenciesAllowed()
    {
        var all = new[] { County, Department, TownA, TownB, OtherCounty };
        Assert.Equal(new HashSet<int> { County, Department, TownA, TownB },
            AccessPolicy.AgenciesWhere(StaffRole.Supervisor, County, Permission.ReadRecords, Tree, all));
        Assert.Equal(new HashSet<int> { TownA }, AccessPolicy.AgenciesWhere(StaffRole.Clerk, TownA, Permission.ReadRecords, Tree, all));
        Assert.Empty(AccessPolicy.AgenciesWhere(StaffRole.Clerk, TownA, Permission.ManageUsers, Tree, all));
        Assert.Equal(all.ToHashSet(), AccessPolicy.AgenciesWhere(StaffRole.AuditAdmin, County, Permission.ReadAudit, Tree, all));
        Assert.Empty(AccessPolicy.AgenciesWhere(StaffRole.SystemAdmin, County, Permission.ReadAudit, Tree, all));
    }

    [Theory]
    [InlineData(StaffRole.AgencyAdmin, StaffRole.Clerk, true)]
    [InlineData(StaffRole.AgencyAdmin, StaffRole.Reviewer, true)]
    [InlineData(StaffRole.AgencyAdmin, StaffRole.AgencyAdmin, true)]
    [InlineData(StaffRole.AgencyAdmin, StaffRole.Supervisor, false)]
    [InlineData(StaffRole.AgencyAdmin, StaffRole.SystemAdmin, false)]
    [InlineData(StaffRole.SystemAdmin, StaffRole.Supervisor, true)]
    [InlineData(StaffRole.SystemAdmin, StaffRole.SystemAdmin, false)]
    [InlineData(StaffRole.SystemAdmin, StaffRole.SecurityAdmin, false)]
    [InlineData(StaffRole.SystemAdmin, StaffRole.AuditAdmin, false)]
    [InlineData(StaffRole.SecurityAdmin, StaffRole.AuditAdmin, true)]
    [InlineData(StaffRole.AuditAdmin, StaffRole.Clerk, false)]
    [InlineData(StaffRole.Supervisor, StaffRole.Clerk, false)]
    [InlineData(StaffRole.Clerk, StaffRole.Clerk, false)]
    public void AnAgencyAdmin_CannotGrantReachBeyondItsAgency(StaffRole assigner, StaffRole role, bool expected)
    {
        Assert.Equal(expected, AccessPolicy.MayAssignRole(assigner, role));
    }

    /// <summary>三员分立 (GB/T 22239-2019 level 3): each of the three administrators does one kind of work and none of the others'.</summary>
    [Fact]
    public void TheThreeAdministrators_EachDoOnlyTheirOwnWork()
    {
        var work = new Dictionary<StaffRole, Permission[]>
        {
            [StaffRole.SystemAdmin] = [Permission.ManageAgencies, Permission.ManageUsers],
            [StaffRole.SecurityAdmin] = [Permission.ManageSecurity],
            [StaffRole.AuditAdmin] = [Permission.ReadAudit],
        };
        foreach (var (role, own) in work)
        {
            foreach (var p in own)
            {
                Assert.True(Allows(role, County, p, TownB), $"{role} {p}");
            }
            foreach (var (other, theirs) in work.Where(w => w.Key != role))
            {
                foreach (var p in theirs)
                {
                    Assert.False(AccessPolicy.HasAnywhere(role, p), $"{role} must not do {other}'s {p}");
                }
            }
        }
        // Neither the security nor the audit admin touches the agencies' records; none of the three sees an ID number in full.
        foreach (var role in new[] { StaffRole.SecurityAdmin, StaffRole.AuditAdmin })
        {
            Assert.False(AccessPolicy.HasAnywhere(role, Permission.ReadRecords));
        }
        Assert.All(work.Keys, role => Assert.False(AccessPolicy.HasAnywhere(role, Permission.RevealPersonalData)));
        Assert.True(AccessPolicy.HasEverywhere(StaffRole.AuditAdmin, Permission.ReadAudit));
        Assert.False(AccessPolicy.HasEverywhere(StaffRole.AgencyAdmin, Permission.ReadAudit));
    }

    [Fact]
    public void TheSecondFactor_IsRequiredOfThoseWhoReachBeyondOneAgency()
    {
        Assert.Equal([StaffRole.Supervisor, StaffRole.SystemAdmin, StaffRole.SecurityAdmin, StaffRole.AuditAdmin],
            Enum.GetValues<StaffRole>().Where(AccessPolicy.RequiresTwoFactor));
    }
}
