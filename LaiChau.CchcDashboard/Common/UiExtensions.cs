using System.Globalization;
using LaiChau.CchcDashboard.Data;
using MudBlazor;
using MudBlazor.Services;

namespace LaiChau.CchcDashboard.Common;

public static class UiExtensions
{
    public static IHostApplicationBuilder AddUi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = FieldLimits.MaxBrowserMessageBytes);
        builder.Services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        builder.Services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();
        builder.Services.AddSingleton<ChangeNotifier>();
        return builder;
    }

    public static WebApplication UseUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CultureInfo.DefaultThreadCurrentCulture = VietnamTime.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = VietnamTime.Culture;
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("vi-VN").AddSupportedCultures("vi-VN").AddSupportedUICultures("vi-VN"));

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseDatabaseUnavailablePage();
        app.MapStaticAssets().AllowAnonymous();
        return app;
    }
}
