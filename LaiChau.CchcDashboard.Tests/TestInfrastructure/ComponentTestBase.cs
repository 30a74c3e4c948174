using Bunit;
using LaiChau.CchcDashboard.Common;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>One bUnit base (MudBlazor's BunitTest): loose JS interop, MudBlazor services in Vietnamese, vi-VN culture.</summary>
public abstract class ComponentTestBase : BunitContext
{
    protected ComponentTestBase()
    {
        System.Globalization.CultureInfo.CurrentCulture = VietnamTime.Culture;
        System.Globalization.CultureInfo.CurrentUICulture = VietnamTime.Culture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();
    }

    /// <summary>Renders the popover provider that MudSelect, MudMenu and dialogs need.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();
}
