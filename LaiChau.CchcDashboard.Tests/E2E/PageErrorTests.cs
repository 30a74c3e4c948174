using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>A page whose action fails shows a Vietnamese message and a reload; the window keeps working.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageErrorTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task AcceptingAReport_WhenTheDatabaseCannotWrite_ShowsTheErrorMessage_AndTheWindowStaysUsable()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync("noivu");
        var tracking = new TrackingPage(page, Server.BaseUrl);
        await tracking.GotoAsync();
        await tracking.OpenReportAsync("Phòng Tư pháp");
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await DatabaseFaults.RefuseAsync(db, "Reports", "disk I/O error", "UPDATE");
        }

        // No signed copy yet: accepting it needs a reason.
        await page.Locator("[data-testid='accept-note-input'] textarea, textarea[data-testid='accept-note-input']").First
            .FillAsync("Bản ký gửi qua đường văn thư.");
        await tracking.ByTestId("report-accept").ClickAsync();

        await Expect(tracking.ByTestId("page-error")).ToContainTextAsync("Trang này gặp lỗi và không thể tiếp tục.");
        await Expect(tracking.ByTestId("page-reload")).ToBeVisibleAsync();
        // The connection is still alive: the drawer still navigates.
        await tracking.ByTestId("nav-menu").GetByText("Tổng quan").ClickAsync();
        await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-main-content")).ToContainTextAsync("Báo cáo 6 tháng đầu năm 2020");
    }
}
