using System.Data.Common;
using System.Text;
using LaiChau.CchcDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>A column of a <see cref="BatchInsert{T}"/>: its value for a row, or one value shared by every row.</summary>
public sealed record BatchColumn<T>(string Name, Func<T, object?>? Value, object? Shared = null);

/// <summary>
/// A multi-row INSERT of up to <paramref name="batchSize"/> rows, written once (and once more for the
/// last, shorter batch) and run for every batch with new parameter values, inside the context's
/// current transaction. Writing a statement of a few thousand parameters for every batch, creating
/// and naming each parameter again and (SQLite) compiling it again used to cost more than inserting
/// the rows. The full-batch command is prepared on SQLite (compiled once, no round trip); not on
/// PostgreSQL, where a parameter's type may differ between batches (a null here, a value there)
/// and the prepared path is not covered by the tests at that volume. Values must already be in the provider's form (see
/// <see cref="Data.DatabaseProviders.InstantValue(DatabaseFacade, DateTimeOffset)"/>).
/// </summary>
public sealed class BatchInsert<T>(DatabaseFacade database, string table, IReadOnlyList<BatchColumn<T>> columns, string? suffix, int batchSize)
    : IAsyncDisposable
{
    private readonly BatchColumn<T>[] _perRow = [.. columns.Where(c => c.Value is not null)];
    private DbCommand? _full;
    private DbCommand? _last;

    /// <summary>Inserts the rows; <paramref name="read"/> sees every row the suffix's RETURNING gives back.</summary>
    public async Task RunAsync(IReadOnlyList<T> rows, Action<DbDataReader>? read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, rows.Count - start);
            DbCommand command;
            var prepare = false;
            if (count == batchSize)
            {
                prepare = _full is null && start + 2 * batchSize <= rows.Count && database.ProviderOf() == DatabaseProvider.Sqlite;
                command = _full ??= Create(count);
            }
            else
            {
                // Only the last batch of a call is shorter.
                if (_last is not null)
                {
                    await _last.DisposeAsync();
                }
                command = _last = Create(count);
            }
            var p = 0;
            for (var i = start; i < start + count; i++)
            {
                var row = rows[i];
                foreach (var column in _perRow)
                {
                    command.Parameters[p++].Value = column.Value!(row) ?? DBNull.Value;
                }
            }
            if (prepare)
            {
                await command.PrepareAsync(ct);
            }
            if (read is null)
            {
                await command.ExecuteNonQueryAsync(ct);
                continue;
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                read(reader);
            }
        }
    }

    private DbCommand Create(int rows)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append('@').Append(columns[c].Value is null ? "s" : "p").Append(c);
                if (columns[c].Value is not null)
                {
                    sql.Append('_').Append(i);
                }
            }
            sql.Append(')');
        }
        if (suffix is not null)
        {
            sql.Append(' ').Append(suffix);
        }
        command.CommandText = sql.ToString();
        // Per-row parameters first, in the order RunAsync fills them; the shared ones after.
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Value is not null)
                {
                    command.Parameters.Add(Parameter(command, $"@p{c}_{i}", null));
                }
            }
        }
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Value is null)
            {
                command.Parameters.Add(Parameter(command, $"@s{c}", columns[c].Shared));
            }
        }
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        if (_full is not null)
        {
            await _full.DisposeAsync();
        }
        if (_last is not null)
        {
            await _last.DisposeAsync();
        }
    }
}
