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
        // bUnit waits 1 s by default; a busy 2-core CI machine running tests in parallel with
        // Chromium can need longer. A passing assertion returns as soon as it holds.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();
    }

    /// <summary>
    /// The input or textarea of a field by its test id: MudBlazor puts data-testid on the element
    /// itself or on its wrapper, depending on the component.
    /// </summary>
    protected static AngleSharp.Dom.IElement Input<TComponent>(IRenderedComponent<TComponent> rendered, string testId)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var element = rendered.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    /// <summary>Renders the popover provider that MudSelect, MudMenu and dialogs need.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();
}
