using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// Memory held per open circuit (issue 10): the app runs in a child process (<c>serve</c>, Kestrel
/// on 127.0.0.1, server GC like the app) on a copy of a database; Debian Chromium (headless,
/// Playwright) signs in once as Phòng Nội vụ and opens N tabs of <c>/</c>, then of <c>/reports</c>
/// (N = 1, 10, 30 by default), each waited for until interactive; after each N the server forces a
/// full compacting collection and reports its managed heap (<see cref="GC.GetTotalMemory"/>), its
/// resident set (VmRSS of /proc/self/status) and the circuits open (a circuit handler that counts).
/// <code>dotnet run -c Release --project LaiChau.CchcDashboard.Benchmarks -- circuits --db /tmp/cchc-bench/province-5000.db --pages 1,10,30</code>
/// </summary>
public static class CircuitMemory
{
    public const string Path = "/_benchmark/memory";

    private static int _openCircuits;

    /// <summary>The benchmark host's own endpoint and circuit counter (never part of the app).</summary>
    public static void AddEndpoint(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter, MemoryEndpoint>();
        services.AddScoped<CircuitHandler, CountingCircuitHandler>();
    }

    private sealed class MemoryEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Path, branch => branch.Run(async context =>
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                var managed = GC.GetTotalMemory(forceFullCollection: false);
                var rss = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
                await context.Response.WriteAsync(FormattableString.Invariant($"{managed} {long.Parse(rss, CultureInfo.InvariantCulture) * 1024} {Volatile.Read(ref _openCircuits)}"));
            }));
            foreach (var shell in Enum.GetValues<BaselineShell>())
            {
                app.Map(BaselinePages.Prefix + "/" + shell.ToString().ToLowerInvariant(), branch => branch.Run(context => BaselinePages.Result(shell).ExecuteAsync(context)));
            }
            next(app);
        };
    }

    private sealed class CountingCircuitHandler : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _openCircuits);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _openCircuits);
            return Task.CompletedTask;
        }
    }

    /// <summary><c>serve --db X</c>: the app with the memory endpoint until standard input closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var database = CommandLine.Option(args, "--db") ?? ScaleHost.Province;
        await using var host = await ScaleHost.StartAsync(database, kestrel: true);
        Console.WriteLine("listening " + host.BaseUrl);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private readonly record struct Sample(long Managed, long Rss, int Circuits);

    /// <summary>
    /// <c>circuits --db X --pages 1,10,30 [--settle 5] [--paths /,/reports] [--gcdump DIR]</c>: the measurement, printed as a
    /// Markdown table. <c>--paths</c> may name the benchmark host's baseline pages (<see cref="BaselinePages"/>);
    /// <c>--gcdump</c> writes a heap snapshot (dotnet-gcdump) of the server after each sample.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var database = CommandLine.Option(args, "--db") ?? System.IO.Path.Combine(ScaleHost.Folder, "province-5000.db");
        var counts = (CommandLine.Option(args, "--pages") ?? "1,10,30").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Order().ToList();
        var settle = TimeSpan.FromSeconds(double.Parse(CommandLine.Option(args, "--settle") ?? "5", CultureInfo.InvariantCulture));
        var paths = (CommandLine.Option(args, "--paths") ?? "/,/reports").Split(',');
        var dumps = CommandLine.Option(args, "--gcdump");

        using var server = await ChildApp.StartAsync("serve", database);
        var baseUrl = server.BaseUrl;
        using var http = server.NewClient();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSteps.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { Locale = "vi-VN" });
        await BrowserSteps.SignInAsync(context, baseUrl, "noivu");

        // Warm-up: one tab of each page, closed again, so the baseline holds what the first circuit primes (JIT, caches).
        foreach (var path in paths)
        {
            var page = await BrowserSteps.OpenAsync(context, baseUrl + path);
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }
        var baseline = await QuietAsync(http, 0, settle);
        Console.WriteLine(FormattableString.Invariant($"// {database}; baseline after sign-in and warm-up: managed {Mb(baseline.Managed)} MB, RSS {Mb(baseline.Rss)} MB"));
        Console.WriteLine("| page | open tabs | circuits | managed heap MB | RSS MB | managed per circuit (vs baseline) | managed per circuit (since previous N) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var path in paths)
        {
            var pages = new List<IPage>();
            var previous = (Count: 0, Sample: baseline);
            foreach (var n in counts)
            {
                while (pages.Count < n)
                {
                    pages.Add(await BrowserSteps.OpenAsync(context, baseUrl + path));
                }
                var sample = await QuietAsync(http, n, settle);
                Console.WriteLine(FormattableString.Invariant(
                    $"| `{path}` | {n} | {sample.Circuits} | {Mb(sample.Managed)} | {Mb(sample.Rss)} | {Kb((sample.Managed - baseline.Managed) / n)} KB | {Kb((sample.Managed - previous.Sample.Managed) / (n - previous.Count))} KB |"));
                previous = (n, sample);
                if (dumps is not null)
                {
                    await GcDumpAsync(server.ProcessId, System.IO.Path.Combine(dumps, FormattableString.Invariant($"{(path.Trim('/') is { Length: > 0 } name ? name.Replace('/', '-') : "overview")}-{n}.gcdump")));
                }
            }
            foreach (var page in pages)
            {
                await page.CloseAsync(new() { RunBeforeUnload = true });
            }
            baseline = await QuietAsync(http, 0, settle);
            Console.WriteLine(FormattableString.Invariant($"// after closing the {path} tabs: managed {Mb(baseline.Managed)} MB, RSS {Mb(baseline.Rss)} MB, circuits {baseline.Circuits}"));
        }
        await context.CloseAsync();
        return 0;
    }

    private static async Task GcDumpAsync(int processId, string file)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!);
        var tools = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        using var dump = Process.Start(File.Exists(tools) ? tools : "dotnet-gcdump", ["collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", file])
            ?? throw new InvalidOperationException("dotnet-gcdump did not start.");
        await dump.WaitForExitAsync();
    }

    /// <summary>Waits until the expected circuits are open (closed tabs' circuits gone), lets the pages settle, then samples.</summary>
    private static async Task<Sample> QuietAsync(HttpClient http, int circuits, TimeSpan settle)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        Sample sample;
        while ((sample = await SampleAsync(http)).Circuits != circuits && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
        await Task.Delay(settle);
        return await SampleAsync(http);
    }

    private static async Task<Sample> SampleAsync(HttpClient http)
    {
        var parts = (await http.GetStringAsync(new Uri(Path, UriKind.Relative))).Split(' ');
        return new Sample(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Kb(long bytes) => (bytes / 1024d).ToString("#,0", CultureInfo.InvariantCulture);
}
