using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using LaiChau.CchcDashboard.Jobs;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LaiChau.CchcDashboard.Tests.Jobs;

/// <summary>/health tells an operator whether this instance's job store answers (reminders and e-mails depend on it).</summary>
public sealed class JobStorageHealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_ListsEachCheck_IncludingTheJobStoreWithTheRecurringJobsTheAppRegistered()
    {
        await using var app = new CchcAppFactory();
        using var client = app.NewClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("database: Healthy", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("pdf-fonts: Healthy", StringComparison.Ordinal));
        // The reminder pass, the weekly digest, the backup and the e-mail outbox.
        Assert.Contains(lines, l => l.StartsWith("jobs-storage: Healthy — The job store answers: 4 recurring jobs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JobStoreThatDoesNotAnswer_IsDegraded_WithoutItsErrorText()
    {
        var check = new JobStorageHealthCheck(new UnreachableStorage());

        var result = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.DoesNotContain("Password", LaiChau.CchcDashboard.Common.HealthExtensions.Format(
            new HealthReport(new Dictionary<string, HealthReportEntry>
            {
                ["jobs-storage"] = new(result.Status, result.Description, TimeSpan.Zero, result.Exception, result.Data),
            }, TimeSpan.Zero)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobStoreWithARecurringJob_IsHealthy_AndCountsIt()
    {
        using var storage = new InMemoryStorage();
        new RecurringJobManager(storage).AddOrUpdate("one", () => Console.WriteLine(), Cron.Daily());
        var check = new JobStorageHealthCheck(storage);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(1, result.Data["recurringJobs"]);
    }

    /// <summary>A store whose server refuses connections, with a secret in its error (as a driver's message might have).</summary>
    private sealed class UnreachableStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => throw Refused();

        public override IStorageConnection GetConnection() => throw Refused();

        private static InvalidOperationException Refused() => new("Connection refused: Host=db;Password=secret");
    }
}
