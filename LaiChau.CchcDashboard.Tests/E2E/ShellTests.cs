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

        Assert.Equal("Trần Minh Đức", await shell.UserName.InnerTextAsync());
        Assert.Contains("Chế độ trình diễn — thời gian giả lập: 18/05/2020 08:00", await shell.DemoBanner.InnerTextAsync(), StringComparison.Ordinal);
        var nav = await shell.NavMenu.InnerTextAsync();
        foreach (var item in new[] { "Tổng quan", "Hoạt động", "Báo cáo", "Nhắc nhở", "Kế hoạch" })
        {
            Assert.Contains(item, nav, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Quản trị", nav, StringComparison.Ordinal);
    }
}
