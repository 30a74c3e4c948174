using System.Diagnostics;
using System.Globalization;
using LaiChau.CchcDashboard.Benchmarks.Generation;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// Whether a unit's submit waits for other people's open pages, and how soon an open overview shows
/// it (issue 10, item 6). The app runs in a child process (<c>latency-serve</c>, Kestrel on
/// 127.0.0.1, server GC, Development + demo clock, no job server) on a copy of a database, with a
/// benchmark-only endpoint (<see cref="Path"/>) that submits one unit's 6-month 2020 report through
/// <see cref="ReportService.SubmitAsync"/> and answers how long that call took (server side, a
/// <see cref="Stopwatch"/> around the call) and the wall-clock instant it returned. Before each
/// submit the endpoint makes the report submittable again (Phòng Nội vụ returns it through
/// <see cref="ReportService.ReturnAsync"/> when it counts as submitted), then the client waits
/// <c>--gap</c> seconds so the pages' coalescing window (one re-read per second) has passed.
/// Debian Chromium (headless, Playwright) holds the open pages: <c>/reports</c> tabs signed in as
/// <c>noivu</c>, and the overview <c>/</c> signed in as <c>lanhdao</c>, in which a MutationObserver
/// stamps (<c>Date.now()</c>, same machine clock) the moment the 6-month "đã nộp" figure changes.
/// <code>dotnet run -c Release --project LaiChau.CchcDashboard.Benchmarks -- latency --db /tmp/cchc-bench/province-5000.db --submits 12</code>
/// </summary>
public static class LiveLatency
{
    public const string Path = "/_benchmark/latency";

    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args[0] == "latency-serve" ? ServeAsync(args[1..]) : MeasureAsync(args[1..]);
    }

    // ---- the child process: the app, its benchmark endpoint, until standard input closes ----

    private static async Task<int> ServeAsync(string[] args)
    {
        var database = CommandLine.Option(args, "--db") ?? ScaleHost.Demo;
        await using var host = await LatencyHost.StartAsync(database);
        Console.WriteLine("listening " + host.BaseUrl);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>The app with the benchmark endpoint, on a working copy of a database (after <see cref="ScaleHost"/>).</summary>
    private sealed class LatencyHost(string work) : WebApplicationFactory<Program>
    {
        private string DatabasePath => System.IO.Path.Combine(work, "cchc.db");

        public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

        public static async Task<LatencyHost> StartAsync(string database)
        {
            var work = System.IO.Path.Combine(ScaleHost.Folder, "work-latency-" + System.IO.Path.GetFileNameWithoutExtension(database) + "-" + Environment.ProcessId);
            Directory.CreateDirectory(work);
            foreach (var file in Directory.GetFiles(work))
            {
                File.Delete(file);
            }
            if (database == ScaleHost.Province)
            {
                database = System.IO.Path.Combine(ScaleHost.Folder, "province-5000.db");
                if (!File.Exists(database))
                {
                    await ScaleGenerator.GenerateAsync(new GeneratorSettings(database));
                }
            }
            if (database != ScaleHost.Demo)
            {
                File.Copy(database, System.IO.Path.Combine(work, "cchc.db"));
            }
            var host = new LatencyHost(work);
            host.UseKestrel(0);
            host.StartServer();
            return host;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting($"ConnectionStrings:{DataExtensions.ConnectionStringName}", new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString());
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Jobs:SqlitePath", System.IO.Path.Combine(work, "hangfire.db"));
            builder.UseSetting("Smtp:PickupFolder", System.IO.Path.Combine(work, "mail"));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, SubmitEndpoint>());
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder clean-up.
            }
        }
    }

    private sealed record Target(UserInfo Staff, int UnitId);

    /// <summary>
    /// <c>GET {Path}/setup</c>: picks the 6-month 2020 period and up to 16 units that must report, have an
    /// Đơn vị user and are not accepted; <c>POST {Path}/reset/k</c> makes unit k's report submittable again;
    /// <c>POST {Path}/submit/k</c> submits it and answers "milliseconds-in-SubmitAsync epoch-ms-when-it-returned".
    /// </summary>
    private sealed class SubmitEndpoint : IStartupFilter
    {
        private int _periodId;
        private UserInfo? _homeAffairs;
        private List<Target> _targets = [];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Path + "/setup", branch => branch.Run(SetupAsync));
            app.Map(Path + "/reset", branch => branch.Run(ResetAsync));
            app.Map(Path + "/submit", branch => branch.Run(SubmitAsync));
            next(app);
        };

        private async Task SetupAsync(HttpContext context)
        {
            await using var db = await context.RequestServices.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync();
            var plan = await db.Plans.Where(p => p.Year == 2020).Select(p => p.Id).SingleAsync();
            _periodId = await db.Periods.Where(p => p.PlanId == plan && p.Kind == PeriodKind.SixMonth).Select(p => p.Id).SingleAsync();
            var noivu = await db.Users.Where(u => u.UserName == "noivu").Select(u => new { u.Id, u.FullName, u.UnitId }).SingleAsync();
            _homeAffairs = new UserInfo(noivu.Id, "noivu", noivu.FullName, [AppRoles.HomeAffairs], noivu.UnitId, null);
            var unitRole = await db.Roles.Where(r => r.Name == AppRoles.Unit).Select(r => r.Id).SingleAsync();
            var accepted = db.Reports.Where(r => r.PeriodId == _periodId && r.State == ReportState.Accepted).Select(r => r.UnitId);
            var candidates = await (from u in PeriodProgressQuery.ExpectedUnits(db)
                                    where !accepted.Contains(u.Id)
                                    from user in db.Users
                                    where user.UnitId == u.Id && db.UserRoles.Any(ur => ur.UserId == user.Id && ur.RoleId == unitRole)
                                    orderby u.Id, user.UserName
                                    select new { UnitId = u.Id, UnitName = u.Name, user.Id, user.UserName, user.FullName })
                .ToListAsync();
            var perUnit = candidates.DistinctBy(c => c.UnitId).ToList();
            // Spread over the province (different districts, offices and communes), at most 16.
            var stride = Math.Max(1, perUnit.Count / 16);
            _targets = [.. perUnit.Where((_, i) => i % stride == 0).Take(16)
                .Select(c => new Target(new UserInfo(c.Id, c.UserName!, c.FullName, [AppRoles.Unit], c.UnitId, c.UnitName), c.UnitId))];
            await context.Response.WriteAsync(_targets.Count.ToString(CultureInfo.InvariantCulture));
        }

        private Target TargetOf(HttpContext context) =>
            _targets[int.Parse(context.Request.Path.Value!.Trim('/'), CultureInfo.InvariantCulture) % _targets.Count];

        private async Task ResetAsync(HttpContext context)
        {
            var target = TargetOf(context);
            var reports = context.RequestServices.GetRequiredService<ReportService>();
            await using var db = await context.RequestServices.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync();
            var report = await db.Reports.AsNoTracking().Where(r => r.PeriodId == _periodId && r.UnitId == target.UnitId)
                .Select(r => new { r.Id, r.State, r.Version }).SingleOrDefaultAsync();
            if (report is not null && ReportRules.CountsAsSubmitted(report.State))
            {
                var result = await reports.ReturnAsync(_homeAffairs!, report.Id, report.Version, "Đề nghị bổ sung (đo hiệu năng).");
                await context.Response.WriteAsync(result.Succeeded ? "returned" : "failed: " + string.Join("; ", result.Result.Errors.Values));
                return;
            }
            await context.Response.WriteAsync("ready");
        }

        private async Task SubmitAsync(HttpContext context)
        {
            var target = TargetOf(context);
            var reports = context.RequestServices.GetRequiredService<ReportService>();
            var details = await reports.GetOwnForPeriodAsync(target.Staff, _periodId)
                ?? throw new InvalidOperationException($"No report form for unit {target.UnitId}.");
            var form = Complete(details.Form);
            var watch = Stopwatch.StartNew();
            var result = await reports.SubmitAsync(target.Staff, form);
            watch.Stop();
            var returnedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (!result.Succeeded)
            {
                await context.Response.WriteAsync("failed: " + string.Join("; ", result.Result.Errors.Select(e => e.Key + " " + e.Value)));
                return;
            }
            await context.Response.WriteAsync(FormattableString.Invariant($"{watch.Elapsed.TotalMilliseconds:0.0} {returnedAt}"));
        }

        /// <summary>The unit's own form with every field a submission needs filled, as a unit would before pressing "Nộp".</summary>
        private static ReportForm Complete(ReportForm form)
        {
            form.DocumentNumber ??= "12/BC-UBND";
            form.DocumentDate ??= new DateTime(2020, 5, 18);
            form.SignerName ??= "Nguyễn Văn An";
            form.SignerTitle ??= "Chủ tịch";
            form.ContentPropagated ??= "Tuyên truyền Kế hoạch CCHC năm 2020; dịch vụ công trực tuyến.";
            form.DocumentCount ??= 3;
            form.NewsArticleCount ??= 12;
            form.ModelCount ??= 1;
            form.ExemplaryExampleCount ??= 2;
            form.SessionCount ??= 6;
            form.BroadcastMinutes ??= 180;
            if (form.Audiences.Count == 0)
            {
                form.Audiences = ["Cán bộ, công chức, viên chức"];
            }
            form.ParticipantCount ??= 420;
            if (form.Forms == CommunicationForms.None)
            {
                form.Forms = CommunicationForms.Conference;
            }
            form.Results ??= "Nhận thức về CCHC được nâng lên.";
            form.Strengths ??= "Nội dung phong phú.";
            form.Limitations ??= "Hình thức chưa đa dạng.";
            return form;
        }
    }

    // ---- the measuring process: the browser and the timings ----

    private const string FigureSelector = "[data-testid='deadline-SixMonth'] [data-testid='submitted']";

    // Stamps every change of the figure's text (Date.now(): the machine's wall clock, as the server's).
    private const string ObserverScript = """
        () => {
          window.__figure = () => document.querySelector("[data-testid='deadline-SixMonth'] [data-testid='submitted']")?.textContent ?? null;
          window.__changes = [];
          let last = window.__figure();
          new MutationObserver(() => {
            const now = Date.now();
            const value = window.__figure();
            if (value !== last) { last = value; window.__changes.push({ t: now, v: value }); }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private sealed record Phase(string Name, int TrackingTabs, bool Overview);

    private static async Task<int> MeasureAsync(string[] args)
    {
        var database = CommandLine.Option(args, "--db") ?? ScaleHost.Demo;
        var submits = int.Parse(CommandLine.Option(args, "--submits") ?? "12", CultureInfo.InvariantCulture);
        var gap = TimeSpan.FromSeconds(double.Parse(CommandLine.Option(args, "--gap") ?? "2", CultureInfo.InvariantCulture));
        const int warmUp = 2;

        using var server = await ChildApp.StartAsync("latency-serve", database);
        var baseUrl = server.BaseUrl;
        using var http = server.NewClient();
        var targets = int.Parse(await http.GetStringAsync(new Uri(Path + "/setup", UriKind.Relative)), CultureInfo.InvariantCulture);
        if (targets == 0)
        {
            throw new InvalidOperationException("No unit of the database can submit its 6-month 2020 report.");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSteps.LaunchAsync(playwright);
        var homeAffairs = await browser.NewContextAsync(new() { Locale = "vi-VN" });
        var leadership = await browser.NewContextAsync(new() { Locale = "vi-VN" });
        await BrowserSteps.SignInAsync(homeAffairs, baseUrl, "noivu");
        await BrowserSteps.SignInAsync(leadership, baseUrl, "lanhdao");

        Console.WriteLine(FormattableString.Invariant($"// {database}: {targets} units take turns; {warmUp} warm-up + {submits} timed submits per phase, {gap.TotalSeconds:0.#} s apart"));
        Console.WriteLine("| open elsewhere | submit (server, median) | submit min–max | overview shows it after the submit returned (median) | min–max | from the submit's start (median) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var tracking = new List<IPage>();
        IPage? overview = null;
        var turn = 0;
        foreach (var phase in new[]
        {
            new Phase("nothing", 0, false),
            new Phase("3 × `/reports` (noivu)", 3, false),
            new Phase("overview `/` (lanhdao)", 0, true),
            new Phase("overview + 3 × `/reports`", 3, true),
        })
        {
            while (tracking.Count < phase.TrackingTabs)
            {
                tracking.Add(await BrowserSteps.OpenAsync(homeAffairs, baseUrl + "/reports"));
            }
            while (tracking.Count > phase.TrackingTabs)
            {
                await tracking[^1].CloseAsync(new() { RunBeforeUnload = true });
                tracking.RemoveAt(tracking.Count - 1);
            }
            if (phase.Overview && overview is null)
            {
                overview = await BrowserSteps.OpenAsync(leadership, baseUrl + "/");
                await overview.EvaluateAsync(ObserverScript);
            }
            else if (!phase.Overview && overview is not null)
            {
                await overview.CloseAsync(new() { RunBeforeUnload = true });
                overview = null;
            }
            await Task.Delay(gap);

            var submitMs = new List<double>();
            var shownAfterReturn = new List<double>();
            var shownAfterStart = new List<double>();
            for (var i = 0; i < warmUp + submits; i++, turn++)
            {
                var reset = await PostAsync(http, $"{Path}/reset/{turn}");
                if (reset.StartsWith("failed", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(reset);
                }
                // Whatever the return published has been re-read, and the pages' one-second window is over.
                await Task.Delay(gap);
                string? before = null;
                if (overview is not null)
                {
                    before = await overview.EvaluateAsync<string?>("() => { window.__changes = []; return window.__figure(); }");
                }
                var answer = await PostAsync(http, $"{Path}/submit/{turn}");
                var parts = answer.Split(' ');
                if (parts.Length != 2 || answer.StartsWith("failed", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(answer);
                }
                var ms = double.Parse(parts[0], CultureInfo.InvariantCulture);
                var returnedAt = long.Parse(parts[1], CultureInfo.InvariantCulture);
                double? shown = null;
                if (overview is not null)
                {
                    var handle = await overview.WaitForFunctionAsync(
                        "before => window.__changes.find(c => c.v !== before)?.t ?? false", before, new() { Timeout = 30_000, PollingInterval = 20 });
                    shown = await handle.JsonValueAsync<double>() - returnedAt;
                }
                if (i >= warmUp)
                {
                    submitMs.Add(ms);
                    if (shown is { } s)
                    {
                        shownAfterReturn.Add(s);
                        shownAfterStart.Add(s + ms);
                    }
                }
                await Task.Delay(gap);
            }
            Console.WriteLine(FormattableString.Invariant(
                $"| {phase.Name} | {Median(submitMs):0} ms | {submitMs.Min():0}–{submitMs.Max():0} ms | {(shownAfterReturn.Count > 0 ? $"{Median(shownAfterReturn):0} ms" : "–")} | {(shownAfterReturn.Count > 0 ? $"{shownAfterReturn.Min():0}–{shownAfterReturn.Max():0} ms" : "–")} | {(shownAfterStart.Count > 0 ? $"{Median(shownAfterStart):0} ms" : "–")} |"));
        }
        await homeAffairs.CloseAsync();
        await leadership.CloseAsync();
        return 0;
    }

    private static async Task<string> PostAsync(HttpClient http, string path)
    {
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), null);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
