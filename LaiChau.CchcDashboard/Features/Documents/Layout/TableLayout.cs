namespace LaiChau.CchcDashboard.Features.Documents.Layout;

/// <summary>A row broken into lines, cell by cell.</summary>
public sealed record MeasuredRow(IReadOnlyList<IReadOnlyList<TextLine>> Cells)
{
    public int Lines => Cells.Max(c => c.Count);
}

/// <summary>
/// A table measured for a width: column widths from the weights, each row's cells broken into
/// lines, and the drawing of a row or of a part of one. Where rows go (which page, when to repeat
/// the header) is the engine's pagination.
/// </summary>
public sealed class TableLayout
{
    /// <summary>Space between a cell's border and its text (pt).</summary>
    public const double CellPadding = 3;

    /// <summary>Line height in a cell as a multiple of the font size: tighter than body text.</summary>
    public const double LineSpacing = 1.15;

    /// <summary>Lifts the text in its line by this fraction of the font size, so it looks centred between the borders.</summary>
    public const double BaselineLift = 0.1;

    /// <summary>Cell borders (pt).</summary>
    public const double BorderThickness = 0.5;

    private readonly Table _table;
    private readonly ITextMeasurer _measurer;

    public TableLayout(Table table, double width, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _measurer = measurer;
        var totalWeight = table.Columns.Sum(c => c.Weight);
        Widths = [.. table.Columns.Select(c => width * c.Weight / totalWeight)];
        LineHeight = table.FontSize * LineSpacing;
        Header = Break([.. table.Columns.Select(c => (IReadOnlyList<Run>)[new Run(c.Header)])], bold: true, header: true);
    }

    public IReadOnlyList<double> Widths { get; }

    public double LineHeight { get; }

    /// <summary>Column headers: bold and centred.</summary>
    public MeasuredRow Header { get; }

    public double HeaderHeight => Height(Header.Lines);

    public MeasuredRow Measure(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Break(row.Cells, row.Bold, header: false);
    }

    /// <summary>The height of a row part of <paramref name="lines"/> lines, padding included.</summary>
    public double Height(int lines) => (lines * LineHeight) + (2 * CellPadding);

    /// <summary>How many lines of a row fit in <paramref name="space"/> points.</summary>
    public int LinesThatFit(double space) => (int)Math.Floor((space - (2 * CellPadding)) / LineHeight);

    /// <summary>Borders and text of lines <paramref name="from"/> … <paramref name="from"/>+<paramref name="count"/> of a row.</summary>
    public IEnumerable<DrawOp> Draw(MeasuredRow row, int from, int count, double x, double top)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rowHeight = Height(count);
        var left = x;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            yield return new RectOp(left, top, Widths[i], rowHeight, BorderThickness);
            var lines = row.Cells[i].Skip(from).Take(count).ToList();
            for (var l = 0; l < lines.Count; l++)
            {
                var lineTop = top + CellPadding + (l * LineHeight) + ((LineHeight - _table.FontSize) / 2) - (_table.FontSize * BaselineLift);
                foreach (var op in LayoutEngine.TextOps(lines[l], left + CellPadding, lineTop, _measurer))
                {
                    yield return op;
                }
            }
            left += Widths[i];
        }
    }

    private MeasuredRow Break(IReadOnlyList<IReadOnlyList<Run>> cells, bool bold, bool header) =>
        new([.. cells.Select((runs, i) => TextLayout.Break(
            [.. runs.Select(r => bold ? r with { Bold = true } : r)],
            new ParagraphStyle(_table.FontSize, header ? TextAlign.Center : _table.Columns[i].Align, SpaceAfter: 0, LineSpacing: LineSpacing),
            Widths[i] - (2 * CellPadding), _measurer))]);
}
