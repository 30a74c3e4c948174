using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// One Debian Chromium for the end-to-end tests (never a downloaded browser). Without a browser
/// the tests are skipped locally but fail in CI (CI=true), where a missing browser is a broken build.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        // Expectations wait up to 15 s (Playwright's default is 5 s): the app, its database and
        // Chromium share two cores in CI. A met expectation returns at once.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync(_playwright);
    }

    /// <summary>
    /// Called before each test: if Chromium has gone away (crashed, killed), a new one is started, so
    /// one lost browser fails one test rather than every test after it.
    /// </summary>
    public async ValueTask EnsureConnectedAsync()
    {
        if (_playwright is null || Browser is { IsConnected: true })
        {
            return;
        }
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Browser = await LaunchAsync(_playwright);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });

    /// <summary>The browser, or a skip (locally) / failure (CI) when Chromium is not installed.</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is not null)
        {
            return Browser;
        }
        if (InCi)
        {
            Assert.Fail($"Chromium is required in CI but {ChromiumPath} was not found (apt-get install chromium).");
        }
        Assert.Skip($"Chromium not found at {ChromiumPath}; install Debian's chromium package to run the browser tests.");
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
