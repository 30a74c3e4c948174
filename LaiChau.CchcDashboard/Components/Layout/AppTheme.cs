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
            // Darker than MudBlazor's defaults so text and chips in these colours keep a 4.5:1
            // contrast (WCAG AA) on white and on the grey background; the hues stay the same.
            TextSecondary = "rgba(0,0,0,0.6)",
            Success = "#2E7D32",
            Info = "#1565C0",
            Warning = "#B85000",
            Error = "#C62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Arial", "sans-serif"] },
        },
    };
}
