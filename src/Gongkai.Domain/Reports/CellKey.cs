namespace Gongkai.Domain.Reports;

/// <summary>Where a value sits: table code, row code, column code.</summary>
public readonly record struct CellKey(string Table, string Row, string Column)
{
    public override string ToString() => $"{Table}/{Row}/{Column}";
}
