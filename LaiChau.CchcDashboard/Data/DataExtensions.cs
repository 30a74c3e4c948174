using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Common.LiveUpdates;
using LaiChau.CchcDashboard.Data.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "Default";

    /// <summary>The command-line switch with which the app initialises the database and exits (see Program.cs).</summary>
    public const string MigrateOnlySwitch = "--migrate-only";

    /// <summary>The Data Protection application name every instance shares (PostgreSQL deployments).</summary>
    public const string DataProtectionApplicationName = "LaiChau.CchcDashboard";

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        var provider = DatabaseProviders.FromConfiguration(builder.Configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = ResolveSqlitePath(connectionString, builder.Environment.ContentRootPath);
        }

        builder.Services.AddDbContextFactory<CchcDbContext>(options => options.UseCchcDatabase(provider, connectionString));
        if (provider == DatabaseProvider.Postgres)
        {
            // Several instances: one key ring in the database and one application name, so a cookie
            // or antiforgery token issued by one instance is accepted by every other. SQLite (one
            // server) keeps ASP.NET's default key folder.
            builder.Services.AddDataProtection()
                .SetApplicationName(DataProtectionApplicationName)
                .PersistKeysToDbContext<CchcDbContext>();
            // Live updates reach the open pages of every instance through LISTEN/NOTIFY.
            builder.AddPostgresChangeRelay(connectionString);
        }
        builder.Services.AddHealthChecks().AddCheck<DatabaseWriteHealthCheck>("database");

        builder.Services.AddOptions<CityOptions>().BindConfiguration(CityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddTransient<PlanSeeder>();
        builder.Services.AddTransient<IdentitySeeder>();
        builder.Services.AddTransient<DemoSeeder>();
        builder.Services.AddTransient<DatabaseInitializer>();
        return builder;
    }

    /// <summary>Makes a relative SQLite file path relative to the content root and creates its folder and file.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(csb.DataSource) || csb.DataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }
        if (!Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        if (csb.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            // The file is created here, once, at start-up. While the app runs it is only opened
            // (ReadWrite): a database deleted under a running app is an error (503, /health
            // Unhealthy), never a fresh empty file that silently takes the saves.
            if (!File.Exists(csb.DataSource))
            {
                using var create = new SqliteConnection(new SqliteConnectionStringBuilder(csb.ToString()) { Pooling = false }.ToString());
                create.Open();
            }
            csb.Mode = SqliteOpenMode.ReadWrite;
        }
        return csb.ToString();
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
    }
}

/// <summary>Applies migrations, then seeds the plans in seeds/, the roles, the administrator and (in demo mode) the demo.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<CchcDbContext> dbFactory,
    PlanSeeder planSeeder,
    IdentitySeeder identitySeeder,
    DemoSeeder demoSeeder,
    Microsoft.Extensions.Options.IOptions<DemoOptions> demoOptions,
    IWebHostEnvironment environment)
{
    /// <summary>The key of the PostgreSQL advisory lock that serialises start-up across instances (any fixed number; "CCHC").</summary>
    public const long StartupLockKey = 0x43434843;

    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        // Instances started together on one PostgreSQL database would each migrate and seed (the
        // plan, roles, accounts) at the same moment and break on each other's rows: a session-level
        // advisory lock makes them take turns, and the later ones find everything in place. SQLite
        // has one instance. A database that does not exist yet cannot hold the lock: migrating
        // creates it, as before.
        await using var holder = await dbFactory.CreateDbContextAsync(ct);
        var locked = false;
        if (holder.Database.IsNpgsql())
        {
            try
            {
                await holder.Database.OpenConnectionAsync(ct);
                await holder.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLockKey})", ct);
                locked = true;
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
            {
                await holder.Database.CloseConnectionAsync();
            }
        }
        try
        {
            await InitialiseInTurnAsync(ct);
        }
        finally
        {
            if (locked)
            {
                await holder.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
                await holder.Database.CloseConnectionAsync();
            }
        }
    }

    private async Task InitialiseInTurnAsync(CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Checked once; migrating (which takes the migrations lock) only when something is pending.
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                await db.Database.MigrateAsync(ct);
            }
        }

        foreach (var file in SeedFiles(environment.ContentRootPath))
        {
            await planSeeder.SeedAsync(PlanSeeder.Read(file), ct);
        }

        await identitySeeder.SeedRolesAsync();
        if (demoOptions.Value.Enabled)
        {
            await demoSeeder.SeedAsync(ct);
        }
        await identitySeeder.EnsureAdministratorAsync(ct);
    }

    /// <summary>seeds/plan-*.json beside the app (published copy) or in the repository's seeds/ folder.</summary>
    public static IEnumerable<string> SeedFiles(string contentRoot)
    {
        string[] candidates = [Path.Combine(AppContext.BaseDirectory, "seeds"), Path.Combine(contentRoot, "..", "seeds"), Path.Combine(contentRoot, "seeds")];
        var folder = candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException("The seeds/ folder with plan-*.json was not found.");
        return Directory.GetFiles(folder, "plan-*.json").Order(StringComparer.Ordinal);
    }
}
