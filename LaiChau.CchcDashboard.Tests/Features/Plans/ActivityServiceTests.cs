using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.Features.Dashboard;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

public sealed class ActivityServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PlanServiceHost _host = null!;
    private int _planId;
    private int _daiTt;
    private int _noiVu;
    private int _radioActivity; // key activity 1, led by Đài Truyền thanh thành phố
    private int _quarterThree;  // key activity 6, Phòng Nội vụ, "Quý III/2020"

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync();
        _host = new PlanServiceHost(_db);
        _planId = (await PlanTestData.PlanAsync(_db.Factory)).PlanId;
        _daiTt = await PlanTestData.UnitIdAsync(_db.Factory, "DAI-TT");
        _noiVu = await PlanTestData.UnitIdAsync(_db.Factory, "P-NOI-VU");
        await using var db = _db.CreateContext();
        var key = await db.Activities.Where(a => a.Kind == ActivityKind.KeyActivity).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync();
        _radioActivity = key[0];
        _quarterThree = key[5];
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private static ProgressForm Valid() => new()
    {
        Date = new DateTime(2020, 5, 17),
        Description = "Phát sóng chuyên mục CCHC tháng 5.",
        Articles = 4,
        BroadcastMinutes = 90,
        EvidenceUrl = "https://laichau.gov.vn/cchc/thang-5",
    };

    private async Task<int> UpdateCountAsync()
    {
        await using var db = _db.CreateContext();
        return await db.ActivityUpdates.CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddUpdate_ByTheLeadUnitsStaff_IsStored_StartsTheActivity_AndTellsOpenPages()
    {
        var result = await _host.Activities.AddUpdateAsync(_radioActivity, Valid(), PlanServiceHost.UnitStaff(_daiTt, "Phạm Quốc Tuấn"), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var detail = await _host.Activities.GetDetailAsync(_radioActivity, TestContext.Current.CancellationToken);
        var update = Assert.Single(detail!.Updates);
        Assert.Equal(new DateOnly(2020, 5, 17), update.Date);
        Assert.Equal("Phạm Quốc Tuấn", update.AuthorName);
        Assert.Equal(ActivityStatus.InProgress, detail.Activity.Status);
        Assert.False(detail.Activity.IsStale);
        Assert.Contains(_host.Published, e => e.Kind == ChangeKind.ActivityChanged && e.PlanId == _planId);
    }

    [Fact]
    public async Task AddUpdate_ByPhongNoiVu_IsAllowedOnAnotherUnitsActivity()
    {
        var result = await _host.Activities.AddUpdateAsync(_radioActivity, Valid(), PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(1, await UpdateCountAsync());
    }

    public static TheoryData<string> Readers => ["other-unit", "leadership", "administrator"];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task AddUpdate_ByAnyoneElse_IsRefused_AndNothingIsStored(string who)
    {
        var tuPhap = await PlanTestData.UnitIdAsync(_db.Factory, "P-TU-PHAP");
        UserInfo actor = who switch
        {
            "other-unit" => PlanServiceHost.UnitStaff(tuPhap),
            "leadership" => PlanServiceHost.Leadership,
            _ => PlanServiceHost.Administrator,
        };

        var result = await _host.Activities.AddUpdateAsync(_radioActivity, Valid(), actor, TestContext.Current.CancellationToken);
        var status = await _host.Activities.ChangeStatusAsync(_radioActivity, ActivityStatus.Completed, 0, actor, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("Chỉ đơn vị chủ trì và Phòng Nội vụ", result.Errors[""], StringComparison.Ordinal);
        Assert.False(status.Succeeded);
        Assert.Equal(0, await UpdateCountAsync());
        Assert.False(ActivityService.CanUpdate(actor, _daiTt));
        Assert.Empty(_host.Published);
    }

    [Fact]
    public void CanUpdate_TaskLedByAGroupOfUnits_IsLeftToPhongNoiVu()
    {
        Assert.False(ActivityService.CanUpdate(PlanServiceHost.UnitStaff(_daiTt), null));
        Assert.True(ActivityService.CanUpdate(PlanServiceHost.HomeAffairs(_noiVu), null));
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "empty-description", nameof(ProgressForm.Description) },
        { "future-date", nameof(ProgressForm.Date) },
        { "negative-count", nameof(ProgressForm.Articles) },
        { "malformed-link", nameof(ProgressForm.EvidenceUrl) },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task AddUpdate_WithBadInput_IsRefusedAtTheField_AndNothingIsStored(string problem, string field)
    {
        var form = Valid();
        switch (problem)
        {
            case "empty-description": form.Description = "   "; break;
            case "future-date": form.Date = new DateTime(2020, 5, 19); break;
            case "negative-count": form.Articles = -3; break;
            default: form.EvidenceUrl = "laichau.gov.vn/khong-co-giao-thuc"; break;
        }

        var result = await _host.Activities.AddUpdateAsync(_radioActivity, form, PlanServiceHost.UnitStaff(_daiTt), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.True(result.Errors.ContainsKey(field), $"expected a message at {field}, got {string.Join(", ", result.Errors.Keys)}");
        Assert.Equal(0, await UpdateCountAsync());
    }

    [Fact]
    public async Task ChangeStatus_CompletingADatedActivityAfterItsDueDate_CountsAsCompletedLate()
    {
        var actor = PlanServiceHost.HomeAffairs(_noiVu);
        _host.Clock.SetUtcNow(TestClock.Local(2020, 10, 5, 9));

        var before = (await _host.Activities.GetDetailAsync(_quarterThree, TestContext.Current.CancellationToken))!.Activity;
        var result = await _host.Activities.ChangeStatusAsync(_quarterThree, ActivityStatus.Completed, before.Version, actor, TestContext.Current.CancellationToken);
        var after = (await _host.Activities.GetDetailAsync(_quarterThree, TestContext.Current.CancellationToken))!.Activity;

        Assert.Equal(StatusBucket.Overdue, before.Bucket);
        Assert.True(result.Succeeded);
        Assert.Equal(StatusBucket.CompletedLate, after.Bucket);
        Assert.Contains(_host.Published, e => e.Kind == ChangeKind.ActivityChanged);
    }

    [Fact]
    public async Task ChangeStatus_WithAStaleVersion_IsRefused()
    {
        var actor = PlanServiceHost.HomeAffairs(_noiVu);
        var version = (await _host.Activities.GetDetailAsync(_quarterThree, TestContext.Current.CancellationToken))!.Activity.Version;
        Assert.True((await _host.Activities.ChangeStatusAsync(_quarterThree, ActivityStatus.InProgress, version, actor, TestContext.Current.CancellationToken)).Succeeded);

        var stale = await _host.Activities.ChangeStatusAsync(_quarterThree, ActivityStatus.Completed, version, actor, TestContext.Current.CancellationToken);

        Assert.False(stale.Succeeded);
        var now = (await _host.Activities.GetDetailAsync(_quarterThree, TestContext.Current.CancellationToken))!.Activity;
        Assert.Equal(ActivityStatus.InProgress, now.Status);
    }

    [Fact]
    public async Task List_ShowsTheTimingAsThePlanWordsIt_WithTheLastDay()
    {
        var rows = await _host.Activities.GetActivitiesAsync(_planId, TestContext.Current.CancellationToken);

        Assert.Equal(17, rows.Count);
        Assert.Equal("Quý III/2020 (đến hết 30/09/2020)", rows.Single(r => r.Id == _quarterThree).Timing);
        Assert.Equal("Thường xuyên", rows.Single(r => r.Id == _radioActivity).Timing);
        Assert.Equal("Đài Truyền thanh thành phố", rows.Single(r => r.Id == _radioActivity).Lead);
    }

    private async Task<ProgressRow> LoggedEntryAsync()
    {
        Assert.True((await _host.Activities.AddUpdateAsync(_radioActivity, Valid(), PlanServiceHost.UnitStaff(_daiTt, "Phạm Quốc Tuấn"), TestContext.Current.CancellationToken)).Succeeded);
        _host.Published.Clear();
        return Assert.Single((await _host.Activities.GetDetailAsync(_radioActivity, TestContext.Current.CancellationToken))!.Updates);
    }

    [Fact]
    public async Task EditUpdate_ByAColleagueOfTheLeadUnit_CorrectsTheEntry_KeepsTheAuthor_AndShowsWhoCorrectedIt()
    {
        var entry = await LoggedEntryAsync();
        _host.Clock.Advance(TimeSpan.FromHours(2));
        var form = entry.ToForm();
        form.Description = "Phát sóng chuyên mục CCHC tháng 5 (3 số).";
        form.Articles = 3;
        form.EvidenceUrl = "";

        var result = await _host.Activities.EditUpdateAsync(entry.Id, form, entry.Version, PlanServiceHost.UnitStaff(_daiTt, "Lò Văn Hùng"), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var edited = Assert.Single((await _host.Activities.GetDetailAsync(_radioActivity, TestContext.Current.CancellationToken))!.Updates);
        Assert.Equal(("Phát sóng chuyên mục CCHC tháng 5 (3 số).", 3, (string?)null), (edited.Description, edited.Articles, edited.EvidenceUrl));
        Assert.Equal(90, edited.BroadcastMinutes);
        Assert.Equal("Phạm Quốc Tuấn", edited.AuthorName);
        Assert.Equal("Lò Văn Hùng", edited.UpdatedByName);
        Assert.Equal(_host.Clock.GetUtcNow(), edited.UpdatedAt);
        Assert.Contains(_host.Published, e => e.Kind == ChangeKind.ActivityChanged && e.PlanId == _planId);
        await using var db = _db.CreateContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "progress.edit", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EditUpdate_WithAFutureDate_IsRefusedAtTheField_AndTheEntryIsUnchanged()
    {
        var entry = await LoggedEntryAsync();
        var form = entry.ToForm();
        form.Date = new DateTime(2020, 5, 19);
        form.Description = "Mô tả mới";

        var result = await _host.Activities.EditUpdateAsync(entry.Id, form, entry.Version, PlanServiceHost.UnitStaff(_daiTt), TestContext.Current.CancellationToken);

        Assert.Equal("Ngày thực hiện không được sau hôm nay (18/05/2020).", result.Errors[nameof(ProgressForm.Date)]);
        Assert.Equal("Mô tả mới", form.Description);
        var stored = Assert.Single((await _host.Activities.GetDetailAsync(_radioActivity, TestContext.Current.CancellationToken))!.Updates);
        Assert.Equal(entry, stored);
        Assert.Empty(_host.Published);
    }

    [Fact]
    public async Task EditAndDelete_ByAnotherUnit_AreRefused()
    {
        var entry = await LoggedEntryAsync();
        var tuPhap = PlanServiceHost.UnitStaff(await PlanTestData.UnitIdAsync(_db.Factory, "P-TU-PHAP"));

        var edit = await _host.Activities.EditUpdateAsync(entry.Id, entry.ToForm(), entry.Version, tuPhap, TestContext.Current.CancellationToken);
        var delete = await _host.Activities.DeleteUpdateAsync(entry.Id, entry.Version, tuPhap, TestContext.Current.CancellationToken);

        Assert.Contains("Chỉ đơn vị chủ trì và Phòng Nội vụ được sửa", edit.Errors[""], StringComparison.Ordinal);
        Assert.Contains("Chỉ đơn vị chủ trì và Phòng Nội vụ được xóa", delete.Errors[""], StringComparison.Ordinal);
        Assert.Equal(1, await UpdateCountAsync());
    }

    [Fact]
    public async Task EditUpdate_WithAStaleVersion_IsRefused_AndKeepsTheOtherCorrection()
    {
        var entry = await LoggedEntryAsync();
        var first = entry.ToForm();
        first.Articles = 5;
        Assert.True((await _host.Activities.EditUpdateAsync(entry.Id, first, entry.Version, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken)).Succeeded);

        var second = entry.ToForm();
        second.Articles = 6;
        var result = await _host.Activities.EditUpdateAsync(entry.Id, second, entry.Version, PlanServiceHost.UnitStaff(_daiTt), TestContext.Current.CancellationToken);

        Assert.Contains("Đã có người khác sửa cập nhật này", result.Errors[""], StringComparison.Ordinal);
        Assert.Equal(5, Assert.Single((await _host.Activities.GetDetailAsync(_radioActivity, TestContext.Current.CancellationToken))!.Updates).Articles);
    }

    [Fact]
    public async Task DeleteUpdate_ByPhongNoiVu_RemovesTheEntry_AndTheAuditLogKeepsWhatItSaid()
    {
        var entry = await LoggedEntryAsync();

        var result = await _host.Activities.DeleteUpdateAsync(entry.Id, entry.Version, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(0, await UpdateCountAsync());
        Assert.Contains(_host.Published, e => e.Kind == ChangeKind.ActivityChanged);
        await using var db = _db.CreateContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "progress.delete", TestContext.Current.CancellationToken);
        Assert.Contains("Phát sóng chuyên mục CCHC tháng 5.", audit.Details, StringComparison.Ordinal);
        Assert.Equal("noivu", audit.UserName);
        var again = await _host.Activities.DeleteUpdateAsync(entry.Id, entry.Version, PlanServiceHost.HomeAffairs(_noiVu), TestContext.Current.CancellationToken);
        Assert.Contains("Không tìm thấy cập nhật này", again.Errors[""], StringComparison.Ordinal);
    }
}
