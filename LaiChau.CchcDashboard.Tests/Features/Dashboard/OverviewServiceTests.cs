using System.Data.Common;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Dashboard;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Dashboard;

/// <summary>On the suite's provider (SQLite unless CCHC_TEST_PROVIDER says otherwise); <see cref="OverviewServicePostgresTests"/> runs every test on PostgreSQL.</summary>
public class OverviewServiceTests : IAsyncLifetime
{
    /// <summary>The database the tests run on.</summary>
    protected virtual DatabaseProvider Provider => TestProvider.Current;

    private TestDatabase _db = null!;
    private PlanTestData.PlanIds _plan = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync(Provider);
        _plan = await PlanTestData.PlanAsync(_db.Factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<OverviewData> OverviewAtAsync(DateTimeOffset now, IDbContextFactory<CchcDbContext>? factory = null) =>
        (await new OverviewService(factory ?? _db.Factory, TestClock.At(now)).GetAsync(_plan.PlanId, TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task Countdown_OnTheDemoMonday_ReadsSevenDaysAndTheAnnualDaysLeft()
    {
        var now = TestClock.DemoStart;
        var data = await OverviewAtAsync(now);

        var sixMonth = data.Periods.Single(p => p.Kind == PeriodKind.SixMonth);
        var annual = data.Periods.Single(p => p.Kind == PeriodKind.Annual);
        Assert.Equal("Hạn: trước ngày 25/05/2020", sixMonth.Deadline);
        Assert.Equal("còn 7 ngày", sixMonth.Countdown(now));
        Assert.Equal("Hạn: trước ngày 20/11/2020", annual.Deadline);
        Assert.Equal("còn 186 ngày", annual.Countdown(now));
    }

    [Theory]
    [InlineData(23, 0, 0, "còn 48 giờ 0 phút")]
    [InlineData(23, 10, 30, "còn 37 giờ 30 phút")]
    [InlineData(24, 23, 59, "còn 0 giờ 1 phút")]
    [InlineData(25, 0, 0, "quá hạn 1 ngày")]
    [InlineData(28, 9, 0, "quá hạn 4 ngày")]
    public async Task Countdown_InTheLastTwoDaysAndAfterTheDeadline_ReadsHoursThenDaysOverdue(int day, int hour, int minute, string expected)
    {
        var now = TestClock.Local(2020, 5, day, hour, minute);
        var data = await OverviewAtAsync(now);

        Assert.Equal(expected, data.Periods.Single(p => p.Kind == PeriodKind.SixMonth).Countdown(now));
    }

    [Fact]
    public async Task Rates_CountOnlyUnitsThatMustReport_AndJudgeTimelinessOnTheFirstSubmission()
    {
        var onTime = await PlanTestData.UnitIdAsync(_db.Factory, "P-TU-PHAP");
        var late = await PlanTestData.UnitIdAsync(_db.Factory, "DAI-TT");
        var draft = await PlanTestData.UnitIdAsync(_db.Factory, "PH-TAN-PHONG");
        var partyBody = await PlanTestData.UnitIdAsync(_db.Factory, "BAN-TG-TU");
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, onTime, ReportState.Accepted, TestClock.Local(2020, 5, 24, 23, 59));
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, late, ReportState.Submitted, TestClock.Local(2020, 5, 25, 8));
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, draft, ReportState.Draft);
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, partyBody, ReportState.Submitted, TestClock.Local(2020, 5, 20));

        var data = await OverviewAtAsync(TestClock.Local(2020, 5, 26, 9));

