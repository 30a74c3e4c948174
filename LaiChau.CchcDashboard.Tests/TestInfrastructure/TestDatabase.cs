using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>A real SQLite file in the temp folder, migrated, deleted when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        Factory = new TestDbContextFactory(new DbContextOptionsBuilder<CchcDbContext>().UseSqlite(ConnectionString).Options);
    }

    public string Path { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<CchcDbContext> Factory { get; }

    public static string NewPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>An empty database with the schema applied by the migrations.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var path = NewPath();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var db = new TestDatabase(path);
        await using var context = await db.Factory.CreateDbContextAsync();
        await context.Database.MigrateAsync();
        return db;
    }

    /// <summary>Migrated and loaded with seeds/plan-2020.json (no demo data).</summary>
    public static async Task<TestDatabase> CreateSeededAsync()
    {
        var db = await CreateAsync();
        var seeder = new PlanSeeder(db.Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanSeeder>.Instance);
        await seeder.SeedAsync(PlanSeeder.Read(SeedFilePath));
        return db;
    }

    public static string SeedFilePath => System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "plan-2020.json");

    public CchcDbContext CreateContext() => Factory.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // A file still open by a finished test host is removed with the temp folder.
            }
        }
        return ValueTask.CompletedTask;
    }

    private sealed class TestDbContextFactory(DbContextOptions<CchcDbContext> options) : IDbContextFactory<CchcDbContext>
    {
        public CchcDbContext CreateDbContext() => new(options);
    }
}
