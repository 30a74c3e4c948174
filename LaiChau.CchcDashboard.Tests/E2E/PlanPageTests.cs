using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class PlanPageTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task PhongNoiVu_StartsNextYearsPlan_AndTheAppBarSwitchesToIt()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync("noivu");
        var plan = new PlanPage(page, Server.BaseUrl);
        await plan.GotoAsync();
        await Expect(plan.Title).ToHaveTextAsync("Tuyên truyền công tác cải cách hành chính thành phố Lai Châu năm 2020");
        await Expect(page.Locator("[data-testid='plan-appendix']")).ToContainTextAsync("Quý III/2020");

        await plan.CloneIntoNextYearAsync();

        await Expect(plan.Title).ToHaveTextAsync("Tuyên truyền công tác cải cách hành chính thành phố Lai Châu năm 2021", new() { Timeout = 10_000 });
        await Expect(plan.NotIssued).ToContainTextAsync("Kế hoạch năm 2021 chưa có số và ngày ban hành");
        await Expect(plan.PlanSelector).ToContainTextAsync("Kế hoạch năm 2021 (chưa ban hành)");
        await Expect(page.Locator("[data-testid='plan-appendix']")).ToContainTextAsync("Quý III/2021");
    }

    [Fact]
    public async Task Leader_ReadsThePlan_WithoutTheButtonsThatChangeIt()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync("lanhdao");
        var plan = new PlanPage(page, Server.BaseUrl);
        await plan.GotoAsync();

        await Expect(page.Locator("[data-testid='plan-signer']")).ToContainTextAsync("Lương Chiến Công");
        await Expect(page.Locator("[data-testid='plan-pdf']")).ToHaveAttributeAsync("href", "/documents/plans/1.pdf");
        await Expect(plan.CloneButton).ToHaveCountAsync(0);
    }
}
