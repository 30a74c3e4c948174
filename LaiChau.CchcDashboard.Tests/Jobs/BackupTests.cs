using System.Net;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Jobs;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.Jobs;

/// <summary>The nightly backup writes a consistent copy that a fresh app starts from, and keeps the last N.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cchc-tests", "backups-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>SQLite only: the backup is a copy of the database file (PostgreSQL is backed up with pg_dump).</summary>
    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    public async Task Backup_RestoredIntoAFreshApp_HasTheReports()
    {
        // 01/12/2026 20:30 UTC is 02/12/2026 03:30 in Lai Châu: the file is named by the local date.
        var realClock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 20, 30, 0, TimeSpan.Zero));
        string backup;
        await using (var app = new CchcAppFactory { RealClock = realClock, Provider = DatabaseProvider.Sqlite })
        {
            app.Settings["Backup:Folder"] = _folder;
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct))
            {
                var report = await db.Reports.SingleAsync(r => r.Unit!.Code == "PH-TAN-PHONG" && r.Period!.Kind == PeriodKind.SixMonth, Ct);
                report.Results = "Bản nháp trước khi sao lưu";
                await db.SaveChangesAsync(Ct);
            }
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseBackupJob>().RunAsync(Ct);
            backup = Path.Combine(_folder, "cchc-20261202.db");
            Assert.True(File.Exists(backup));
        }

        // Restore: stop, copy the backup in place of the database, start.
        var restored = Path.Combine(_folder, "restored.db");
        File.Copy(backup, restored);
        await using var fresh = new CchcAppFactory { Provider = DatabaseProvider.Sqlite };
        fresh.Settings["ConnectionStrings:Default"] = $"Data Source={restored};Pooling=False";
        await using (var db = await fresh.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct))
        {
            var reports = await db.Reports.Where(r => r.Period!.Kind == PeriodKind.SixMonth).Select(r => new { r.Unit!.Code, r.Results }).ToListAsync(Ct);
            Assert.True(reports.Count > 3);
            Assert.Equal("Bản nháp trước khi sao lưu", reports.Single(r => r.Code == "PH-TAN-PHONG").Results);
        }
        using var client = await fresh.SignedInClientAsync("noivu");
        using var page = await client.GetAsync(new Uri("/reports", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>SQLite only, as above.</summary>
    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    public async Task Backup_KeepsOnlyTheConfiguredNumberOfCopies_TheNewestOnes()
    {
        Directory.CreateDirectory(_folder);
        for (var day = 1; day <= 5; day++)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"cchc-202611{day:00}.db"), "old", Ct);
        }
        var realClock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 19, 0, 0, TimeSpan.Zero));
        await using var app = new CchcAppFactory { RealClock = realClock, Provider = DatabaseProvider.Sqlite };
        app.Settings["Backup:Folder"] = _folder;
        app.Settings["Backup:Keep"] = "3";
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DatabaseBackupService>();

        await service.BackUpAsync(Ct);
        await service.BackUpAsync(Ct); // a second run the same day replaces that day's copy

        Assert.Equal(["cchc-20261104.db", "cchc-20261105.db", "cchc-20261203.db"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    public async Task Backup_OnPostgres_WritesNoFile_TheServerIsBackedUpWithItsOwnTools()
    {
        await using var app = new CchcAppFactory { Provider = DatabaseProvider.Postgres };
        app.Settings["Backup:Folder"] = _folder;
        await using var scope = app.Services.CreateAsyncScope();

        var written = await scope.ServiceProvider.GetRequiredService<DatabaseBackupService>().BackUpAsync(Ct);

        Assert.Null(written);
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFileSystemEntries(_folder).Any());
    }

    [Fact]
    public async Task BackupJob_CanBeTriggeredByTheAdministratorFromTheJobsPage()
    {
        await using var app = new CchcAppFactory();
        using var client = await app.SignedInClientAsync("quantri");

        using var response = await client.GetAsync(new Uri("/jobs/recurring", UriKind.Relative), Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(JobSchedule.BackupId, html, StringComparison.Ordinal);
        Assert.Contains("js-jobs-list-command", html, StringComparison.Ordinal);
    }
}
