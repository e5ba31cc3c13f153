using Gongkai.Domain.Agencies;

namespace Gongkai.Data.MovingIn;

/// <summary>
/// A county's agencies from a spreadsheet (docs/moving-in.md): a row per agency, matched to what
/// is stored by its short code. A new code makes an agency (under the 上级简码 given, which may be
/// a row of the same sheet); a known one is changed where its cells differ — an empty cell changes
/// nothing, so a sheet of a few columns never blanks the rest. Checked as the console's form is
/// (<see cref="AgencyRules"/>, <see cref="AgencyRecords.ProblemsAsync"/>).
/// </summary>
public static class AgencyImport
{
    public const string Code = "简码", Name = "名称", Kind = "类型", Level = "层级", Parent = "上级简码", OfficeName = "公开工作机构名称",
        Address = "地址", Postcode = "邮政编码", Hours = "办公时间", Phone = "电话", Fax = "传真", Email = "邮箱", IndexCode = "索引号前缀";

    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        [Code] = ["机构简码", "代码"], [Name] = ["机构名称", "单位名称"], [Kind] = ["机构类型", "类别"], [Level] = ["级别"], [Parent] = ["上级机构简码"],
        [OfficeName] = ["公开工作机构", "工作机构名称"], [Address] = ["办公地址", "通信地址"], [Postcode] = ["邮编"], [Hours] = ["工作时间"],
        [Phone] = ["联系电话", "电话号码"], [Fax] = ["传真号码"], [Email] = ["电子邮箱", "互联网联系方式"], [IndexCode] = ["机构代码", "统一社会信用代码"],
    };

    private static readonly string[] Required = [Code, Name, Kind];

    /// <summary>The agency a row describes, before it is compared with what is stored.</summary>
    private sealed record Wanted(int Line, string Code, string Name, AgencyKind Kind, AgencyLevel? Level, string Parent, string OfficeName, string Address,
        string Postcode, string Hours, string Phone, string Fax, string Email, string IndexCode);

    public static async Task<ImportPreview> PreviewAsync(GongkaiDb db, IReadOnlyList<IReadOnlyList<string>> sheet, CancellationToken ct) =>
        (await PlanAsync(db, sheet, ct)).Preview;

    /// <summary>
    /// Writes the new and changed agencies of the sheet in one transaction (parents before their
    /// children), with the file's name in the audit log; refused rows are left out.
    /// </summary>
    public static async Task<ImportPreview> ApplyAsync(GongkaiDb db, IReadOnlyList<IReadOnlyList<string>> sheet, string fileName, CancellationToken ct)
    {
        var (preview, plan) = await PlanAsync(db, sheet, ct);
        if (!preview.HasWork)
        {
            return preview;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = await db.Agencies.ToDictionaryAsync(a => a.ShortCode, ct);
        var pending = plan.ToList();
        while (pending.Count > 0)
        {
            // A parent made by this sheet gets its id when saved: its children follow in the next round.
            var ready = pending.Where(w => w.Parent.Length == 0 || stored.ContainsKey(w.Parent)).ToList();
            foreach (var w in ready)
            {
                var agency = stored.GetValueOrDefault(w.Code);
                if (agency is null)
                {
                    agency = new Agency { ShortCode = w.Code, Name = w.Name, OfficeName = "", OfficeAddress = "", OfficePhone = "", SortOrder = stored.Count };
                    db.Agencies.Add(agency);
                    stored[w.Code] = agency;
                }
                Fill(agency, w, w.Parent.Length == 0 ? agency.ParentId : stored[w.Parent].Id, ParentLevel(w, stored));
            }
            pending.RemoveAll(ready.Contains);
            db.AuditNote = $"从表格导入机构：{fileName}";
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return preview;
    }

    private static AgencyLevel? ParentLevel(Wanted w, Dictionary<string, Agency> stored) => w.Parent.Length > 0 ? stored[w.Parent].Level : null;

    private static void Fill(Agency agency, Wanted w, int? parentId, AgencyLevel? parentLevel)
    {
        agency.Name = w.Name;
        agency.Kind = w.Kind;
        agency.ParentId = parentId;
        agency.Level = w.Level ?? (agency.Id == 0 ? DefaultLevel(w.Kind, parentLevel) : agency.Level);
        agency.OfficeName = Keep(w.OfficeName, agency.OfficeName)!;
        agency.OfficeAddress = Keep(w.Address, agency.OfficeAddress)!;
        agency.OfficePhone = Keep(w.Phone, agency.OfficePhone)!;
        agency.OfficePostcode = Keep(w.Postcode, agency.OfficePostcode);
        agency.OfficeHours = Keep(w.Hours, agency.OfficeHours);
        agency.OfficeFax = Keep(w.Fax, agency.OfficeFax);
        agency.OfficeEmail = Keep(w.Email, agency.OfficeEmail);
        agency.IndexCode = Keep(w.IndexCode, agency.IndexCode);
    }

    // An empty cell changes nothing (an import never blanks a field).
    private static string? Keep(string cell, string? stored) => cell.Length > 0 ? cell : stored;

    /// <summary>
    /// A level not given: a root is a county; a people's government one level below its parent
    /// (省 → 市 → 县 → 乡), a subdistrict office township level, a department its parent's level.
    /// </summary>
    public static AgencyLevel DefaultLevel(AgencyKind kind, AgencyLevel? parent) => (kind, parent) switch
    {
        (_, null) => AgencyLevel.County,
        (AgencyKind.Subdistrict, _) => AgencyLevel.Township,
        (AgencyKind.Government, { } p) => p == AgencyLevel.Township ? p : p + 1,
        (_, { } p) => p,
    };

    private static async Task<(ImportPreview Preview, List<Wanted> Plan)> PlanAsync(GongkaiDb db, IReadOnlyList<IReadOnlyList<string>> sheet, CancellationToken ct)
    {
        var (columns, problem) = SheetColumns.Read(sheet, Columns, Required);
        if (columns is null)
        {
            return (new ImportPreview([], problem), []);
        }
        var stored = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.ShortCode, ct);
        var tree = new AgencyTree(stored.Values.Select(a => (a.Id, a.ParentId)));
        var inSheet = sheet.Skip(1).Select(r => columns.Cell(r, Code).ToLowerInvariant()).ToHashSet();
        var seen = new HashSet<string>();
        var rows = new List<ImportRow>();
        var plan = new List<Wanted>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var line = i + 1;
            var cell = (string column) => columns.Cell(sheet[i], column);
            var code = cell(Code).ToLowerInvariant();
            if (Refusal(cell, code, seen, inSheet, stored) is { } reason)
            {
                rows.Add(new ImportRow(line, code, RowFate.Refused, reason));
                continue;
            }
            seen.Add(code);
            var wanted = new Wanted(line, code, cell(Name), AgencyRules.KindOf(cell(Kind))!.Value, AgencyRules.LevelOf(cell(Level)), cell(Parent).ToLowerInvariant(),
                cell(OfficeName), cell(Address), cell(Postcode), cell(Hours), cell(Phone), cell(Fax), cell(Email), cell(IndexCode));
            if (!stored.TryGetValue(code, out var existing))
            {
                rows.Add(new ImportRow(line, code, RowFate.New, wanted.Name));
                plan.Add(wanted);
                continue;
            }
            if (wanted.Parent.Length > 0 && stored.TryGetValue(wanted.Parent, out var parent) && !tree.CanMoveUnder(existing.Id, parent.Id))
            {
                rows.Add(new ImportRow(line, code, RowFate.Refused, "上级机构不能是本机构或其下级机构。"));
                continue;
            }
            var before = Clone(existing);
            Fill(existing, wanted, wanted.Parent.Length == 0 ? existing.ParentId : stored.TryGetValue(wanted.Parent, out var p) ? p.Id : -1, null);
            var changes = Differences(before, existing, stored);
            rows.Add(changes.Count == 0 ? new ImportRow(line, code, RowFate.Unchanged, "") : new ImportRow(line, code, RowFate.Changed, string.Join("；", changes)));
            if (changes.Count > 0)
            {
                plan.Add(wanted);
            }
        }
        // A new agency whose parent is a row that was refused, or that waits on itself round a
        // loop of new rows, cannot be placed: refused too, with the reason.
        var placed = stored.Keys.ToHashSet();
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var w in plan.Where(w => !placed.Contains(w.Code) && (w.Parent.Length == 0 || placed.Contains(w.Parent))))
            {
                progress = placed.Add(w.Code);
            }
        }
        foreach (var w in plan.Where(w => !placed.Contains(w.Code)).ToList())
        {
            plan.Remove(w);
            var at = rows.FindIndex(r => r.Line == w.Line);
            rows[at] = rows[at] with { Fate = RowFate.Refused, Detail = $"上级简码 {w.Parent} 的机构未能导入（该行被拒绝，或上下级形成循环）。" };
        }
        return (new ImportPreview(rows), plan);
    }

    private static string? Refusal(Func<string, string> cell, string code, HashSet<string> seen, HashSet<string> inSheet, Dictionary<string, Agency> stored)
    {
        var parent = cell(Parent).ToLowerInvariant();
        return !AgencyRules.IsShortCode(code) ? $"简码“{code}”不正确：{AgencyRules.ShortCodeMessage}"
            : seen.Contains(code) ? $"简码 {code} 在表格中出现了不止一次。"
            : cell(Name).Length is 0 or > AgencyRules.NameLength ? $"请填写名称（不超过 {AgencyRules.NameLength} 个字）。"
            : AgencyRules.KindOf(cell(Kind)) is null ? $"类型“{cell(Kind)}”不正确，可选：{string.Join("、", Enum.GetValues<AgencyKind>().Select(k => k.Label()))}。"
            : cell(Level).Length > 0 && AgencyRules.LevelOf(cell(Level)) is null ? $"层级“{cell(Level)}”不正确，可选：{string.Join("、", Enum.GetValues<AgencyLevel>().Select(l => l.Label()))}。"
            : parent.Length > 0 && (parent == code || (!stored.ContainsKey(parent) && !inSheet.Contains(parent))) ? $"上级简码 {parent} 既不是已有机构，也不在本表中。"
            : !stored.ContainsKey(code) && (cell(OfficeName).Length == 0 || cell(Address).Length == 0 || cell(Phone).Length == 0)
                ? "新机构须填写公开工作机构名称、地址和电话（公开指南要用，条例第十二条）。"
            : cell(Phone).Length > 0 && !AgencyRules.IsPhone(cell(Phone)) ? "电话只能包含数字、空格、括号和连字符。"
            : cell(Fax).Length > 0 && !AgencyRules.IsPhone(cell(Fax)) ? "传真只能包含数字、空格、括号和连字符。"
            : cell(Postcode).Length > 0 && !(cell(Postcode).Length == 6 && cell(Postcode).All(char.IsAsciiDigit)) ? "邮政编码为 6 位数字。"
            : cell(Email).Length > 0 && !Domain.Applications.ApplicantRules.IsEmail(cell(Email)) ? "邮箱格式不正确。"
            : cell(IndexCode).Length > 0 && !AgencyRules.IsIndexCode(cell(IndexCode)) ? AgencyRules.IndexCodeMessage
            : null;
    }

    private static Agency Clone(Agency a) => new()
    {
        Id = a.Id, ParentId = a.ParentId, Name = a.Name, ShortCode = a.ShortCode, Level = a.Level, Kind = a.Kind, OfficeName = a.OfficeName, OfficeAddress = a.OfficeAddress,
        OfficePostcode = a.OfficePostcode, OfficeHours = a.OfficeHours, OfficePhone = a.OfficePhone, OfficeFax = a.OfficeFax, OfficeEmail = a.OfficeEmail, IndexCode = a.IndexCode,
    };

    private static List<string> Differences(Agency before, Agency after, Dictionary<string, Agency> stored)
    {
        string ParentCode(int? id) => stored.Values.FirstOrDefault(a => a.Id == id)?.ShortCode ?? "（新）";
        var changes = new List<string>();
        void Compare(string label, string? a, string? b)
        {
            if ((a ?? "") != (b ?? ""))
            {
                changes.Add($"{label}：{(string.IsNullOrEmpty(a) ? "（空）" : a)} → {b}");
            }
        }
        Compare(Name, before.Name, after.Name);
        Compare(Kind, before.Kind.Label(), after.Kind.Label());
        Compare(Level, before.Level.Label(), after.Level.Label());
        if (before.ParentId != after.ParentId)
        {
            changes.Add($"{Parent}：{ParentCode(before.ParentId)} → {ParentCode(after.ParentId)}");
        }
        Compare(OfficeName, before.OfficeName, after.OfficeName);
        Compare(Address, before.OfficeAddress, after.OfficeAddress);
        Compare(Postcode, before.OfficePostcode, after.OfficePostcode);
        Compare(Hours, before.OfficeHours, after.OfficeHours);
        Compare(Phone, before.OfficePhone, after.OfficePhone);
        Compare(Fax, before.OfficeFax, after.OfficeFax);
        Compare(Email, before.OfficeEmail, after.OfficeEmail);
        Compare(IndexCode, before.IndexCode, after.IndexCode);
        return changes;
    }
}
