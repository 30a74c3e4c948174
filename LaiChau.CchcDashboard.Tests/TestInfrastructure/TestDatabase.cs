using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// A real database, migrated, deleted when disposed: a SQLite file in the temp folder, or with
/// <see cref="DatabaseProvider.Postgres"/> a database of its own on the server named by
/// <c>CCHC_TEST_POSTGRES</c> (<see cref="PostgresDatabase"/>). Without a provider given, the one
/// the suite runs on (<see cref="TestProvider.Current"/>, environment variable <c>CCHC_TEST_PROVIDER</c>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresDatabase? _postgres;

    private TestDatabase(string path)
    {
        Path = path;
        Provider = DatabaseProvider.Sqlite;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        Factory = new TestDbContextFactory(new DbContextOptionsBuilder<CchcDbContext>().UseSqlite(ConnectionString).Options);
    }

    private TestDatabase(PostgresDatabase postgres)
    {
        _postgres = postgres;
        Path = "";
        Provider = DatabaseProvider.Postgres;
        ConnectionString = postgres.ConnectionString;
        Factory = new TestDbContextFactory(new DbContextOptionsBuilder<CchcDbContext>().UseNpgsql(ConnectionString).Options);
    }

    /// <summary>The SQLite file (empty for PostgreSQL).</summary>
    public string Path { get; }
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<CchcDbContext> Factory { get; }

    public static string NewPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>An empty database with the schema applied by the migrations.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        provider ??= TestProvider.Current;
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = await PostgresDatabase.CreateAsync();
            var pg = new TestDatabase(postgres);
            await using var pgContext = await pg.Factory.CreateDbContextAsync();
            await pgContext.Database.MigrateAsync();
            return pg;
        }
        var path = NewPath();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var db = new TestDatabase(path);
        await using var context = await db.Factory.CreateDbContextAsync();
        await context.Database.MigrateAsync();
        return db;
    }

    /// <summary>Migrated and loaded with seeds/plan-2020.json (no demo data).</summary>
    public static async Task<TestDatabase> CreateSeededAsync(DatabaseProvider? provider = null)
    {
        var db = await CreateAsync(provider);
        var seeder = new PlanSeeder(db.Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanSeeder>.Instance);
        await seeder.SeedAsync(PlanSeeder.Read(SeedFilePath));
        return db;
    }

    public static string SeedFilePath => System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "plan-2020.json");

    public CchcDbContext CreateContext() => Factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            return;
        }
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
    }

    private sealed class TestDbContextFactory(DbContextOptions<CchcDbContext> options) : IDbContextFactory<CchcDbContext>
    {
        public CchcDbContext CreateDbContext() => new(options);
    }
}
