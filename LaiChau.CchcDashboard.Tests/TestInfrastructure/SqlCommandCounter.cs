using System.Data.Common;
using LaiChau.CchcDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// Counts every SQL command EF sends (queries, scalars, inserts/updates), for the tests that
/// assert a page or a job costs the same number of commands for 10 units as for 500; on SQLite
/// also every statement the connection runs, including commands written with ADO.NET directly
/// (SQLite's trace hook, set when EF opens the connection).
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private int _count;
    private int _statements;

    public int Count => _count;

    /// <summary>Statements SQLite ran on the counted contexts' connections (BEGIN and COMMIT included).</summary>
    public int Statements => _statements;

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Trace(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Trace(connection);
        return Task.CompletedTask;
    }

    private void Trace(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_trace(handle, (SQLitePCL.strdelegate_trace)((_, _) => Interlocked.Increment(ref _statements)), null);
        }
    }

    /// <summary>A context factory on the given database whose contexts report to this counter.</summary>
    public IDbContextFactory<CchcDbContext> FactoryFor(DatabaseProvider provider, string connectionString) =>
        new CountingFactory(new DbContextOptionsBuilder<CchcDbContext>().UseCchcDatabase(provider, connectionString).AddInterceptors(this).Options);

    /// <summary>A context factory on the test database whose contexts report to this counter.</summary>
    public IDbContextFactory<CchcDbContext> FactoryFor(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return FactoryFor(database.Provider, database.ConnectionString);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    private sealed class CountingFactory(DbContextOptions<CchcDbContext> options) : IDbContextFactory<CchcDbContext>
    {
        public CchcDbContext CreateDbContext() => new(options);
    }
}
