using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Data;

/// <summary>
/// Several instances on one PostgreSQL database may start at the same moment on an empty database
/// (no separate migrate step): each migrates and seeds, one after the other, and the result is one
/// plan, one set of units and one of each account — and every instance starts.
/// </summary>
public sealed class ConcurrentStartupTests
{
    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    public async Task TwoInstancesStartingTogetherOnAnEmptyPostgresDatabase_BothStart_AndSeedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync();
        await using var first = Instance(database);
        await using var second = Instance(database);

        // Touching Services builds and starts the host, which initialises the database.
        await Task.WhenAll(Task.Run(() => first.Services, ct), Task.Run(() => second.Services, ct));

        var factory = first.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        Assert.Equal(1, await db.Plans.CountAsync(ct));
        Assert.Equal(21, await db.Units.CountAsync(ct));
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "noivu", ct));
        Assert.Equal(await db.Users.Select(u => u.UserName).Distinct().CountAsync(ct), await db.Users.CountAsync(ct));
        Assert.Equal(await db.Roles.Select(r => r.Name).Distinct().CountAsync(ct), await db.Roles.CountAsync(ct));
    }

    private static CchcAppFactory Instance(PostgresDatabase database)
    {
        var factory = new CchcAppFactory();
        factory.Settings["Database:Provider"] = "Postgres";
        factory.Settings[$"ConnectionStrings:{DataExtensions.ConnectionStringName}"] = database.ConnectionString;
        return factory;
    }
}
