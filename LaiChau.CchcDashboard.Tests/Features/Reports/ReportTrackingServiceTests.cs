using System.Data.Common;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static LaiChau.CchcDashboard.Tests.Features.Reports.ReportTestData;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

public sealed class ReportTrackingServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = TestClock.At(TestClock.Local(2020, 5, 26, 9));
    private TestDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    /// <summary>
    /// Ten units that must report, one that need not: 3 on time (one of them returned since, which
    /// does not count), 2 late, 1 returned after a late submission, 1 draft, 3 without a report.
    /// </summary>
    private async Task<(int PlanId, int PeriodId, IReadOnlyList<int> Units)> KnownDataSetAsync()
    {
        var (planId, periodId, _) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, 10);
        var party = await AddUnitsAsync(_db, 1, "DANG", mustReport: false);
        var onTime = TestClock.Local(2020, 5, 20, 10);
        var late = TestClock.Local(2020, 5, 25, 8);
        await AddReportAsync(_db, periodId, units[0], ReportState.Submitted, onTime);
        await AddReportAsync(_db, periodId, units[1], ReportState.Accepted, onTime);
        await AddReportAsync(_db, periodId, units[2], ReportState.Resubmitted, onTime);
        await AddReportAsync(_db, periodId, units[3], ReportState.Submitted, late);
        await AddReportAsync(_db, periodId, units[4], ReportState.Accepted, late);
        await AddReportAsync(_db, periodId, units[5], ReportState.Returned, onTime);
        await AddReportAsync(_db, periodId, units[6], ReportState.Draft);
        await AddReportAsync(_db, periodId, party[0], ReportState.Submitted, onTime);
        return (planId, periodId, units);
    }

    [Fact]
    public async Task Matrix_OnAKnownDataSet_ComputesReportingAndTimelyRates()
    {
        var (planId, periodId, _) = await KnownDataSetAsync();

        var matrix = await Tracking(_db, _clock).GetMatrixAsync(HomeAffairs, planId, Ct);

        var rates = matrix.Periods.Single(p => p.Id == periodId).Rates;
        Assert.Equal(new PeriodRates(10, 5, 3), rates);
        Assert.Equal(0.5, rates.ReportingRate);
        Assert.Equal(0.3, rates.TimelyRate);
        Assert.Equal(10, matrix.Rows.Count);
    }

    [Fact]
    public async Task Matrix_CellsCarryBucketDaysLateAndDaysOverdue()
    {
        var (planId, periodId, units) = await KnownDataSetAsync();

        var matrix = await Tracking(_db, _clock).GetMatrixAsync(Leadership, planId, Ct);

        MatrixCell Cell(int unit) => matrix.Rows.Single(r => r.UnitId == unit).Cell(periodId);
        Assert.Equal(StatusBucket.CompletedOnTime, Cell(units[0]).Bucket);
        Assert.Equal((StatusBucket.CompletedLate, 1), (Cell(units[3]).Bucket, Cell(units[3]).DaysLate));
        Assert.Equal((StatusBucket.Overdue, 2), (Cell(units[9]).Bucket, Cell(units[9]).DaysOverdue));
        Assert.Equal(StatusBucket.Overdue, Cell(units[5]).Bucket);
        Assert.Null(Cell(units[9]).ReportId);
    }

    [Fact]
    public async Task Filter_NotSubmittedLateReturned_AndSortByDaysOverdue()
    {
        var (planId, periodId, units) = await KnownDataSetAsync();
        var tracking = Tracking(_db, _clock);
        var periods = await tracking.GetPeriodsAsync(HomeAffairs, planId, Ct);
        async Task<IReadOnlyList<MatrixRow>> Filter(MatrixFilter filter, bool sortByDaysBehind) =>
            (await tracking.GetMatrixPageAsync(HomeAffairs, periods, periodId,
                new UnitListRequest(filter, Order: sortByDaysBehind ? UnitOrder.DaysBehind : UnitOrder.UnitOrder), Ct)).Items;

        Assert.Equal([units[5], units[6], units[7], units[8], units[9]], (await Filter(MatrixFilter.NotSubmitted, false)).Select(r => r.UnitId));
        Assert.Equal([units[3], units[4], units[5], units[6], units[7], units[8], units[9]], (await Filter(MatrixFilter.Late, false)).Select(r => r.UnitId));
        Assert.Equal([units[5]], (await Filter(MatrixFilter.Returned, false)).Select(r => r.UnitId));
        var sorted = await Filter(MatrixFilter.All, true);
        Assert.Equal(2, sorted[0].Cell(periodId).DaysBehind);
        Assert.Equal(0, sorted[^1].Cell(periodId).DaysBehind);
    }

    [Fact]
    public async Task CallList_ListsUnitsNotYetSubmittedWithContactDetails()
    {
        var (planId, periodId, units) = await KnownDataSetAsync();
        var matrix = await Tracking(_db, _clock).GetMatrixAsync(HomeAffairs, planId, Ct);

        var calls = matrix.CallList(periodId);

        Assert.Equal(5, calls.Count);
        var last = calls.Single(c => c.UnitId == units[9]);
        Assert.Equal(("Người liên hệ 10", "0213 3876 010", "dv10@laichau.example", "quá hạn 2 ngày"), (last.ContactName, last.Phone, last.Email, last.Countdown));
    }

    [Fact]
    public async Task ChangeDueDate_RecomputesOnTimeFromTheStoredInstants()
    {
        var (planId, periodId, units) = await KnownDataSetAsync();
        var tracking = Tracking(_db, _clock);
        var before = await tracking.GetMatrixAsync(HomeAffairs, planId, Ct);

        var result = await tracking.ChangeDueDateAsync(HomeAffairs, periodId, new DateOnly(2020, 5, 27), before.Periods[0].Version, Ct);

        Assert.True(result.Succeeded);
        var after = await tracking.GetMatrixAsync(HomeAffairs, planId, Ct);
        Assert.Equal(new PeriodRates(10, 5, 5), after.Periods.Single(p => p.Id == periodId).Rates);
        Assert.Equal(StatusBucket.CompletedOnTime, after.Rows.Single(r => r.UnitId == units[3]).Cell(periodId).Bucket);
        Assert.Equal("trước ngày 27/05/2020", after.Periods[0].Deadline);
        Assert.Equal(1, await AuditCountAsync(_db, "period.due-date"));
    }

    [Fact]
    public async Task ChangeDueDate_ByLeadershipOrUnit_IsRefused()
    {
        var (_, periodId, units) = await KnownDataSetAsync();
        var tracking = Tracking(_db, _clock);

        await Assert.ThrowsAsync<AccessDeniedException>(() => tracking.ChangeDueDateAsync(Leadership, periodId, new DateOnly(2020, 6, 1), 0, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => tracking.ChangeDueDateAsync(UnitUser(units[0]), periodId, new DateOnly(2020, 6, 1), 0, Ct));
    }

    [Fact]
    public async Task ConsolidatedSigning_IsStored_AndReadBackForTheNextEdit()
    {
        var (_, periodId, _) = await AddPlanAsync(_db);
        var tracking = Tracking(_db, _clock);
        var form = await tracking.GetConsolidatedSigningAsync(periodId, Ct);
        Assert.Null(form.Number);
        form.Number = " 15/BC-NV ";
        form.Date = new DateTime(2020, 5, 26);
        form.SignerName = "Lò Thị Mai";
        form.SignedByDeputy = true;

        var result = await tracking.SaveConsolidatedSigningAsync(HomeAffairs, periodId, form, Ct);

        Assert.True(result.Succeeded);
        var stored = await tracking.GetConsolidatedSigningAsync(periodId, Ct);
        Assert.Equal(("15/BC-NV", new DateTime(2020, 5, 26), "Lò Thị Mai", true), (stored.Number, stored.Date, stored.SignerName, stored.SignedByDeputy));
        stored.SignerName = "Nguyễn Văn Bình";
        Assert.True((await tracking.SaveConsolidatedSigningAsync(HomeAffairs, periodId, stored, Ct)).Succeeded);
    }

    [Fact]
    public async Task ConsolidatedSigning_WithAMalformedNumberAndAFutureDate_IsRefusedAtTheFields_AndNothingIsStored()
    {
        var (_, periodId, _) = await AddPlanAsync(_db);
        var tracking = Tracking(_db, _clock);
        var form = await tracking.GetConsolidatedSigningAsync(periodId, Ct);
        form.Number = "BC-NV số 15";
        form.Date = new DateTime(2020, 5, 27);
        form.SignerName = "Lò Thị Mai";

        var result = await tracking.SaveConsolidatedSigningAsync(HomeAffairs, periodId, form, Ct);

        Assert.Equal("Số báo cáo viết theo dạng 15/BC-NV: số thứ tự, dấu /, rồi ký hiệu BC-….", result.Errors[nameof(ConsolidatedSigningForm.Number)]);
        Assert.Equal("Ngày báo cáo không được sau hôm nay (26/05/2020).", result.Errors[nameof(ConsolidatedSigningForm.Date)]);
        Assert.Equal("BC-NV số 15", form.Number);
        Assert.Null((await tracking.GetConsolidatedSigningAsync(periodId, Ct)).SignerName);
    }

    [Fact]
    public async Task ConsolidatedSigning_ByLeadership_IsRefused_AndAStaleEditIsRefused()
    {
        var (_, periodId, _) = await AddPlanAsync(_db);
        var tracking = Tracking(_db, _clock);
        var first = await tracking.GetConsolidatedSigningAsync(periodId, Ct);
        var second = await tracking.GetConsolidatedSigningAsync(periodId, Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => tracking.SaveConsolidatedSigningAsync(Leadership, periodId, first, Ct));
        first.Number = "15/BC-NV";
        Assert.True((await tracking.SaveConsolidatedSigningAsync(HomeAffairs, periodId, first, Ct)).Succeeded);
        second.Number = "16/BC-NV";
        var stale = await tracking.SaveConsolidatedSigningAsync(HomeAffairs, periodId, second, Ct);

        Assert.Contains("vừa được người khác cập nhật", stale.Errors[""], StringComparison.Ordinal);
        Assert.Equal("15/BC-NV", (await tracking.GetConsolidatedSigningAsync(periodId, Ct)).Number);
    }

    [Fact]
    public async Task Matrix_ForAUnitUser_IsRefused()
    {
        var (planId, _, units) = await KnownDataSetAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Tracking(_db, _clock).GetMatrixAsync(UnitUser(units[0]), planId, Ct));
    }

    [Fact]
    public async Task CityFigures_SumSubmittedReportsOnly()
    {
        var (_, periodId, _) = await KnownDataSetAsync();

        var figures = await Tracking(_db, _clock).GetCityFiguresAsync(HomeAffairs, periodId, ct: Ct);

        // Five submitted reports of units that must report, plus the Party body's: 6 × (2 sessions, 30 minutes, 100 people).
        Assert.Equal(6, figures.PerUnit.Count);
        Assert.Equal(6, figures.UnitCount);
        Assert.Equal((12, 180, 600), (figures.Total.Sessions, figures.Total.BroadcastMinutes, figures.Total.Participants));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(500)]
    public async Task Matrix_QueryCount_DoesNotGrowWithTheNumberOfUnits(int unitCount)
    {
        var (planId, periodId, annualId) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, unitCount);
        await using (var context = _db.CreateContext())
        {
            context.Reports.AddRange(units.Where((_, i) => i % 2 == 0).Select(u => new UnitReport { PeriodId = periodId, UnitId = u, State = ReportState.Draft }));
            context.Reports.AddRange(units.Where((_, i) => i % 3 == 0).Select(u => new UnitReport { PeriodId = annualId, UnitId = u, State = ReportState.Submitted, FirstSubmittedAt = _clock.GetUtcNow() }));
            await context.SaveChangesAsync(Ct);
        }
        var counter = new SqlCommandCounter();
        var factory = counter.FactoryFor(_db);
        var tracking = Tracking(factory, _clock);

        var matrix = await tracking.GetMatrixAsync(HomeAffairs, planId, Ct);

        Assert.Equal(unitCount, matrix.Rows.Count);
        Assert.Equal(3, counter.Count);
    }
}
