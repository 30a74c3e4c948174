using LaiChau.CchcDashboard.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.JSInterop;
using MudBlazor;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>How much of the app's shell a baseline page carries.</summary>
public enum BaselineShell
{
    /// <summary>A heading only: what Blazor and SignalR hold for an interactive component.</summary>
    None,

    /// <summary>MudBlazor's theme, popover, dialog and snackbar providers around the heading.</summary>
    Providers,

    /// <summary>The providers and MudBlazor's layout as the app draws it (app bar, drawer, the app's nav menu), without the app's own components.</summary>
    MudLayout,
}

/// <summary>
/// Pages of the benchmark host only (never part of the app), so the memory of a circuit can be split into
/// the framework's share and the app's: <c>/_benchmark/page/none</c>, <c>…/providers</c>, <c>…/mudlayout</c>.
/// Each is one interactive component under a static document served by the app's own scripts and styles.
/// </summary>
public static class BaselinePages
{
    public const string Prefix = "/_benchmark/page";

    public static RazorComponentResult<BaselineDocument> Result(BaselineShell shell) =>
        new(new Dictionary<string, object?> { [nameof(BaselineDocument.Shell)] = shell });
}

public sealed class BaselineDocument : ComponentBase
{
    [Parameter]
    public BaselineShell Shell { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMarkupContent(0, """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8" /><base href="/" />
            <link href="_content/MudBlazor/MudBlazor.min.css" rel="stylesheet" /><link href="app.css" rel="stylesheet" />
            <title>baseline</title></head><body>
            """);
        builder.OpenComponent<BaselinePage>(1);
        builder.AddComponentParameter(2, nameof(BaselinePage.Shell), Shell);
        builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        builder.CloseComponent();
        builder.AddMarkupContent(3, """
            <script src="_content/MudBlazor/MudBlazor.min.js"></script><script src="app.js"></script>
            <script src="_framework/blazor.web.js"></script></body></html>
            """);
    }
}

public sealed class BaselinePage : ComponentBase
{
    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter]
    public BaselineShell Shell { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Shell == BaselineShell.None)
        {
            builder.AddMarkupContent(0, "<h1>Baseline</h1>");
            return;
        }
        builder.OpenComponent<MudThemeProvider>(1);
        builder.AddComponentParameter(2, nameof(MudThemeProvider.Theme), AppTheme.Theme);
        builder.CloseComponent();
        builder.OpenComponent<MudPopoverProvider>(3);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(4);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(5);
        builder.CloseComponent();
        if (Shell == BaselineShell.Providers)
        {
            builder.AddMarkupContent(6, "<h1>Baseline</h1>");
            return;
        }
        builder.OpenComponent<MudLayout>(10);
        builder.AddComponentParameter(11, nameof(MudLayout.ChildContent), (RenderFragment)(layout =>
        {
            layout.OpenComponent<MudAppBar>(0);
            layout.AddComponentParameter(1, nameof(MudAppBar.Elevation), 1);
            layout.AddComponentParameter(2, nameof(MudAppBar.Dense), true);
            layout.AddComponentParameter(3, nameof(MudAppBar.Color), Color.Primary);
            layout.AddComponentParameter(4, nameof(MudAppBar.ChildContent), (RenderFragment)(bar =>
            {
                bar.OpenComponent<MudIconButton>(0);
                bar.AddComponentParameter(1, nameof(MudIconButton.Icon), Icons.Material.Filled.Menu);
                bar.AddComponentParameter(2, nameof(MudIconButton.Color), Color.Inherit);
                bar.AddComponentParameter(3, nameof(MudIconButton.Edge), Edge.Start);
                bar.CloseComponent();
                bar.OpenComponent<MudText>(4);
                bar.AddComponentParameter(5, nameof(MudText.Typo), Typo.h6);
                bar.AddComponentParameter(6, nameof(MudText.ChildContent), (RenderFragment)(t => t.AddContent(0, "Baseline")));
                bar.CloseComponent();
            }));
            layout.CloseComponent();
            layout.OpenComponent<MudDrawer>(5);
            layout.AddComponentParameter(6, nameof(MudDrawer.Open), true);
            layout.AddComponentParameter(7, nameof(MudDrawer.ClipMode), DrawerClipMode.Always);
            layout.AddComponentParameter(8, nameof(MudDrawer.Elevation), 1);
            layout.AddComponentParameter(9, nameof(MudDrawer.Breakpoint), Breakpoint.Md);
            layout.AddComponentParameter(10, nameof(MudDrawer.Variant), DrawerVariant.Responsive);
            layout.AddComponentParameter(11, nameof(MudDrawer.ChildContent), (RenderFragment)(drawer =>
            {
                drawer.OpenComponent<NavMenu>(0);
                drawer.CloseComponent();
            }));
            layout.CloseComponent();
            layout.OpenComponent<MudMainContent>(12);
            layout.AddComponentParameter(13, nameof(MudMainContent.ChildContent), (RenderFragment)(main => main.AddMarkupContent(0, "<h1>Baseline</h1>")));
            layout.CloseComponent();
        }));
        builder.CloseComponent();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await JS.InvokeVoidAsync("cchc.markInteractive");
        }
    }
}
