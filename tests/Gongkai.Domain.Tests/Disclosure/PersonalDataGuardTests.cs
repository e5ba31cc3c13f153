using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

/// <summary>The guard that stops personal data from being published.</summary>
public sealed class PersonalDataGuardTests
{
    [Fact]
    public void AValidResidentId_IsFound_AndMaskedToItsFirstAndLastFour()
    {
        var text = "经审核，张三（身份证号11010519491231002X）符合低保条件。";
        var finding = Assert.Single(PersonalDataGuard.Find(text));
        Assert.Equal(PersonalDataKind.ResidentId, finding.Kind);
        Assert.Equal("11010519491231002X", text.Substring(finding.Start, finding.Length));
        Assert.Equal("经审核，张三（身份证号1101**********002X）符合低保条件。", PersonalDataGuard.MaskAll(text));
    }

    [Theory]
    [InlineData("11010519491231002Y")]   // wrong check digit
    [InlineData("110105194913310021")]   // no 13th month
    [InlineData("1101051949123100211")]  // inside a longer run of digits
    public void ANumberThatIsNotAValidResidentId_IsNotFlaggedAsOne(string number)
    {
        Assert.DoesNotContain(PersonalDataGuard.Find($"编号{number}。"), f => f.Kind == PersonalDataKind.ResidentId);
    }

    [Fact]
    public void MobileNumbers_AreFound_ButNotLandlinesDatesOrDocumentNumbers()
    {
        var text = "联系人李四，手机13912345678，办公电话0571-86041234，青政办发〔2024〕12号，2024年3月15日。";
        var finding = Assert.Single(PersonalDataGuard.Find(text));
        Assert.Equal((PersonalDataKind.Mobile, "139****5678"), (finding.Kind, finding.Masked));
    }

    [Fact]
    public void FullWidthDigits_AreReadAsDigits()
    {
        var finding = Assert.Single(PersonalDataGuard.Find("电话：１３９１２３４５６７８"));
        Assert.Equal(PersonalDataKind.Mobile, finding.Kind);
    }

    [Theory]
    [InlineData("6222021234567890128", true)]   // 19 digits, Luhn valid
    [InlineData("6222021234567890123", false)]  // Luhn invalid
    [InlineData("4111111111111111", true)]
    public void BankCards_NeedTheLuhnDigit(string number, bool found)
    {
        Assert.Equal(found, PersonalDataGuard.Find($"补贴发放至账户{number}。").Any(f => f.Kind == PersonalDataKind.BankCard));
    }

    [Fact]
    public void ARealPublishedListOfRecipients_HasEveryNumberMasked()
    {
        const string list = """
            2025年第三季度农村低保对象名单
            王某某 身份证：330102199003071230 电话：13800138000 卡号：4111111111111111
            陈某某 身份证：11010519491231002X 电话：13900139000
            """;
        var masked = PersonalDataGuard.MaskAll(list);
        Assert.Empty(PersonalDataGuard.Find(masked));
        Assert.Contains("3301**********1230", masked);
        Assert.Contains("138****8000", masked);
        Assert.Contains("4111********1111", masked);
        Assert.Contains("2025年第三季度农村低保对象名单", masked);
    }
}
