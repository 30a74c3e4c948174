using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LaiChau.CchcDashboard.Features.Documents.Layout;

public readonly record struct FontKey(double Size, bool Bold, bool Italic);

/// <summary>
/// How wide a piece of text is in the document family. The layout engine and the Word writer ask
/// only this, so layout rules can be tested with a fake and no installed font.
/// </summary>
public interface ITextMeasurer
{
    double Width(string text, FontKey font);

    /// <summary>Distance from the top of a line box to its baseline.</summary>
    double Ascent(FontKey font);
}

/// <summary>Measures with PDFsharp in the resolved document font, caching widths (one per render; not thread-safe).</summary>
public sealed class PdfTextMeasurer : ITextMeasurer, IDisposable
{
    private readonly XGraphics _gfx = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<FontKey, XFont> _fonts = [];
    private readonly Dictionary<(FontKey, string), double> _widths = [];

    public XFont Font(FontKey key)
    {
        if (!_fonts.TryGetValue(key, out var font))
        {
            var style = (key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (key.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
            font = new XFont(Fonts.DocumentFontResolver.Family, key.Size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[key] = font;
        }
        return font;
    }

    public double Width(string text, FontKey font)
    {
        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = _gfx.MeasureString(text, Font(font)).Width;
            _widths[(font, text)] = width;
        }
        return width;
    }

    public double Ascent(FontKey font)
    {
        var metrics = Font(font).Metrics;
        return font.Size * metrics.Ascent / metrics.UnitsPerEm;
    }

    public void Dispose() => _gfx.Dispose();
}
