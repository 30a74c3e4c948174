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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> Coverage = new();

    /// <summary>
    /// Text as the document font can draw it: normalised like stored text, and every character the
    /// font has no glyph for (an emoji, say) replaced by a visible "□" (or "?"), never dropped silently.
    /// </summary>
    public static string Printable(string text)
    {
        var normalised = LaiChau.CchcDashboard.Common.StoredText.Normalise(text);
        if (_fonts is null)
        {
            return normalised;
        }
        System.Text.StringBuilder? builder = null;
        var index = 0;
        foreach (var rune in normalised.EnumerateRunes())
        {
            if (rune.Value < 0x80 || Covers(rune.Value))
            {
                builder?.Append(rune.ToString());
            }
            else
            {
                builder ??= new System.Text.StringBuilder(normalised[..index]);
                builder.Append(Covers('□') ? '□' : '?');
            }
            index += rune.Utf16SequenceLength;
        }
        return builder?.ToString() ?? normalised;
    }

    private static bool Covers(int codePoint) =>
        Coverage.GetOrAdd(codePoint, c => FontLocator.HasGlyphs(_fonts!.Regular, char.ConvertFromUtf32(c)));

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new($"{Family}#{(bold ? "b" : "")}{(italic ? "i" : "")}");

    public byte[]? GetFont(string faceName)
    {
        var fonts = _fonts ?? throw new InvalidOperationException("No document font is installed.");
        var style = faceName[(faceName.IndexOf('#', StringComparison.Ordinal) + 1)..];
        return fonts.Face(style.Contains('b', StringComparison.Ordinal), style.Contains('i', StringComparison.Ordinal));
    }
}
