using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Layout;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

public sealed class OfficialDocumentTests
{
    public OfficialDocumentTests() => TestFonts.Require();

    private static PdfReadBack Render(DocumentSpec spec, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var bytes = PdfRenderer.Render(spec);
        // Set CCHC_PDF_DUMP to a folder to look at the documents (pdftoppm -r 110 -png).
        if (Environment.GetEnvironmentVariable("CCHC_PDF_DUMP") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), bytes);
        }
        return new PdfReadBack(bytes);
    }

    [Fact]
    public void UnitReport_Submitted_ReadsAsAnOfficialReportInOrder()
    {
        using var pdf = Render(UnitReportDocument.Build(DocumentSamples.UnitReport(), DocumentSamples.Now));

        pdf.AssertOfficialLayout();
        Assert.Contains("UBND THÀNH PHỐ LAI CHÂU", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("UBND PHƯỜNG TÂN PHONG", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", pdf.Text, StringComparison.Ordinal);
        pdf.AssertInOrder(
            "Số: 12/BC-UBND",
            "Lai Châu, ngày 20 tháng 5 năm 2020",
            "BÁO CÁO",
            "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính 6 tháng đầu năm 2020",
            "Thực hiện Kế hoạch số 93/KH-UBND ngày 17/01/2020 của UBND thành phố Lai Châu",
            "1. Công tác tham mưu, ban hành văn bản chỉ đạo thực hiện",
            "Số, ký hiệu", "01/KH-UBND",
            "2. Nội dung, hình thức tuyên truyền",
            "3 văn bản; 12 tin, bài; 1 mô hình; 2 gương tiêu biểu",
            "6 buổi tuyên truyền; 180 phút",
            "số người (lượt người) tham gia: 1.250",
            "3. Kết quả qua tuyên truyền",
            "4. Đánh giá chung",
            "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thị Hà");
        Assert.DoesNotContain("DỰ THẢO", pdf.Text, StringComparison.Ordinal);
        Assert.Equal("UBND PHƯỜNG TÂN PHONG", pdf.Information.Author);
        Assert.Contains("Phường Tân Phong", pdf.Information.Title, StringComparison.Ordinal);
        Assert.StartsWith("D:20200518", pdf.Information.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitReport_Draft_CarriesTheDraftMarkOnPageOne()
    {
        using var pdf = Render(UnitReportDocument.Build(DocumentSamples.UnitReport(state: ReportState.Draft), DocumentSamples.Now));

        Assert.Contains("DỰ THẢO", PdfReadBack.PageText(pdf.Pages[0]), StringComparison.Ordinal);
        pdf.AssertOfficialLayout();
    }

    [Fact]
    public void UnitReport_FiftyDocumentsAndLongTexts_PaginatesInsideTheMarginsWithRepeatedHeaders()
    {
        var report = DocumentSamples.UnitReport(documents: 50, textRepeat: 6);
        using var pdf = Render(UnitReportDocument.Build(report, DocumentSamples.Now));

        pdf.AssertOfficialLayout();
        Assert.True(pdf.Pages.Count >= 5, $"{pdf.Pages.Count} pages");
        var tablePages = pdf.Pages.Where(p => System.Text.RegularExpressions.Regex.IsMatch(PdfReadBack.PageText(p), @"\d\d/KH-UBND")).ToList();
        Assert.True(tablePages.Count >= 3);
        Assert.All(tablePages, p => Assert.Matches("TT Số, ký hiệu Ngày ban Trích yếu Nội dung hành", PdfReadBack.PageText(p)));
        pdf.AssertInOrder("01/KH-UBND", "25/KH-UBND", "50/KH-UBND", "4. Đánh giá chung", "Nguyễn Thị Hà");
    }

    [Fact]
    public void Consolidated_FiveHundredUnits_RepeatsTheHeaderOnEveryTablePage()
    {
        var data = DocumentSamples.Consolidated(500);
        using var pdf = Render(ConsolidatedReportDocument.Build(data, DocumentSamples.Now));

        pdf.AssertOfficialLayout();
        pdf.AssertInOrder(
            "PHÒNG NỘI VỤ",
            "BÁO CÁO",
            "Tổng hợp kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính 6 tháng đầu năm 2020",
            "I. TÌNH HÌNH BÁO CÁO",
            "Số cơ quan, đơn vị phải báo cáo: 600; đã báo cáo: 500, tỷ lệ báo cáo 83",
            "1. Các cơ quan, đơn vị báo cáo muộn: 50",
            "2. Các cơ quan, đơn vị chưa báo cáo: 100",
            "II. KẾT QUẢ TUYÊN TRUYỀN",
            $"{Common.VietnamTime.FormatNumber(data.Totals.BroadcastMinutes)} phút",
            "1 Phường thử nghiệm 1 ",
            "500 Phường thử nghiệm 500 ",
            "Tổng cộng",
            "Nơi nhận:", "TRƯỞNG PHÒNG");
        var rowPages = pdf.Pages.Where(p => System.Text.RegularExpressions.Regex.IsMatch(PdfReadBack.PageText(p), @"\d+ Phường thử nghiệm \d+ \d+ \d+ \d+ \d+ \d+ ")).ToList();
        Assert.True(rowPages.Count >= 10, $"{rowPages.Count} pages of unit rows");
        Assert.All(rowPages, p => Assert.Contains("TT Cơ quan, đơn vị Văn Tin, Mô Gương Buổi Phút Lượt", PdfReadBack.PageText(p), StringComparison.Ordinal));
    }

    [Fact]
    public void BlankOutline_HasTheOutlineHeadingsAndDottedLines()
    {
        using var pdf = Render(BlankOutlineDocument.Build(DocumentSamples.SixMonths, DocumentSamples.Now));

        pdf.AssertOfficialLayout();
        pdf.AssertInOrder("BÁO CÁO", "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính 6 tháng đầu năm 2020",
            "1. Công tác tham mưu", "2. Nội dung, hình thức tuyên truyền", "3. Kết quả qua tuyên truyền", "4. Đánh giá chung", "Nơi nhận:");
        var ops = LayoutEngine.Lay(BlankOutlineDocument.Build(DocumentSamples.SixMonths, DocumentSamples.Now), new PdfTextMeasurer());
        Assert.True(ops.SelectMany(p => p).OfType<LineOp>().Count(l => l.Dotted) >= 20);
    }

    [Fact]
    public void Plan_HasItsTextAppendixAndEachActivitysStatus()
    {
        var plan = new PlanData(1, 2020, "93/KH-UBND", new DateOnly(2020, 1, 17), "Tuyên truyền công tác cải cách hành chính thành phố Lai Châu năm 2020",
            "UBND TỈNH LAI CHÂU", "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", "Lai Châu", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lương Chiến Công",
            "UBND thành phố xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2020 như sau:", "Trên đây là Kế hoạch …/.",
            ["Căn cứ Kế hoạch số 33/KH-UBND ngày 08/01/2020 của UBND tỉnh Lai Châu;"], ["Lãnh đạo UBND thành phố;", "Lưu: VT, NV."],
            [new PlanSectionRow(1, "I. MỤC ĐÍCH, YÊU CẦU", ""), new PlanSectionRow(2, "1. Mục đích", "Đoạn một.\n\nĐoạn hai.")],
            [
                new PlanActivityRow(ActivityKind.KeyActivity, 1, "Xây dựng chuyên mục về CCHC", "Đài Truyền thanh thành phố", "Các cơ quan, đơn vị có liên quan", "Thường xuyên", Common.StatusBucket.InProgress),
                new PlanActivityRow(ActivityKind.KeyActivity, 2, "Hội thi Dân vận khéo", "Phòng Nội vụ", null, "Quý III/2020", Common.StatusBucket.Overdue),
            ]);
        using var pdf = Render(PlanDocument.Build(plan, DocumentSamples.Now));

        pdf.AssertOfficialLayout();
        pdf.AssertInOrder("Số: 93/KH-UBND", "Lai Châu, ngày 17 tháng 01 năm 2020", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Đoạn hai.",
            "Nơi nhận:", "Lương Chiến Công", "PHỤ LỤC", PlanDocument.AppendixTitle,
            "Xây dựng chuyên mục về CCHC", "Đang thực", "hiện, còn", "Hội thi Dân vận khéo", "Quá hạn", "chưa hoàn thành");
        Assert.Contains("PHỤ LỤC", PdfReadBack.PageText(pdf.Pages[^1]), StringComparison.Ordinal);
        Assert.Equal("ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", pdf.Information.Author);
    }

    [Fact]
    public void Plan_TheTasksHeading_NeverEndsAPageWithoutTheFirstTask()
    {
        // However many key activities push it down, the heading of the second appendix table
        // starts a page together with the table's header and first row.
        for (var keyActivities = 1; keyActivities <= 24; keyActivities++)
        {
            var plan = new PlanData(1, 2020, "93/KH-UBND", new DateOnly(2020, 1, 17), "Tuyên truyền công tác cải cách hành chính năm 2020",
                "UBND TỈNH LAI CHÂU", "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", "Lai Châu", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lương Chiến Công",
                "Mở đầu.", "Kết thúc.", [], ["Lưu: VT, NV."], [new PlanSectionRow(1, "I. MỤC ĐÍCH, YÊU CẦU", "")],
                [
                    .. Enumerable.Range(1, keyActivities).Select(i => new PlanActivityRow(ActivityKind.KeyActivity, i,
                        $"Hoạt động trọng tâm số {i} về tuyên truyền cải cách hành chính", "Phòng Nội vụ", "Các cơ quan, đơn vị", "Quý II/2020", Common.StatusBucket.InProgress)),
                    new PlanActivityRow(ActivityKind.StandingTask, 1, "Nhiệm vụ đầu tiên của các cơ quan", "Các cơ quan, đơn vị", null, "Thường xuyên", Common.StatusBucket.InProgress),
                ]);
            using var pdf = Render(PlanDocument.Build(plan, DocumentSamples.Now));

            var page = pdf.Pages.Single(p => PdfReadBack.PageText(p).Contains("NHIỆM VỤ CỦA CÁC CƠ QUAN", StringComparison.Ordinal));
            Assert.True(PdfReadBack.PageText(page).Contains("Nhiệm vụ đầu tiên", StringComparison.Ordinal),
                $"With {keyActivities} key activities the heading of the tasks ends page {page.Number} without the first task.");
        }
    }

    [Theory]
    [InlineData(2020, 2, 8, "Lai Châu, ngày 08 tháng 02 năm 2020")]
    [InlineData(2020, 1, 17, "Lai Châu, ngày 17 tháng 01 năm 2020")]
    [InlineData(2020, 5, 20, "Lai Châu, ngày 20 tháng 5 năm 2020")]
    [InlineData(2020, 11, 3, "Lai Châu, ngày 03 tháng 11 năm 2020")]
    public void PlaceAndDate_FollowsTheDecreesLeadingZeros(int year, int month, int day, string expected) =>
        Assert.Equal(expected, OfficialParts.PlaceAndDate("Lai Châu", new DateOnly(year, month, day), year));

    [Theory]
    [InlineData("5/BC-UBND", "05/BC-UBND")]
    [InlineData("12/BC-UBND", "12/BC-UBND")]
    [InlineData(null, "……/BC-UBND")]
    public void DocumentNumber_BelowTen_GetsALeadingZero(string? number, string expected) =>
        Assert.Equal(expected, OfficialParts.DocumentNumber(number, "BC-UBND"));

    [Fact]
    public void Slug_VietnameseName_IsReadableAscii() =>
        Assert.Equal("bao-cao-6-thang-2020-phuong-tan-phong", DocumentsExtensions.Slug("Báo cáo 6 tháng 2020 - Phường Tân Phong"));
}
