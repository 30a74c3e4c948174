using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>Page objects (CleanArchitecture's BasePage): tests speak in user actions, not selectors.</summary>
public abstract class BasePage(IPage page, string baseUrl)
{
    public IPage Page { get; } = page;
    protected string BaseUrl { get; } = baseUrl;

    public ILocator ByTestId(string id) => Page.Locator($"[data-testid='{id}']");

    /// <summary>
    /// Waits until Blazor's circuit is connected, so clicks reach the server. The layout marks the
    /// body with data-interactive once its first interactive render has run.
    /// </summary>
    public async Task WaitForInteractiveAsync() =>
        await Page.Locator("body[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
}

public sealed class LoginPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public async Task GotoAsync() => await Page.GotoAsync(BaseUrl + "/account/login");

    public async Task<ShellPage> SignInAsync(string userName, string password = "Demo@2020")
    {
        await GotoAsync();
        await ByTestId("login-username").FillAsync(userName);
        await ByTestId("login-password").FillAsync(password);
        await ByTestId("login-submit").ClickAsync();
        // Leaving the sign-in page is enough here; readiness is the circuit, awaited next.
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var shell = new ShellPage(Page, BaseUrl);
        await shell.WaitForInteractiveAsync();
        return shell;
    }
}

public sealed class ShellPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public ILocator DemoBanner => ByTestId("demo-banner");
    public ILocator UserName => ByTestId("user-name");
    public ILocator NavMenu => ByTestId("nav-menu");

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(BaseUrl + path);
        await WaitForInteractiveAsync();
    }
}
