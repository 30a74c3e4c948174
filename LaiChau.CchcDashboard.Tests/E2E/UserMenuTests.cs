using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>The user menu in the app bar, used with the mouse as a person would.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class UserMenuTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task ClickingTheUserName_OpensTheMenu_AndSignOutReturnsToSignIn()
    {
        await using var context = await NewContextAsync();
        var shell = await new LoginPage(await context.NewPageAsync(), Server.BaseUrl).SignInAsync("tanphong");

        await shell.UserName.ClickAsync();
        await Expect(shell.ByTestId("user-role")).ToContainTextAsync("Phường Tân Phong");
        await shell.ByTestId("logout").ClickAsync();

        await Expect(shell.Page).ToHaveURLAsync(LoginUrl());
        await shell.Page.GotoAsync(Server.BaseUrl + "/reports");
        await Expect(shell.Page).ToHaveURLAsync(LoginUrl());
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginUrl();
}
