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
        Assert.Equal("Đã nộp", await report.State.InnerTextAsync());
        var reportUrl = unitPage.Url;

        await new LoginPage(reviewerPage, Server.BaseUrl).SignInAsync("noivu");
        var tracking = new TrackingPage(reviewerPage, Server.BaseUrl);
        await tracking.GotoAsync();
        Assert.Contains("Đã nộp", await tracking.Cell("Phường Tân Phong").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Nộp 18/05/2020 08:00 · đúng hạn", await tracking.Cell("Phường Tân Phong").InnerTextAsync(), StringComparison.Ordinal);
        await tracking.OpenReportAsync("Phường Tân Phong");
        Assert.Contains("15/BC-UBND", await tracking.ByTestId("report-readonly").InnerTextAsync(), StringComparison.Ordinal);
        await tracking.ReturnAsync("Đề nghị bổ sung danh sách văn bản đã ban hành.");

        await unitPage.GotoAsync(reportUrl);
        await report.WaitForInteractiveAsync();
        await report.ByTestId("report-form").WaitForAsync();
        Assert.Contains("Đề nghị bổ sung danh sách văn bản đã ban hành.", await report.ReturnComment.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("15/BC-UBND", await report.Field("report-number").InputValueAsync());
        await report.FillAsync("report-participants", "400");
        await report.SubmitAsync();

        Assert.Equal("Đã nộp lại", await report.State.InnerTextAsync());
        var timeline = await report.Timeline.InnerTextAsync();
        Assert.Contains("Yêu cầu bổ sung — Lò Thị Mai", timeline, StringComparison.Ordinal);
        Assert.Contains("Đã nộp lại — Nguyễn Thị Hà", timeline, StringComparison.Ordinal);
        await tracking.GotoAsync();
        Assert.Contains("Đã nộp lại", await tracking.Cell("Phường Tân Phong").InnerTextAsync(), StringComparison.Ordinal);
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
