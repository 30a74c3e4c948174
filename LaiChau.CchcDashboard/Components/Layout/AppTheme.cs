using MudBlazor;

namespace LaiChau.CchcDashboard.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8B1A1A",
            Secondary = "#1565C0",
            AppbarBackground = "#8B1A1A",
            Background = "#F5F5F5",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Arial", "sans-serif"] },
        },
    };
}
