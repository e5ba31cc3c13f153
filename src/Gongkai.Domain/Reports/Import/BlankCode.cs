namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Why a cell of an imported report is blank: every blank cell carries one (<see cref="BlankCell.Code"/>),
/// tests and the import's JSON name it; the cell's sentence (<see cref="BlankCell.Reason"/>) says it
/// in Chinese with the row's particulars.
/// </summary>
public enum BlankCode
{
    /// <summary>The report does not print the cell (its row, or the row's figures, are not there).</summary>
    NotPrinted,

    /// <summary>The row, its table or its part's title is not found in run-together text.</summary>
    RowNotFound,

    /// <summary>A row prints fewer (or more) figures than its columns: which figure is in which column is not certain.</summary>
    ShortRow,

    /// <summary>A row's figures are printed in two places (beside both lines of a wrapped label): which columns are on which line is not printed.</summary>
    SplitOverTwoLines,

    /// <summary>A one-row table prints more than one line of figures: a figure wrapped inside its narrow column.</summary>
    WrappedInColumn,

    /// <summary>Figures run together split into several different rows of figures, none certain (<see cref="RowSplits"/>).</summary>
    SplitAmbiguous,

    /// <summary>Figures run together cannot be split into the row's columns at all, or have too many splits to try.</summary>
    SplitImpossible,

    /// <summary>The figures placed in a row break the row's own declared equality (总计 = the sum of its parts): <see cref="PlacementGuard"/>.</summary>
    RowCheckBroken,
}
