using System.Globalization;
using System.Text.RegularExpressions;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Documents.Layout;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>The pieces every official document shares, sized as Nghị định 30/2020, Phụ lục I prescribes.</summary>
public static partial class OfficialParts
{
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string Blank = "……";

    /// <summary>
    /// A4 portrait with the margins of Nghị định 30/2020 (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm),
    /// 1–2 mm inside the minimum so italic overhangs and diacritics stay within it.
    /// </summary>
    public static readonly PageSetup Page = new(PageSetup.Mm(210), PageSetup.Mm(297),
        Top: PageSetup.Mm(22), Bottom: PageSetup.Mm(22), Left: PageSetup.Mm(31), Right: PageSetup.Mm(16));

    /// <summary>Page numbers in Arabic figures, 13 pt, centred in the top margin, from page 2 on (Phụ lục I, mục IV).</summary>
    public static readonly PageNumbering PageNumbers = new(13, FirstNumberedPage: 2, Baseline: (Page.Top / 2) + (13 * 0.35));

    /// <summary>Body text: 14 pt, justified, first-line indent 1.27 cm, 6 pt after.</summary>
    public static readonly ParagraphStyle Body = new(14, TextAlign.Justify, FirstLineIndent: PageSetup.Mm(12.7), SpaceAfter: 6, LineSpacing: 1.2, Name: "Nội dung");

    private static readonly ParagraphStyle Centered = new(13, TextAlign.Center, SpaceAfter: 0, LineSpacing: 1.15, Name: "Căn giữa");

    private static readonly ParagraphStyle Recipients = new(11, TextAlign.Left, SpaceAfter: 0, LineSpacing: 1.15, Name: "Nơi nhận");

    /// <summary>An official document on the official page, numbered from page 2.</summary>
    public static DocumentSpec Document(string title, string author, DateTimeOffset createdAt, IReadOnlyList<Block> blocks) =>
        new(title, author, createdAt, blocks, Page) { PageNumbers = PageNumbers };

    public static Paragraph Para(string text) => new([new Run(text)], Body);

    public static Paragraph Para(params Run[] runs) => new(runs, Body);

    public static Paragraph Italic(string text) => new([new Run(text, Italic: true)], Body);

    /// <summary>"1.", "a)" headings: bold, indented like the body, kept with what follows.</summary>
    public static Paragraph Heading(string text) => new([new Run(text, Bold: true)], Body with { KeepWithNext = true, Name = "Đề mục" });

    /// <summary>"I. MỤC ĐÍCH, YÊU CẦU": bold, no indent.</summary>
    public static Paragraph MajorHeading(string text) => new([new Run(text, Bold: true)], Body with { FirstLineIndent = 0, KeepWithNext = true, SpaceBefore = 6, Name = "Đề mục lớn" });

    public static Paragraph Center(string text, double size = 14, bool bold = false, bool italic = false, double spaceAfter = 0) =>
        new([new Run(text, bold, italic)], Centered with { FontSize = size, SpaceAfter = spaceAfter });

    /// <summary>
    /// The header block: parent and issuing body (with its short rule) on the left, the national
    /// title and motto (with a rule as wide as the motto) on the right; then the number and the
    /// italic place and date on one line.
    /// </summary>
    public static IReadOnlyList<Block> Header(string parentBody, string issuingBody, string number, string placeAndDate)
    {
        List<Block> left = [];
        if (!string.IsNullOrWhiteSpace(parentBody))
        {
            left.Add(Center(Upper(parentBody), 13));
        }
        left.Add(Center(Upper(issuingBody), 13, bold: true));
        left.Add(new Rule(0.4));
        return
        [
            new Columns([
                new Column(0.4, left),
                new Column(0.6, [Center(NationalTitle, 12.5, bold: true), Center(Motto, 13.5, bold: true), new Rule(1.0)]),
            ], SpaceAfter: 4),
            new Columns([
                new Column(0.4, [Center("Số: " + number, 13)]),
                new Column(0.6, [Center(placeAndDate, 13.5, italic: true)]),
            ], SpaceAfter: 18),
        ];
    }

