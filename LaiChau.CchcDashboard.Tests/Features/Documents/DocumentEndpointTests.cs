using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Fonts;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

public sealed class DocumentEndpointTests : IClassFixture<DocumentEndpointTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private readonly Host _factory;

    public DocumentEndpointTests(Host host)
    {
        TestFonts.Require();
        _factory = host;
    }

    private async Task<int> ReportOfAsync(string unitCode)
    {
        var dbFactory = _factory.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Reports.Where(r => r.Unit!.Code == unitCode && r.Period!.Kind == LaiChau.CchcDashboard.Data.Entities.PeriodKind.SixMonth)
            .Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url) =>
        await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Documents_Anonymous_AreRefused()
    {
        using var client = _factory.NewClient();

        foreach (var url in new[] { DocumentLinks.UnitReport(1), DocumentLinks.BlankOutline(1), DocumentLinks.Consolidated(1), DocumentLinks.Plan(1) })
        {
            using var response = await GetAsync(client, url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnitReport_OwnUnit_IsAnInlinePdfWithAReadableName()
    {
        using var client = await _factory.SignedInClientAsync("tanphong");

        using var response = await GetAsync(client, DocumentLinks.UnitReport(await ReportOfAsync("PH-TAN-PHONG")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType ?? HeaderDisposition(response));
        Assert.Contains("bao-cao-6-thang-2020-phuong-tan-phong.pdf", response.Content.Headers.ContentDisposition?.ToString() ?? HeaderDisposition(response), StringComparison.Ordinal);
        using var pdf = new PdfReadBack(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        pdf.AssertOfficialLayout();
        pdf.AssertInOrder("DỰ THẢO", "UBND PHƯỜNG TÂN PHONG", "BÁO CÁO", "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính 6 tháng đầu năm 2020",
            "Thực hiện Kế hoạch số 93/KH-UBND ngày 17/01/2020 của UBND thành phố Lai Châu");
    }

    private static string HeaderDisposition(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Disposition", out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task UnitReport_AnotherUnitsReport_IsForbiddenForUnitStaff()
    {
        using var client = await _factory.SignedInClientAsync("tanphong");

        using var response = await GetAsync(client, DocumentLinks.UnitReport(await ReportOfAsync("P-TU-PHAP")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("noivu")]
    [InlineData("lanhdao")]
    [InlineData("quantri")]
    public async Task UnitReport_CityLevelRoles_CanPrintAnyUnitsReport(string user)
    {
        using var client = await _factory.SignedInClientAsync(user);

        using var response = await GetAsync(client, DocumentLinks.UnitReport(await ReportOfAsync("P-TU-PHAP")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnitReportWord_OwnUnit_IsADocxDownloadWithThePdfsName()
    {
        using var client = await _factory.SignedInClientAsync("tanphong");

        using var response = await GetAsync(client, DocumentLinks.Word(DocumentLinks.UnitReport(await ReportOfAsync("PH-TAN-PHONG"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentsExtensions.WordContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("bao-cao-6-thang-2020-phuong-tan-phong.docx", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        using var docx = new DocxReadBack(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        docx.AssertOfficialLayout();
        docx.AssertInOrder("DỰ THẢO", "UBND PHƯỜNG TÂN PHONG", "BÁO CÁO", "Thực hiện Kế hoạch số 93/KH-UBND ngày 17/01/2020 của UBND thành phố Lai Châu");
    }

    [Fact]
    public async Task Word_FollowsThePdfsAccessRules()
    {
        using (var unit = await _factory.SignedInClientAsync("tanphong"))
        {
            using var otherUnit = await GetAsync(unit, DocumentLinks.Word(DocumentLinks.UnitReport(await ReportOfAsync("P-TU-PHAP"))));
            using var consolidated = await GetAsync(unit, DocumentLinks.Word(DocumentLinks.Consolidated(1)));
            using var outline = await GetAsync(unit, DocumentLinks.Word(DocumentLinks.BlankOutline(1)));
            using var plan = await GetAsync(unit, DocumentLinks.Word(DocumentLinks.Plan(1)));
            Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, consolidated.StatusCode);
            Assert.Equal(HttpStatusCode.OK, outline.StatusCode);
            Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
            Assert.Contains("de-cuong-bao-cao-6-thang-2020.docx", outline.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        }
        using var homeAffairs = await _factory.SignedInClientAsync("noivu");
        using var response = await GetAsync(homeAffairs, DocumentLinks.Word(DocumentLinks.Consolidated(1)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bao-cao-tong-hop-6-thang-2020.docx", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        using var anonymous = _factory.NewClient();
        using var refused = await GetAsync(anonymous, DocumentLinks.Word(DocumentLinks.Plan(1)));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task Consolidated_UnitStaff_IsForbidden()
    {
        using var client = await _factory.SignedInClientAsync("tanphong");

        using var response = await GetAsync(client, DocumentLinks.Consolidated(1));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Consolidated_HomeAffairs_SumsTheSubmittedReports()
    {
        using var client = await _factory.SignedInClientAsync("noivu");

        using var response = await GetAsync(client, DocumentLinks.Consolidated(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = new PdfReadBack(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        pdf.AssertOfficialLayout();
        // Demo: Quyết Thắng (accepted), Đài, Tư pháp and Văn phòng submitted on time; Đoàn Kết was returned.
        pdf.AssertInOrder("PHÒNG NỘI VỤ", "Số cơ quan, đơn vị phải báo cáo: 20; đã báo cáo: 4, tỷ lệ báo cáo 20",
            "1. Các cơ quan, đơn vị báo cáo muộn: 0", "2. Các cơ quan, đơn vị chưa báo cáo: 16", "Phường Đoàn Kết", "Yêu cầu bổ sung",
            "II. KẾT QUẢ TUYÊN TRUYỀN", "Tổng cộng");
    }

    [Fact]
    public async Task Consolidated_WithTheNumberDateAndSignerGiven_PrintsThemInTheHeaderAndSignatureBlock()
    {
        using var client = await _factory.SignedInClientAsync("noivu");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var tracking = scope.ServiceProvider.GetRequiredService<ReportTrackingService>();
            var noivu = TestUsers.HomeAffairs();
            var form = await tracking.GetConsolidatedSigningAsync(1, TestContext.Current.CancellationToken);
            form.Number = "7/BC-NV";
            form.Date = new DateTime(2020, 5, 15);
            form.SignerName = "Hoàng Văn Nam";
            form.SignedByDeputy = true;
            Assert.True((await tracking.SaveConsolidatedSigningAsync(noivu, 1, form, TestContext.Current.CancellationToken)).Succeeded);
        }

        using var response = await GetAsync(client, DocumentLinks.Consolidated(1));

        using var pdf = new PdfReadBack(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        pdf.AssertOfficialLayout();
        pdf.AssertInOrder("PHÒNG NỘI VỤ", "Số: 07/BC-NV", "Lai Châu, ngày 15 tháng 5 năm 2020", "BÁO CÁO",
            "Nơi nhận:", "KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Hoàng Văn Nam");
    }

    [Theory]
    [InlineData("tanphong")]
    [InlineData("lanhdao")]
    public async Task PlanAndBlankOutline_AnySignedInUser_GetsThem(string user)
    {
        using var client = await _factory.SignedInClientAsync(user);

        using var plan = await GetAsync(client, DocumentLinks.Plan(1));
        using var outline = await GetAsync(client, DocumentLinks.BlankOutline(1));

        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal(HttpStatusCode.OK, outline.StatusCode);
        Assert.Contains("ke-hoach-93-kh-ubnd-2020.pdf", HeaderDisposition(plan), StringComparison.Ordinal);
        using var pdf = new PdfReadBack(await plan.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        pdf.AssertInOrder("ỦY BAN NHÂN DÂN", "Số: 93/KH-UBND", "KẾ HOẠCH", "Lương Chiến Công", PlanDocument.AppendixTitle);
    }

    [Fact]
    public async Task Documents_UnknownId_AreNotFound()
    {
        using var client = await _factory.SignedInClientAsync("noivu");

        using var response = await GetAsync(client, DocumentLinks.Plan(999));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DocumentFontMissingTests(DocumentFontMissingTests.Host factory) : IClassFixture<DocumentFontMissingTests.Host>
{
    /// <summary>The app pointed at an empty font folder, with the system folders not searched.</summary>
    public sealed class Host : CchcAppFactory
    {
        private readonly DirectoryInfo _emptyFolder = Directory.CreateTempSubdirectory("cchc-nofonts-");

        public Host()
        {
            Settings["Documents:FontFolder"] = _emptyFolder.FullName;
            Settings["Documents:SearchSystemFonts"] = "false";
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            _emptyFolder.Delete(recursive: true);
        }
    }

    private readonly Host _factory = factory;

    [Fact]
    public async Task Pdf_WithoutAUsableFont_ExplainsWhichPackageToInstall()
    {
        using var client = await _factory.SignedInClientAsync("lanhdao");

        using var response = await client.GetAsync(new Uri(DocumentLinks.Plan(1), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var message = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DocumentFonts.MissingMessage, message);
        Assert.Contains("fonts-liberation2", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WithoutAUsableFont_IsDegradedAndTheAppStillWorks()
    {
        using var client = _factory.NewClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("Degraded\n", report, StringComparison.Ordinal);
        Assert.Contains("pdf-fonts: Degraded", report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
