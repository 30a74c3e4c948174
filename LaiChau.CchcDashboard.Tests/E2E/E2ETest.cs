using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// The base of every browser test: a fresh app on a real port (its own database) per test, and
/// Debian Chromium from the shared fixture.
/// </summary>
public abstract class E2ETest(BrowserFixture browser) : IAsyncLifetime
{
    protected E2EServer Server { get; private set; } = null!;

    protected IBrowser Browser => browser.RequireBrowser();

    /// <summary>Configuration a test class needs on its server (keys as in appsettings).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ServerSettings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        await browser.EnsureConnectedAsync();
        Server = new E2EServer(ServerSettings);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A separate browser window (its own cookies), in Vietnamese.</summary>
    protected Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new() { Locale = "vi-VN" });
}
