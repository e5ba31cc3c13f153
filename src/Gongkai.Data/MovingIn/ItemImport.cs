using Gongkai.Data.Disclosure;
using Gongkai.Documents.Files;
using Gongkai.Documents.Items;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Text;

namespace Gongkai.Data.MovingIn;

/// <summary>
/// The items an agency already published on its old site (docs/moving-in.md): a list of items and
/// the files it names (bodies and attachments), from a folder or a ZIP. Each item keeps its
/// original 索引号 and dates and is published as it was — without a new review on this platform,
/// which the audit log records as 迁移导入 with the importer's name — unless the personal-data
/// guard finds unmasked personal data in its title, body or attachments: then it is kept as a
/// draft for review, never published by the import. Published items are searchable at once (the
/// save pipeline indexes them). An item already stored (same 索引号, or same title and 成文日期) is
/// not imported twice.
/// </summary>
public static class ItemImport
{
    public const string Title = "标题", Index = "索引号", DocumentNumber = "文号", Issuer = "发布机构", WrittenOn = "成文日期", PublishedOn = "发布日期",
        Category = "公开目录", Topic = "主题分类", Kind = "文件类别", RepealedOn = "废止日期", Body = "正文", BodyFile = "正文文件", Attachments = "附件";

    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        [Title] = ["信息名称", "名称"], [Index] = ["索引编号"], [DocumentNumber] = ["发文字号"], [Issuer] = ["发布单位", "发文机关"], [WrittenOn] = ["生成日期", "成文时间"],
        [PublishedOn] = ["发布时间", "公开日期"], [Category] = ["目录", "信息分类"], [Topic] = ["主题词"], [Kind] = ["有效性", "类别"], [RepealedOn] = ["失效日期"],
        [Body] = ["内容"], [BodyFile] = ["正文文件名"], [Attachments] = ["附件文件", "附件名称"],
    };

    private static readonly string[] Required = [Title, WrittenOn, PublishedOn, Category];

    private sealed record Wanted(int Line, string? Index, InfoItem Item, IReadOnlyList<(string Name, byte[] Content, string Text)> Files, IReadOnlyList<PersonalDataFinding> Findings);

    public static async Task<ImportPreview> PreviewAsync(GongkaiDb db, Agency agency, IReadOnlyList<IReadOnlyList<string>> sheet, IReadOnlyDictionary<string, byte[]> files,
        ReadLimits limits, DateOnly today, CancellationToken ct) => (await PlanAsync(db, agency, sheet, files, limits, today, ct)).Preview;

    /// <summary>Writes the new items with their attachments in one transaction (and marks the upload they came from, if any, applied).</summary>
    public static async Task<ImportPreview> ApplyAsync(GongkaiDb db, Agency agency, IReadOnlyList<IReadOnlyList<string>> sheet, IReadOnlyDictionary<string, byte[]> files,
        string fileName, (int Id, string Name) importer, ReadLimits limits, DateOnly today, DateTime nowUtc, ImportUpload? upload, CancellationToken ct)
    {
        var (preview, plan) = await PlanAsync(db, agency, sheet, files, limits, today, ct);
        if (!preview.HasWork)
        {
            return preview;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var w in plan)
        {
            var item = w.Item;
            (item.AuthorId, item.AuthorName, item.CreatedUtc, item.UpdatedUtc) = (importer.Id, importer.Name, nowUtc, nowUtc);
            (item.Sequence, var generated) = await InfoItem.NextIndexAsync(db, agency, item.Year, ct);
            item.IndexNumber = w.Index ?? generated;
            db.InfoItems.Add(item);
            db.AuditNote = w.Findings.Count == 0
                ? $"迁移导入：{fileName} 第 {w.Line} 行，按原网站的发布日期发布，未经本平台审核流程（导入人：{importer.Name}）"
                : $"迁移导入：{fileName} 第 {w.Line} 行，含未屏蔽的个人信息，存为草稿待审核（导入人：{importer.Name}）";
            await db.SaveChangesAsync(ct);
            foreach (var (name, content, text) in w.Files)
            {
                db.ItemAttachments.Add(new ItemAttachment
                {
                    ItemId = item.Id, AgencyId = item.AgencyId, FileName = name, ContentType = AttachmentFiles.ContentTypes[Path.GetExtension(name)],
                    Size = content.Length, Content = content, Text = text, UploadedUtc = nowUtc,
                });
            }
            await db.SaveChangesAsync(ct);
        }
        if (upload is not null)
        {
            upload.AppliedUtc = nowUtc;
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return preview;
    }

    private static async Task<(ImportPreview Preview, List<Wanted> Plan)> PlanAsync(GongkaiDb db, Agency agency, IReadOnlyList<IReadOnlyList<string>> sheet,
        IReadOnlyDictionary<string, byte[]> files, ReadLimits limits, DateOnly today, CancellationToken ct)
    {
        var (columns, problem) = SheetColumns.Read(sheet, Columns, Required);
        if (columns is null)
        {
            return (new ImportPreview([], problem), []);
        }
        var stored = await db.InfoItems.AsNoTracking().Select(i => new { i.AgencyId, i.IndexNumber, i.Title, i.WrittenOn }).ToListAsync(ct);
        var byIndex = stored.ToDictionary(i => i.IndexNumber);
        var byTitle = stored.Where(i => i.AgencyId == agency.Id).Select(i => (i.Title, i.WrittenOn)).ToHashSet();
        var categories = Categories.For(agency.Level == Domain.Agencies.AgencyLevel.Township);
        var seen = new HashSet<string>();
        var rows = new List<ImportRow>();
        var plan = new List<Wanted>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var (line, cell) = (i + 1, (Func<string, string>)(column => columns.Cell(sheet[i], column)));
            var (wanted, refusal) = Read(line, cell, agency, categories, files, limits, today);
            var key = cell(Index) is { Length: > 0 } index ? index : cell(Title);
            if (wanted is null)
            {
                rows.Add(new ImportRow(line, key, RowFate.Refused, refusal!));
                continue;
            }
            if (wanted.Index is { } own && byIndex.TryGetValue(own, out var same))
            {
                rows.Add(same.AgencyId == agency.Id && same.Title == wanted.Item.Title
                    ? new ImportRow(line, key, RowFate.Unchanged, "已导入过（同一索引号）。")
                    : new ImportRow(line, key, RowFate.Refused, $"索引号 {own} 已被另一条信息使用。"));
                continue;
            }
            if (byTitle.Contains((wanted.Item.Title, wanted.Item.WrittenOn)))
            {
                rows.Add(new ImportRow(line, key, RowFate.Unchanged, "已有同一标题和成文日期的信息，未重复导入。"));
                continue;
            }
            if (!seen.Add(wanted.Index ?? $"{wanted.Item.Title}|{wanted.Item.WrittenOn}"))
            {
                rows.Add(new ImportRow(line, key, RowFate.Refused, "与表中前面一行是同一条信息，未重复导入。"));
                continue;
            }
            rows.Add(new ImportRow(line, key, RowFate.New, wanted.Findings.Count == 0
                ? $"{wanted.Item.Title}（{wanted.Item.PublishedOn:yyyy-MM-dd} 发布，附件 {wanted.Files.Count} 个）"
                : $"{wanted.Item.Title}：含未屏蔽的个人信息（{string.Join("、", wanted.Findings.Select(f => f.Masked).Distinct().Take(3))}），存为草稿待审核，不发布。"));
            plan.Add(wanted);
        }
        return (new ImportPreview(rows), plan);
    }

    private static (Wanted? Wanted, string? Refusal) Read(int line, Func<string, string> cell, Agency agency, IReadOnlyList<DisclosureCategory> categories,
        IReadOnlyDictionary<string, byte[]> files, ReadLimits limits, DateOnly today)
    {
        var title = cell(Title);
        if (title.Length is 0 or > 200)
        {
            return (null, "请填写标题（不超过 200 个字）。");
        }
        if (SheetColumns.Date(cell(WrittenOn)) is not { } written || SheetColumns.Date(cell(PublishedOn)) is not { } published)
        {
            return (null, "成文日期和发布日期须为日期（如 2024-03-15）。");
        }
        if (published < written || published > today)
        {
            return (null, published > today ? "发布日期不能晚于今天。" : "发布日期不能早于成文日期。");
        }
        var category = categories.FirstOrDefault(c => c.Code == cell(Category) || c.Label == cell(Category));
        if (category is null)
        {
            return (null, $"公开目录“{cell(Category)}”不是本机关目录中的一项（填写目录名称，如“财政预算、决算信息”，或其代码）。");
        }
        var kind = cell(Kind).Length == 0 ? DocumentKind.None : Labels.Parse<DocumentKind>(cell(Kind), k => k.Label()) ?? (cell(Kind) == "规范性文件" ? DocumentKind.Normative : null);
        if (kind is null)
        {
            return (null, $"文件类别“{cell(Kind)}”不正确，可选：规章、行政规范性文件，或留空。");
        }
        DateOnly? repealed = null;
        if (cell(RepealedOn).Length > 0 && (repealed = SheetColumns.Date(cell(RepealedOn))) is null)
        {
            return (null, $"废止日期“{cell(RepealedOn)}”不是日期。");
        }
        string bodyHtml;
        if (cell(BodyFile) is { Length: > 0 } bodyName)
        {
            if (!files.TryGetValue(bodyName, out var bodyBytes))
            {
                return (null, $"找不到正文文件“{bodyName}”。");
            }
            try
            {
                bodyHtml = Path.GetExtension(bodyName).ToLowerInvariant() switch
                {
                    ".html" or ".htm" => ItemRecords.Cleaned(Spreadsheets.Decode(bodyBytes)),
                    ".txt" => ItemRecords.Cleaned(Spreadsheets.Decode(bodyBytes)),
                    ".docx" => ItemRecords.Cleaned(AttachmentFiles.Text(bodyName, bodyBytes, limits)),
                    _ => throw new InvalidDataException($"正文文件“{bodyName}”只能是 DOCX、HTML 或 TXT。"),
                };
            }
            catch (Exception e) when (e is InvalidDataException or FileLimitException)
            {
                return (null, e.Message);
            }
        }
        else if (cell(Body) is { Length: > 0 } body)
        {
            bodyHtml = ItemRecords.Cleaned(body);
        }
        else
        {
            return (null, "请填写正文，或在“正文文件”中写明文件名。");
        }
        var attached = new List<(string, byte[], string)>();
        foreach (var name in cell(Attachments).Split([';', '；', '、', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!files.TryGetValue(name, out var content))
            {
                return (null, $"找不到附件“{name}”。");
            }
            var fileName = Path.GetFileName(name);
            if (AttachmentFiles.Problem(fileName, content.Length) is { } attachmentProblem)
            {
                return (null, attachmentProblem);
            }
            try
            {
                attached.Add((fileName, content, AttachmentFiles.Text(fileName, content, limits)));
            }
            catch (Exception e) when (e is InvalidDataException or FileLimitException)
            {
                return (null, $"附件“{fileName}”：{e.Message}");
            }
        }
        var text = BodyHtml.Text(bodyHtml);
        var findings = PersonalDataGuard.Find(title + "\n" + text).Concat(attached.SelectMany(a => PersonalDataGuard.Find(a.Item3))).ToList();
        var item = new InfoItem
        {
            AgencyId = agency.Id, IndexNumber = "", Year = written.Year, Title = title, DocumentNumber = cell(DocumentNumber) is { Length: > 0 } n ? n : null,
            Issuer = cell(Issuer) is { Length: > 0 } issuer ? issuer : agency.Name, WrittenOn = written,
            PublishedOn = findings.Count == 0 ? published : null, Topic = cell(Topic) is { Length: > 0 } topic ? topic : null, CategoryCode = category.Code,
            BodyHtml = bodyHtml, BodyText = text, DocumentKind = kind.Value, RepealedOn = repealed, Channels = PublicationChannels.Website,
            Status = findings.Count == 0 ? ItemStatus.Published : ItemStatus.Draft, AuthorName = "",
        };
        return (new Wanted(line, cell(Index) is { Length: > 0 } index ? index : null, item, attached, findings), null);
    }
}
