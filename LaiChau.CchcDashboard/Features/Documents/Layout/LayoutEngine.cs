namespace LaiChau.CchcDashboard.Features.Documents.Layout;

public abstract record DrawOp;

public sealed record TextOp(double X, double Baseline, string Text, FontKey Font) : DrawOp;

public sealed record LineOp(double X1, double Y1, double X2, double Y2, double Thickness = 0.5, bool Dotted = false) : DrawOp;

public sealed record RectOp(double X, double Y, double Width, double Height, double Thickness = 0.5) : DrawOp;

/// <summary>
/// Places blocks on pages top to bottom and returns what to draw on each page (y grows downwards,
/// in points). Knows nothing about PDF, so the pagination rules can be tested on their own.
/// </summary>
public sealed class LayoutEngine
{
    private const double CellPadding = 3;
    private const double TableLineSpacing = 1.15;

    private readonly TextMeasurer _measurer;
    private readonly PageSetup _page;
    private readonly List<List<DrawOp>> _pages = [[]];
    private double _y;
    private int _noBreak;
    private (double Left, double Right, double Bottom)? _lastLine;

    public LayoutEngine(TextMeasurer measurer, PageSetup page)
    {
        _measurer = measurer;
        _page = page;
        _y = page.Top;
    }

    public static IReadOnlyList<IReadOnlyList<DrawOp>> Lay(DocumentSpec spec, TextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var engine = new LayoutEngine(measurer, spec.Page);
        engine.PlaceAll(spec.Blocks, spec.Page.Left, spec.Page.ContentWidth);
        engine.AddPageNumbers(spec.PageNumberSize);
        return engine._pages;
    }

    /// <summary>The height the blocks take at this width, laid out without page breaks.</summary>
    public static double Measure(IReadOnlyList<Block> blocks, double width, TextMeasurer measurer)
    {
        var engine = new LayoutEngine(measurer, new PageSetup(width, double.MaxValue / 4, 0, 0, 0, 0)) { _noBreak = 1 };
        engine.PlaceAll(blocks, 0, width);
        return engine._y;
    }

    private double Bottom => _page.ContentBottom;
    private double PageContentHeight => _page.ContentBottom - _page.Top;
    private bool AtPageTop => _y <= _page.Top + 0.01;
    private List<DrawOp> Ops => _pages[^1];

    private void NewPage()
    {
        _pages.Add([]);
        _y = _page.Top;
        _lastLine = null;
    }

