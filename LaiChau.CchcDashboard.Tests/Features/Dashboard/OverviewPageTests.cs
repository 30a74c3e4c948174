using System.Data.Common;
using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Dashboard;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Dashboard;

public sealed class OverviewPageTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PlanTestData.PlanIds _plan = null!;
    private readonly FakeTimeProvider _clock = TestClock.AtDemoStart();

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync();
        _plan = await PlanTestData.PlanAsync(_db.Factory);
        Services.AddAppBasics(_db, _clock);
        Services.AddScoped<PlanCatalog>();
        Services.AddScoped<PlanSelection>();
        Services.AddScoped<OverviewService>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static string Text(IRenderedComponent<Overview> page, string selector) => page.Find(selector).TextContent.Trim();

    private const string SixMonth = "[data-testid=deadline-SixMonth]";

    [Fact]
    public void Overview_OnTheDemoMonday_ShowsSevenDaysLeftAndTheDeadlineAsThePlanWordsIt()
    {
        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Equal("còn 7 ngày", Text(page, $"{SixMonth} [data-testid=countdown]")));
        Assert.Equal("Hạn: trước ngày 25/05/2020", Text(page, $"{SixMonth} [data-testid=deadline-wording]"));
        Assert.Equal("còn 186 ngày", Text(page, "[data-testid=deadline-Annual] [data-testid=countdown]"));
        Assert.Equal("20", Text(page, $"{SixMonth} [data-testid=expected]"));
        Assert.Equal(20, page.FindAll("[data-testid=duesoon-unit]").Count);
    }

    [Fact]
    public void Countdown_Ticks_IntoHoursInTheLastTwoDays_AndIntoDaysOverdueAfterTheDeadline()
    {
        _clock.SetUtcNow(TestClock.Local(2020, 5, 22, 23, 59));
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Equal("còn 3 ngày", Text(page, $"{SixMonth} [data-testid=countdown]")));

        _clock.Advance(TimeSpan.FromMinutes(2));
        page.WaitForAssertion(() => Assert.Equal("còn 47 giờ 59 phút", Text(page, $"{SixMonth} [data-testid=countdown]")));

        // Two days on without firing the 30-second timer ~5,760 times on the way: adjust the clock to
        // just before the deadline, then let one tick cross it.
        _clock.AdjustTime(TestClock.Local(2020, 5, 24, 23, 59));
        _clock.Advance(TimeSpan.FromSeconds(90));
        page.WaitForAssertion(() => Assert.Equal("quá hạn 1 ngày", Text(page, $"{SixMonth} [data-testid=countdown]")));
        // Crossing the deadline moves the units that owe the report from "due soon" to "overdue".
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("[data-testid=overdue-unit]").Count));
        Assert.Contains("quá hạn 1 ngày", page.Find("[data-testid=overdue-unit]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_WhenAUnitSubmits_ReRendersWithTheNewCounts_WithoutAReload()
    {
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Equal("0", Text(page, $"{SixMonth} [data-testid=submitted]")));
        var tanPhong = await PlanTestData.UnitIdAsync(_db.Factory, "PH-TAN-PHONG");

        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, tanPhong, ReportState.Submitted, _clock.GetUtcNow(), news: 7);
        await Services.GetRequiredService<ChangeNotifier>().PublishAsync(new ChangeEvent(ChangeKind.ReportChanged, _plan.PlanId, _plan.SixMonthId, tanPhong));

        page.WaitForAssertion(() => Assert.Equal("1", Text(page, $"{SixMonth} [data-testid=submitted]")));
        Assert.Equal("1", Text(page, $"{SixMonth} [data-testid=ontime]"));
        Assert.Equal("5%", Text(page, $"{SixMonth} [data-testid=reporting-rate]"));
        Assert.Equal("7", Text(page, "[data-testid=fig-news]"));
        Assert.Equal(19, page.FindAll("[data-testid=duesoon-unit]").Count);
        Assert.DoesNotContain("Phường Tân Phong", page.Find("[data-testid=duesoon-list]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_WhenAnActivityGetsAnUpdate_ReRendersTheBuckets()
    {
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Equal("6", Text(page, "[data-testid=bucket-NotStarted] [data-testid=key-count]")));
        await using (var db = _db.CreateContext())
        {
            var first = await db.Activities.Where(a => a.Kind == ActivityKind.KeyActivity).OrderBy(a => a.Order).FirstAsync(TestContext.Current.CancellationToken);
            first.Status = ActivityStatus.InProgress;
            db.ActivityUpdates.Add(new ActivityProgressUpdate { ActivityId = first.Id, Date = new DateOnly(2020, 5, 18), Description = "Phát sóng", AuthorName = "T" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Services.GetRequiredService<ChangeNotifier>().PublishAsync(new ChangeEvent(ChangeKind.ActivityChanged, _plan.PlanId));

        page.WaitForAssertion(() => Assert.Equal("5", Text(page, "[data-testid=bucket-NotStarted] [data-testid=key-count]")));
        Assert.Equal("1", Text(page, "[data-testid=bucket-InProgress] [data-testid=key-count]"));
        // 16 ongoing activities and tasks had no update in May; the one just updated is no longer flagged.
        Assert.Equal("Chưa cập nhật tháng này (15)", Text(page, "[data-testid=stale-count]"));
    }

    [Fact]
    public async Task Overview_WhenClosed_StopsListeningToChanges()
    {
        var notifier = Services.GetRequiredService<ChangeNotifier>();
        // The circuit's plan selection listens for the whole circuit; the page only while it is open.
        Services.GetRequiredService<PlanSelection>();
        var circuitListeners = notifier.ListenerCount;
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(SixMonth)));
        Assert.Equal(circuitListeners + 1, notifier.ListenerCount);

        await DisposeComponentsAsync();

        // A closed page must not keep the singleton notifier (and itself) alive.
        Assert.Equal(circuitListeners, notifier.ListenerCount);
    }

    [Fact]
    public async Task Overview_WhenAnOlderReadFinishesAfterTheUserSwitchedPlan_KeepsShowingThePlanSwitchedTo()
    {
        var ct = TestContext.Current.CancellationToken;
        var noiVu = await PlanTestData.UnitIdAsync(_db.Factory, "P-NOI-VU");
        var plans = new PlanService(_db.Factory, _clock, new ChangeNotifier(NullLogger<ChangeNotifier>.Instance), new AuditLog(_clock), NullLogger<PlanService>.Instance);
        var (next, _) = await plans.CloneAsync(_plan.PlanId, 2021, TestUsers.HomeAffairs(noiVu), ct);
        var held = new HeldRead();
        Services.AddSingleton<IDbContextFactory<CchcDbContext>>(new InterceptedFactory(
            new DbContextOptionsBuilder<CchcDbContext>().UseCchcDatabase(_db.Provider, _db.ConnectionString).AddInterceptors(held).Options));
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Equal("Hạn: trước ngày 25/05/2020", Text(page, $"{SixMonth} [data-testid=deadline-wording]")));

        // A report of 2020 changes: the page reads the 2020 overview again, and that read is slow.
        held.Arm();
        await Services.GetRequiredService<ChangeNotifier>().PublishAsync(new ChangeEvent(ChangeKind.ReportChanged, _plan.PlanId, _plan.SixMonthId));
        await held.Held.WaitAsync(TimeSpan.FromSeconds(10), ct);
        // Meanwhile the user picks next year's plan in the app bar; its overview is read and shown.
        await page.InvokeAsync(() => Services.GetRequiredService<PlanSelection>().Select(next!.Value));
        page.WaitForAssertion(() => Assert.Equal("Hạn: trước ngày 25/05/2021", Text(page, $"{SixMonth} [data-testid=deadline-wording]")));

        // Then the slow 2020 read finishes: it must not put back the plan the user left.
        var renders = page.RenderCount;
        held.Release();
        page.WaitForState(() => page.RenderCount > renders);
        Assert.Equal("Hạn: trước ngày 25/05/2021", Text(page, $"{SixMonth} [data-testid=deadline-wording]"));
    }

    /// <summary>Holds the first read after <see cref="Arm"/> until <see cref="Release"/>, as a slow database would.</summary>
    private sealed class HeldRead : DbCommandInterceptor
    {
        private int _armed;
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Held => _held.Task;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _held.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
            }
            return result;
        }
    }

    private sealed class InterceptedFactory(DbContextOptions<CchcDbContext> options) : IDbContextFactory<CchcDbContext>
    {
        public CchcDbContext CreateDbContext() => new(options);
    }
}
