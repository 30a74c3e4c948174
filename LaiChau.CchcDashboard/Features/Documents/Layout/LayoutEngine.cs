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
    /// <summary>A rule sits this far below the bottom of the line it underlines (pt).</summary>
    private const double RuleGap = 1.5;
    private const double RuleThickness = 0.75;

    /// <summary>Dotted lines to write on are spaced 1.5 lines apart, the dots 3 pt above the line's foot.</summary>
    private const double DottedLineSpacing = 1.5;
    private const double DottedLineRise = 3;
    private const double DottedLinesSpaceAfter = 6;

    /// <summary>The "DỰ THẢO" box: text padding left and right, box height as a multiple of the font size.</summary>
    private const double StampPadding = 8;
    private const double StampHeightRatio = 1.7;
    private const double StampSpaceAfter = 6;

    private readonly ITextMeasurer _measurer;
    private readonly PageSetup _page;
    private readonly List<List<DrawOp>> _pages = [[]];
    private double _y;
    private int _noBreak;
    private (double Left, double Right, double Bottom)? _lastLine;

    public LayoutEngine(ITextMeasurer measurer, PageSetup page)
    {
        _measurer = measurer;
        _page = page;
        _y = page.Top;
    }

    public static IReadOnlyList<IReadOnlyList<DrawOp>> Lay(DocumentSpec spec, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var engine = new LayoutEngine(measurer, spec.Page);
        engine.PlaceAll(spec.Blocks, spec.Page.Left, spec.Page.ContentWidth);
        if (spec.PageNumbers is { } numbering)
        {
            engine.AddPageNumbers(numbering);
        }
        return engine._pages;
    }

    /// <summary>The height the blocks take at this width, laid out without page breaks.</summary>
    public static double Measure(IReadOnlyList<Block> blocks, double width, ITextMeasurer measurer)
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

    private void DrawLine(TextLine line, double x, double top) => Ops.AddRange(TextOps(line, x, top, _measurer));

    /// <summary>A laid-out line as text operations, its line box's top at <paramref name="top"/>.</summary>
    internal static IEnumerable<DrawOp> TextOps(TextLine line, double x, double top, ITextMeasurer measurer)
    {
        var ascent = line.Pieces.Count == 0 ? 0 : measurer.Ascent(line.Pieces[0].Font);
        return line.Pieces.Select(piece => new TextOp(x + piece.X, top + ascent, piece.Text, piece.Font));
    }

    private void PlaceRule(Rule rule)
    {
        if (_lastLine is not { } last)
        {
            return;
        }
        var length = (last.Right - last.Left) * rule.Fraction;
        var centre = (last.Left + last.Right) / 2;
        var y = last.Bottom + RuleGap;
        Ops.Add(new LineOp(centre - (length / 2), y, centre + (length / 2), y, RuleThickness));
        _y = Math.Max(_y, y + rule.SpaceAfter);
    }

    private void PlaceDottedLines(DottedLines d, double x, double width)
    {
        var lineHeight = d.FontSize * DottedLineSpacing;
        for (var i = 0; i < d.Count; i++)
        {
            if (_noBreak == 0 && _y + lineHeight > Bottom && !AtPageTop)
            {
                NewPage();
            }
            _y += lineHeight;
            Ops.Add(new LineOp(x, _y - DottedLineRise, x + width, _y - DottedLineRise, RuleThickness, Dotted: true));
        }
        _y += DottedLinesSpaceAfter;
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
        var boxWidth = textWidth + (2 * StampPadding);
        var boxHeight = s.FontSize * StampHeightRatio;
        var left = x + width - boxWidth;
        Ops.Add(new RectOp(left, _y, boxWidth, boxHeight, 1));
        Ops.Add(new TextOp(left + StampPadding, _y + ((boxHeight - s.FontSize) / 2) + _measurer.Ascent(font) - (s.FontSize * 0.05), s.Text, font));
        _y += boxHeight + StampSpaceAfter;
    }

    /// <summary>
    /// Rows go whole to the next page when they fit there, and are split between lines only when
    /// taller than a page; the header row is drawn again at the top of each page.
    /// </summary>
    private void PlaceTable(Table table, double x, double width)
    {
        var layout = new TableLayout(table, width, _measurer);
        void Draw(MeasuredRow row, int from, int count)
        {
            Ops.AddRange(layout.Draw(row, from, count, x, _y));
            _y += layout.Height(count);
        }
        void DrawHeader() => Draw(layout.Header, 0, layout.Header.Lines);

        var firstRow = table.Rows.Count > 0 ? layout.Height(layout.Measure(table.Rows[0]).Lines) : 0;
        if (_noBreak == 0 && _y + layout.HeaderHeight + Math.Min(firstRow, layout.Height(1)) > Bottom && !AtPageTop)
        {
            NewPage();
        }
        DrawHeader();
        foreach (var row in table.Rows.Select(layout.Measure))
        {
            var lines = row.Lines;
            var rowHeight = layout.Height(lines);
            if (_noBreak > 0 || _y + rowHeight <= Bottom)
            {
                Draw(row, 0, lines);
                continue;
            }
            if (rowHeight <= PageContentHeight - layout.HeaderHeight)
            {
                NewPage();
                DrawHeader();
                Draw(row, 0, lines);
                continue;
            }
            var done = 0;
            while (done < lines)
            {
                var fits = layout.LinesThatFit(Bottom - _y);
                if (fits < 1)
                {
                    NewPage();
                    DrawHeader();
                    continue;
                }
                var take = Math.Min(fits, lines - done);
                Draw(row, done, take);
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

    private void AddPageNumbers(PageNumbering numbering)
    {
        var font = new FontKey(numbering.FontSize, Bold: false, Italic: false);
        for (var i = numbering.FirstNumberedPage - 1; i < _pages.Count; i++)
        {
            var text = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var x = _page.Left + ((_page.ContentWidth - _measurer.Width(text, font)) / 2);
            _pages[i].Add(new TextOp(x, numbering.Baseline, text, font));
        }
    }
}
