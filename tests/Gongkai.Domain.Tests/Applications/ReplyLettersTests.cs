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
        }
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
        Assert.Contains("六个月内依法向人民法院提起行政诉讼", paragraphs[^1]);
    }

    [Fact]
    public void AMisspeltPlaceholder_IsFound()
    {
        Assert.Equal(["申请者"], ReplyLetters.UnknownPlaceholders("{申请者}：您好。{收到日期}"));
    }
}
