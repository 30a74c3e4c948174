namespace LaiChau.CchcDashboard.Features.Documents.Layout;

public enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>A stretch of text in one style; a paragraph is a list of runs.</summary>
public sealed record Run(string Text, bool Bold = false, bool Italic = false)
{
    public static implicit operator Run(string text) => new(text);
}

/// <summary>
/// How a paragraph looks. <paramref name="Name"/> is the role ("Body", "Heading"): the Word writer
/// turns each style into a named paragraph style, so a user's edits keep the look.
/// </summary>
public sealed record ParagraphStyle(
    double FontSize = 14,
    TextAlign Align = TextAlign.Justify,
    double FirstLineIndent = 0,
    double LeftIndent = 0,
    double SpaceBefore = 0,
    double SpaceAfter = 6,
    double LineSpacing = 1.2,
    bool KeepWithNext = false,
    string? Name = null);

public abstract record Block;

public sealed record Paragraph(IReadOnlyList<Run> Runs, ParagraphStyle Style) : Block;

/// <summary>A horizontal rule centred under the previous line, <paramref name="Fraction"/> of that line's width.</summary>
public sealed record Rule(double Fraction, double SpaceAfter = 4) : Block;

/// <summary>Lines of dots to fill in by hand.</summary>
public sealed record DottedLines(int Count, double FontSize = 14) : Block;

public sealed record Spacer(double Height) : Block;

public sealed record PageBreak : Block;

/// <summary>Blocks that move to the next page together rather than split (the signature block).</summary>
public sealed record KeepTogether(IReadOnlyList<Block> Blocks) : Block;

/// <summary>Side-by-side columns starting on the same line, never split across pages (header blocks).</summary>
public sealed record Columns(IReadOnlyList<Column> Items, double SpaceAfter = 0) : Block;

public sealed record Column(double Fraction, IReadOnlyList<Block> Blocks);

/// <summary>A bordered box of bold text at the right edge ("DỰ THẢO").</summary>
public sealed record Stamp(string Text, double FontSize = 14) : Block;

/// <summary>
/// A bordered table whose header row repeats on every page. A row that does not fit the rest of a
/// page moves whole to the next page; a row taller than a whole page is split between its lines.
/// </summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows, double FontSize = 12, double SpaceAfter = 6) : Block;

public sealed record TableColumn(string Header, double Weight, TextAlign Align = TextAlign.Left);

public sealed record TableRow(IReadOnlyList<IReadOnlyList<Run>> Cells, bool Bold = false)
{
    public static TableRow Of(params string[] cells) => new([.. cells.Select(c => (IReadOnlyList<Run>)[new Run(c)])]);

    public static TableRow BoldOf(params string[] cells) => new([.. cells.Select(c => (IReadOnlyList<Run>)[new Run(c)])], Bold: true);
}

/// <summary>A page size and its margins, in points.</summary>
public sealed record PageSetup(double Width, double Height, double Top, double Bottom, double Left, double Right)
{
    public const double PointsPerMm = 72 / 25.4;

    public static double Mm(double mm) => mm * PointsPerMm;

    public double ContentWidth => Width - Left - Right;
    public double ContentBottom => Height - Bottom;
}

/// <summary>
/// Page numbers centred over the text column, their baseline <paramref name="Baseline"/> points
/// from the top of the page, from page <paramref name="FirstNumberedPage"/> on.
/// </summary>
public sealed record PageNumbering(double FontSize, int FirstNumberedPage, double Baseline);

/// <summary>A whole document: metadata, page, page numbers (if any) and blocks, top to bottom.</summary>
public sealed record DocumentSpec(string Title, string Author, DateTimeOffset CreatedAt, IReadOnlyList<Block> Blocks, PageSetup Page)
{
    public PageNumbering? PageNumbers { get; init; }
}
