using Gongkai.Domain.Notifications;

namespace Gongkai.Domain.Tests.Notifications;

public sealed class MessageTemplatesTests
{
    [Fact]
    public void EveryDefaultTemplate_UsesOnlyItsKindsPlaceholders()
    {
        foreach (var kind in MessageTemplates.Editable)
        {
            Assert.Empty(MessageTemplates.UnknownPlaceholders(kind, MessageTemplates.Default(kind)));
        }
    }

    [Fact]
    public void AValue_ThatLooksLikeAPlaceholder_IsNotFilledInItself()
    {
        var filled = MessageTemplates.Fill(new("{查询号}", "{申请人}：{所需信息}"), new Dictionary<string, string>
        {
            ["查询号"] = "2026030200100001", ["申请人"] = "张三", ["所需信息"] = "请公开{查询号}和{机关}",
        });
        Assert.Equal("张三：请公开{查询号}和{机关}", filled.Body);
        Assert.Equal("2026030200100001", filled.Subject);
    }

    [Fact]
    public void ASubject_IsOneLine_WhateverTheValue()
    {
        Assert.Equal("补正 张 三", MessageTemplates.Fill(new("补正 {申请人}", ""), new Dictionary<string, string> { ["申请人"] = "张\r\n三" }).Subject);
    }

    [Fact]
    public void AnUnknownPlaceholder_IsReported()
    {
        Assert.Equal(["查询码"], MessageTemplates.UnknownPlaceholders(MessageKind.Receipt, new("{查询号}", "您的查询码是 {查询码}")));
    }

    [Fact]
    public void TheHtml_EncodesWhatTheApplicantWrote()
    {
        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", MessageTemplates.Html("<script>alert(1)</script>"));
    }
}