    /// <summary>"BÁO CÁO" / "KẾ HOẠCH", the summary in bold and a short rule under it.</summary>
    public static IReadOnlyList<Block> Title(string kind, string summary) =>
    [
        Center(kind, 14, bold: true),
        Center(summary, 14, bold: true),
        new Rule(0.3, SpaceAfter: 16),
    ];

    /// <summary>"Nơi nhận:" on the left and the signature on the right, never split from each other.</summary>
    public static Block RecipientsAndSignature(IReadOnlyList<string> recipients, string? capacity, string title, string? signerName)
    {
        List<Block> left = [new Paragraph([new Run("Nơi nhận:", Bold: true, Italic: true)], Recipients with { FontSize = 12 })];
        left.AddRange(recipients.Select(r => new Paragraph([new Run("- " + r)], Recipients)));
        List<Block> right = [];
        if (!string.IsNullOrWhiteSpace(capacity))
        {
            right.Add(Center(Upper(capacity), 14, bold: true));
        }
        right.Add(Center(Upper(title), 14, bold: true));
        right.Add(new Spacer(72));
        right.Add(Center(string.IsNullOrWhiteSpace(signerName) ? " " : signerName, 14, bold: true));
        return new Columns([new Column(0.45, left), new Column(0.55, right)]);
    }

    /// <summary>"Nơi nhận" and a signature block of any number of authority lines (the last is the title).</summary>
    public static Block Signature(IReadOnlyList<string> recipients, IReadOnlyList<string> authorityLines, string? signerName)
    {
        ArgumentNullException.ThrowIfNull(authorityLines);
        return RecipientsAndSignature(recipients,
            authorityLines.Count > 1 ? string.Join("\n", authorityLines.Take(authorityLines.Count - 1)) : null,
            authorityLines.Count > 0 ? authorityLines[^1] : "", signerName);
    }

    /// <summary>
    /// "Lai Châu, ngày 08 tháng 02 năm 2020": a day below 10 and the months January and February
    /// get a leading zero (Nghị định 30/2020, Phụ lục I).
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly? date, int year)
    {
        if (date is not { } d)
        {
            return $"{place}, ngày {Blank} tháng {Blank} năm {year}";
        }
        var month = d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {d.Day:00} tháng {month} năm {d.Year}";
    }

    /// <summary>"5/BC-UBND" reads "05/BC-UBND": numbers below 10 get a leading zero.</summary>
    public static string DocumentNumber(string? number, string symbol)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return $"{Blank}/{symbol}";
        }
        var trimmed = number.Trim();
        return SingleDigit().IsMatch(trimmed) ? "0" + trimmed : trimmed;
    }

    public static string Upper(string text) => text.ToUpper(VietnamTime.Culture);

    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], VietnamTime.Culture) + text[1..];

    public static string Number(int? value) => value is { } v ? VietnamTime.FormatNumber(v) : Blank;

    /// <summary>"ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" as it reads in a sentence: "UBND thành phố Lai Châu".</summary>
    public static string BodyInSentence(string body)
    {
        var words = body.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var prefix = "";
        if (words.Count > 4 && string.Join(' ', words.Take(4)).Equals("ỦY BAN NHÂN DÂN", StringComparison.OrdinalIgnoreCase))
        {
            prefix = "UBND ";
            words = words[4..];
        }
        string[] levels = ["thành", "phố", "tỉnh", "huyện", "quận", "thị", "xã", "phường", "trấn"];
        var text = words.Select(w =>
        {
            var lower = w.ToLower(VietnamTime.Culture);
            return levels.Contains(lower) ? lower : char.ToUpper(lower[0], VietnamTime.Culture) + lower[1..];
        });
        return prefix + string.Join(' ', text);
    }

    /// <summary>"ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" as an addressee: "Ủy ban nhân dân thành phố Lai Châu".</summary>
    public static string BodyInFull(string body)
    {
        var sentence = BodyInSentence(body);
        return sentence.StartsWith("UBND ", StringComparison.Ordinal) ? "Ủy ban nhân dân " + sentence[5..] : sentence;
    }

    [GeneratedRegex(@"^\d/")]
    private static partial Regex SingleDigit();
}
