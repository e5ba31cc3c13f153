using Gongkai.Data.Agencies;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Search;
using Gongkai.Domain.Disclosure;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>The workflow's actions on stored items, and the search index that every save keeps in step with them.</summary>
public sealed class ItemRecordsTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly Actor Reviewer = new(2, "王审核", MayReview: true, MayApprove: true);
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static async Task<(GongkaiDb Db, InfoItem Item)> AwaitingApprovalAsync(TestDatabase database)
    {
        var db = Contexts.Open(database);
        var agency = Contexts.Agency("town");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var item = new InfoItem
        {
            AgencyId = agency.Id, IndexNumber = "TOWN/2026-00001", Year = 2026, Sequence = 1, Title = "鑫源村道路硬化工程公示", Issuer = agency.Name,
            WrittenOn = new DateOnly(2026, 2, 20), CategoryCode = "a21.t05", BodyHtml = "<p>工程投资 85 万元。</p>", BodyText = "工程投资 85 万元。",
            Status = ItemStatus.InApproval, AuthorId = 1, AuthorName = "李经办", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.InfoItems.Add(item);
        await db.SaveChangesAsync();
        return (db, item);
    }

    private static async Task<IReadOnlyList<int>> FoundAsync(GongkaiDb db, string text) =>
        (await db.Search.SearchAsync(SearchText.Parse(text)!.Query!, new SearchFilter(), 1, 10)).ItemIds;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Approval_PublishesOnTheDay_KeepsTheSignOff_AndTheSaveAloneIndexesTheItem(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        var (db, item) = await AwaitingApprovalAsync(database);
        await using var _ = db;
        Assert.Empty(await FoundAsync(db, "道路硬化"));

        ItemRecords.Act(db, item, ItemAction.Approve, Reviewer, "同意发布", openFindings: 0, Today, DateTime.UtcNow);
        await db.SaveChangesAsync();

        Assert.Equal((ItemStatus.Published, Today), (item.Status, item.PublishedOn));
        var signOff = await db.ItemSignOffs.SingleAsync(s => s.ItemId == item.Id);
        Assert.Equal((ItemAction.Approve, "王审核", "同意发布"), (signOff.Action, signOff.UserName, signOff.Opinion));
        Assert.Equal([item.Id], await FoundAsync(db, "道路硬化"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ActAsync_RefusesAStaleFormAndTheAuthorsOwnApproval_AndPublishesOtherwise(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        var (db, item) = await AwaitingApprovalAsync(database);
        await using var _ = db;
        var author = new Actor(item.AuthorId, "李经办", MayReview: true, MayApprove: true);
        var own = await ItemRecords.ActAsync(db, item, ItemAction.Approve, author, null, item.Version, Today, DateTime.UtcNow, null, default);
        Assert.Equal((OutcomeKind.Refused, "不能审核或批准自己起草的信息。"), (own.Kind, own.Message));

        var stale = await ItemRecords.ActAsync(db, item, ItemAction.Approve, Reviewer, null, item.Version - 1, Today, DateTime.UtcNow, null, default);
        Assert.Equal(OutcomeKind.Stale, stale.Kind);
        Assert.Equal(0, await db.ItemSignOffs.CountAsync());

        var done = await ItemRecords.ActAsync(db, item, ItemAction.Approve, Reviewer, "同意发布", item.Version, Today, DateTime.UtcNow, null, default);
        Assert.True(done.IsDone);
        var stored = await db.InfoItems.AsNoTracking().SingleAsync(i => i.Id == item.Id);
        Assert.Equal((ItemStatus.Published, Today), (stored.Status, stored.PublishedOn));
        Assert.Equal([item.Id], await FoundAsync(db, "道路硬化"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MaskAsync_MasksTheTitleBodyAndAWordAttachment_KeepsAPdfsFindings_AndSaysSoInTheAudit(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        var (db, item) = await AwaitingApprovalAsync(database);
        await using var _ = db;
        item.BodyHtml = "<p>联系人身份证号 11010519491231002X。</p>";
        item.BodyText = "联系人身份证号 11010519491231002X。";
        var docx = HostileFiles.Docx(HostileFiles.Word("<w:p><w:r><w:t>户主 11010519491231002X</w:t></w:r></w:p>"));
        db.ItemAttachments.Add(new ItemAttachment { ItemId = item.Id, AgencyId = item.AgencyId, FileName = "名单.docx", ContentType = "application/octet-stream", Content = docx, Size = docx.Length, Text = "户主 11010519491231002X", UploadedUtc = DateTime.UtcNow });
        db.ItemAttachments.Add(new ItemAttachment { ItemId = item.Id, AgencyId = item.AgencyId, FileName = "扫描件.pdf", ContentType = "application/pdf", Content = [1], Size = 1, Text = "13812345678", UploadedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var masked = await ItemRecords.MaskAsync(db, item, DateTime.UtcNow, default);

        Assert.True(masked.IsDone);
        Assert.Equal(2, masked.Value!.Count);
        Assert.Equal(["扫描件.pdf"], masked.Value.Unmasked);
        var stored = await db.InfoItems.AsNoTracking().SingleAsync(i => i.Id == item.Id);
        Assert.DoesNotContain("11010519491231002X", stored.BodyText);
        Assert.Contains("1101**********002X", stored.BodyText);
        var word = await db.ItemAttachments.AsNoTracking().SingleAsync(a => a.FileName == "名单.docx");
        Assert.DoesNotContain("11010519491231002X", word.Text);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Changes.Contains("屏蔽 2 处个人信息（含附件 名单.docx）")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task APublishedItem_ThatIsEdited_IsFoundByItsNewText_AndAWithdrawnOne_NotAtAll(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        var (db, item) = await AwaitingApprovalAsync(database);
        await using var _ = db;
        ItemRecords.Act(db, item, ItemAction.Approve, Reviewer, null, 0, Today, DateTime.UtcNow);
        await db.SaveChangesAsync();

        item.Title = "鑫源村道路拓宽工程公示";
        await db.SaveChangesAsync();
        Assert.Equal([item.Id], await FoundAsync(db, "道路拓宽"));
        Assert.Empty(await FoundAsync(db, "道路硬化"));

        ItemRecords.Act(db, item, ItemAction.Withdraw, Reviewer, "公示期满", 0, Today.AddDays(10), DateTime.UtcNow);
        await db.SaveChangesAsync();
        Assert.Equal((ItemStatus.Withdrawn, Today.AddDays(10), "公示期满"), (item.Status, item.WithdrawnOn, item.WithdrawReason));
        Assert.Empty(await FoundAsync(db, "道路拓宽"));
    }

    [Fact]
    public async Task ARefusedAction_ChangesNothing()
    {
        await using var database = await Contexts.MigratedDatabaseAsync("sqlite");
        var (db, item) = await AwaitingApprovalAsync(database);
        await using var _ = db;
        var author = Reviewer with { UserId = item.AuthorId };

        Assert.Throws<ItemWorkflowException>(() => ItemRecords.Act(db, item, ItemAction.Approve, author, "同意", 0, Today, DateTime.UtcNow));

        Assert.Equal((ItemStatus.InApproval, (DateOnly?)null), (item.Status, item.PublishedOn));
        Assert.DoesNotContain(db.ChangeTracker.Entries<ItemSignOff>(), _ => true);
    }
}
