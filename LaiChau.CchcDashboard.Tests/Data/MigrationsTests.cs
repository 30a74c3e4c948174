using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LaiChau.CchcDashboard.Tests.Data;

/// <summary>
/// Each provider's migrations set (Data/Migrations/Sqlite, Data/Migrations/Postgres) is generated
/// from the one model: nothing in the model is missing from it, and it builds an empty database.
/// </summary>
public sealed class MigrationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_OnAnEmptyDatabase_ApplyAllAndLeaveNoModelChangePending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes that no {provider} migration holds: add one (README, \"Migrations\").");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        var applied = (await db.Database.GetAppliedMigrationsAsync(Ct)).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        // The schema is usable: the tables of the model are there (a count over two of them).
        Assert.Equal(0, await db.Units.CountAsync(Ct));
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync(Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Sqlite")]
    [InlineData(DatabaseProvider.Postgres, "Postgres")]
    public void Migrations_OfAProvider_AreOnlyThoseOfItsOwnFolder(DatabaseProvider provider, string folder)
    {
        using var db = new CchcDbContext(new DbContextOptionsBuilder<CchcDbContext>()
            .UseCchcDatabase(provider, provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=none" : "Data Source=:memory:").Options);
        var migrations = db.GetService<IMigrationsAssembly>().Migrations;

        Assert.NotEmpty(migrations);
        Assert.All(migrations.Values, t => Assert.Equal($"LaiChau.CchcDashboard.Data.Migrations.{folder}", t.Namespace));
        Assert.Equal($"LaiChau.CchcDashboard.Data.Migrations.{folder}", db.GetService<IMigrationsAssembly>().ModelSnapshot?.GetType().Namespace);
    }

    [Fact]
    public void SqliteMigrations_KeepTheIdsThatExistingDatabasesHaveApplied()
    {
        using var db = new CchcDbContext(new DbContextOptionsBuilder<CchcDbContext>().UseSqlite("Data Source=:memory:").Options);

        // Ids already in __EFMigrationsHistory of databases in use: moving the files must not rename them.
        Assert.Equal(
            ["20261130072157_InitialCreate", "20261130095037_ProgressCorrections", "20261130101440_ConsolidatedSigning", "20261202174729_EmailOutbox", "20261202220331_SignedCopies"],
            db.Database.GetMigrations().Take(5));
    }
}
