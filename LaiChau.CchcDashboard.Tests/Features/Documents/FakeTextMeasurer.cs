using LaiChau.CchcDashboard.Features.Documents.Layout;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

/// <summary>
/// A monospaced stand-in for the document font: every character is half the font size wide
/// (bold a tenth wider), the ascent 0.8 of the size. Layout rules tested with it need no font.
/// </summary>
public sealed class FakeTextMeasurer : ITextMeasurer
{
    public const double Advance = 0.5;
    public const double BoldAdvance = 0.55;

    public double Width(string text, FontKey font) => text.Length * font.Size * (font.Bold ? BoldAdvance : Advance);

    public double Ascent(FontKey font) => font.Size * 0.8;
}
