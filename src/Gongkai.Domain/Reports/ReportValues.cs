namespace Gongkai.Domain.Reports;

/// <summary>The values of a report's cells. A cell that is not here is blank.</summary>
public sealed class ReportValues
{
    private readonly Dictionary<CellKey, CellValue> _cells = new();

    public ReportValues()
    {
    }

    public ReportValues(IEnumerable<KeyValuePair<CellKey, CellValue>> cells)
    {
        foreach (var (key, value) in cells)
        {
            Set(key, value);
        }
    }

    public int Count => _cells.Count;

    public IEnumerable<KeyValuePair<CellKey, CellValue>> All => _cells;

    public CellValue? this[CellKey key] => _cells.GetValueOrDefault(key);

    public decimal? Number(CellKey key) => _cells.GetValueOrDefault(key)?.Number;

    public bool IsBlank(CellKey key) => !_cells.ContainsKey(key);

    /// <summary>Sets a cell; a null or empty value makes it blank.</summary>
    public void Set(CellKey key, CellValue? value)
    {
        if (value is null || (value.Number is null && string.IsNullOrEmpty(value.Text)))
        {
            _cells.Remove(key);
        }
        else
        {
            _cells[key] = value;
        }
    }

    public void Set(CellKey key, decimal number) => Set(key, CellValue.Of(number));

    public ReportValues Copy() => new(_cells);
}
