using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// The base of every browser test: a fresh app on a real port (its own database) per test, and
/// Debian Chromium from the shared fixture. Every window is traced (Playwright tracing); when the
/// test fails, the trace is kept as TestResults/playwright-traces/{test}-{n}.zip and its path is
/// written to the test log (open it with `pwsh bin/Debug/net10.0/playwright.ps1 show-trace` or
/// trace.playwright.dev).
/// </summary>
public abstract class E2ETest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected E2EServer Server { get; private set; } = null!;

    protected IBrowser Browser => browser.RequireBrowser();

    /// <summary>Configuration a test class needs on its server (keys as in appsettings).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ServerSettings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        await browser.EnsureConnectedAsync();
        Server = new E2EServer(ServerSettings);
        await Server.WarmUpAsync();
    }

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        for (var i = 0; i < _contexts.Count; i++)
        {
            await StopTracingAsync(_contexts[i], failed ? TracePath(i) : null);
            await _contexts[i].DisposeAsync();
        }
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A separate browser window (its own cookies), in Vietnamese, traced. The test base closes it
    /// after the test (so a failed test's trace can still be saved): do not dispose it in the test.
    /// </summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new() { Locale = "vi-VN" });
        await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true, Sources = false });
        _contexts.Add(context);
        return context;
    }

    private static string TracePath(int index)
    {
        var name = string.Concat((TestContext.Current.Test?.TestDisplayName ?? "test").Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "playwright-traces");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name[..Math.Min(name.Length, 150)]}-{index + 1}.zip");
    }

    private static async Task StopTracingAsync(IBrowserContext context, string? path)
    {
        try
        {
            await context.Tracing.StopAsync(new() { Path = path });
            if (path is not null)
            {
                TestContext.Current.SendDiagnosticMessage($"Playwright trace of the failed test: {path}");
                TestContext.Current.TestOutputHelper?.WriteLine($"Playwright trace of the failed test: {path}");
            }
        }
        catch (PlaywrightException)
        {
            // The window was closed by the test itself or the browser went away: no trace to keep.
        }
    }
}
