using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// Lãnh đạo watches the overview in one browser while a unit acts in another, through the real
/// report editor and activity pages; the leader's page changes by itself.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewLiveTests(BrowserFixture browser) : E2ETest(browser)
{
    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string userName)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync(userName);
        return (context, page);
    }

    [Fact]
    public async Task Leader_WatchingTheOverview_SeesAUnitsSubmissionWithoutReloading()
    {
        var (leaderContext, leaderPage) = await SignInAsync("lanhdao");
        await using var _ = leaderContext;
        var overview = new OverviewPage(leaderPage, Server.BaseUrl);
        await overview.GotoAsync();
        await Expect(overview.SixMonthCountdown).ToHaveTextAsync("còn 7 ngày");
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("4");
        await Expect(overview.DueSoonList).ToContainTextAsync("Phường Tân Phong");
        await overview.MarkDocumentAsync();

        var (unitContext, unitPage) = await SignInAsync("tanphong");
        await using var __ = unitContext;
        var editor = new ReportEditorPage(unitPage, Server.BaseUrl);
        await editor.OpenFirstFromListAsync();
        await editor.FillOutlineAsync();
        await editor.SubmitAsync();

        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("5", new() { Timeout = 10_000 });
        await Expect(overview.SixMonthOnTime).ToHaveTextAsync("5");
        await Expect(overview.DueSoonList).Not.ToContainTextAsync("Phường Tân Phong");
        Assert.Equal("same-document", await overview.DocumentMarkAsync());
        // The unit's own overview heard it too.
        await unitPage.GotoAsync(Server.BaseUrl + "/");
        await Expect(new OverviewPage(unitPage, Server.BaseUrl).SixMonthSubmitted).ToHaveTextAsync("5");
    }

    [Fact]
    public async Task Leader_WatchingTheOverview_SeesAUnitLogProgressInItsOwnWindow()
    {
        int taskId;
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            // Section IV.4: Đài Truyền thanh thành phố's standing task, not started, never updated.
            taskId = await db.Activities.Where(a => a.Kind == ActivityKind.StandingTask && a.LeadUnit!.Code == "DAI-TT").Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
        }
        var (leaderContext, leaderPage) = await SignInAsync("lanhdao");
        await using var _ = leaderContext;
        var overview = new OverviewPage(leaderPage, Server.BaseUrl);
        await overview.GotoAsync();
        await Expect(overview.StaleCount).ToHaveTextAsync("Chưa cập nhật tháng này (8)");
        await Expect(overview.TasksInProgress).ToHaveTextAsync("5");
        await overview.MarkDocumentAsync();

        var (unitContext, unitPage) = await SignInAsync("daitt");
        await using var __ = unitContext;
        var activity = new ActivityPage(unitPage, Server.BaseUrl);
        await activity.GotoAsync(taskId);
        await activity.AddUpdateAsync("Phát sóng 3 chuyên mục CCHC trên loa truyền thanh không dây.", articles: 3);
        await Expect(activity.Log).ToContainTextAsync("Phát sóng 3 chuyên mục CCHC");

        await Expect(overview.StaleCount).ToHaveTextAsync("Chưa cập nhật tháng này (7)", new() { Timeout = 10_000 });
        await Expect(overview.TasksInProgress).ToHaveTextAsync("6");
        Assert.Equal("same-document", await overview.DocumentMarkAsync());
    }
}
