using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using static LaiChau.CchcDashboard.Tests.Features.Reports.ReportTestData;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

/// <summary>On the suite's provider (SQLite unless CCHC_TEST_PROVIDER says otherwise); <see cref="PeriodProgressQueryPostgresTests"/> runs every test on PostgreSQL.</summary>
public class PeriodProgressQueryTests : IAsyncLifetime
{
    /// <summary>The database the tests run on.</summary>
    protected virtual DatabaseProvider Provider => TestProvider.Current;

    private TestDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(Provider);

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Rates_OnAKnownSet_CountSubmittedAndOnTimeOverExpected_InSql()
    {
        var (_, periodId, _) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, 20);
        await AddReportAsync(_db, periodId, units[0], ReportState.Submitted, TestClock.Local(2020, 5, 20));
        await AddReportAsync(_db, periodId, units[1], ReportState.Accepted, TestClock.Local(2020, 5, 10));
        await AddReportAsync(_db, periodId, units[2], ReportState.Resubmitted, TestClock.Local(2020, 5, 26));   // late
        await AddReportAsync(_db, periodId, units[3], ReportState.Returned, TestClock.Local(2020, 5, 12));      // not counted until resubmitted
        await AddReportAsync(_db, periodId, units[4], ReportState.Draft);
        var notReporting = await AddUnitsAsync(_db, 1, "DANG", mustReport: false);
        await AddReportAsync(_db, periodId, notReporting[0], ReportState.Submitted, TestClock.Local(2020, 5, 20));

        await using var db = _db.CreateContext();
        var rates = await PeriodProgressQuery.RatesAsync(db, periodId, Ct);

        Assert.Equal(new PeriodRates(20, 3, 2), rates);
        Assert.Equal(0.15, rates.ReportingRate, 3);
        Assert.Equal(0.10, rates.TimelyRate, 3);
        Assert.Equal(17, rates.Missing);
        Assert.Equal("15%", PeriodRates.Percent(rates.ReportingRate).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignedCopies_AreCountedOverSubmittedReports_AndTheMissingOnesListedForTheSecondCall()
    {
        var (_, periodId, _) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, 4);
        var signed = await AddReportAsync(_db, periodId, units[0], ReportState.Submitted, TestClock.Local(2020, 5, 20));
        await AddReportAsync(_db, periodId, units[1], ReportState.Accepted, TestClock.Local(2020, 5, 10));
        var returned = await AddReportAsync(_db, periodId, units[2], ReportState.Returned, TestClock.Local(2020, 5, 12));
        await AddReportAsync(_db, periodId, units[3], ReportState.Draft);
        await SignedCopies.SignedCopyTestData.AddSignedCopyAsync(_db, signed);
        // A copy on a report sent back for changes does not count until it is submitted again.
        await SignedCopies.SignedCopyTestData.AddSignedCopyAsync(_db, returned);

        await using var db = _db.CreateContext();
        var rates = await PeriodProgressQuery.RatesAsync(db, periodId, Ct);
        var missing = await PeriodProgressQuery.PageAsync(db, periodId, new UnitListRequest(MatrixFilter.SignedCopyMissing), TestClock.Local(2020, 5, 26), Ct);
        var cells = await PeriodProgressQuery.PageAsync(db, periodId, new UnitListRequest(), TestClock.Local(2020, 5, 26), Ct);

        Assert.Equal(2, rates.Submitted);
        Assert.Equal(1, rates.SignedCopies);
        Assert.Equal([units[1]], missing.Items.Select(u => u.UnitId));
        Assert.Equal(1, missing.Total);
        Assert.Equal([true, false, true, false], cells.Items.Select(u => u.HasSignedCopy));
    }

    [Fact]
    public async Task OnTime_InSql_IsStrictlyBeforeTheDueInstant_WhateverTheOffsetTheInstantWasWrittenWith()
    {
        // Due "trước ngày 25/05/2020" = 24/05 17:00 UTC. Written in local time (+07:00), 24/05 23:59 is
        // on time and 25/05 00:00 is late; SQL must agree with .NET, not compare wall clocks.
        var (_, periodId, _) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, 3);
        await AddReportAsync(_db, periodId, units[0], ReportState.Submitted, TestClock.Local(2020, 5, 24, 23, 59, 59));
        await AddReportAsync(_db, periodId, units[1], ReportState.Submitted, TestClock.Local(2020, 5, 25));
        await AddReportAsync(_db, periodId, units[2], ReportState.Submitted, new DateTimeOffset(2020, 5, 24, 16, 59, 0, TimeSpan.Zero));

