using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.Features.Dashboard;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

public sealed class PlanCloneTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PlanServiceHost _host = null!;
    private PlanTestData.PlanIds _plan = null!;
    private int _noiVu;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync();
        _host = new PlanServiceHost(_db, TestClock.At(TestClock.Local(2020, 12, 10, 9)));
        _plan = await PlanTestData.PlanAsync(_db.Factory);
        _noiVu = await PlanTestData.UnitIdAsync(_db.Factory, "P-NOI-VU");
        // The 2020 plan as it stands at the end of the year: progress logged, a report submitted.
        await using var db = _db.CreateContext();
        var first = await db.Activities.OrderBy(a => a.Kind).ThenBy(a => a.Order).FirstAsync();
        first.Status = ActivityStatus.Completed;
        first.CompletedAt = TestClock.Local(2020, 12, 1);
        db.ActivityUpdates.Add(new ActivityProgressUpdate { ActivityId = first.Id, Date = new DateOnly(2020, 11, 30), Description = "Xong", AuthorName = "T" });
        await db.SaveChangesAsync();
        await PlanTestData.ReportAsync(_db.Factory, _plan.SixMonthId, _noiVu, ReportState.Accepted, TestClock.Local(2020, 5, 20), news: 5);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Clone_IntoNextYear_MovesThePeriodsTo25MayAnd20November_AndResetsEverything()
    {
        var (newId, result) = await _host.Plans.CloneAsync(_plan.PlanId, 2021, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        await using var db = _db.CreateContext();
        var plan = await db.Plans.Include(p => p.Periods).Include(p => p.Sections).Include(p => p.Activities).ThenInclude(a => a.CoordinatingUnits)
            .AsSplitQuery().SingleAsync(p => p.Id == newId, TestContext.Current.CancellationToken);
        Assert.Equal(2021, plan.Year);
        Assert.Equal("", plan.Number);
        Assert.Null(plan.IssuedOn);
        Assert.Contains("năm 2021", plan.Title, StringComparison.Ordinal);

        var sixMonth = plan.Periods.Single(p => p.Kind == PeriodKind.SixMonth);
        Assert.Equal(new DateTimeOffset(2021, 5, 24, 17, 0, 0, TimeSpan.Zero), sixMonth.DueAt);
        Assert.Equal("Hạn: trước ngày 25/05/2021", "Hạn: " + VietnamTime.FormatDeadline(sixMonth.DueAt));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 5, 24)), (sixMonth.CoversFrom, sixMonth.CoversTo));
        var annual = plan.Periods.Single(p => p.Kind == PeriodKind.Annual);
        Assert.Equal(new DateTimeOffset(2021, 11, 19, 17, 0, 0, TimeSpan.Zero), annual.DueAt);
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 11, 19)), (annual.CoversFrom, annual.CoversTo));

        var sourceSections = await db.PlanSections.Where(s => s.PlanId == _plan.PlanId).OrderBy(s => s.Order).Select(s => s.Heading).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(sourceSections, plan.Sections.OrderBy(s => s.Order).Select(s => s.Heading));
        Assert.Equal(17, plan.Activities.Count);
        Assert.All(plan.Activities, a => Assert.Equal(ActivityStatus.NotStarted, a.Status));
        Assert.All(plan.Activities, a => Assert.Null(a.CompletedAt));
        var quarter = plan.Activities.Single(a => !a.IsOngoing);
        Assert.Equal("Quý III/2021", quarter.TimingLabel);
        Assert.Equal(TestClock.Local(2021, 10, 1), quarter.DueAt);
        Assert.Equal(await db.Activities.Where(a => a.PlanId == _plan.PlanId).CountAsync(a => a.LeadUnitId != null, TestContext.Current.CancellationToken),
            plan.Activities.Count(a => a.LeadUnitId != null));
        var periodIds = plan.Periods.Select(p => p.Id).ToList();
        Assert.False(await db.Reports.AnyAsync(r => periodIds.Contains(r.PeriodId), TestContext.Current.CancellationToken));
        var activityIds = plan.Activities.Select(a => a.Id).ToList();
        Assert.False(await db.ActivityUpdates.AnyAsync(u => activityIds.Contains(u.ActivityId), TestContext.Current.CancellationToken));
        Assert.Contains(_host.Published, e => e.Kind == ChangeKind.PlanChanged && e.PlanId == newId);
    }

    [Fact]
    public async Task Clone_TakesTheDueDaysFromThePlan_NotFromCode()
    {
        // Another city's plan reports before 30/06 and 15/12: its copy keeps those days.
        await using (var edit = _db.CreateContext())
        {
            foreach (var period in await edit.Periods.Where(p => p.PlanId == _plan.PlanId).ToListAsync(TestContext.Current.CancellationToken))
            {
                var due = period.Kind == PeriodKind.SixMonth ? new DateOnly(2020, 6, 30) : new DateOnly(2020, 12, 15);
                period.DueAt = VietnamTime.StartOfDay(due);
                period.CoversTo = due.AddDays(-1);
            }
            await edit.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (newId, result) = await _host.Plans.CloneAsync(_plan.PlanId, 2022, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        await using var db = _db.CreateContext();
        var periods = await db.Periods.Where(p => p.PlanId == newId).ToListAsync(TestContext.Current.CancellationToken);
        var sixMonth = periods.Single(p => p.Kind == PeriodKind.SixMonth);
        var annual = periods.Single(p => p.Kind == PeriodKind.Annual);
        Assert.Equal("trước ngày 30/06/2022", VietnamTime.FormatDeadline(sixMonth.DueAt));
        Assert.Equal("trước ngày 15/12/2022", VietnamTime.FormatDeadline(annual.DueAt));
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2022, 6, 29)), (sixMonth.CoversFrom, sixMonth.CoversTo));
    }

    [Fact]
    public async Task Clone_LeavesTheOriginalPlanUntouched()
    {
        var before = await _host.Plans.GetDocumentAsync(_plan.PlanId, TestContext.Current.CancellationToken);

        await _host.Plans.CloneAsync(_plan.PlanId, 2021, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);

        var after = await _host.Plans.GetDocumentAsync(_plan.PlanId, TestContext.Current.CancellationToken);
        Assert.Equal("93/KH-UBND", after!.Number);
        Assert.Equal(new DateOnly(2020, 1, 17), after.IssuedOn);
        Assert.Equal(before!.Periods, after.Periods);
        Assert.Equal(before.Sections, after.Sections);
        Assert.Equal(before.Activities.Select(a => (a.Id, a.Status, a.LastUpdate, a.Bucket)), after.Activities.Select(a => (a.Id, a.Status, a.LastUpdate, a.Bucket)));
        await using var db = _db.CreateContext();
        Assert.Equal(1, await db.Reports.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Clone_IntoAYearThatAlreadyHasAPlan_IsRefused()
    {
        Assert.True((await _host.Plans.CloneAsync(_plan.PlanId, 2021, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken)).Result.Succeeded);

        var (newId, result) = await _host.Plans.CloneAsync(_plan.PlanId, 2021, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);

        Assert.Null(newId);
        Assert.Equal("Năm 2021 đã có kế hoạch; hãy chọn kế hoạch đó trên thanh tiêu đề.", result.Errors[nameof(PlanCloneForm.Year)]);
        await using var db = _db.CreateContext();
        Assert.Equal(2, await db.Plans.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Clone_BySomeoneOtherThanPhongNoiVu_IsRefused()
    {
        var (newId, result) = await _host.Plans.CloneAsync(_plan.PlanId, 2021, PlanServiceHost.Leadership, TestContext.Current.CancellationToken);

        Assert.Null(newId);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SetIssue_FillsInTheNumberAndDateOfTheClonedPlan_AndRefusesAFutureDate()
    {
        var (newId, _) = await _host.Plans.CloneAsync(_plan.PlanId, 2021, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);
        var actor = PlanServiceHost.HomeAffairs(_noiVu);

        var future = await _host.Plans.SetIssueAsync(new PlanIssueForm { PlanId = newId!.Value, Number = "05/KH-UBND", IssuedOn = new DateTime(2020, 12, 11) }, actor, TestContext.Current.CancellationToken);
        var ok = await _host.Plans.SetIssueAsync(new PlanIssueForm { PlanId = newId.Value, Number = " 05/KH-UBND ", IssuedOn = new DateTime(2020, 12, 10) }, actor, TestContext.Current.CancellationToken);

        Assert.True(future.Errors.ContainsKey(nameof(PlanIssueForm.IssuedOn)));
        Assert.True(ok.Succeeded);
        var doc = await _host.Plans.GetDocumentAsync(newId.Value, TestContext.Current.CancellationToken);
        Assert.Equal("05/KH-UBND", doc!.Number);
        Assert.Equal("Lai Châu, ngày 10 tháng 12 năm 2020", doc.PlaceAndDate);
    }
}
