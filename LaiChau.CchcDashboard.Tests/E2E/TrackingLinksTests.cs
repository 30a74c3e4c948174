using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>The link from the overview to one unit, and the manual reminder from the call list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrackingLinksTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task HomeAffairs_FollowsTheOverviewLinkToOneUnit_AndRemindsItFromTheCallList()
    {
        int unitId, periodId;
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            unitId = (await db.Units.SingleAsync(u => u.Code == "PH-TAN-PHONG", TestContext.Current.CancellationToken)).Id;
            periodId = (await db.Periods.SingleAsync(p => p.Kind == PeriodKind.SixMonth, TestContext.Current.CancellationToken)).Id;
        }
        var context = await NewContextAsync();
        var shell = await new LoginPage(await context.NewPageAsync(), Server.BaseUrl).SignInAsync("noivu");

        await shell.GotoAsync($"/reports?unit={unitId}&period={periodId}");

        await Assertions.Expect(shell.ByTestId("unit-focus")).ToContainTextAsync("Phường Tân Phong");
        await Assertions.Expect(shell.ByTestId("tracking-matrix").Locator("tbody tr")).ToHaveCountAsync(1);

        await shell.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Danh sách gọi") }).ClickAsync();
        await shell.ByTestId($"remind-{unitId}").ClickAsync();
        await shell.ByTestId("manual-reminder-dialog").WaitForAsync();
        await shell.Page.Locator("textarea[data-testid='manual-note']").FillAsync("Đề nghị nộp báo cáo trước ngày 22/05.");
        await shell.ByTestId("manual-send").ClickAsync();
        await Assertions.Expect(shell.ByTestId("manual-reminder-dialog")).ToHaveCountAsync(0);

        await using var check = await Server.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var reminder = await check.Reminders.SingleAsync(r => r.IsManual, TestContext.Current.CancellationToken);
        Assert.Equal((unitId, periodId), (reminder.UnitId, reminder.PeriodId));
        Assert.Equal("Đề nghị nộp báo cáo trước ngày 22/05.", reminder.Note);

        await shell.ByTestId("unit-focus-clear").ClickAsync();
        await shell.Page.GetByRole(AriaRole.Tab, new() { Name = "Bảng theo dõi" }).ClickAsync();
        await Assertions.Expect(shell.ByTestId("tracking-matrix").Locator("tbody tr")).ToHaveCountAsync(20);
    }
}
