namespace Gongkai.Domain.Staff;

/// <summary>What a staff member may do; each is granted over a set of agencies.</summary>
public enum Permission
{
    /// <summary>Read the agency's records (profile, items, applications, reports).</summary>
    ReadRecords,

    /// <summary>Create and change the agency's working records.</summary>
    EditRecords,

    /// <summary>Confidentiality review, approval, extensions.</summary>
    Review,

    /// <summary>Edit the agency's profile and its disclosure office's contact data.</summary>
    EditAgencyProfile,

    /// <summary>Create accounts, change their names and status, set initial passwords.</summary>
    ManageUsers,

    /// <summary>Change an account's role, lift a lockout, reset its second factor.</summary>
    ManageSecurity,

    /// <summary>See an applicant's full ID number (shown masked otherwise; each look is audited).</summary>
    RevealPersonalData,

    /// <summary>Read the audit log of the agency.</summary>
    ReadAudit,

    /// <summary>Create agencies and move them in the tree.</summary>
    ManageAgencies,

    /// <summary>Write, correct and publish the agency's annual report.</summary>
    EditReports,

    /// <summary>Approve an information item for publication, and withdraw a published one.</summary>
    ApproveItems,

    /// <summary>Accept or return the annual reports submitted by the agencies below (Art. 49's review by the superior).</summary>
    AcceptReports,

    /// <summary>Send a 督办 about a late record to an agency below (Art. 47 ¶2: the competent department urges it to put things right).</summary>
    SendChaseUps,

    /// <summary>Copy and change the 考评 indicator set that applies to the agency and those below it.</summary>
    EditAssessmentSets,
}