    private void PlaceAll(IReadOnlyList<Block> blocks, double x, double width)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (_noBreak == 0 && blocks[i] is Paragraph { Style.KeepWithNext: true } heading && i + 1 < blocks.Count)
            {
                var need = Measure([heading], width, _measurer) + MinimumHeight(blocks[i + 1], width);
                if (_y + need > Bottom && !AtPageTop)
                {
                    NewPage();
                }
            }
            Place(blocks[i], x, width);
        }
    }

    /// <summary>What must follow a heading on its page: a paragraph's first line, a table's header and first row.</summary>
    private double MinimumHeight(Block next, double width) => next switch
    {
        Paragraph p => p.Style.SpaceBefore + (p.Style.FontSize * p.Style.LineSpacing),
        Table t => Measure([t with { Rows = [.. t.Rows.Take(1)] }], width, _measurer),
        KeepTogether k => Measure(k.Blocks, width, _measurer),
        _ => 0,
    };

    private void Place(Block block, double x, double width)
    {
        switch (block)
        {
            case Paragraph p:
                PlaceParagraph(p, x, width);
                break;
            case Rule r:
                PlaceRule(r);
                break;
            case DottedLines d:
                PlaceDottedLines(d, x, width);
                break;
            case Spacer s:
                _y = _noBreak == 0 && _y + s.Height > Bottom ? Bottom : _y + s.Height;
                break;
            case PageBreak:
                if (_noBreak == 0 && !AtPageTop)
                {
                    NewPage();
                }
                break;
            case KeepTogether k:
                var height = Measure(k.Blocks, width, _measurer);
                if (_noBreak == 0 && _y + height > Bottom && !AtPageTop && height <= PageContentHeight)
                {
                    NewPage();
                }
                PlaceAll(k.Blocks, x, width);
                break;
            case Columns c:
                PlaceColumns(c, x, width);
                break;
            case Stamp s:
                PlaceStamp(s, x, width);
                break;
            case Table t:
                PlaceTable(t, x, width);
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    private void PlaceParagraph(Paragraph p, double x, double width)
    {
        var style = p.Style;
        if (!AtPageTop)
        {
            _y += style.SpaceBefore;
        }
        var lineHeight = style.FontSize * style.LineSpacing;
        _lastLine = null;
        foreach (var line in TextLayout.Break(p.Runs, style, width, _measurer))
        {
            if (_noBreak == 0 && _y + lineHeight > Bottom && !AtPageTop)
            {
                NewPage();
            }
            DrawLine(line, x, _y);
            _y += lineHeight;
            if (line.Pieces.Count > 0)
            {
                var last = line.Pieces[^1];
                // A rule goes under the paragraph's last line, as wide as a fraction of its widest line.
                var left = x + line.Pieces[0].X;
                var right = x + last.X + _measurer.Width(last.Text.TrimEnd(), last.Font);
                var bottom = _y;
                _lastLine = _lastLine is { } previous && previous.Right - previous.Left > right - left
                    ? previous with { Bottom = bottom }
                    : (left, right, bottom);
            }
        }
        _y += style.SpaceAfter;
    }

    private void DrawLine(TextLine line, double x, double top)
    {
        var ascent = line.Pieces.Count == 0 ? 0 : _measurer.Ascent(line.Pieces[0].Font);
        foreach (var piece in line.Pieces)
        {
            Ops.Add(new TextOp(x + piece.X, top + ascent, piece.Text, piece.Font));
        }
    }

    private void PlaceRule(Rule rule)
    {
        if (_lastLine is not { } last)
        {
            return;
        }
        var length = (last.Right - last.Left) * rule.Fraction;
        var centre = (last.Left + last.Right) / 2;
        var y = last.Bottom + 1.5;
        Ops.Add(new LineOp(centre - (length / 2), y, centre + (length / 2), y, 0.75));
        _y = Math.Max(_y, y + rule.SpaceAfter);
    }

    private void PlaceDottedLines(DottedLines d, double x, double width)
    {
        var lineHeight = d.FontSize * 1.5;
        for (var i = 0; i < d.Count; i++)
        {
            if (_noBreak == 0 && _y + lineHeight > Bottom && !AtPageTop)
            {
                NewPage();
            }
            _y += lineHeight;
            Ops.Add(new LineOp(x, _y - 3, x + width, _y - 3, 0.75, Dotted: true));
        }
        _y += 6;
    }

    private void PlaceColumns(Columns c, double x, double width)
    {
        var total = c.Items.Sum(i => i.Fraction);
        var height = c.Items.Max(i => Measure(i.Blocks, width * i.Fraction / total, _measurer));
        if (_noBreak == 0 && _y + height > Bottom && !AtPageTop)
        {
            NewPage();
        }
        var top = _y;
        var left = x;
        _noBreak++;
        foreach (var column in c.Items)
        {
            var columnWidth = width * column.Fraction / total;
            _y = top;
            _lastLine = null;
            PlaceAll(column.Blocks, left, columnWidth);
            left += columnWidth;
        }
        _noBreak--;
        _lastLine = null;
        _y = top + height + c.SpaceAfter;
    }

    private void PlaceStamp(Stamp s, double x, double width)
    {
        var font = new FontKey(s.FontSize, Bold: true, Italic: false);
        var textWidth = _measurer.Width(s.Text, font);
        var boxWidth = textWidth + 16;
        var boxHeight = s.FontSize * 1.7;
        var left = x + width - boxWidth;
        Ops.Add(new RectOp(left, _y, boxWidth, boxHeight, 1));
        Ops.Add(new TextOp(left + 8, _y + ((boxHeight - s.FontSize) / 2) + _measurer.Ascent(font) - (s.FontSize * 0.05), s.Text, font));
        _y += boxHeight + 6;
    }

    private void PlaceTable(Table table, double x, double width)
    {
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => width * c.Weight / totalWeight).ToArray();
        var lineHeight = table.FontSize * TableLineSpacing;
        IReadOnlyList<TextLine>[] Cells(IReadOnlyList<IReadOnlyList<Run>> cells, bool bold, bool header) =>
            [.. cells.Select((runs, i) => TextLayout.Break(
                [.. runs.Select(r => bold ? r with { Bold = true } : r)],
                new ParagraphStyle(table.FontSize, header ? TextAlign.Center : table.Columns[i].Align, SpaceAfter: 0, LineSpacing: TableLineSpacing),
                widths[i] - (2 * CellPadding), _measurer))];

        var header = Cells([.. table.Columns.Select(c => (IReadOnlyList<Run>)[new Run(c.Header)])], bold: true, header: true);
        var headerHeight = Height(header);
        double Height(IReadOnlyList<TextLine>[] cells) => (cells.Max(c => c.Count) * lineHeight) + (2 * CellPadding);

        void DrawFragment(IReadOnlyList<TextLine>[] cells, int[] from, int count)
        {
            var rowHeight = (count * lineHeight) + (2 * CellPadding);
            var left = x;
            for (var i = 0; i < cells.Length; i++)
            {
                Ops.Add(new RectOp(left, _y, widths[i], rowHeight));
                var lines = cells[i].Skip(from[i]).Take(count).ToList();
                for (var l = 0; l < lines.Count; l++)
                {
                    DrawLine(lines[l], left + CellPadding, _y + CellPadding + (l * lineHeight) + ((lineHeight - table.FontSize) / 2) - (table.FontSize * 0.1));
                }
                left += widths[i];
            }
            _y += rowHeight;
        }

        void DrawHeader() => DrawFragment(header, new int[header.Length], header.Max(c => c.Count));

        var firstRow = table.Rows.Count > 0 ? Height(Cells(table.Rows[0].Cells, table.Rows[0].Bold, false)) : 0;
        if (_noBreak == 0 && _y + headerHeight + Math.Min(firstRow, lineHeight + (2 * CellPadding)) > Bottom && !AtPageTop)
        {
            NewPage();
        }
        DrawHeader();
        foreach (var row in table.Rows)
        {
            var cells = Cells(row.Cells, row.Bold, false);
            var lines = cells.Max(c => c.Count);
            var rowHeight = Height(cells);
            if (_noBreak > 0 || _y + rowHeight <= Bottom)
            {
                DrawFragment(cells, new int[cells.Length], lines);
                continue;
            }
            if (rowHeight <= PageContentHeight - headerHeight)
            {
                NewPage();
                DrawHeader();
                DrawFragment(cells, new int[cells.Length], lines);
                continue;
            }
            // Taller than a page: split between lines, the header repeated above each part.
            var done = 0;
            while (done < lines)
            {
                var fits = (int)Math.Floor((Bottom - _y - (2 * CellPadding)) / lineHeight);
                if (fits < 1)
                {
                    NewPage();
                    DrawHeader();
                    continue;
                }
                var take = Math.Min(fits, lines - done);
                DrawFragment(cells, [.. cells.Select(_ => done)], take);
                done += take;
                if (done < lines)
                {
                    NewPage();
                    DrawHeader();
                }
            }
        }
        _y += table.SpaceAfter;
        _lastLine = null;
    }

    private void AddPageNumbers(double size)
    {
        var font = new FontKey(size, Bold: false, Italic: false);
        for (var i = 1; i < _pages.Count; i++)
        {
            var text = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var x = _page.Left + ((_page.ContentWidth - _measurer.Width(text, font)) / 2);
            var baseline = (_page.Top / 2) + (size * 0.35);
            _pages[i].Add(new TextOp(x, baseline, text, font));
        }
    }
}
