using Bunit;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.Features.Dashboard;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

public sealed class AddProgressFormTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _activityId;
    private int _daiTt;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync();
        _daiTt = await PlanTestData.UnitIdAsync(_db.Factory, "DAI-TT");
        await using var db = _db.CreateContext();
        _activityId = await db.Activities.Where(a => a.Kind == ActivityKind.KeyActivity && a.LeadUnitId == _daiTt).Select(a => a.Id).FirstAsync();
        PlanServiceHost.AddActivityServices(Services, _db);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<AddProgressForm> RenderForm() =>
        Render<AddProgressForm>(p => p.Add(f => f.ActivityId, _activityId).Add(f => f.Actor, PlanServiceHost.UnitStaff(_daiTt)));

    [Fact]
    public async Task Save_WithANegativeCountAndAMalformedLink_ShowsBothMessages_AndKeepsTheDescription()
    {
        var form = RenderForm();
        Input(form, "progress-description-input").Change("Phát sóng chuyên mục CCHC tuần 3 tháng 5.");
        Input(form, "progress-articles").Change("-2");
        Input(form, "progress-evidence").Change("www.laichau.gov.vn");

        await form.Find("form#progress-form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Số tin, bài phải từ 0 trở lên.", form.Markup, StringComparison.Ordinal));
        Assert.Contains("Đường dẫn minh chứng phải là địa chỉ web đầy đủ", form.Markup, StringComparison.Ordinal);
        Assert.Equal("Phát sóng chuyên mục CCHC tuần 3 tháng 5.", Input(form, "progress-description-input").GetAttribute("value") ?? Input(form, "progress-description-input").TextContent);
        await using var db = _db.CreateContext();
        Assert.False(await db.ActivityUpdates.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_WithAFutureDate_ShowsTheServerMessageAtTheDateField_AndKeepsTheText()
    {
        var form = RenderForm();
        Input(form, "progress-description-input").Change("Hội nghị tuyên truyền tại tổ dân phố số 3.");
        Input(form, "progress-date-input").Change("20/05/2020");

        await form.Find("form#progress-form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Ngày thực hiện không được sau hôm nay (18/05/2020).", form.Markup, StringComparison.Ordinal));
        Assert.Contains("Hội nghị tuyên truyền tại tổ dân phố số 3.", form.Markup, StringComparison.Ordinal);
        await using var db = _db.CreateContext();
        Assert.False(await db.ActivityUpdates.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_WithValidInput_StoresTheUpdate_AndClearsTheForm()
    {
        var form = RenderForm();
        Input(form, "progress-description-input").Change("Đưa 3 tin về dịch vụ công trực tuyến.");
        Input(form, "progress-articles").Change("3");

        await form.Find("form#progress-form").SubmitAsync();

        await using var db = _db.CreateContext();
        form.WaitForAssertion(() => Assert.True(db.ActivityUpdates.Any(u => u.ActivityId == _activityId && u.Articles == 3)));
        var update = await db.ActivityUpdates.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2020, 5, 18), update.Date);
        Assert.DoesNotContain("Đưa 3 tin về dịch vụ công trực tuyến.", form.Markup, StringComparison.Ordinal);
    }
}
