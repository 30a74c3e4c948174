using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>Blazor Server and MudBlazor work under the app's Content-Security-Policy: no violation on any page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : E2ETest(browser)
{
    [Theory]
    [InlineData("noivu", new[] { "/", "/reports", "/activities", "/plan", "/reminders", "/notifications", "/admin/units", "/admin/users" })]
    [InlineData("tanphong", new[] { "/reports", "/activities" })]
    public async Task Pages_BecomeInteractive_WithoutAnyCspViolation(string userName, string[] paths)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(page.Url + ": " + message.Text);
            }
        };
        var login = new LoginPage(page, Server.BaseUrl);
        await login.GotoAsync();

        var shell = await login.SignInAsync(userName);
        foreach (var path in paths)
        {
            await shell.GotoAsync(path);
            // A MudBlazor popover (the user menu) needs its script and styles too.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.Empty(violations);
    }
}