        var rates = data.Periods.Single(p => p.Kind == PeriodKind.SixMonth).Rates;
        Assert.Equal(20, rates.Expected);
        Assert.Equal(2, rates.Submitted);
        Assert.Equal(1, rates.OnTime);
        Assert.Equal(0.10, rates.ReportingRate, 3);
        Assert.Equal(0.05, rates.TimelyRate, 3);
    }

    [Fact]
    public async Task Overdue_AfterTheDeadline_ListsEveryUnitWithoutASubmission_WithDaysOverdue()
    {
        var submitted = await PlanTestData.UnitIdAsync(_db.Factory, "P-TU-PHAP");
        var returned = await PlanTestData.UnitIdAsync(_db.Factory, "PH-DOAN-KET");
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, submitted, ReportState.Submitted, TestClock.Local(2020, 5, 20));
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, returned, ReportState.Returned, TestClock.Local(2020, 5, 20));
        var now = TestClock.Local(2020, 5, 26, 9);

        var data = await OverviewAtAsync(now);

        Assert.Equal(19, data.Overdue.Total);
        Assert.Equal(19, data.Overdue.Units.Count);
        Assert.DoesNotContain(data.Overdue.Units, u => u.UnitId == submitted);
        var doanKet = Assert.Single(data.Overdue.Units, u => u.UnitId == returned);
        Assert.Equal(ReportState.Returned, doanKet.State);
        Assert.Equal($"/reports?unit={returned}&period={_plan.SixMonthId}", doanKet.Link);
        Assert.All(data.Overdue.Units, u => Assert.Equal(2, ReportRules.DaysOverdue(u.DueAt, now)));
        Assert.Empty(data.DueSoon.Units);
        Assert.Equal(0, data.DueSoon.Total);
    }

    [Fact]
    public async Task DueSoon_WithinSevenDaysOfTheDeadline_ListsUnitsNotYetSubmitted()
    {
        var submitted = await PlanTestData.UnitIdAsync(_db.Factory, "P-TU-PHAP");
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, submitted, ReportState.Submitted, TestClock.Local(2020, 5, 14));

        var early = await OverviewAtAsync(TestClock.Local(2020, 5, 17, 23, 59));
        var demo = await OverviewAtAsync(TestClock.DemoStart);

        Assert.Empty(early.DueSoon.Units);
        Assert.Equal(19, demo.DueSoon.Total);
        Assert.Equal(19, demo.DueSoon.Units.Count);
        Assert.Empty(demo.Overdue.Units);
        Assert.DoesNotContain(demo.DueSoon.Units, u => u.UnitId == submitted);
    }

    [Fact]
    public async Task Figures_CountEachUnitOnceWithItsLatestSubmittedReport()
    {
        var unit = await PlanTestData.UnitIdAsync(_db.Factory, "DAI-TT");
        var other = await PlanTestData.UnitIdAsync(_db.Factory, "P-TU-PHAP");
        var drafting = await PlanTestData.UnitIdAsync(_db.Factory, "PH-TAN-PHONG");
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, unit, ReportState.Accepted, TestClock.Local(2020, 5, 20), news: 10, sessions: 2);
        await PlanTestData.ReportAsync(_db.Factory, _plan.AnnualId, unit, ReportState.Submitted, TestClock.Local(2020, 11, 10), news: 25, sessions: 5);
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, other, ReportState.Submitted, TestClock.Local(2020, 5, 20), news: 3, sessions: 1);
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, drafting, ReportState.Draft, news: 100);

        var data = await OverviewAtAsync(TestClock.Local(2020, 11, 12));

        Assert.Equal(28, data.Figures.Total.NewsArticles);
        Assert.Equal(6, data.Figures.Total.Sessions);
        Assert.Equal(2, data.Figures.UnitCount);
        Assert.Equal(2, data.Figures.TopUnits.Count);
    }

    [Fact]
    public async Task Activities_AreCountedByBucket_AndOngoingOnesWithoutAnUpdateThisMonthAreFlagged()
    {
        await using (var db = _db.CreateContext())
        {
            var key = await db.Activities.Where(a => a.Kind == ActivityKind.KeyActivity).OrderBy(a => a.Order).ToListAsync(TestContext.Current.CancellationToken);
            key[0].Status = ActivityStatus.InProgress;
            db.ActivityUpdates.Add(new ActivityProgressUpdate { ActivityId = key[0].Id, Date = new DateOnly(2020, 5, 12), Description = "Tháng 5", AuthorName = "T" });
            key[1].Status = ActivityStatus.InProgress;
            db.ActivityUpdates.Add(new ActivityProgressUpdate { ActivityId = key[1].Id, Date = new DateOnly(2020, 4, 12), Description = "Tháng 4", AuthorName = "T" });
            key[2].Status = ActivityStatus.Completed;
            key[2].CompletedAt = TestClock.Local(2020, 5, 1);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var data = await OverviewAtAsync(TestClock.DemoStart);

        Assert.Equal(6, data.KeyActivities.Total);
        Assert.Equal(1, data.KeyActivities.Count(StatusBucket.CompletedOnTime));
        Assert.Equal(2, data.KeyActivities.Count(StatusBucket.InProgress));
        Assert.Equal(3, data.KeyActivities.Count(StatusBucket.NotStarted));
        Assert.Equal(11, data.Tasks.Total);
        // Ongoing and not completed: key 2 (April update), key 4 and 5 (no update) and all 11 tasks.
        Assert.Equal(3, data.KeyActivities.Stale);
        Assert.Equal(14, data.StaleActivities.Count);
    }

    [Fact]
    public async Task GetAsync_RunsTheSameNumberOfSqlCommands_For10And500Units()
    {
        var small = await CommandsForUnitsAsync(10);
        var large = await CommandsForUnitsAsync(500);

        Assert.Equal(small, large);
        Assert.InRange(small, 1, 10);
    }

    private async Task<int> CommandsForUnitsAsync(int reportingUnits)
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        var plan = await PlanTestData.PlanAsync(database.Factory);
        await using (var db = database.CreateContext())
        {
            var existing = await db.Units.Where(u => u.MustReport).OrderBy(u => u.SortOrder).ToListAsync(TestContext.Current.CancellationToken);
            foreach (var unit in existing.Skip(reportingUnits))
            {
                unit.IsActive = false;
            }
            for (var i = existing.Count; i < reportingUnits; i++)
            {
                db.Units.Add(new Unit { Code = $"T-{i}", Name = $"Đơn vị thử {i}", Kind = UnitKind.Commune, MustReport = true, SortOrder = 1000 + i });
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            var ids = await db.Units.Where(u => u.MustReport && u.IsActive).Select(u => u.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(reportingUnits, ids.Count);
            db.Reports.AddRange(ids.Where((_, i) => i % 2 == 0).Select(id => new UnitReport
            {
                PeriodId = plan.SixMonthId,
                UnitId = id,
                State = ReportState.Submitted,
                NewsArticleCount = 1,
                FirstSubmittedAt = TestClock.Local(2020, 5, 20),
                SubmittedAt = TestClock.Local(2020, 5, 20),
                Documents = [new ReportDocument { Order = 1, Number = "01/KH", Summary = "Kế hoạch" }],
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var counter = new SqlCommandCounter();
        var counting = counter.FactoryFor(database);
        var data = await new OverviewService(counting, TestClock.At(TestClock.Local(2020, 5, 26, 9))).GetAsync(plan.PlanId, TestContext.Current.CancellationToken);

        Assert.Equal(reportingUnits, data!.Periods[0].Rates.Expected);
        Assert.Equal((reportingUnits + 1) / 2, data.Periods[0].Rates.Submitted);
        Assert.Equal(reportingUnits / 2, data.Overdue.Total);
        Assert.Equal(Math.Min(reportingUnits / 2, OverviewService.ListLength), data.Overdue.Units.Count);
        return counter.Count;
    }
}

/// <summary>Every test of <see cref="OverviewServiceTests"/> on PostgreSQL (CCHC_TEST_POSTGRES).</summary>
public sealed class OverviewServicePostgresTests : OverviewServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
