using PdfSharp.Fonts;

namespace LaiChau.CchcDashboard.Features.Documents.Fonts;

/// <summary>
/// PDFsharp's font resolver is process-wide and may be set only once, so the first usable font set
/// found is the one every document is set in. All documents ask for the one family <see cref="Family"/>.
/// </summary>
public sealed class DocumentFontResolver : IFontResolver
{
    public const string Family = "CchcSerif";

    private static readonly Lock Gate = new();
    private static readonly DocumentFontResolver Instance = new();
    private static FontSet? _fonts;

    private DocumentFontResolver()
    {
    }

    public static void Install(FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        lock (Gate)
        {
            if (_fonts is not null)
            {
                return;
            }
            _fonts = fonts;
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new($"{Family}#{(bold ? "b" : "")}{(italic ? "i" : "")}");

    public byte[]? GetFont(string faceName)
    {
        var fonts = _fonts ?? throw new InvalidOperationException("No document font is installed.");
        var style = faceName[(faceName.IndexOf('#', StringComparison.Ordinal) + 1)..];
        return fonts.Face(style.Contains('b', StringComparison.Ordinal), style.Contains('i', StringComparison.Ordinal));
    }
}
