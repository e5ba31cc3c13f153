using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

public sealed class ProceduralLettersTests
{
    [Fact]
    public void EveryProceduralLetter_HasADefaultWithItsRequiredElements_AndOnlyItsOwnPlaceholders()
    {
        foreach (var letter in Enum.GetValues<ProceduralLetter>())
        {
            var body = letter.DefaultBody();
            Assert.Empty(ProceduralLetters.MissingElements(letter, body));
            Assert.Empty(ProceduralLetters.UnknownPlaceholders(letter, body));
            Assert.All(letter.Required(), r => Assert.Contains(r, letter.Placeholders()));
            Assert.EndsWith(letter.Label(), letter.Title());
        }
    }

    [Theory]
    [InlineData(ProceduralLetter.SupplementNotice, "{补正内容}")]    // Art. 30: exactly what to add
    [InlineData(ProceduralLetter.SupplementNotice, "{补正期限}")]    // Art. 30: by when
    [InlineData(ProceduralLetter.ConsultationLetter, "{第三方}")]    // Art. 32: to whom
    [InlineData(ProceduralLetter.ConsultationLetter, "{征询事项}")]  // Art. 32: what is asked
    [InlineData(ProceduralLetter.ExtensionNotice, "{延期理由}")]     // Art. 33 ¶2: the reason
    [InlineData(ProceduralLetter.ExtensionNotice, "{答复期限}")]     // Art. 33 ¶2: the new due date
    [InlineData(ProceduralLetter.Receipt, "{收到日期}")]             // Art. 31: the day received
    public void ATemplateWithoutARequiredElement_IsRefusedNamingIt(ProceduralLetter letter, string element)
    {
        var dropped = letter.DefaultBody().Replace(element, "", StringComparison.Ordinal);
        Assert.Equal([element], ProceduralLetters.MissingElements(letter, dropped));
        Assert.Equal(["理由"], ProceduralLetters.UnknownPlaceholders(letter, letter.DefaultBody() + "{理由}"));
    }

    [Fact]
    public void TheClosing_SaysTheStatutoryConsequence_WhichNoTemplateCanDrop()
    {
        Assert.Contains("重新计算", string.Concat(ProceduralLetter.SupplementNotice.Closing(Channel.InPerson, ReplyRules.Regulation2019, null)));
        Assert.Contains("视为放弃申请", string.Concat(ProceduralLetter.SupplementNotice.Closing(Channel.InPerson, ReplyRules.Regulation2019, null)));
        var consultation = string.Concat(ProceduralLetter.ConsultationLetter.Closing(Channel.InPerson, ReplyRules.Regulation2019, null));
        Assert.Contains("15 个工作日内", consultation);
        Assert.Contains("逾期未提出意见的，由本机关依照", consultation);
        Assert.Contains("负责人同意", string.Concat(ProceduralLetter.ExtensionNotice.Closing(Channel.InPerson, ReplyRules.Regulation2019, null)));
        // The receipt says the channel's rule (Art. 31) and the period of the Regulation that applies.
        Assert.Equal(ReceiptRules.For(Channel.Post), ProceduralLetter.Receipt.Closing(Channel.Post, ReplyRules.Regulation2019, null)[0]);
        Assert.Contains("15 个工作日内予以答复", ProceduralLetter.Receipt.Closing(Channel.Post, ReplyRules.Regulation2007, null)[1]);
        // A provisional due date says why on the letters that state a due date, and only there.
        Assert.Equal("暂定说明", ProceduralLetter.Receipt.Closing(Channel.Post, ReplyRules.Regulation2019, "暂定说明")[^1]);
        Assert.DoesNotContain("暂定说明", ProceduralLetter.ConsultationLetter.Closing(Channel.Post, ReplyRules.Regulation2019, "暂定说明"));
    }

    [Fact]
    public void Receipt_OnlyForPaperChannels()
    {
        Assert.False(ProceduralLetters.NeedsReceipt(Channel.Online));
        Assert.All(Enum.GetValues<Channel>().Where(c => c != Channel.Online), c => Assert.True(ProceduralLetters.NeedsReceipt(c)));
    }
}
