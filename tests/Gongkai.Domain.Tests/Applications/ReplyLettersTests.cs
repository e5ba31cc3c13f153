using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

public sealed class ReplyLettersTests
{
    [Fact]
    public void EveryReplyType_HasADefaultLetterCitingItsLegalBasis()
    {
        foreach (var type in Enum.GetValues<ReplyType>())
        {
            var body = ReplyLetters.DefaultBody(type);
            Assert.StartsWith("{申请人}：", body);
            Assert.True(body.Contains("条例") || body.Contains("办法") || type is ReplyType.Confirmation, $"{type} cites no basis");
            Assert.Empty(ReplyLetters.UnknownPlaceholders(body));
            Assert.Empty(ReplyLetters.MissingElements(type, body));
            Assert.DoesNotContain("{", ReplyLetters.Title(type));
        }
    }

    [Theory]
    [InlineData(ReplyType.StateSecret, "{理由}")]          // 36(三): the reasons
    [InlineData(ReplyType.NotThisOrgan, "{理由}")]         // 36(五): the reasons
    [InlineData(ReplyType.NotThisOrgan, "{负责机关}")]     // 36(五): the responsible organ's name and contact when known
    [InlineData(ReplyType.Partial, "{理由}")]              // 37: the reasons for the withheld part
    [InlineData(ReplyType.Partial, "{获取方式}")]          // 40: the form of provision
    [InlineData(ReplyType.NeedsMaking, "{理由}")]          // 38
    [InlineData(ReplyType.AlreadyPublic, "{已公开信息}")]   // 36(一): where and how
    public void EachReplyType_RequiresWhatArticle36AsksOfIt_AndATemplateWithoutItIsRefused(ReplyType type, string element)
    {
        var dropped = ReplyLetters.DefaultBody(type).Replace(element, "", StringComparison.Ordinal);
        Assert.Contains(ReplyLetters.MissingElements(type, dropped), m => m.StartsWith(element, StringComparison.Ordinal));
        Assert.Empty(ReplyLetters.MissingElements(ReplyType.NotExist, "{申请人}：经检索，该信息不存在。"));
    }

    [Fact]
    public void TheRemedies_NameTheReconsiderationBodyAndTheCourt()
    {
        Assert.Equal("青溪县人民政府", ReplyLetters.ReconsiderationBody(isDepartment: true, "青溪县人民政府"));
        Assert.Equal("上一级人民政府", ReplyLetters.ReconsiderationBody(isDepartment: false, null));
        var remedies = ReplyLetters.RemediesNaming("青溪县人民政府", "青溪县财政局");
        Assert.Contains("六十日内向青溪县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）", remedies);
        Assert.Contains("六个月内向青溪县财政局所在地有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）", remedies);
    }

    [Fact]
    public void ALetter_FillsItsPlaceholders_AndEndsWithTheRemedies()
    {
        var paragraphs = ReplyLetters.Paragraphs(ReplyLetters.DefaultBody(ReplyType.NotExist), new Dictionary<string, string>
        {
            ["申请人"] = "张三", ["收到日期"] = "2026年3月2日", ["所需信息"] = "某路段改造方案",
        });
        Assert.Equal("张三：", paragraphs[0]);
        Assert.Contains("本机关于2026年3月2日收到您提出的政府信息公开申请，申请获取“某路段改造方案”", paragraphs[1]);
        Assert.Contains("第三十六条第（四）项", paragraphs[2]);
        Assert.Contains("六十日内依法申请行政复议", paragraphs[^1]);
        Assert.Contains("六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）", paragraphs[^1]);
    }

    [Fact]
    public void AMisspeltPlaceholder_IsFound()
    {
        Assert.Equal(["申请者"], ReplyLetters.UnknownPlaceholders("{申请者}：您好。{收到日期}"));
    }
}
