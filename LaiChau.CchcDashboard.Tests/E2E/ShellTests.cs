using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task Leader_SignsIn_AndSeesTheVietnameseShellWithTheDemoBanner()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        var shell = await new LoginPage(page, Server.BaseUrl).SignInAsync("lanhdao");

        await Expect(shell.UserName).ToHaveTextAsync("Trần Minh Đức");
        await Expect(shell.DemoBanner).ToContainTextAsync("Chế độ trình diễn — thời gian giả lập: 18/05/2020 08:00");
        foreach (var item in new[] { "Tổng quan", "Hoạt động", "Báo cáo", "Nhắc nhở", "Kế hoạch" })
        {
            await Expect(shell.NavMenu).ToContainTextAsync(item);
        }
        await Expect(shell.NavMenu).Not.ToContainTextAsync("Quản trị");
    }
}
