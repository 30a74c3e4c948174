using BenchmarkDotNet.Attributes;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Fonts;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using LaiChau.CchcDashboard.Features.Reports;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// Composing, laying out and writing the PDF (fonts subset and embedded) of a unit's report and of
/// a consolidated report for 500 units; the database read is not included.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private static readonly DateTimeOffset Now = new(2020, 5, 18, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly PeriodReference Period = new(1, PeriodKind.SixMonth, "Báo cáo 6 tháng đầu năm 2020",
        new DateTimeOffset(2020, 5, 25, 0, 0, 0, TimeSpan.FromHours(7)),
        new PlanReference(1, "93/KH-UBND", new DateOnly(2020, 1, 17), "Tuyên truyền công tác cải cách hành chính thành phố Lai Châu năm 2020",
            "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", "Lai Châu", 2020));

    private UnitReportData _report = null!;
    private ConsolidatedData _consolidated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fonts = FontLocator.Find(new DocumentsOptions()).Fonts
            ?? throw new InvalidOperationException(DocumentFonts.MissingMessage);
        DocumentFontResolver.Install(fonts);

        _report = new UnitReportData(1, 1, "Phường Tân Phong", UnitKind.Ward, ReportState.Submitted, "12/BC-UBND", new DateOnly(2020, 5, 20),
            "Nguyễn Thị Hà", "Chủ tịch", Period,
            [.. Enumerable.Range(1, 10).Select(i => new ReportDocumentRow($"{i:00}/KH-UBND", new DateOnly(2020, 3, i), $"Kế hoạch tuyên truyền cải cách hành chính năm 2020 (đợt {i})", "Triển khai tuyên truyền các nội dung CCHC đến cán bộ, công chức và nhân dân."))],
            "Tuyên truyền Kế hoạch CCHC năm 2020; dịch vụ công trực tuyến mức độ 3, 4.", 10, 12, 1, 2, 6, 180,
            ["Cán bộ, công chức, viên chức", "Nhân dân trên địa bàn"], 1250, CommunicationForms.Conference | CommunicationForms.Loudspeaker, null,
            "Nhận thức của cán bộ, công chức và nhân dân về CCHC được nâng lên.", "Nội dung phong phú.", "Hình thức chưa đa dạng.");

        var units = Enumerable.Range(1, 500)
            .Select(i => new UnitTotals(i, $"Phường thử nghiệm {i}", i, i, new ReportCounts(i % 5, i % 13, i % 3, i % 2, i % 7, i * 10, i * 20, i % 4)))
            .ToList();
        _consolidated = new ConsolidatedData(Period, units, ReportTotals.Sum(units), new PeriodRates(520, 500, 450),
            [.. units.Where(u => u.UnitId % 10 == 0).Select(u => new LateUnit(u.UnitName, Period.DueAt.AddDays(2), 3))],
            [.. Enumerable.Range(1, 20).Select(i => new MissingUnit($"Đơn vị chưa nộp {i}", ReportState.Draft, 0))]);
    }

    [Benchmark(Baseline = true)]
    public byte[] UnitReport() => PdfRenderer.Render(UnitReportDocument.Build(_report, Now));

    [Benchmark]
    public byte[] ConsolidatedFiveHundredUnits() => PdfRenderer.Render(ConsolidatedReportDocument.Build(_consolidated, Now));
}
