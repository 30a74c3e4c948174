using System.Text;
using System.Text.RegularExpressions;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Fonts;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using LaiChau.CchcDashboard.Features.Reports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

/// <summary>
/// Fonts are a hard requirement of these tests: a machine without them fails (CI installs
/// fonts-liberation2), it never skips.
/// </summary>
public static class TestFonts
{
    public static FontSet Require()
    {
        var probe = FontLocator.Find(new DocumentsOptions());
        if (probe.Fonts is null)
        {
            Assert.Fail("No usable document font: install fonts-liberation2 (or Times New Roman). Refused: " + string.Join("; ", probe.Refused));
        }
        DocumentFontResolver.Install(probe.Fonts);
        return probe.Fonts;
    }
}

/// <summary>Report data built in memory, for documents of any size.</summary>
public static class DocumentSamples
{
    public static readonly DateTimeOffset Now = new(2020, 5, 18, 8, 0, 0, TimeSpan.FromHours(7));

    public static PeriodReference SixMonths { get; } = new(1, PeriodKind.SixMonth, "Báo cáo 6 tháng đầu năm 2020",
        new DateTimeOffset(2020, 5, 25, 0, 0, 0, TimeSpan.FromHours(7)),
        new PlanReference(1, "93/KH-UBND", new DateOnly(2020, 1, 17), "Tuyên truyền công tác cải cách hành chính thành phố Lai Châu năm 2020",
            "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", "Lai Châu", 2020));

    public static UnitReportData UnitReport(int documents = 3, ReportState state = ReportState.Submitted, int textRepeat = 1) => new(
        12, 3, "Phường Tân Phong", UnitKind.Ward, state, "12/BC-UBND", new DateOnly(2020, 5, 20), "Nguyễn Thị Hà", "Chủ tịch",
        SixMonths,
        [.. Enumerable.Range(1, documents).Select(i => new ReportDocumentRow($"{i:00}/KH-UBND", new DateOnly(2020, 1 + (i % 4), 1 + (i % 27)),
            Repeat($"Kế hoạch tuyên truyền cải cách hành chính năm 2020 tại phường Tân Phong (đợt {i})", textRepeat),
            Repeat("Triển khai tuyên truyền các nội dung CCHC đến cán bộ, công chức và nhân dân các tổ dân phố.", textRepeat)))],
        Repeat("Tuyên truyền Kế hoạch CCHC năm 2020; dịch vụ công trực tuyến mức độ 3, 4; tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích.", textRepeat),
        documents, 12, 1, 2, 6, 180, ["Cán bộ, công chức, viên chức", "Nhân dân trên địa bàn"], 1250,
        CommunicationForms.Conference | CommunicationForms.Loudspeaker, null,
        Repeat("Nhận thức của cán bộ, công chức và nhân dân về CCHC được nâng lên; số hồ sơ nộp trực tuyến tăng.", textRepeat),
        Repeat("Nội dung tuyên truyền phong phú, bám sát kế hoạch.", textRepeat),
        Repeat("Hình thức tuyên truyền ở một số tổ dân phố chưa đa dạng.", textRepeat));

    public static ConsolidatedData Consolidated(int units)
    {
        var totals = Enumerable.Range(1, units)
            .Select(i => new UnitTotals(i, $"Phường thử nghiệm {i}", i, i, new ReportCounts(i % 5, i % 13, i % 3, i % 2, i % 7, i * 10, i * 20, i % 4)))
            .ToList();
        var late = totals.Where(u => u.UnitId % 10 == 0).Select(u => new LateUnit(u.UnitName, SixMonths.DueAt.AddDays(2), 3)).ToList();
        var missing = Enumerable.Range(1, units / 5).Select(i => new MissingUnit($"Đơn vị chưa nộp số {i}", ReportState.Draft, 0)).ToList();
        return new ConsolidatedData(SixMonths, totals, ReportTotals.Sum(totals), new PeriodRates(units + missing.Count, units, units - late.Count), late, missing);
    }

    public static PlanData Plan() => new(1, 2020, "93/KH-UBND", new DateOnly(2020, 1, 17), "Tuyên truyền công tác cải cách hành chính thành phố Lai Châu năm 2020",
        "UBND TỈNH LAI CHÂU", "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", "Lai Châu", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lương Chiến Công",
        "UBND thành phố xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2020 như sau:", "Trên đây là Kế hoạch …/.",
        ["Căn cứ Kế hoạch số 33/KH-UBND ngày 08/01/2020 của UBND tỉnh Lai Châu;"], ["Lãnh đạo UBND thành phố;", "Lưu: VT, NV."],
        [new PlanSectionRow(1, "I. MỤC ĐÍCH, YÊU CẦU", ""), new PlanSectionRow(2, "1. Mục đích", "Đoạn một.\n\nĐoạn hai.")],
        [
            new PlanActivityRow(ActivityKind.KeyActivity, 1, "Xây dựng chuyên mục về CCHC", "Đài Truyền thanh thành phố", "Các cơ quan, đơn vị có liên quan", "Thường xuyên", Common.StatusBucket.InProgress),
            new PlanActivityRow(ActivityKind.KeyActivity, 2, "Hội thi Dân vận khéo", "Phòng Nội vụ", null, "Quý III/2020", Common.StatusBucket.Overdue),
        ]);

