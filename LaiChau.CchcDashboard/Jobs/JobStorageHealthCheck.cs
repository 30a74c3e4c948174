using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LaiChau.CchcDashboard.Jobs;

/// <summary>
/// /health's job-store check: the Hangfire store answers (the SQLite file, or the "hangfire" schema
/// of the PostgreSQL database that every instance shares), with how many recurring jobs and job
/// servers it holds. A store that does not answer is Degraded, not Unhealthy: pages and saves still
/// work, only the reminders and e-mails wait, so the load balancer need not take the instance out.
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Hangfire's storage API is synchronous (a connection per call): kept off the request thread.
            var (recurringJobs, servers) = await Task.Run(() =>
            {
                using var connection = storage.GetConnection();
                var recurring = connection.GetAllItemsFromSet("recurring-jobs").Count;
                return (recurring, storage.GetMonitoringApi().Servers().Count);
            }, cancellationToken);
            var data = new Dictionary<string, object> { ["recurringJobs"] = recurringJobs, ["servers"] = servers };
            return HealthCheckResult.Healthy($"The job store answers: {recurringJobs} recurring jobs, {servers} job servers.", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The job store does not answer: reminders and e-mails wait until it does.", ex);
        }
    }
}
