namespace LaiChau.CchcDashboard.Features.Admin;

public static class AdminExtensions
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<UnitAdminService>();
        builder.Services.AddScoped<UserAdminService>();
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
