using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ReportWorkflowTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task UnitSubmits_HomeAffairsReturnsWithAComment_UnitResubmits()
    {
        var unitContext = await NewContextAsync();
        var reviewerContext = await NewContextAsync();
        var unitPage = await unitContext.NewPageAsync();
        var reviewerPage = await reviewerContext.NewPageAsync();

        await new LoginPage(unitPage, Server.BaseUrl).SignInAsync("tanphong");
        var report = new ReportEditorPage(unitPage, Server.BaseUrl);
        await report.OpenFirstFromListAsync();
        await report.FillOutlineAsync();
        await report.SubmitAsync();
        await Assertions.Expect(report.State).ToHaveTextAsync("Đã nộp");
        var reportUrl = unitPage.Url;

        await new LoginPage(reviewerPage, Server.BaseUrl).SignInAsync("noivu");
        var tracking = new TrackingPage(reviewerPage, Server.BaseUrl);
        await tracking.GotoAsync();
        await Assertions.Expect(tracking.Cell("Phường Tân Phong")).ToContainTextAsync("Đã nộp");
        await Assertions.Expect(tracking.Cell("Phường Tân Phong")).ToContainTextAsync("Nộp 18/05/2020 08:00 · đúng hạn");
        await tracking.OpenReportAsync("Phường Tân Phong");
        await Assertions.Expect(tracking.ByTestId("report-readonly")).ToContainTextAsync("15/BC-UBND");
        await tracking.ReturnAsync("Đề nghị bổ sung danh sách văn bản đã ban hành.");

        await unitPage.GotoAsync(reportUrl);
        await report.WaitForInteractiveAsync();
        await report.ByTestId("report-form").WaitForAsync();
        await Assertions.Expect(report.ReturnComment).ToContainTextAsync("Đề nghị bổ sung danh sách văn bản đã ban hành.");
        await Assertions.Expect(report.Field("report-number")).ToHaveValueAsync("15/BC-UBND");
        await report.FillAsync("report-participants", "400");
        await report.SubmitAsync();

        await Assertions.Expect(report.State).ToHaveTextAsync("Đã nộp lại");
        await Assertions.Expect(report.Timeline).ToContainTextAsync("Yêu cầu bổ sung — Lò Thị Mai");
        await Assertions.Expect(report.Timeline).ToContainTextAsync("Đã nộp lại — Nguyễn Thị Hà");
        await tracking.GotoAsync();
        await Assertions.Expect(tracking.Cell("Phường Tân Phong")).ToContainTextAsync("Đã nộp lại");
    }

    [Fact]
    public async Task UnsavedTyping_SurvivesALostConnection_AndIsOfferedBackOnTheNextVisit()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync("tanphong");
        var report = new ReportEditorPage(page, Server.BaseUrl);
        await report.OpenFirstFromListAsync();

        await report.FillAsync("report-results", "Nội dung chưa kịp lưu thì mất kết nối.");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('cchc.report-draft.') && localStorage.getItem(k).includes('\"Results\":\"N'))");
        await page.ReloadAsync();
        await report.WaitForInteractiveAsync();
        await report.ByTestId("draft-restore").ClickAsync();

        await Assertions.Expect(report.Field("report-results")).ToHaveValueAsync("Nội dung chưa kịp lưu thì mất kết nối.");
        await Assertions.Expect(report.ByTestId("draft-backup")).ToHaveCountAsync(0);
    }
}
