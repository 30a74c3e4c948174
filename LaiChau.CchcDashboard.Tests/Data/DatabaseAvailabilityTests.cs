using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Data;

/// <summary>
/// /health checks that the database can be written; a database deleted under the running app
/// makes saves fail and requests answer 503, never a silent success or a 500. The SQLite tests
/// delete the file; on PostgreSQL the app's database is dropped under it.
/// </summary>
public sealed class DatabaseAvailabilityTests
{
    private static readonly UserInfo Admin = new("admin-id", "quantri", "Quản trị", [AppRoles.Administrator], null, null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string DatabasePath(CchcAppFactory app) => new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;

    private static void DeleteDatabase(CchcAppFactory app)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath(app) + suffix);
        }
    }

    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    public async Task Health_IsHealthyWhileTheDatabaseCanBeWritten_AndUnhealthyOnceItsFileIsGone()
    {
        await using var app = new CchcAppFactory { Provider = DatabaseProvider.Sqlite };
        using var client = app.NewClient();
        using (var healthy = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        DeleteDatabase(app);
        using var unhealthy = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.StartsWith("Unhealthy\n", await unhealthy.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath(app)), "The check must not create an empty database in place of the deleted one.");
    }

    [Theory]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ParallelRequests_AfterTheDatabaseIsDeleted_Answer503InVietnamese_Never500(DatabaseProvider provider)
    {
        await using var app = new CchcAppFactory { Provider = provider };
        using var client = await app.SignedInClientAsync("noivu");
        if (provider == DatabaseProvider.Postgres)
        {
            await app.DropPostgresDatabaseAsync();
        }
        else
        {
            DeleteDatabase(app);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.GetAsync(new Uri(i % 2 == 0 ? "/reports" : "/admin/units", UriKind.Relative), Ct)));

        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Contains(DatabaseUnavailableException.UserMessage, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    public async Task Save_ThroughAPooledConnectionAfterTheDatabaseIsDeleted_FailsInsteadOfWritingIntoTheVoid()
    {
        // The production connection string pools connections; a pooled one still holds the deleted file.
        var app = new CchcAppFactory { Provider = DatabaseProvider.Sqlite };
        await using var _ = app;
        app.Settings["ConnectionStrings:Default"] = $"Data Source={DatabasePath(app)}";
        string userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserAdminService>().GetUsersAsync(Ct)).Single(u => u.UserName == "tanphong").Id;
        }

        DeleteDatabase(app);

        await using var save = app.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<DatabaseUnavailableException>(() => save.ServiceProvider.GetRequiredService<UserAdminService>().SetLockedAsync(userId, true, Admin, Ct));
        SqliteConnection.ClearAllPools();
    }
}
