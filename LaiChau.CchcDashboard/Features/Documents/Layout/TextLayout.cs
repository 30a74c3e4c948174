using System.Text;

namespace LaiChau.CchcDashboard.Features.Documents.Layout;

/// <summary>A piece of a line: text in one style at an offset from the line's start.</summary>
public sealed record LinePiece(double X, string Text, FontKey Font);

public sealed record TextLine(IReadOnlyList<LinePiece> Pieces, double Width, double FontSize);

/// <summary>Greedy line breaking with justification; pieces are positioned, so drawing is trivial.</summary>
public static class TextLayout
{
    private sealed record Piece(string Text, FontKey Font, double Width);

    private sealed record Word(List<Piece> Pieces, double Width, bool ForcedBreakBefore);

    public static IReadOnlyList<TextLine> Break(IReadOnlyList<Run> runs, ParagraphStyle style, double width, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(measurer);
        var words = Words(runs, style.FontSize, width - style.LeftIndent - style.FirstLineIndent, measurer);
        var lines = new List<List<Word>>();
        var breaksAfter = new List<bool>();
        var current = new List<Word>();
        var used = 0.0;
        foreach (var word in words)
        {
            var available = width - style.LeftIndent - (lines.Count == 0 ? style.FirstLineIndent : 0);
            var space = current.Count == 0 ? 0 : SpaceWidth(word, measurer);
            if (current.Count > 0 && (word.ForcedBreakBefore || used + space + word.Width > available + 0.01))
            {
                lines.Add(current);
                breaksAfter.Add(word.ForcedBreakBefore);
                current = [];
                used = 0;
                space = 0;
            }
            current.Add(word);
            used += space + word.Width;
        }
        if (current.Count > 0 || lines.Count == 0)
        {
            lines.Add(current);
            breaksAfter.Add(true);
        }

        var result = new List<TextLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var indent = style.LeftIndent + (i == 0 ? style.FirstLineIndent : 0);
            var available = width - indent;
            var line = lines[i];
            var natural = line.Sum(w => w.Width) + line.Skip(1).Sum(w => SpaceWidth(w, measurer));
            var justify = style.Align == TextAlign.Justify && !breaksAfter[i] && line.Count > 1;
            var gapExtra = justify ? (available - natural) / (line.Count - 1) : 0;
            var x = indent + style.Align switch
            {
                TextAlign.Center => Math.Max(0, (available - natural) / 2),
                TextAlign.Right => Math.Max(0, available - natural),
                _ => 0,
            };
            var pieces = new List<LinePiece>();
            for (var w = 0; w < line.Count; w++)
            {
                if (w > 0)
                {
                    x += SpaceWidth(line[w], measurer) + gapExtra;
                }
                foreach (var piece in line[w].Pieces)
                {
                    // A trailing space keeps the words apart when the text is copied out of the PDF.
                    var text = w < line.Count - 1 && piece == line[w].Pieces[^1] ? piece.Text + " " : piece.Text;
                    pieces.Add(new LinePiece(x, text, piece.Font));
                    x += piece.Width;
                }
            }
            result.Add(new TextLine(pieces, justify ? available : natural, style.FontSize));
        }
        return result;
    }

    private static double SpaceWidth(Word word, ITextMeasurer measurer) => measurer.Width(" ", word.Pieces[0].Font);

    private static List<Word> Words(IReadOnlyList<Run> runs, double size, double firstLineWidth, ITextMeasurer measurer)
    {
        var words = new List<Word>();
        List<Piece>? open = null;
        var forced = false;
        void Close()
        {
            if (open is { Count: > 0 })
            {
                words.Add(new Word(open, open.Sum(p => p.Width), forced));
                forced = false;
            }
            open = null;
        }
        foreach (var run in runs)
        {
            var font = new FontKey(size, run.Bold, run.Italic);
            var text = Fonts.DocumentFontResolver.Printable(run.Text).Replace("\r", "", StringComparison.Ordinal);
            var token = new StringBuilder();
            foreach (var ch in text)
            {
                if (ch == '\n')
                {
                    Flush(token, font);
                    Close();
                    forced = true;
                }
                else if (char.IsWhiteSpace(ch) && ch != '\u00A0')
                {
                    Flush(token, font);
                    Close();
                }
                else
                {
                    token.Append(ch);
                }
            }
            Flush(token, font);
        }
        Close();
        return SplitOverlong(words, firstLineWidth, measurer);

        void Flush(StringBuilder token, FontKey font)
        {
            if (token.Length == 0)
            {
                return;
            }
            var s = token.ToString();
            open ??= [];
            open.Add(new Piece(s, font, measurer.Width(s, font)));
            token.Clear();
        }
    }

    /// <summary>A word wider than a line (a long address, a link) is cut between characters.</summary>
    private static List<Word> SplitOverlong(List<Word> words, double width, ITextMeasurer measurer)
    {
        if (words.TrueForAll(w => w.Width <= width))
        {
            return words;
        }
        var result = new List<Word>();
        foreach (var word in words)
        {
            if (word.Width <= width || word.Pieces.Count != 1)
            {
                result.Add(word);
                continue;
            }
            var piece = word.Pieces[0];
            var forced = word.ForcedBreakBefore;
            var elements = System.Globalization.StringInfo.ParseCombiningCharacters(piece.Text);
            var chunkStart = 0;
            for (var i = 1; i <= elements.Length; i++)
            {
                var end = i < elements.Length ? elements[i] : piece.Text.Length;
                var candidate = piece.Text[elements[chunkStart]..end];
                if (measurer.Width(candidate, piece.Font) > width && i - 1 > chunkStart)
                {
                    var chunk = piece.Text[elements[chunkStart]..elements[i - 1]];
                    result.Add(new Word([new Piece(chunk, piece.Font, measurer.Width(chunk, piece.Font))], measurer.Width(chunk, piece.Font), forced));
                    forced = false;
                    chunkStart = i - 1;
                }
            }
            var rest = piece.Text[elements[chunkStart]..];
            result.Add(new Word([new Piece(rest, piece.Font, measurer.Width(rest, piece.Font))], measurer.Width(rest, piece.Font), forced));
        }
        return result;
    }
}
