using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static LaiChau.CchcDashboard.Tests.Features.Reports.ReportTestData;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

/// <summary>On the suite's provider (SQLite unless CCHC_TEST_PROVIDER says otherwise); <see cref="ReportServicePostgresTests"/> runs every test on PostgreSQL.</summary>
public class ReportServiceTests : IAsyncLifetime
{
    /// <summary>The database the tests run on.</summary>
    protected virtual DatabaseProvider Provider => TestProvider.Current;

    private readonly FakeTimeProvider _clock = TestClock.AtDemoStart();
    private TestDatabase _db = null!;
    private int _periodId;
    private int _unitA;
    private int _unitB;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Provider);
        (_, _periodId, _) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, 2);
        (_unitA, _unitB) = (units[0], units[1]);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private ReportService Service(ChangeNotifier? notifier = null) => ReportTestData.Service(_db, _clock, notifier);

    private async Task<ReportDetails> SubmittedReportAsync()
    {
        var result = await Service().SubmitAsync(UnitUser(_unitA), CompleteForm(_periodId), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Result.Errors.Values));
        return (await Service().GetAsync(HomeAffairs, result.ReportId, Ct))!;
    }

    [Fact]
    public async Task Submit_OneSecondBeforeMidnightOfTheDueDay_IsOnTime()
    {
        _clock.SetUtcNow(new DateTimeOffset(2020, 5, 24, 23, 59, 59, TimeSpan.FromHours(7)));

        var report = await SubmittedReportAsync();

        Assert.Equal(ReportState.Submitted, report.State);
        Assert.True(report.OnTime);
        Assert.Equal(StatusBucket.CompletedOnTime, report.Bucket(_clock.GetUtcNow()));
    }

    [Fact]
    public async Task Submit_AtMidnightOfTheDueDay_IsLate()
    {
        _clock.SetUtcNow(new DateTimeOffset(2020, 5, 25, 0, 0, 0, TimeSpan.FromHours(7)));

        var report = await SubmittedReportAsync();

        Assert.False(report.OnTime);
        Assert.Equal(StatusBucket.CompletedLate, report.Bucket(_clock.GetUtcNow()));
        Assert.Equal(new DateTimeOffset(2020, 5, 25, 0, 0, 0, TimeSpan.FromHours(7)), report.SubmittedAt);
    }

    [Fact]
    public async Task Workflow_DraftSubmitReturnResubmitAccept_RecordsEveryTransitionWithWhoWhenAndComment()
    {
        var unit = UnitUser(_unitA);
        var notifier = new ChangeNotifier(NullLogger<ChangeNotifier>.Instance);
        var events = new List<ChangeEvent>();
        using var subscription = notifier.Subscribe(events.Add);
        var service = Service(notifier);
        var form = CompleteForm(_periodId);

        Assert.True((await service.SaveDraftAsync(unit, form, Ct)).Succeeded);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await service.SubmitAsync(unit, form, Ct)).Succeeded);
        _clock.Advance(TimeSpan.FromHours(1));
        var returned = await service.ReturnAsync(HomeAffairs, form.Id, form.Version, "Bổ sung số người tham gia.", Ct);
        Assert.True(returned.Succeeded);
        var afterReturn = (await service.GetAsync(unit, form.Id, Ct))!;
        Assert.True(afterReturn.CanEdit);
        Assert.Equal("Bổ sung số người tham gia.", afterReturn.ReturnComment);
        var edit = afterReturn.Form;
        edit.ParticipantCount = 450;
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await service.SubmitAsync(unit, edit, Ct)).Succeeded);
        await SignedCopies.SignedCopyTestData.AddSignedCopyAsync(_db, form.Id);
        var resubmitted = (await service.GetAsync(HomeAffairs, form.Id, Ct))!;
        Assert.True((await service.AcceptAsync(HomeAffairs, form.Id, resubmitted.Version, Ct)).Succeeded);

        var final = (await service.GetAsync(HomeAffairs, form.Id, Ct))!;
        Assert.Equal(ReportState.Accepted, final.State);
        Assert.Equal(450, final.Form.ParticipantCount);
        Assert.Equal(
            [(ReportState.NotStarted, ReportState.Draft), (ReportState.Draft, ReportState.Submitted), (ReportState.Submitted, ReportState.Returned),
             (ReportState.Returned, ReportState.Resubmitted), (ReportState.Resubmitted, ReportState.Accepted)],
            final.Transitions.Select(t => (t.From, t.To)).ToList());
        Assert.Equal("Lò Thị Mai", final.Transitions[2].UserName);
        Assert.Equal("Bổ sung số người tham gia.", final.Transitions[2].Comment);
        Assert.Equal(TestClock.DemoStart.AddHours(2), final.Transitions[2].At);
        // Timeliness is judged on the first submission, not the resubmission.
        Assert.Equal(TestClock.DemoStart.AddHours(1), final.FirstSubmittedAt);
        Assert.Equal(5, events.Count);
        Assert.All(events, e => Assert.Equal((ChangeKind.ReportChanged, _periodId, _unitA), (e.Kind, e.PeriodId!.Value, e.UnitId!.Value)));
        foreach (var action in new[] { "report.save", "report.submit", "report.return", "report.accept" })
        {
            Assert.True(await AuditCountAsync(_db, action) > 0, action);
        }
    }

    [Fact]
    public async Task Save_AfterSubmission_IsRefused_AndNothingChanges()
    {
        var report = await SubmittedReportAsync();
        var form = report.Form;
        form.Results = "Sửa sau khi nộp";

        var save = await Service().SaveDraftAsync(UnitUser(_unitA), form, Ct);
        var submitAgain = await Service().SubmitAsync(UnitUser(_unitA), report.Form, Ct);

        Assert.Contains("chỉ sửa được khi Phòng Nội vụ yêu cầu bổ sung", save.Result.Errors[""], StringComparison.Ordinal);
        Assert.Contains("Báo cáo đã được nộp", submitAgain.Result.Errors[""], StringComparison.Ordinal);
        Assert.Equal("Nhận thức về CCHC được nâng lên.", (await Service().GetAsync(HomeAffairs, report.Id, Ct))!.Form.Results);
    }

    [Fact]
    public async Task ReturnAndAccept_OfADraft_AreRefused()
    {
        var form = CompleteForm(_periodId);
        await Service().SaveDraftAsync(UnitUser(_unitA), form, Ct);

        var returned = await Service().ReturnAsync(HomeAffairs, form.Id, form.Version, "Thiếu số liệu", Ct);
        var accepted = await Service().AcceptAsync(HomeAffairs, form.Id, form.Version, Ct);

        Assert.Contains("Chỉ yêu cầu bổ sung được báo cáo đã nộp", returned.Result.Errors[""], StringComparison.Ordinal);
        Assert.Contains("Chỉ tiếp nhận được báo cáo đã nộp", accepted.Result.Errors[""], StringComparison.Ordinal);
        Assert.Equal(ReportState.Draft, (await Service().GetAsync(HomeAffairs, form.Id, Ct))!.State);
    }

    [Fact]
    public async Task Accept_OfAnAcceptedReport_AndReturnOfAReturnedReport_AreRefused()
    {
        var report = await SubmittedReportAsync();
        await SignedCopies.SignedCopyTestData.AddSignedCopyAsync(_db, report.Id);
        Assert.True((await Service().AcceptAsync(HomeAffairs, report.Id, report.Version, Ct)).Succeeded);
        var accepted = (await Service().GetAsync(HomeAffairs, report.Id, Ct))!;

        var again = await Service().AcceptAsync(HomeAffairs, report.Id, accepted.Version, Ct);
        var returnAccepted = await Service().ReturnAsync(HomeAffairs, report.Id, accepted.Version, "Muộn", Ct);

        Assert.False(again.Succeeded);
        Assert.False(returnAccepted.Succeeded);
        Assert.False(accepted.CanReview);
    }

    [Fact]
    public async Task Return_WithEmptyComment_IsRefusedAtTheCommentField()
    {
        var report = await SubmittedReportAsync();

        var result = await Service().ReturnAsync(HomeAffairs, report.Id, report.Version, "   ", Ct);

        Assert.Equal("Vui lòng ghi rõ nội dung cần bổ sung.", result.Result.Errors["Comment"]);
        Assert.Equal(ReportState.Submitted, (await Service().GetAsync(HomeAffairs, report.Id, Ct))!.State);
    }

    [Fact]
    public async Task Submit_WithMissingRequiredFields_NamesEachField_AndStaysUnsubmitted()
    {
        var form = CompleteForm(_periodId);
        form.Results = null;
        form.Audiences = [];

        var result = await Service().SubmitAsync(UnitUser(_unitA), form, Ct);

        Assert.Equal("Vui lòng nhập kết quả qua tuyên truyền trước khi nộp.", result.Result.Errors[nameof(ReportForm.Results)]);
        Assert.True(result.Result.Errors.ContainsKey(nameof(ReportForm.Audiences)));
        await using var context = _db.CreateContext();
        Assert.False(await context.Reports.AnyAsync(r => r.State == ReportState.Submitted, Ct));
    }

    [Fact]
    public async Task Save_WithBadFigures_IsRefusedAtEachField()
    {
        var form = CompleteForm(_periodId);
        form.NewsArticleCount = -1;
        form.BroadcastMinutes = 145 * 24 * 60 + 1;
        form.Documents[0].Date = new DateTime(2019, 12, 31);
        form.Strengths = new string('a', 4001);

        var result = await Service().SaveDraftAsync(UnitUser(_unitA), form, Ct);

        var errors = result.Result.Errors;
        Assert.Equal("Số tin, bài phải là số nguyên từ 0 đến 100.000.", errors[nameof(ReportForm.NewsArticleCount)]);
        Assert.Equal("Số phút phát sóng không thể vượt quá số phút của kỳ báo cáo (208.800 phút).", errors[nameof(ReportForm.BroadcastMinutes)]);
        Assert.Equal("Văn bản thứ 1: Ngày văn bản phải trong kỳ báo cáo (01/01/2020 – 24/05/2020).", errors[nameof(ReportForm.Documents)]);
        Assert.Equal("Ưu điểm tối đa 4.000 ký tự.", errors[nameof(ReportForm.Strengths)]);
        await using var context = _db.CreateContext();
        Assert.False(await context.Reports.AnyAsync(Ct));
    }

    [Fact]
    public async Task Save_BySecondEditorWithAStaleVersion_IsRefused_AndReturnsTheStoredVersion()
    {
        var first = UnitUser(_unitA, "canbo1");
        var second = UnitUser(_unitA, "canbo2");
        var created = CompleteForm(_periodId);
        await Service().SaveDraftAsync(first, created, Ct);
        var formOne = (await Service().GetAsync(first, created.Id, Ct))!.Form;
        var formTwo = (await Service().GetAsync(second, created.Id, Ct))!.Form;
        formOne.Results = "Bản của cán bộ 1";
        formTwo.Results = "Bản của cán bộ 2";

        Assert.True((await Service().SaveDraftAsync(first, formOne, Ct)).Succeeded);
        var conflict = await Service().SaveDraftAsync(second, formTwo, Ct);

        Assert.True(conflict.IsConflict);
        Assert.Contains("đã có người khác cập nhật", conflict.Result.Errors[""], StringComparison.Ordinal);
        Assert.Equal("Bản của cán bộ 1", conflict.Stored!.Form.Results);
        Assert.Equal("Bản của cán bộ 2", formTwo.Results);
        Assert.Equal("Bản của cán bộ 1", (await Service().GetAsync(first, created.Id, Ct))!.Form.Results);
    }

    [Fact]
    public async Task UnitUser_ReadingOrWritingAnotherUnitsReport_IsRefusedAndLogged()
    {
        var form = CompleteForm(_periodId);
        await Service().SaveDraftAsync(UnitUser(_unitB), form, Ct);
        var intruder = UnitUser(_unitA);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().GetAsync(intruder, form.Id, Ct));
        var stolen = CompleteForm(_periodId);
        stolen.Id = form.Id;
        stolen.Version = form.Version;
        stolen.Results = "Ghi đè";
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().SaveDraftAsync(intruder, stolen, Ct));

        Assert.Equal(2, await AuditCountAsync(_db, "report.access-denied"));
        Assert.Equal("Nhận thức về CCHC được nâng lên.", (await Service().GetAsync(UnitUser(_unitB), form.Id, Ct))!.Form.Results);
    }

    [Fact]
    public async Task Leadership_ReadsEveryReport_ButCannotEditReturnOrAccept()
    {
        var report = await SubmittedReportAsync();

        var read = await Service().GetAsync(Leadership, report.Id, Ct);
        Assert.NotNull(read);
        Assert.False(read.CanEdit);
        Assert.False(read.CanReview);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().AcceptAsync(Leadership, report.Id, report.Version, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ReturnAsync(Leadership, report.Id, report.Version, "Bổ sung", Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().SaveDraftAsync(Leadership, report.Form, Ct));
    }

    [Fact]
    public async Task UnitUser_CannotAcceptOrReturnEvenTheirOwnReport()
    {
        var report = await SubmittedReportAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().AcceptAsync(UnitUser(_unitA), report.Id, report.Version, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ReturnAsync(UnitUser(_unitA), report.Id, report.Version, "Tự trả", Ct));
    }

    [Fact]
    public async Task HomeAffairs_CannotWriteAUnitsReport()
    {
        var form = CompleteForm(_periodId);
        await Service().SaveDraftAsync(UnitUser(_unitA), form, Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().SaveDraftAsync(HomeAffairs, form, Ct));
    }

    [Fact]
    public async Task HomeAffairsStaff_WriteTheirOwnOfficesReport_ButNoOtherUnits()
    {
        var office = HomeAffairs with { UnitId = _unitA };

        var own = await Service().SaveDraftAsync(office, CompleteForm(_periodId), Ct);
        var other = CompleteForm(_periodId);
        await Service().SaveDraftAsync(UnitUser(_unitB), other, Ct);

        Assert.True(own.Succeeded);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().SaveDraftAsync(office, other, Ct));
    }

    [Fact]
    public async Task GetUnitReports_ForAPeriodWithoutAReport_ShowsNotStartedWithTheCountdown()
    {
        var rows = await Service().GetUnitReportsAsync(UnitUser(_unitA), (await PlanIdAsync()), Ct);

        var sixMonth = rows[0];
        Assert.Null(sixMonth.ReportId);
        Assert.Equal(ReportState.NotStarted, sixMonth.State);
        Assert.Equal("còn 7 ngày", sixMonth.Countdown);
        Assert.Equal(0, sixMonth.Completeness);
    }

    [Fact]
    public async Task Completeness_CountsRequiredFieldsFilled_TheSameInTheFormAndInTheDatabase()
    {
        var form = CompleteForm(_periodId);
        form.Strengths = null;
        form.Limitations = null;
        await Service().SaveDraftAsync(UnitUser(_unitA), form, Ct);

        var rows = await Service().GetUnitReportsAsync(UnitUser(_unitA), await PlanIdAsync(), Ct);

        Assert.Equal(ReportCompleteness.Percent(15), ReportCompleteness.Percent(form));
        Assert.Equal(88, rows[0].Completeness);
    }

    private async Task<int> PlanIdAsync()
    {
        await using var context = _db.CreateContext();
        return await context.Periods.Where(p => p.Id == _periodId).Select(p => p.PlanId).SingleAsync(Ct);
    }
}

/// <summary>Every test of <see cref="ReportServiceTests"/> on PostgreSQL (CCHC_TEST_POSTGRES).</summary>
public sealed class ReportServicePostgresTests : ReportServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
