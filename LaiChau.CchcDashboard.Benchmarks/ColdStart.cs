using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// Cold start to <c>GET /health</c> 200 (issue 10): each published app (a folder from
/// <c>dotnet publish</c>, with and without ReadyToRun) is started as <c>dotnet LaiChau.CchcDashboard.dll</c>
/// in Production on a copy of an existing (migrated) database, and the time from process start to
/// the first 200 is taken, polled every 20 ms; the variants alternate, after one untimed start of
/// each (it warms the file cache and finishes anything a first start on a database does).
/// <code>dotnet run -c Release --project LaiChau.CchcDashboard.Benchmarks -- coldstart --db /tmp/cchc-bench/province-5000.db --runs 5 /tmp/pub-jit /tmp/pub-r2r</code>
/// </summary>
public static class ColdStart
{
    public static async Task<int> RunAsync(string[] args)
    {
        var database = CommandLine.Option(args, "--db") ?? Path.Combine(ScaleHost.Folder, "province-5000.db");
        var runs = int.Parse(CommandLine.Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var apps = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        var work = Path.Combine(ScaleHost.Folder, "coldstart-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var copy = Path.Combine(work, "cchc.db");
        File.Copy(database, copy, overwrite: true);
        try
        {
            var times = apps.ToDictionary(a => a, _ => new List<double>());
            for (var run = 0; run <= runs; run++)
            {
                foreach (var app in apps)
                {
                    var seconds = await StartOnceAsync(app, copy, work);
                    Console.WriteLine(FormattableString.Invariant($"// {(run == 0 ? "untimed" : "run " + run)} {app}: {seconds:0.00} s"));
                    if (run > 0)
                    {
                        times[app].Add(seconds);
                    }
                }
            }
            foreach (var (app, list) in times)
            {
                list.Sort();
                Console.WriteLine(FormattableString.Invariant($"{app}: median {list[list.Count / 2]:0.00} s, {list[0]:0.00}–{list[^1]:0.00} s ({list.Count} runs)"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<double> StartOnceAsync(string app, string database, string work)
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Default"] = $"Data Source={database}",
                ["Jobs__SqlitePath"] = Path.Combine(work, "hangfire.db"),
                ["Smtp__PickupFolder"] = Path.Combine(work, "mail"),
                ["Admin__Email"] = "admin@example.gov.vn",
                ["Admin__Password"] = "ColdStart@2020-" + Environment.ProcessId,
            },
        };
        start.ArgumentList.Add(Path.Combine(app, "LaiChau.CchcDashboard.dll"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri($"http://127.0.0.1:{port}/health");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{app} exited with {process.ExitCode} before /health answered.");
                }
                try
                {
                    using var response = await http.GetAsync(health);
                    if ((int)response.StatusCode == 200)
                    {
                        return clock.Elapsed.TotalSeconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(20);
            }
            throw new TimeoutException($"{app}: no /health 200 within 2 minutes.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
