using System.Data.Common;
using LaiChau.CchcDashboard.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Data;

/// <summary>The database cannot be used (its file is gone); the request is answered 503, never 500.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message)
{
    public const string UserMessage = "Không truy cập được cơ sở dữ liệu. Thao tác chưa được lưu; vui lòng thử lại sau hoặc báo quản trị viên.";
}

/// <summary>
/// A pooled SQLite connection keeps its file open after the file (or App_Data) is deleted, and
/// writes into it "succeed" and vanish at restart, while new connections fail. So every time EF
/// opens a connection to a SQLite file, the file must still be there; otherwise the pool is cleared
/// and the operation fails with <see cref="DatabaseUnavailableException"/>.
/// </summary>
public sealed class DatabaseFileGuard : DbConnectionInterceptor
{
    public static readonly DatabaseFileGuard Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => EnsureFileExists(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EnsureFileExists(connection);
        return Task.CompletedTask;
    }

    private static void EnsureFileExists(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }
        var path = sqlite.DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || File.Exists(path))
        {
            return;
        }
        sqlite.Close();
        SqliteConnection.ClearPool(sqlite);
        throw new DatabaseUnavailableException($"The database file {path} no longer exists.");
    }
}

/// <summary>
/// /health's database check: a cheap write (every row of the migrations history rewritten with its
/// own value) inside a transaction that is rolled back. A read-only, missing or locked database is
/// Unhealthy.
/// </summary>
public sealed class DatabaseWriteHealthCheck(IDbContextFactory<CchcDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\"", cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database can be written.");
        }
        catch (Exception ex) when (ex is DbException or DatabaseUnavailableException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written.", ex);
        }
    }
}

public static class DatabaseAvailabilityExtensions
{
    /// <summary>
    /// A request that meets a database that cannot be opened or written is answered 503 with a
    /// Vietnamese message (and /health says Unhealthy), not 500.
    /// </summary>
    public static IApplicationBuilder UseDatabaseUnavailablePage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (IsUnavailable(ex) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseAvailabilityExtensions))
                    .LogError(ex, "The database is unavailable for {Path}.", context.Request.Path.Value);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "30";
                context.Response.ContentType = "text/html; charset=utf-8";
                var title = System.Net.WebUtility.HtmlEncode(context.RequestServices.GetRequiredService<IOptions<CityOptions>>().Value.AppName);
                await context.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
                    + "<body style=\"font-family:sans-serif;max-width:36rem;margin:4rem auto\"><h1>Tạm thời không phục vụ được</h1>"
                    + $"<p role=\"alert\">{DatabaseUnavailableException.UserMessage}</p><p><a href=\"/\">Tải lại</a></p></body></html>");
            }
        });

    /// <summary>
    /// The database is gone, read-only, full or failing I/O (SQLite codes CANTOPEN, READONLY, FULL,
    /// IOERR); or the PostgreSQL server cannot be reached, is shutting down, read-only, out of disk or
    /// has no such database.
    /// </summary>
    public static bool IsUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DatabaseUnavailableException || ex is SqliteException { SqliteErrorCode: 14 or 8 or 13 or 10 }
                || ex is Npgsql.PostgresException { SqlState: "25006" or "53100" or "57P01" or "57P02" or "57P03" or "3D000" }
                || ex is Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException })
            {
                return true;
            }
        }
        return false;
    }
}
