using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>The Nhắc nhở page and the bell, in a real browser.</summary>
public sealed class RemindersPageObject(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public ILocator BellCount => ByTestId("bell-count");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(BaseUrl + "/reminders");
        await WaitForInteractiveAsync();
    }

    public async Task SendManualAsync(string unitName, string note)
    {
        await ByTestId("manual-reminder").ClickAsync();
        await ByTestId("manual-reminder-dialog").WaitForAsync();
        await ByTestId("manual-unit").ClickAsync();
        await Page.Locator(".mud-popover-open").GetByText(unitName, new() { Exact = true }).ClickAsync();
        await Page.Locator("textarea[data-testid='manual-note']").FillAsync(note);
        await ByTestId("manual-send").ClickAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ReminderTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task ManualReminder_FromNhacNho_ShowsInHistory_AndLightsTheUnitsBellLive()
    {
        var unitContext = await NewContextAsync();
        var unitShell = await new LoginPage(await unitContext.NewPageAsync(), Server.BaseUrl).SignInAsync("tanphong");
        var unitBell = new RemindersPageObject(unitShell.Page, Server.BaseUrl).BellCount;
        await Assertions.Expect(unitBell).ToHaveTextAsync("0");

        var homeAffairsContext = await NewContextAsync();
        var shell = await new LoginPage(await homeAffairsContext.NewPageAsync(), Server.BaseUrl).SignInAsync("noivu");
        var reminders = new RemindersPageObject(shell.Page, Server.BaseUrl);
        await reminders.GotoAsync();
        await Assertions.Expect(reminders.ByTestId("history-empty")).ToBeVisibleAsync();

        await reminders.SendManualAsync("Phường Tân Phong", "Đề nghị nộp báo cáo trước thứ Sáu.");

        await Assertions.Expect(reminders.ByTestId("history-table")).ToContainTextAsync("Nhắc thủ công");
        await Assertions.Expect(reminders.ByTestId("history-table")).ToContainTextAsync("ph-tan-phong@laichau.example");
        // No reload on the unit's side: the bell hears about the new notification.
        await Assertions.Expect(unitBell).ToHaveTextAsync("1");
    }
}
