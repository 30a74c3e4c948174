using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Admin;

public sealed class UnitDialogTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly UserInfo Admin = TestUsers.Administrator;
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync();
        Services.AddAppBasics(_db);
        Services.AddScoped<UnitAdminService>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(UnitForm form)
    {
        var provider = Render<MudDialogProvider>();
        RenderPopoverProvider();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<UnitDialog>(null, new DialogParameters<UnitDialog>
        {
            { d => d.Form, form },
            { d => d.Actor, Admin },
        }));
        return provider;
    }

    private static void Type(IRenderedComponent<MudDialogProvider> dialog, string testId, string value) =>
        Input(dialog, testId).Change(value);

    private static Task SubmitAsync(IRenderedComponent<MudDialogProvider> dialog) => dialog.Find("form#unit-form").SubmitAsync();

    [Fact]
    public async Task Save_WithEmptyName_ShowsTheMessageAtTheField_AndKeepsTheCode()
    {
        var dialog = await OpenAsync(new UnitForm());
        Type(dialog, "unit-code", "P-MOI");

        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => Assert.Contains("Vui lòng nhập tên đơn vị.", dialog.Markup, StringComparison.Ordinal));
        Assert.Equal("P-MOI", Input(dialog, "unit-code").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_WithMalformedEmail_IsRefused()
    {
        var dialog = await OpenAsync(new UnitForm { Code = "P-MOI", Name = "Phòng Mới" });
        Type(dialog, "unit-email", "khong-phai-email");

        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => Assert.Contains("E-mail không đúng định dạng", dialog.Markup, StringComparison.Ordinal));
        await using var context = _db.CreateContext();
        Assert.False(await context.Units.AnyAsync(u => u.Code == "P-MOI", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_WithDuplicateCode_ShowsTheServerMessageAtTheCodeField()
    {
        var dialog = await OpenAsync(new UnitForm { Code = "P-TU-PHAP", Name = "Phòng Tư pháp 2" });

        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => Assert.Contains("Mã đơn vị 'P-TU-PHAP' đã được dùng cho đơn vị khác.", dialog.Markup, StringComparison.Ordinal));
        Assert.Equal("Phòng Tư pháp 2", Input(dialog, "unit-name").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_WithValidInput_StoresTheUnit_AndClosesTheDialog()
    {
        var dialog = await OpenAsync(new UnitForm { Code = "p-moi", Name = "Phòng Mới", Email = "phongmoi@laichau.example" });

        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[data-testid=unit-dialog]")));
        await using var context = _db.CreateContext();
        var unit = await context.Units.SingleAsync(u => u.Code == "P-MOI", TestContext.Current.CancellationToken);
        Assert.Equal("Phòng Mới", unit.Name);
        Assert.True(await context.AuditLog.AnyAsync(a => a.Action == "unit.create" && a.EntityId == unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
    }
}
