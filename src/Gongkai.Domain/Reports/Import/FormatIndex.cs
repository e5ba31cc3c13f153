using System.Collections.Concurrent;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// What the aligner looks up for a format, computed once per format: every row with its
/// normalised label, section and parent; every section's header labels and width.
/// </summary>
internal sealed class FormatIndex
{
    private static readonly ConcurrentDictionary<string, FormatIndex> Cache = new();

    public sealed record Entry(TableDef Table, SectionDef Section, RowDef Row, string Label, int Width);

    public sealed record SectionEntry(TableDef Table, SectionDef Section, string? Title, HashSet<string> HeaderLabels, int Width);

    public IReadOnlyList<Entry> All { get; }
    public IReadOnlyList<SectionEntry> Sections { get; }
    public IReadOnlyList<int> Widths { get; }
    public string? LabelHeader { get; }

    /// <summary>Every normalised label a header row of this format may print.</summary>
    public HashSet<string> AllHeaderLabels { get; }

    /// <summary>The header labels one to a line: a piece of any of them is found with one search.</summary>
    public string HeaderText { get; }

    private readonly Dictionary<SectionDef, string> _groupText = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<RowDef, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RowDef, RowDef?> _parents = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SectionDef, IReadOnlyList<Entry>> _sectionRows = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<Entry>> _byLabel = new();

    /// <summary>Every row in the order of its label, with its place in <see cref="All"/>: the rows a cut-off label may name are neighbours.</summary>
    private readonly (int Index, Entry Item)[] _byPrefix;

    private FormatIndex(ReportFormat format)
    {
        var all = new List<Entry>();
        var sections = new List<SectionEntry>();
        foreach (var table in format.Tables)
        {
            foreach (var section in table.Sections)
            {
                var width = section.LeafColumns().Count;
                var rows = new List<Entry>();
                void Walk(RowDef row, RowDef? parent)
                {
                    _parents[row] = parent;
                    var entry = new Entry(table, section, row, LabelText.Normalize(row.Label), width);
                    _entries[row] = entry;
                    rows.Add(entry);
                    foreach (var child in row.Children)
                    {
                        Walk(child, row);
                    }
                }
                foreach (var row in section.Rows)
                {
                    Walk(row, null);
                }
                _sectionRows[section] = rows;
                _groupText[section] = string.Join("\n", rows.Where(r => r.Row.Children.Count > 0).Select(r => r.Label));
                all.AddRange(rows);
                var headers = Flatten(section.Columns).Concat([section.LabelHeader, table.CornerNote]).OfType<string>().Select(LabelText.Normalize).ToHashSet();
                sections.Add(new SectionEntry(table, section, section.Title is null ? null : LabelText.Normalize(section.Title), headers, width));
            }
        }
        All = all;
        _byPrefix = [.. all.Index().OrderBy(e => e.Item.Label, StringComparer.Ordinal)];
        foreach (var entry in all)
        {
            if (!_byLabel.TryGetValue(entry.Label, out var list))
            {
                _byLabel[entry.Label] = list = [];
            }
            list.Add(entry);
        }
        Sections = sections;
        Widths = sections.Select(s => s.Width).Distinct().ToList();
        AllHeaderLabels = sections.SelectMany(s => s.HeaderLabels).ToHashSet();
        HeaderText = string.Join("\n", AllHeaderLabels);
        AllGroupText = string.Join("\n", _groupText.Values);
        LabelHeader = format.Tables.SelectMany(t => t.Sections).Select(s => s.LabelHeader).FirstOrDefault(h => h is not null);
    }

    /// <summary>The rows a normalised printed label may name: equal, or (cut off) the start of the official label.</summary>
    public IReadOnlyList<Entry> Named(string label)
    {
        if (_byLabel.TryGetValue(label, out var exact))
        {
            return exact;
        }
        // Agencies print the 2021 template's 行政规范性文件 as 规范性文件; the 2019 template's own row keeps its label.
        if (_byLabel.TryGetValue("行政" + label, out var shortened))
        {
            return shortened;
        }
        if (label.Length < LabelText.MinimumPrefix)
        {
            return [];
        }
        var (low, high) = (0, _byPrefix.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(_byPrefix[middle].Item.Label, label) < 0 ? (middle + 1, high) : (low, middle);
        }
        var named = new List<(int Index, Entry Item)>();
        for (var i = low; i < _byPrefix.Length && _byPrefix[i].Item.Label.StartsWith(label, StringComparison.Ordinal); i++)
        {
            named.Add(_byPrefix[i]);
        }
        return named.Count == 0 ? [] : named.OrderBy(e => e.Index).Select(e => e.Item).ToList();
    }

    public static FormatIndex For(ReportFormat format) => Cache.GetOrAdd(format.Code, _ => new FormatIndex(format));

    public Entry this[RowDef row] => _entries[row];

    public RowDef? ParentOf(RowDef row) => _parents[row];

    public IReadOnlyList<Entry> RowsOf(SectionDef section) => _sectionRows[section];

    /// <summary>The labels of a section's group rows (rows with children), one to a line.</summary>
    public string GroupText(SectionDef section) => _groupText[section];

    /// <summary>The labels of every group row of the format, one to a line.</summary>
    public string AllGroupText { get; }

    public IEnumerable<Entry> Children(RowDef row) => row.Children.Select(c => _entries[c]);

    public IEnumerable<Entry> Roots(SectionDef section) => section.Rows.Select(r => _entries[r]);

    private static IEnumerable<string> Flatten(IEnumerable<ColumnDef> columns) => columns.SelectMany(c => (IEnumerable<string>)[c.Label, .. Flatten(c.Children)]);
}