    private static string Repeat(string text, int times) => string.Join(" ", Enumerable.Repeat(text, times));
}

/// <summary>A PDF read back with PdfPig: its text in reading order, pages and letters.</summary>
public sealed class PdfReadBack : IDisposable
{
    private readonly PdfDocument _document;

    public PdfReadBack(byte[] pdf)
    {
        Bytes = pdf;
        _document = PdfDocument.Open(pdf);
        Pages = [.. _document.GetPages()];
    }

    public byte[] Bytes { get; }
    public IReadOnlyList<Page> Pages { get; }
    public DocumentInformation Information => _document.Information;

    public static double Mm(double mm) => PageSetup.Mm(mm);

    /// <summary>Letters drawn in the top margin (the page number).</summary>
    public static bool InTopMargin(Page page, Letter letter) => letter.BoundingBox.Bottom > page.Height - Mm(20);

    /// <summary>The body text of one page, lines top to bottom, page number left out.</summary>
    public static string PageText(Page page)
    {
        var lines = page.Letters
            .Where(l => !InTopMargin(page, l))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Letter? previous = null;
            foreach (var letter in line.OrderBy(l => l.StartBaseLine.X))
            {
                if (previous is not null && letter.StartBaseLine.X - previous.EndBaseLine.X > 3)
                {
                    text.Append(' ');
                }
                text.Append(letter.Value);
                previous = letter;
            }
            text.Append(' ');
        }
        return Regex.Replace(text.ToString(), " {2,}", " ");
    }

    public string Text => string.Join(" ", Pages.Select(PageText));

    /// <summary>Asserts the strings appear in this order (each after the previous one).</summary>
    public void AssertInOrder(params string[] expected)
    {
        var text = Text;
        var at = 0;
        foreach (var s in expected)
        {
            var found = text.IndexOf(s, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{s}\" was not found after position {at} in:\n{text}");
            at = found + s.Length;
        }
    }

    /// <summary>
    /// The layout rules of Nghị định 30/2020 as read from the file: A4, every letter inside the
    /// margins, the page number centred in the top margin from page 2 and absent from page 1,
    /// text in NFC, fonts embedded.
    /// </summary>
    public void AssertOfficialLayout()
    {
        Assert.Equal(Text.Normalize(NormalizationForm.FormC), Text);
        Assert.DoesNotMatch(@"[\u0300-\u036F]", Text);
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(Bytes), StringComparison.Ordinal);
        for (var i = 0; i < Pages.Count; i++)
        {
            var page = Pages[i];
            Assert.Equal(595.3, page.Width, 0.5);
            Assert.Equal(841.9, page.Height, 0.5);
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var number = letters.Where(l => InTopMargin(page, l)).ToList();
            if (i == 0)
            {
                Assert.Empty(number);
            }
            else
            {
                Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), string.Concat(number.Select(l => l.Value)));
                var centre = (number.Min(l => l.BoundingBox.Left) + number.Max(l => l.BoundingBox.Right)) / 2;
                var setup = OfficialParts.Page;
                Assert.Equal(setup.Left + (setup.ContentWidth / 2), centre, 2.0);
                Assert.True(number.Min(l => l.BoundingBox.Bottom) < page.Height - Mm(5), "page number inside the page");
            }
            foreach (var letter in letters.Except(number))
            {
                var box = letter.BoundingBox;
                Assert.True(box.Left >= Mm(30) - 0.01, $"page {i + 1}: '{letter.Value}' crosses the left margin at {box.Left:0.0}");
                Assert.True(box.Right <= page.Width - Mm(15) + 0.01, $"page {i + 1}: '{letter.Value}' crosses the right margin at {box.Right:0.0}");
                Assert.True(box.Top <= page.Height - Mm(20) + 0.01, $"page {i + 1}: '{letter.Value}' crosses the top margin at {box.Top:0.0}");
                Assert.True(box.Bottom >= Mm(20) - 0.01, $"page {i + 1}: '{letter.Value}' crosses the bottom margin at {box.Bottom:0.0}");
            }
        }
    }

    public void Dispose() => _document.Dispose();
}
