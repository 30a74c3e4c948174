using LaiChau.CchcDashboard.Features.Documents.Layout;
using static LaiChau.CchcDashboard.Features.Documents.OfficialParts;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>The report outline of a period with dotted lines, to fill in by hand.</summary>
public static class BlankOutlineDocument
{
    private static readonly string[] Guidance =
    [
        "Việc tham mưu, ban hành các văn bản chỉ đạo, hướng dẫn triển khai công tác tuyên truyền về CCHC tại cơ quan, đơn vị: số lượng văn bản; số, ký hiệu, ngày ban hành, trích yếu và nội dung văn bản.",
        "Nội dung đã tuyên truyền (số lượng văn bản, tin bài, mô hình, gương tiêu biểu về CCHC); thời lượng (buổi tuyên truyền, số phút đưa tin, phát sóng); đối tượng được tuyên truyền; số người (lượt người) tham gia; hình thức đã tuyên truyền.",
        "Sự chuyển biến về nhận thức, hành động của đối tượng được tuyên truyền; tác động từ công tác tuyên truyền đến kết quả thực hiện CCHC, thực hiện nhiệm vụ của đơn vị, địa phương.",
        "Ưu điểm, hạn chế trong thực hiện kế hoạch tuyên truyền về CCHC.",
    ];

    public static DocumentSpec Build(PeriodReference period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        const string Dots = "………………………";
        List<Block> blocks = [.. Header(period.Plan.ParentBodyOfUnits, Dots, $"{Blank}/BC-{Blank}", PlaceAndDate(Blank + Blank, null, period.Plan.Year))];
        blocks.AddRange(Title("BÁO CÁO", UnitReportDocument.Summary(period)));
        blocks.Add(Para($"Thực hiện {period.Plan.Citation} về {LowerFirst(period.Plan.Title)}, {Dots} báo cáo kết quả thực hiện {period.Span} như sau:"));
        for (var i = 0; i < UnitReportDocument.Sections.Count; i++)
        {
            var (number, title) = UnitReportDocument.Sections[i];
            blocks.Add(Heading($"{number} {title}"));
            blocks.Add(Italic(Guidance[i]));
            if (i == 0)
            {
                blocks.Add(UnitReportDocument.DocumentsTable([.. Enumerable.Range(0, 4).Select(_ => new ReportDocumentRow("", null, "", null))]));
            }
            blocks.Add(new DottedLines(i == 1 ? 8 : 5));
        }
        blocks.Add(new KeepTogether([RecipientsAndSignature(["UBND thành phố (qua Phòng Nội vụ);", "Lưu: VT."], null, "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", null)]));
        return Document($"Đề cương báo cáo {period.Span}", period.Plan.IssuingBody, now, blocks);
    }
}
