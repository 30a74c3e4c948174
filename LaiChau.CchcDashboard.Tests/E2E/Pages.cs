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
        // Wait for the sign-in POST's own answer rather than for the next URL: a refused sign-in then
        // fails here with the page's message instead of timing out, and a slow first request (a fresh
        // server on a busy machine) is waited for as long as the response takes, not a URL poll.
        var response = await Page.RunAndWaitForResponseAsync(
            () => ByTestId("login-submit").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
        if (response.Status != 302)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {response.Status}: {await ByTestId("login-error").TextContentAsync()}");
        }
        // Polls the address rather than WaitForURLAsync: when the redirect has already landed,
        // WaitForURLAsync waits for the new document's load event instead (Playwright's Commit maps to
        // no load state), which a busy machine was seen to miss for a minute.
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 60_000 });
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
