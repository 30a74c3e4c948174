using System.Buffers.Binary;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Documents.Fonts;

public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>An extra folder holding Times New Roman (times*.ttf) or Liberation Serif 2 (LiberationSerif-*.ttf); searched first.</summary>
    public string? FontFolder { get; set; }

    /// <summary>Whether the usual system folders are searched after <see cref="FontFolder"/>.</summary>
    public bool SearchSystemFonts { get; set; } = true;
}

/// <summary>The four faces of the serif family the documents are set in.</summary>
public sealed record FontSet(string Name, string Folder, byte[] Regular, byte[] Bold, byte[] Italic, byte[] BoldItalic)
{
    public byte[] Face(bool bold, bool italic) => (bold, italic) switch
    {
        (false, false) => Regular,
        (true, false) => Bold,
        (false, true) => Italic,
        _ => BoldItalic,
    };
}

/// <summary>The outcome of looking for a usable font: the fonts, or why none was usable.</summary>
public sealed record FontProbe(FontSet? Fonts, IReadOnlyList<string> Refused)
{
    public bool IsAvailable => Fonts is not null;
}

/// <summary>
/// Finds Times New Roman, else Liberation Serif 2, and refuses any face that cannot set Vietnamese
/// (Liberation 1.x has no precomposed Vietnamese letters). DejaVu is never considered: subset by
/// PDFsharp it prints wrong glyphs.
/// </summary>
public static class FontLocator
{
    /// <summary>Letters a font must have to set Vietnamese: capitals with hook/horn and stacked tone marks.</summary>
    public const string VietnameseProbe = "ỦỨỰẫặđĐơƯ";

    private static readonly (string Name, string[] Files)[] Families =
    [
        ("Times New Roman", ["Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf", "Times_New_Roman_Bold_Italic.ttf"]),
        ("Times New Roman", ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"]),
        ("Liberation Serif", ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"]),
    ];

    public static IEnumerable<string> SystemFolders()
    {
        yield return "/usr/share/fonts/truetype/msttcorefonts";
        yield return "/usr/share/fonts/truetype/times";
        yield return "/usr/share/fonts/TTF";
        yield return "/usr/share/fonts/truetype/liberation2";
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (!string.IsNullOrEmpty(windows))
        {
            yield return windows;
        }
    }

    public static FontProbe Find(DocumentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folders = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.FontFolder))
        {
            folders.Add(options.FontFolder);
        }
        if (options.SearchSystemFonts)
        {
            folders.AddRange(SystemFolders());
        }
        return Find(folders);
    }

    public static FontProbe Find(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var refused = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var (name, files) in Families)
            {
                var paths = files.Select(f => Path.Combine(folder, f)).ToArray();
                if (!paths.All(File.Exists))
                {
                    continue;
                }
                var faces = paths.Select(File.ReadAllBytes).ToArray();
                var lacking = paths.Where((_, i) => !HasGlyphs(faces[i], VietnameseProbe)).ToList();
                if (lacking.Count > 0)
                {
                    refused.Add($"{name} trong {folder}: thiếu chữ tiếng Việt");
                    continue;
                }
                return new FontProbe(new FontSet(name, folder, faces[0], faces[1], faces[2], faces[3]), refused);
            }
        }
        return new FontProbe(null, refused);
    }

    /// <summary>Whether the TrueType font maps every character of <paramref name="text"/> to a glyph (cmap formats 4 and 12).</summary>
    public static bool HasGlyphs(ReadOnlySpan<byte> font, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var cmap = FindTable(font, "cmap");
            if (cmap < 0)
            {
                return false;
            }
            var count = U16(font, cmap + 2);
            var best = -1;
            for (var i = 0; i < count; i++)
            {
                var record = cmap + 4 + (i * 8);
                var platform = U16(font, record);
                var encoding = U16(font, record + 2);
                var offset = cmap + (int)U32(font, record + 4);
                var format = U16(font, offset);
                if ((platform == 3 && encoding == 10 && format == 12) || (best < 0 && format == 4 && (platform == 3 || platform == 0)))
                {
                    best = offset;
                }
            }
            if (best < 0)
            {
                return false;
            }
            foreach (var rune in text.EnumerateRunes())
            {
                if (GlyphIndex(font, best, rune.Value) == 0)
                {
                    return false;
                }
            }
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int FindTable(ReadOnlySpan<byte> font, string tag)
    {
        var tables = U16(font, 4);
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (i * 16);
            if (font[record] == tag[0] && font[record + 1] == tag[1] && font[record + 2] == tag[2] && font[record + 3] == tag[3])
            {
                return (int)U32(font, record + 8);
            }
        }
        return -1;
    }

    private static int GlyphIndex(ReadOnlySpan<byte> font, int table, int c)
    {
        if (U16(font, table) == 12)
        {
            var groups = U32(font, table + 12);
            for (var i = 0; i < groups; i++)
            {
                var g = table + 16 + (i * 12);
                if (c >= U32(font, g) && c <= U32(font, g + 4))
                {
                    return (int)(U32(font, g + 8) + (uint)(c - U32(font, g)));
                }
            }
            return 0;
        }
        var segments = U16(font, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var i = 0; i < segments; i++)
        {
            var end = U16(font, ends + (i * 2));
            if (c > end)
            {
                continue;
            }
            var start = U16(font, starts + (i * 2));
            if (c < start)
            {
                return 0;
            }
            var delta = U16(font, deltas + (i * 2));
            var rangeOffset = U16(font, rangeOffsets + (i * 2));
            if (rangeOffset == 0)
            {
                return (c + delta) & 0xFFFF;
            }
            var glyph = U16(font, rangeOffsets + (i * 2) + rangeOffset + ((c - start) * 2));
            return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
        }
        return 0;
    }

    private static int U16(ReadOnlySpan<byte> font, int at) => BinaryPrimitives.ReadUInt16BigEndian(font.Slice(at, 2));

    private static uint U32(ReadOnlySpan<byte> font, int at) => BinaryPrimitives.ReadUInt32BigEndian(font.Slice(at, 4));
}

/// <summary>The app's fonts, looked for once; the PDF endpoints and /health ask it.</summary>
public sealed class DocumentFonts(IOptions<DocumentsOptions> options)
{
    public const string MissingMessage =
        "Không tạo được tệp PDF: máy chủ chưa có phông chữ Times New Roman hoặc Liberation Serif 2 có đủ chữ tiếng Việt. "
        + "Quản trị viên cần cài gói fonts-liberation2 (Debian/Ubuntu: sudo apt-get install fonts-liberation2) "
        + "hoặc khai báo thư mục chứa phông chữ tại cấu hình Documents:FontFolder, rồi khởi động lại ứng dụng.";

    private readonly Lazy<FontProbe> _probe = new(() => FontLocator.Find(options.Value));

    public FontProbe Probe => _probe.Value;

    /// <summary>The fonts, installed into PDFsharp; null when none is usable.</summary>
    public FontSet? TryGet()
    {
        var fonts = Probe.Fonts;
        if (fonts is not null)
        {
            DocumentFontResolver.Install(fonts);
        }
        return fonts;
    }
}
