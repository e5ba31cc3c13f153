using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>What an applicant gives (Art. 29), checked the same way by the public form, the clerk's registration and the CLI.</summary>
public sealed class ApplicantTests
{
    private static Applicant Person(string? id = "11010519491231002X", string phone = "13812345678", string form = "邮寄纸质件", ApplicantKind kind = ApplicantKind.NaturalPerson) =>
        new(kind, "张三", id, phone, null, null, "2025年道路建设项目招标文件", form);

    [Fact]
    public void AWellFormedApplicant_HasNoProblems() => Assert.Empty(Person().Problems());

    [Theory]
    [InlineData(null, "请填写身份证号码")]
    [InlineData("110105194912310021", "身份证号码不正确")]   // the check digit of …002 is X
    [InlineData("11010519491331002X", "身份证号码不正确")]   // no 13th month
    public void ANaturalPerson_NeedsAResidentIdWithItsCheckDigit(string? id, string message)
    {
        var (field, problem) = Assert.Single(Person(id).Problems());
        Assert.Equal((nameof(Applicant.IdNumber), true), (field, problem.Contains(message, StringComparison.Ordinal)));
    }

    [Fact]
    public void AnOrganisation_NeedsNoResidentId() => Assert.Empty(Person(id: null, kind: ApplicantKind.Commercial).Problems());

    [Theory]
    [InlineData("0571-86041234", true)]
    [InlineData("138 1234 5678", true)]
    [InlineData("12812345678", false)]
    [InlineData("86041234", false)]
    public void ThePhone_IsAMobileOrALandlineWithItsAreaCode(string phone, bool valid) =>
        Assert.Equal(valid, !Person(phone: phone).Problems().Any(p => p.Field == nameof(Applicant.Phone)));

    [Fact]
    public void TheFormWanted_IsOneOfTheFormsOffered() =>
        Assert.Equal(nameof(Applicant.FormWanted), Assert.Single(Person(form: "快递到付").Problems()).Field);
}
