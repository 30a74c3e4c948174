using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LaiChau.CchcDashboard.Common.LiveUpdates;

/// <summary>
/// Healthy while the relay listens. Degraded (still 200) while it reconnects: the instance serves
/// pages and saves as before, only changes made on the other instances reach its pages late.
/// </summary>
public sealed class ChangeRelayHealthCheck(PostgresChangeListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["state"] = listener.State.ToString(),
            ["failedAttempts"] = listener.FailedAttempts,
        };
        var result = listener.State switch
        {
            ChangeRelayState.Listening => HealthCheckResult.Healthy("Listening for changes from the other instances.", data),
            ChangeRelayState.Reconnecting => HealthCheckResult.Degraded(
                $"The connection for live updates was lost at {listener.LostAt:O}; reconnecting (attempt {listener.FailedAttempts}).", data: data),
            ChangeRelayState.Starting => HealthCheckResult.Degraded("Not listening for changes from the other instances yet.", data: data),
            _ => HealthCheckResult.Unhealthy("The change relay has stopped.", data: data),
        };
        return Task.FromResult(result);
    }
}
