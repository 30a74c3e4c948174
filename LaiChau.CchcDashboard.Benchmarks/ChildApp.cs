using System.Diagnostics;
using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// The app in a child process of this benchmark program (one of its serving commands, e.g.
/// <c>serve</c> or <c>latency-serve</c>), with server GC like the app: started on a database, it
/// prints "listening &lt;url&gt;" and serves until its standard input closes. Used by the commands
/// that drive the app with a browser from outside its process (<c>circuits</c>, <c>latency</c>).
/// </summary>
internal sealed class ChildApp : IDisposable
{
    private readonly Process _process;

    private ChildApp(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<ChildApp> StartAsync(string command, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment = { ["DOTNET_gcServer"] = "1" },
        };
        foreach (var arg in new[] { typeof(ChildApp).Assembly.Location, command, "--db", database })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        try
        {
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("listening ", StringComparison.Ordinal))
            {
                Console.WriteLine("// server: " + line);
            }
            var baseUrl = line?["listening ".Length..] ?? throw new InvalidOperationException("The app stopped before listening.");
            _ = DrainAsync(process.StandardOutput);
            return new ChildApp(process, baseUrl);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public HttpClient NewClient() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
        }
        process.Dispose();
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            Console.WriteLine("// server: " + line);
        }
    }
}

/// <summary>The browser steps the out-of-process benchmarks share (generous timeouts: the machine may be loaded).</summary>
internal static class BrowserSteps
{
    /// <summary>Debian's Chromium, headless; background tabs keep their timers and sockets as a user's open tabs do.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });

    public static async Task SignInAsync(IBrowserContext context, string baseUrl, string userName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/account/login", new() { Timeout = 120_000 });
        await page.GetByTestId("login-username").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync("Demo@2020");
        await page.GetByTestId("login-submit").ClickAsync(new() { Timeout = 120_000 });
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 120_000 });
        await WaitForInteractiveAsync(page);
        await page.CloseAsync(new() { RunBeforeUnload = true });
    }

    public static async Task<IPage> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new() { Timeout = 120_000 });
        await WaitForInteractiveAsync(page);
        return page;
    }

    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("body[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
}

internal static class CommandLine
{
    /// <summary>The value after <paramref name="name"/> in the arguments, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
