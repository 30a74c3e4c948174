using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LaiChau.CchcDashboard.Common.LiveUpdates;

public static class LiveUpdatesExtensions
{
    /// <summary>The /health entry of the relay.</summary>
    public const string HealthCheckName = "change-relay";

    /// <summary>
    /// Live updates across instances on one PostgreSQL database: every change published through
    /// <see cref="ChangeNotifier"/> is also sent with NOTIFY, and changes of the other instances are
    /// relayed to this instance's open pages. Call only when the provider is PostgreSQL; without
    /// it (SQLite) changes stay in-process.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresChangeRelay(this IHostApplicationBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddOptions<ChangeRelayOptions>()
            .BindConfiguration(ChangeRelayOptions.SectionName)
            .Configure(options => options.ConnectionString = connectionString)
            .ValidateDataAnnotations()
            .Validate(options => options.MaxReconnectDelay >= options.ReconnectDelay, "ChangeRelay:MaxReconnectDelay must not be shorter than ChangeRelay:ReconnectDelay.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ChangeNotifier>();
        builder.Services.AddSingleton<PostgresChangeOutbox>();
        builder.Services.AddSingleton<IChangeBus>(sp => sp.GetRequiredService<PostgresChangeOutbox>());
        builder.Services.AddSingleton<PostgresChangeListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeListener>());
        builder.Services.AddHealthChecks().AddCheck<ChangeRelayHealthCheck>(HealthCheckName);
        return builder;
    }
}
