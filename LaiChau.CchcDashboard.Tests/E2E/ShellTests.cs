namespace LaiChau.CchcDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture browser) : IAsyncLifetime
{
    private E2EServer _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = new E2EServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Leader_SignsIn_AndSeesTheVietnameseShellWithTheDemoBanner()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        var shell = await new LoginPage(page, _server.BaseUrl).SignInAsync("lanhdao");

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