        await using var db = _db.CreateContext();
        var rates = await PeriodProgressQuery.RatesAsync(db, periodId, Ct);
        var late = await PeriodProgressQuery.LateAsync(db, periodId, TestClock.Local(2020, 5, 26), Ct);

        Assert.Equal(new PeriodRates(3, 3, 2), rates);
        Assert.Equal([units[1]], late.Select(u => u.UnitId));
        Assert.Equal(1, late[0].DaysLate);
    }

    [Fact]
    public async Task Units_CarryTheCompletenessCountedInSql_AsTheEditorCountsTheForm()
    {
        var (_, periodId, _) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, 2);
        var form = CompleteForm(periodId);
        form.Strengths = "   ";
        form.Audiences = [];
        await using (var context = _db.CreateContext())
        {
            context.Reports.Add(new UnitReport
            {
                PeriodId = periodId,
                UnitId = units[0],
                State = ReportState.Draft,
                DocumentNumber = form.DocumentNumber,
                DocumentDate = DateOnly.FromDateTime(form.DocumentDate!.Value),
                SignerName = form.SignerName,
                SignerTitle = form.SignerTitle,
                ContentPropagated = form.ContentPropagated,
                DocumentCount = form.DocumentCount,
                NewsArticleCount = form.NewsArticleCount,
                ModelCount = form.ModelCount,
                ExemplaryExampleCount = form.ExemplaryExampleCount,
                SessionCount = form.SessionCount,
                BroadcastMinutes = form.BroadcastMinutes,
                Audiences = form.Audiences,
                ParticipantCount = form.ParticipantCount,
                Forms = form.Forms,
                Results = form.Results,
                Strengths = form.Strengths,
                Limitations = form.Limitations,
            });
            await context.SaveChangesAsync(Ct);
        }

        await using var db = _db.CreateContext();
        var page = await PeriodProgressQuery.PageAsync(db, periodId, new UnitListRequest(), TestClock.DemoStart, Ct);

        Assert.Equal(ReportCompleteness.Required - 2, ReportCompleteness.Filled(form));
        Assert.Equal(ReportCompleteness.Filled(form), page.Items.Single(u => u.UnitId == units[0]).FilledFields);
        Assert.Equal(0, page.Items.Single(u => u.UnitId == units[1]).FilledFields);
    }

    [Fact]
    public async Task Search_ByUnitName_IgnoresCase_EveryLetterOnPostgres_AsciiLettersOnSqlite_DiacriticsCountOnBoth()
    {
        var (_, periodId, _) = await AddPlanAsync(_db);
        await AddUnitsAsync(_db, 12);
        await using var db = _db.CreateContext();

        async Task<List<string>> SearchAsync(string text) =>
            [.. (await PeriodProgressQuery.PageAsync(db, periodId, new UnitListRequest(Search: text), TestClock.DemoStart, Ct)).Items.Select(u => u.UnitName)];

        // Only ASCII letters differ in case ("dv" / "DV"): found on both.
        Assert.Equal(["Đơn vị DV số 12"], await SearchAsync("Đơn vị dv số 12"));
        // Vietnamese letters differ in case ("ĐƠN", "SỐ"): PostgreSQL's ILIKE folds them, SQLite's LIKE does not.
        Assert.Equal(Provider == DatabaseProvider.Postgres ? ["Đơn vị DV số 12"] : [], await SearchAsync("ĐƠN VỊ DV SỐ 12"));
        // Without the diacritics it is another word: found on neither.
        Assert.Empty(await SearchAsync("Don vi DV so 12"));
    }
}

/// <summary>Every test of <see cref="PeriodProgressQueryTests"/> on PostgreSQL (CCHC_TEST_POSTGRES).</summary>
public sealed class PeriodProgressQueryPostgresTests : PeriodProgressQueryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
