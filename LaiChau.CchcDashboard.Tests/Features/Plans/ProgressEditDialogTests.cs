using Bunit;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.Features.Dashboard;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

/// <summary>Correcting an entry of the progress log in its dialog.</summary>
public sealed class ProgressEditDialogTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ProgressRow _entry = null!;
    private int _daiTt;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync();
        _daiTt = await PlanTestData.UnitIdAsync(_db.Factory, "DAI-TT");
        int activityId;
        await using (var db = _db.CreateContext())
        {
            activityId = await db.Activities.Where(a => a.Kind == ActivityKind.KeyActivity && a.LeadUnitId == _daiTt).Select(a => a.Id).FirstAsync();
        }
        var host = new PlanServiceHost(_db);
        var logged = new ProgressForm { Date = new DateTime(2020, 5, 15), Description = "Phát sóng 2 chuyên mục CCHC.", Articles = 2 };
        Assert.True((await host.Activities.AddUpdateAsync(activityId, logged, PlanServiceHost.UnitStaff(_daiTt, "Phạm Quốc Tuấn"))).Succeeded);
        _entry = (await host.Activities.GetDetailAsync(activityId))!.Updates.Single();

        PlanServiceHost.AddActivityServices(Services, _db);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialog, Task<DialogResult?> Result)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        RenderPopoverProvider();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<ProgressEditDialog>(null, new DialogParameters<ProgressEditDialog>
        {
            { d => d.Entry, _entry },
            { d => d.Form, _entry.ToForm() },
            { d => d.Actor, PlanServiceHost.UnitStaff(_daiTt, "Lò Văn Hùng") },
        }));
        return (provider, reference.Result);
    }

    [Fact]
    public async Task Save_WithAFutureDateAndAMalformedLink_ShowsTheMessagesAtTheFields_AndKeepsWhatWasTyped()
    {
        var (dialog, _) = await OpenAsync();
        Assert.Contains("Do Phạm Quốc Tuấn ghi lúc 18/05/2020 08:00.", dialog.Markup, StringComparison.Ordinal);
        Input(dialog, "edit-description-input").Change("Phát sóng 3 chuyên mục CCHC.");
        Input(dialog, "edit-evidence").Change("laichau.gov.vn/cchc");

        await dialog.Find("form#progress-edit-form").SubmitAsync();
        dialog.WaitForAssertion(() => Assert.Contains("Đường dẫn minh chứng phải là địa chỉ web đầy đủ", dialog.Markup, StringComparison.Ordinal));

        Input(dialog, "edit-evidence").Change("https://laichau.gov.vn/cchc");
        Input(dialog, "edit-date-input").Change("25/05/2020");
        await dialog.Find("form#progress-edit-form").SubmitAsync();
        dialog.WaitForAssertion(() => Assert.Contains("Ngày thực hiện không được sau hôm nay (18/05/2020).", dialog.Markup, StringComparison.Ordinal));

        Assert.Contains("Phát sóng 3 chuyên mục CCHC.", dialog.Markup, StringComparison.Ordinal);
        await using var db = _db.CreateContext();
        var stored = await db.ActivityUpdates.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Phát sóng 2 chuyên mục CCHC.", (DateTimeOffset?)null), (stored.Description, stored.UpdatedAt));
    }

    [Fact]
    public async Task Save_WithValidInput_StoresTheCorrection_AndCloses()
    {
        var (dialog, result) = await OpenAsync();
        Input(dialog, "edit-articles").Change("3");

        await dialog.Find("form#progress-edit-form").SubmitAsync();

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[data-testid=progress-edit-dialog]")));
        Assert.False((await result)!.Canceled);
        await using var db = _db.CreateContext();
        var stored = await db.ActivityUpdates.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((3, "Lò Văn Hùng", "Phạm Quốc Tuấn"), (stored.Articles, stored.UpdatedByName, stored.AuthorName));
    }
}
