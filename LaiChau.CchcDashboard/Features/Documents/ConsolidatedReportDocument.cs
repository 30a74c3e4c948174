using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using LaiChau.CchcDashboard.Features.Reports;
using static LaiChau.CchcDashboard.Features.Documents.OfficialParts;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>The city's consolidated report for a period, from Phòng Nội vụ to UBND thành phố.</summary>
public static class ConsolidatedReportDocument
{
    public const string IssuingBody = "PHÒNG NỘI VỤ";

    public static string Summary(PeriodReference period) =>
        $"Tổng hợp kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính {period.Span}";

    public static DocumentSpec Build(ConsolidatedData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        var period = data.Period;
        var rates = data.Rates;
        var t = data.Totals;
        var signing = data.Signing;
        // Until Phòng Nội vụ gives a number the PDF leaves "……/BC-NV" to fill by hand; the date is the
        // one given, else the day it is printed.
        List<Block> blocks = [.. Header(period.Plan.ParentBodyOfUnits, IssuingBody, DocumentNumber(signing.Number, "BC-NV"),
            PlaceAndDate(period.Plan.Place, signing.Date ?? VietnamTime.LocalDate(now), period.Plan.Year))];
        blocks.AddRange(Title("BÁO CÁO", Summary(period)));
        blocks.Add(Center($"Kính gửi: {OfficialParts.BodyInFull(period.Plan.IssuingBody)}.", 14, spaceAfter: 12));
        blocks.Add(Para($"Thực hiện {period.Plan.Citation} về {LowerFirst(period.Plan.Title)}, trên cơ sở báo cáo của các cơ quan, đơn vị, UBND các xã, phường, Phòng Nội vụ tổng hợp kết quả thực hiện {period.Span} như sau:"));

        blocks.Add(MajorHeading("I. TÌNH HÌNH BÁO CÁO"));
        blocks.Add(Para($"Số cơ quan, đơn vị phải báo cáo: {Count(rates.Expected)}; đã báo cáo: {Count(rates.Submitted)}, tỷ lệ báo cáo {PeriodRates.Percent(rates.ReportingRate)}; báo cáo đúng hạn ({VietnamTime.FormatDeadline(period.DueAt)}): {Count(rates.OnTime)}, tỷ lệ đúng hạn {PeriodRates.Percent(rates.TimelyRate)}."));
        blocks.Add(Heading($"1. Các cơ quan, đơn vị báo cáo muộn: {Count(rates.Late)}"));
        if (data.Late.Count > 0)
        {
            blocks.Add(new Table(
                [new TableColumn("TT", 0.6, TextAlign.Center), new TableColumn("Cơ quan, đơn vị", 4.5), new TableColumn("Ngày nộp", 1.8, TextAlign.Center), new TableColumn("Số ngày muộn", 1.6, TextAlign.Center)],
                [.. data.Late.Select((u, i) => TableRow.Of(Count(i + 1), u.Name, VietnamTime.FormatDate(u.FirstSubmittedAt), Count(u.DaysLate)))]));
        }
        blocks.Add(Heading($"2. Các cơ quan, đơn vị chưa báo cáo: {Count(rates.Missing)}"));
        if (data.Missing.Count > 0)
        {
            blocks.Add(new Table(
                [new TableColumn("TT", 0.6, TextAlign.Center), new TableColumn("Cơ quan, đơn vị", 4.5), new TableColumn("Tình trạng", 1.8, TextAlign.Center), new TableColumn("Số ngày quá hạn", 1.6, TextAlign.Center)],
                [.. data.Missing.Select((u, i) => TableRow.Of(Count(i + 1), u.Name, u.State.Label(), u.DaysOverdue > 0 ? Count(u.DaysOverdue) : "Chưa đến hạn"))]));
        }

        blocks.Add(MajorHeading("II. KẾT QUẢ TUYÊN TRUYỀN"));
        blocks.Add(Heading("1. Tổng hợp chung"));
        blocks.Add(Para($"Các cơ quan, đơn vị đã ban hành hoặc tham mưu ban hành {Count(t.IssuedDocumentRows)} văn bản chỉ đạo, hướng dẫn; tuyên truyền {Count(t.Documents)} văn bản, {Count(t.NewsArticles)} tin, bài, {Count(t.Models)} mô hình, {Count(t.ExemplaryExamples)} gương tiêu biểu về CCHC."));
        blocks.Add(Para($"Tổ chức {Count(t.Sessions)} buổi tuyên truyền; {Count(t.BroadcastMinutes)} phút đưa tin, phát sóng; {Count(t.Participants)} lượt người tham gia."));
        blocks.Add(Heading("2. Kết quả của từng cơ quan, đơn vị"));
        blocks.Add(UnitsTable(data.Units, t));

        blocks.Add(MajorHeading("III. ĐỀ XUẤT"));
        blocks.Add(Para(data.Missing.Count > 0
            ? $"Đề nghị UBND thành phố chỉ đạo {Count(data.Missing.Count)} cơ quan, đơn vị chưa báo cáo khẩn trương hoàn thành, gửi báo cáo về UBND thành phố (qua Phòng Nội vụ) để tổng hợp."
            : "Các cơ quan, đơn vị đã báo cáo đầy đủ; đề nghị UBND thành phố tiếp tục chỉ đạo thực hiện tốt công tác tuyên truyền cải cách hành chính."));
        blocks.Add(new KeepTogether([
            Para("Phòng Nội vụ kính báo cáo UBND thành phố xem xét, chỉ đạo./."),
            new Spacer(6),
            RecipientsAndSignature(["UBND thành phố (b/c);", "Lãnh đạo Phòng;", "Lưu: VT, NV."], signing.Capacity, signing.Title, signing.SignerName),
        ]));
        return Document($"Báo cáo {LowerFirst(Summary(period))}", IssuingBody, now, blocks);
    }

    private static Table UnitsTable(IReadOnlyList<UnitTotals> units, ReportCounts total)
    {
        static string[] Cells(ReportCounts c) =>
            [Count(c.Documents), Count(c.NewsArticles), Count(c.Models), Count(c.ExemplaryExamples), Count(c.Sessions), Count(c.BroadcastMinutes), Count(c.Participants)];
        return new Table(
            [
                new TableColumn("TT", 0.55, TextAlign.Center), new TableColumn("Cơ quan, đơn vị", 2.9),
                new TableColumn("Văn bản", 0.95, TextAlign.Right), new TableColumn("Tin, bài", 0.9, TextAlign.Right),
                new TableColumn("Mô hình", 0.95, TextAlign.Right), new TableColumn("Gương", 0.9, TextAlign.Right),
                new TableColumn("Buổi", 0.8, TextAlign.Right), new TableColumn("Phút phát sóng", 1.05, TextAlign.Right),
                new TableColumn("Lượt người", 1.05, TextAlign.Right),
            ],
            [
                .. units.Select((u, i) => TableRow.Of([Count(i + 1), u.UnitName, .. Cells(u.Counts)])),
                TableRow.BoldOf(["", "Tổng cộng", .. Cells(total)]),
            ],
            FontSize: 11);
    }

    private static string Count(int value) => VietnamTime.FormatNumber(value);
}
