namespace Gongkai.Domain.Applications;

public enum ApplicantKind
{
    NaturalPerson,
    Commercial,
    Research,
    Charity,
    LegalService,
    OtherOrganisation,
}

public static class ApplicantKindLabels
{
    public static string Label(this ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.Commercial => "商业企业",
        ApplicantKind.Research => "科研机构",
        ApplicantKind.Charity => "社会公益组织",
        ApplicantKind.LegalService => "法律服务机构",
        _ => "其他组织",
    };
}
