using System.Text;
using LaiChau.CchcDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LaiChau.CchcDashboard.Benchmarks.Generation;

/// <summary>
/// Writes entities straight into their tables with one prepared INSERT per entity type, reused for
/// every row inside the caller's transaction. Table and column names and value conversions come
/// from the app's EF model, so the rows are what EF itself would store (enums as numbers, instants
/// through the app's DateTimeOffset converter, primitive lists as JSON); no schema is written here.
/// Keys are set by the caller.
/// </summary>
internal sealed class BulkWriter(CchcDbContext db, SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<Type, (SqliteCommand Command, IProperty[] Properties)> _commands = [];

    public long Rows { get; private set; }

    public void Insert<T>(IEnumerable<T> rows) where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (command, properties) = CommandFor(typeof(T));
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                var property = properties[i];
                var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
                var converter = property.GetTypeMapping().Converter;
                if (value is not null && converter is not null)
                {
                    value = converter.ConvertToProvider(value);
                }
                command.Parameters[i].Value = value ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
            Rows++;
        }
    }

    private (SqliteCommand, IProperty[]) CommandFor(Type type)
    {
        if (_commands.TryGetValue(type, out var cached))
        {
            return cached;
        }
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => !p.IsShadowProperty() && p.GetColumnName(table) is not null).ToArray();
        var sql = new StringBuilder().Append("INSERT INTO \"").Append(table.Name).Append("\" (")
            .AppendJoin(", ", properties.Select(p => "\"" + p.GetColumnName(table) + "\""))
            .Append(") VALUES (")
            .AppendJoin(", ", properties.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(')');
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.ToString();
        for (var i = 0; i < properties.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DBNull.Value));
        }
        command.Prepare();
        _commands[type] = (command, properties);
        return (command, properties);
    }

    public void Dispose()
    {
        foreach (var (command, _) in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
