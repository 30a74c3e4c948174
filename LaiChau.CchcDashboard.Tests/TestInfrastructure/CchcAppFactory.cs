using Hangfire;
using Hangfire.InMemory;
using LaiChau.CchcDashboard.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// The app in a test host with its own database and a FakeTimeProvider (CleanArchitecture's
/// WebApiFactory): a SQLite file, or with <see cref="Provider"/> Postgres (the default when
/// <c>CCHC_TEST_PROVIDER=Postgres</c>) a database of its own on <c>CCHC_TEST_POSTGRES</c>, dropped on
/// dispose. Demo mode is on by default so the demo accounts and data exist.
/// </summary>
public class CchcAppFactory : WebApplicationFactory<Program>
{
    // Files beside the database (SQLite file, mail pickup and signed-copy folders) share this stem.
    private readonly string _databasePath = TestDatabase.NewPath();
    private PostgresDatabase? _postgres;

    public CchcAppFactory()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
    }

    public FakeTimeProvider Clock { get; } = TestClock.AtDemoStart();

    /// <summary>
    /// The real clock (cookie and lockout expiry). The system clock unless a test needs to move it
    /// (then a FakeTimeProvider at today's date).
    /// </summary>
    public TimeProvider RealClock { get; init; } = TimeProvider.System;

    public bool DemoEnabled { get; init; } = true;

    public string Environment { get; init; } = "Development";

    /// <summary>Extra configuration for a test (keys as in appsettings, e.g. "Admin:Email").</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The database the app runs on; tests about one provider's files or features pin it.</summary>
    public DatabaseProvider Provider { get; init; } = TestProvider.Current;

    /// <summary>The app's connection string (for PostgreSQL the database is created on first use).</summary>
    public string ConnectionString => Provider == DatabaseProvider.Postgres
        ? Postgres.ConnectionString
        : new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = false }.ToString();

    private PostgresDatabase Postgres =>
        // Task.Run: the host is built from synchronous code; no synchronisation context may be blocked.
        _postgres ??= Task.Run(PostgresDatabase.CreateAsync).GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting(DatabaseProviders.ProviderKey, Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{DataExtensions.ConnectionStringName}", ConnectionString);
        builder.UseSetting("Demo:Enabled", DemoEnabled ? "true" : "false");
        // Only warnings and errors reach the test log, so a failing test's own output stands out.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // No background server against the fake clock: tests run the jobs' services directly.
        builder.UseSetting("Jobs:RunServer", "false");
        // Every test signs in from the same address; the sign-in rate limit has its own tests.
        builder.UseSetting("Accounts:SignInAttemptsPerWindow", "100000");
        builder.UseSetting("Smtp:PickupFolder", Path.Combine(Path.GetDirectoryName(_databasePath)!, "mail-" + Path.GetFileNameWithoutExtension(_databasePath)));
        builder.UseSetting("SignedCopies:Folder", Path.Combine(Path.GetDirectoryName(_databasePath)!, "files-" + Path.GetFileNameWithoutExtension(_databasePath)));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAllKeyed<TimeProvider>(LaiChau.CchcDashboard.Common.ClockExtensions.RealClock);
            services.AddKeyedSingleton(LaiChau.CchcDashboard.Common.ClockExtensions.RealClock, RealClock);
            services.RemoveAll<JobStorage>();
            services.AddSingleton<JobStorage>(_ => new InMemoryStorage());
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>();
            ConfigureTestServices(services);
        });
    }

    /// <summary>Feature tests override this to swap more services (e.g. Hangfire storage).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Drops the app's PostgreSQL database under the running app (its sessions are ended), as when the server loses it.</summary>
    public async Task DropPostgresDatabaseAsync()
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("The app runs on SQLite.");
        }
        await Postgres.DisposeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
                // Left for the temp folder clean-up.
            }
        }
    }
}
