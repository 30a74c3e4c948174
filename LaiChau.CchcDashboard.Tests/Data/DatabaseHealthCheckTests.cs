using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LaiChau.CchcDashboard.Tests.Data;

/// <summary>/health's database check on each provider: Healthy while the database can be written, Unhealthy once it is gone.</summary>
public sealed class DatabaseHealthCheckTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WriteCheck_OnAWritableDatabase_IsHealthy_AndOnceTheDatabaseIsGone_IsUnhealthy(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestDatabase.CreateAsync(provider);
        var check = new DatabaseWriteHealthCheck(database.Factory);

        var before = await check.CheckHealthAsync(new HealthCheckContext(), ct);
        await database.DisposeAsync();   // deletes the SQLite file, drops the PostgreSQL database
        var after = await check.CheckHealthAsync(new HealthCheckContext(), ct);

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
    }
}
