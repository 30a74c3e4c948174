using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>The lead unit corrects and removes entries of its progress log in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressCorrectionTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task LeadUnit_CorrectsAnEntry_AndRemovesAnother_FromTheActivityPage()
    {
        int activityId;
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            // Key activity 1, led by Đài Truyền thanh thành phố, has three demo entries.
            activityId = await db.Activities.Where(a => a.Kind == ActivityKind.KeyActivity && a.Order == 1).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
        }
        var context = await NewContextAsync();
        await new LoginPage(await context.NewPageAsync(), Server.BaseUrl).SignInAsync("daitt");
        var page = new ActivityPage(context.Pages[0], Server.BaseUrl);
        await page.GotoAsync(activityId);
        await Expect(page.Entries).ToHaveCountAsync(3);

        await page.CorrectNewestAsync("Đưa tin kết quả CCHC quý I (đã sửa: 5 tin trên trang thành phố).");

        await Expect(page.Entries.First).ToContainTextAsync("Đưa tin kết quả CCHC quý I (đã sửa: 5 tin trên trang thành phố).");
        await Expect(page.Entries.First.Locator("[data-testid='progress-edited']")).ToContainTextAsync("sửa lúc 18/05/2020 08:00");

        await page.RemoveAsync(page.Entries.Nth(1));

        await Expect(page.Entries).ToHaveCountAsync(2);
        await Expect(page.Log).Not.ToContainTextAsync("Phóng sự về dịch vụ công trực tuyến");
    }
}
