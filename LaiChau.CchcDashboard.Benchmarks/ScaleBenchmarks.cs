using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Dashboard;
using LaiChau.CchcDashboard.Features.Reminders;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// The pages, exports, PDF and reminder pass of issue 10 on the 20-unit demo database and on a
/// generated 5,000-unit province, side by side, in one process (the app in a test host). Pages
/// and files go through HTTP as a signed-in Phòng Nội vụ user; the overview is also rendered to
/// HTML directly with <see cref="HtmlRenderer"/>. The reminder pass runs on the demo day with two
/// open periods; every iteration starts from the same database (rows it added are removed).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    /// <summary>In process (the app runs in a test host), up to an hour per benchmark, few iterations: the slow cases take seconds each.</summary>
    internal sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
    }

    private static readonly HashSet<string> Described = [];
    private ScaleHost _host = null!;
    private HttpClient _client = null!;
    private int _planId, _sixMonthId;

    [Params(ScaleHost.Demo, ScaleHost.Province)]
    public string Database { get; set; } = ScaleHost.Demo;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _host = await ScaleHost.StartAsync(Database);
        (_planId, _sixMonthId, _) = await _host.OpenTwoPeriodsAsync();
        _client = await _host.SignedInClientAsync("noivu");
        if (!Described.Add(Database))
        {
            return;
        }
        // Sizes once per database, for the README table (BenchmarkDotNet reports time and allocations only).
        Console.WriteLine($"// sizes [{Database}]: GET / {(await GetAsync("/")).Length} B; GET /reports {(await GetAsync("/reports")).Length} B; "
            + $"overview component {(await OverviewHtmlAsync()).Length} chars; matrix.xlsx {(await GetAsync($"/reports/export/matrix.xlsx?planId={_planId}")).Length} B; "
            + $"calls.xlsx {(await GetAsync($"/reports/export/calls.xlsx?periodId={_sixMonthId}")).Length} B; consolidated.pdf {(await GetAsync($"/documents/periods/{_sixMonthId}/consolidated.pdf")).Length} B");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<byte[]> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> OverviewHtmlAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<Overview>()).ToHtmlString());
    }


    /// <summary>OverviewService and the overview component rendered to HTML.</summary>
    [Benchmark]
    public Task<string> OverviewComponent() => OverviewHtmlAsync();

    /// <summary>GET / (prerendered page with the layout).</summary>
    [Benchmark]
    public Task<byte[]> OverviewPage() => GetAsync("/");

    /// <summary>GET /reports: the tracking page's first render.</summary>
    [Benchmark]
    public Task<byte[]> TrackingPage() => GetAsync("/reports");

    [Benchmark]
    public Task<byte[]> MatrixXlsx() => GetAsync($"/reports/export/matrix.xlsx?planId={_planId}");

    [Benchmark]
    public Task<byte[]> CallListXlsx() => GetAsync($"/reports/export/calls.xlsx?periodId={_sixMonthId}");

    [Benchmark]
    public Task<byte[]> ConsolidatedPdf() => GetAsync($"/documents/periods/{_sixMonthId}/consolidated.pdf");
}

/// <summary>
/// The daily reminder pass on the demo day (18/05/2020), on the demo database and the province, with
/// the 6-month period open alone (the issue's volume: about 3,000 reminders at 5,000 units) and with
/// two open periods: plan, claim, deliveries, notifications and the hand-over of the e-mails (the
/// job's duration; sending is not included). <c>Legacy</c> is the dispatcher as it was before
/// (<see cref="LegacyReminderDispatcher"/>), the plan is the same code in both. Every iteration starts
/// from the same database.
/// </summary>
[Config(typeof(ScaleBenchmarks.Config))]
[MemoryDiagnoser]
public class ReminderPassBenchmarks
{
    private ScaleHost _host = null!;
    private Dictionary<string, long> _snapshot = null!;
    private PassResult? _last;

    [Params(ScaleHost.Demo, ScaleHost.Province)]
    public string Database { get; set; } = ScaleHost.Demo;

    /// <summary>1: the 6-month period only; 2: the annual report's due date moved so it is open too.</summary>
    [Params(1, 2)]
    public int OpenPeriods { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        _host = ScaleHost.StartAsync(Database).GetAwaiter().GetResult();
        if (OpenPeriods == 2)
        {
            _host.OpenTwoPeriodsAsync().GetAwaiter().GetResult();
        }
        _snapshot = _host.Snapshot();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// reminder pass [{Database}, {OpenPeriods} open]: {_last?.Planned} due, {_last?.Sent} sent, {_host.Added("EmailOutbox", _snapshot)} e-mails queued");
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void Reset() => _host.Restore(_snapshot);

    [Benchmark(Baseline = true)]
    public async Task<PassResult> Legacy()
    {
        // ReminderService.RunPassAsync with the old dispatcher.
        var services = _host.Services;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = VietnamTime.LocalDate(now);
        await using var db = await services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync();
        var planned = await services.GetRequiredService<ReminderPlanner>().PlanAsync(db, today);
        var dispatcher = ActivatorUtilities.CreateInstance<LegacyReminderDispatcher>(services);
        var sent = await dispatcher.DispatchAsync(db, [.. planned.Select(p => new NewReminder(p.UnitId, p.PeriodId, p.Step, p.ScheduledFor,
            p.IsOverdue, false, null, "Hệ thống",
            new ReminderContent(p.UnitName, p.PeriodName, p.PeriodId, p.DueAt, p.Step, p.IsOverdue, null)))], now, default);
        _last = new PassResult(today, planned.Count, sent.Count);
        return _last;
    }

    [Benchmark]
    public async Task<PassResult> ReminderPass()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        _last = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunPassAsync();
        return _last;
    }
}
