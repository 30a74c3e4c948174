using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LaiChau.CchcDashboard.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Data;

public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>Where the copies go; empty = a "backups" folder beside the database file (App_Data/backups).</summary>
    public string? Folder { get; set; }

    /// <summary>How many daily copies are kept; older ones are deleted after each backup.</summary>
    [Range(1, 3650)]
    public int Keep { get; set; } = 14;
}

/// <summary>
/// Writes a consistent copy of the SQLite database with <c>VACUUM INTO</c> (a snapshot taken inside
/// one read transaction, so writes going on meanwhile are either wholly in it or not at all) to
/// <c>cchc-YYYYMMDD.db</c>, named by the real date in Lai Châu, and keeps the last
/// <see cref="BackupOptions.Keep"/>. A PostgreSQL deployment backs up with pg_dump instead (README).
/// </summary>
public sealed class DatabaseBackupService(
    IDbContextFactory<CchcDbContext> dbFactory,
    IOptions<BackupOptions> options,
    [FromKeyedServices(ClockExtensions.RealClock)] TimeProvider realClock,
    ILogger<DatabaseBackupService> logger)
{
    public const string FilePrefix = "cchc-";

    /// <summary>The path of the copy written, or null when the database is not SQLite.</summary>
    public async Task<string?> BackUpAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            logger.LogInformation("The database is not SQLite; back it up with the server's own tools (pg_dump).");
            return null;
        }
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = string.IsNullOrWhiteSpace(options.Value.Folder)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "backups")
            : Path.GetFullPath(options.Value.Folder);
        Directory.CreateDirectory(folder);

        var date = VietnamTime.ToLocal(realClock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var target = Path.Combine(folder, $"{FilePrefix}{date}.db");
        // VACUUM INTO refuses an existing file: write beside it, then replace (a second run the same day).
        var partial = target + ".partial";
        File.Delete(partial);
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [partial], ct);
        File.Move(partial, target, overwrite: true);
        logger.LogInformation("Database backed up to {Path}.", target);

        foreach (var old in Directory.GetFiles(folder, FilePrefix + "*.db").OrderDescending(StringComparer.Ordinal).Skip(options.Value.Keep))
        {
            File.Delete(old);
            logger.LogInformation("Old backup {Path} deleted.", old);
        }
        return target;
    }
}
