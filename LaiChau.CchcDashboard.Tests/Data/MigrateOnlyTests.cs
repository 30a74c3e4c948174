using System.Diagnostics;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.Data;

/// <summary>
/// The `--migrate-only` switch of a multi-server deployment: the app as its own process, on a new
/// database of the suite's provider (a SQLite file, or a PostgreSQL database with CCHC_TEST_PROVIDER=Postgres).
/// </summary>
public sealed class MigrateOnlyTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cchc-tests", $"migrate-{Guid.NewGuid():N}");
    private PostgresDatabase? _postgres;

    public MigrateOnlyTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task MigrateOnly_MigratesAndSeedsTheDatabase_ThenExitsWithZero_WithoutServing()
    {
        var provider = TestProvider.Current;
        var connectionString = $"Data Source={Path.Combine(_folder, "cchc.db")};Pooling=False";
        if (provider == DatabaseProvider.Postgres)
        {
            _postgres = await PostgresDatabase.CreateAsync();
            connectionString = _postgres.ConnectionString;
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LaiChau.CchcDashboard.dll"));
        start.ArgumentList.Add(DataExtensions.MigrateOnlySwitch);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Jobs__SqlitePath"] = Path.Combine(_folder, "hangfire.db");
        start.Environment["Admin__Email"] = "quantri@laichau.example";
        start.Environment["Admin__Password"] = "Migrate@2020-only";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app did not exit after --migrate-only.");
        }

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await errors}");
        Assert.DoesNotContain("Now listening on", await output, StringComparison.Ordinal);
        await using var db = new CchcDbContext(new DbContextOptionsBuilder<CchcDbContext>()
            .UseCchcDatabase(provider, connectionString).Options);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.Plans.AnyAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.Users.AnyAsync(user => user.Email == "quantri@laichau.example", TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
