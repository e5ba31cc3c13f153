using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>
/// The code tables of docs/report-schema.md, written from the definitions so the document cannot
/// drift from them (a test compares the file with this output).
/// </summary>
public static class SchemaDocument
{
    public const string Begin = "<!-- BEGIN GENERATED CODES -->";
    public const string End = "<!-- END GENERATED CODES -->";

    public static string Codes()
    {
        var md = new StringBuilder();
        foreach (var format in ReportFormats.All)
        {
            md.Append($"### `{format.Code}` — {format.Name}\n\n");
            md.Append($"依据：{format.Basis}\n\n");
            md.Append("Outline: ").Append(string.Join(" / ", format.Outline.Select(p => $"`{p.Code}` {p.Heading}"))).Append("\n\n");
            foreach (var table in format.Tables)
            {
                md.Append($"#### Table `{table.Code}` — {table.Title}\n\n");
                foreach (var section in table.Sections)
                {
                    if (section.Title is not null)
                    {
                        md.Append($"**{section.Title}**\n\n");
                    }
                    md.Append("| column code | label path | kind | unit |\n|---|---|---|---|\n");
                    foreach (var column in section.LeafColumns())
                    {
                        md.Append($"| `{column.Code}` | {string.Join(" / ", ReportLabels.ColumnPath(section, column.Code))} | {column.Kind} | {column.Unit ?? ""} |\n");
                    }
                    md.Append("\n| row code | label path | unit | cells |\n|---|---|---|---|\n");
                    foreach (var row in section.Rows.SelectMany(r => r.SelfAndDescendants()))
                    {
                        var path = ReportLabels.RowPath(table, row.Code).Skip(section.Title is null ? 0 : 1);
                        md.Append($"| `{row.Code}` | {Escape(string.Join(" / ", path))} | {row.Unit ?? ""} | {(row.HasCells ? "yes" : "no")} |\n");
                    }
                    md.Append('\n');
                }
            }
            md.Append("Cross-checks:\n\n| code | severity | rule | basis |\n|---|---|---|---|\n");
            foreach (var check in format.Checks)
            {
                var relation = check.Relation switch { Relation.Equal => "=", Relation.AtMost => "≤", _ => "≥" };
                md.Append($"| `{check.Code}` | {check.Severity} | {string.Join(" + ", check.Left.Select(Short))} {relation} {string.Join(" + ", check.Right.Select(Short))} | {check.Basis} |\n");
            }
            md.Append('\n');
        }
        return md.ToString();
    }

    /// <summary>Every code of every format with its label path, one line each: the snapshot that must never lose or change a line.</summary>
    public static IEnumerable<string> CodeLines()
    {
        foreach (var format in ReportFormats.All)
        {
            foreach (var table in format.Tables)
            {
                yield return $"{format.Code}\ttable\t{table.Code}\t{table.Title}";
                foreach (var section in table.Sections)
                {
                    foreach (var column in section.LeafColumns())
                    {
                        yield return $"{format.Code}\tcolumn\t{table.Code}\t{section.Title ?? ""}\t{column.Code}\t{string.Join(" / ", ReportLabels.ColumnPath(section, column.Code))}";
                    }
                }
                foreach (var row in table.AllRows())
                {
                    yield return $"{format.Code}\trow\t{table.Code}\t{row.Code}\t{string.Join(" / ", ReportLabels.RowPath(table, row.Code))}";
                }
            }
            foreach (var check in format.Checks)
            {
                yield return $"{format.Code}\tcheck\t{check.Code}";
            }
        }
    }

    private static string Short(CellKey key) => $"{key.Row}·{key.Column}";

    private static string Escape(string s) => s.Replace("|", "\\|");
}
