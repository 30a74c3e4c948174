using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

/// <summary>The .xlsx exports and the report page over HTTP, with the demo data of 18/05/2020 08:00.</summary>
public sealed class ReportEndpointTests(ReportEndpointTests.Host host) : IClassFixture<ReportEndpointTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int PlanId, int SixMonthId, Func<string, int> ReportOf)> DemoAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
        var period = await db.Periods.SingleAsync(p => p.Plan!.Year == 2020 && p.Kind == PeriodKind.SixMonth, Ct);
        var reports = await db.Reports.Where(r => r.PeriodId == period.Id).Select(r => new { r.Id, r.Unit!.Code }).ToDictionaryAsync(r => r.Code, r => r.Id, Ct);
        return (period.PlanId, period.Id, code => reports[code]);
    }

    [Theory]
    [InlineData("tanphong")]
    [InlineData("daitt")]
    public async Task Exports_ForAUnitUser_Answer403(string userName)
    {
        var (planId, periodId, _) = await DemoAsync();
        using var client = await host.SignedInClientAsync(userName);

        using var matrix = await client.GetAsync(new Uri(ReportsExtensions.MatrixXlsx(planId), UriKind.Relative), Ct);
        using var calls = await client.GetAsync(new Uri(ReportsExtensions.CallListXlsx(periodId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, matrix.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, calls.StatusCode);
    }

    [Fact]
    public async Task ReportPage_OfAnotherUnit_Answers403_AndOwnReportOpens()
    {
        var (_, _, reportOf) = await DemoAsync();
        using var client = await host.SignedInClientAsync("tanphong");

        using var other = await client.GetAsync(new Uri($"/reports/{reportOf("PH-DOAN-KET")}", UriKind.Relative), Ct);
        using var own = await client.GetAsync(new Uri($"/reports/{reportOf("PH-TAN-PHONG")}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("Bạn không có quyền xem báo cáo này", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "report.access-denied" && a.UserName == "tanphong", Ct));
    }

    [Fact]
    public async Task MatrixExport_ForHomeAffairs_OpensBackWithVietnameseTextAndDates()
    {
        var (planId, _, _) = await DemoAsync();
        using var client = await host.SignedInClientAsync("noivu");

        using var response = await client.GetAsync(new Uri(ReportsExtensions.MatrixXlsx(planId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheet = Read(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("Bảng theo dõi báo cáo — Kế hoạch 93/KH-UBND", sheet["A1"]);
        Assert.Equal("Lập lúc 18/05/2020 08:00", sheet["A2"]);
        Assert.Equal(("STT", "Đơn vị", "Báo cáo 6 tháng đầu năm 2020 — trạng thái", "Thời điểm nộp", "Đúng hạn / muộn", "Hoàn thành"),
            (sheet["A3"], sheet["B3"], sheet["C3"], sheet["D3"], sheet["E3"], sheet["F3"]));
        var row = RowOf(sheet, "Phường Quyết Thắng");
        Assert.Equal(("Đã tiếp nhận", new DateTime(2020, 5, 12, 9, 15, 0), "Đúng hạn", "100%"),
            (sheet[$"C{row}"], DateTime.FromOADate(double.Parse(sheet[$"D{row}"], System.Globalization.CultureInfo.InvariantCulture)), sheet[$"E{row}"], sheet[$"F{row}"]));
        Assert.Equal("dd/mm/yyyy hh:mm", sheet.DateFormatOf($"D{row}"));
        var tanPhong = RowOf(sheet, "Phường Tân Phong");
        Assert.Equal("Đang soạn", sheet[$"C{tanPhong}"]);
        Assert.False(sheet.Cells.ContainsKey($"D{tanPhong}"));
        Assert.Equal("Chưa thực hiện", sheet[$"G{tanPhong}"]);
    }

    [Fact]
    public async Task CallListExport_ForLeadership_ListsUnitsNotSubmittedWithPhones()
    {
        var (_, periodId, _) = await DemoAsync();
        using var client = await host.SignedInClientAsync("lanhdao");

        using var response = await client.GetAsync(new Uri(ReportsExtensions.CallListXlsx(periodId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = Read(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("Danh sách đơn vị chưa nộp báo cáo — Báo cáo 6 tháng đầu năm 2020", sheet["A1"]);
        Assert.Equal("Hạn: trước ngày 25/05/2020; lập lúc 18/05/2020 08:00", sheet["A2"]);
        Assert.Equal(("STT", "Đơn vị", "Người liên hệ", "Điện thoại", "E-mail", "Trạng thái", "Thời hạn"),
            (sheet["A3"], sheet["B3"], sheet["C3"], sheet["D3"], sheet["E3"], sheet["F3"], sheet["G3"]));
        var row = RowOf(sheet, "Phường Tân Phong");
        Assert.Equal(("Nguyễn Thị Hà", "0213 3876 115", "ph-tan-phong@laichau.example", "Đang soạn", "còn 7 ngày"),
            (sheet[$"C{row}"], sheet[$"D{row}"], sheet[$"E{row}"], sheet[$"F{row}"], sheet[$"G{row}"]));
        Assert.Equal("Yêu cầu bổ sung", sheet[$"F{RowOf(sheet, "Phường Đoàn Kết")}"]);
        Assert.Throws<InvalidOperationException>(() => RowOf(sheet, "Phường Quyết Thắng"));
        Assert.Equal(16, sheet.Cells.Keys.Count(k => k.StartsWith('A')) - 3);
    }

    private static int RowOf(Sheet sheet, string unitName) =>
        int.Parse(sheet.Cells.Single(c => c.Key.StartsWith('B') && c.Value == unitName).Key[1..], System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Sheet(Dictionary<string, string> Cells, Dictionary<string, string> Formats)
    {
        public string this[string reference] => Cells[reference];
        public string? DateFormatOf(string reference) => Formats.GetValueOrDefault(reference);
    }

    private static Sheet Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var cellFormats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var cells = new Dictionary<string, string>();
        var cellFormatsByRef = new Dictionary<string, string>();
        foreach (var cell in workbook.WorksheetParts.Single().Worksheet!.Descendants<Cell>())
        {
            var reference = cell.CellReference!.Value!;
            cells[reference] = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue!.Text;
            if (cell.StyleIndex?.Value is { } style && cellFormats[(int)style].NumberFormatId?.Value is { } id && formats.TryGetValue(id, out var code))
            {
                cellFormatsByRef[reference] = code;
            }
        }
        return new Sheet(cells, cellFormatsByRef);
    }
}
