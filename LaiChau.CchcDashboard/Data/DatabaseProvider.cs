using System.Data.Common;
using System.Reflection;
using LaiChau.CchcDashboard.Data.Conversions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace LaiChau.CchcDashboard.Data;

/// <summary>The database server behind <see cref="CchcDbContext"/>: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app (the embedded default; one server).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several app instances.</summary>
    Postgres,
}

public static class DatabaseProviders
{
    public const string SectionName = "Database";
    public const string ProviderKey = SectionName + ":Provider";

    /// <summary>The provider named by <c>Database:Provider</c> (default Sqlite); anything else stops the start.</summary>
    public static DatabaseProvider FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not '{value}'.");
    }

    /// <summary>Points the options at the database; the one place the app and the tests choose the provider.</summary>
    public static DbContextOptionsBuilder<TContext> UseCchcDatabase<TContext>(this DbContextOptionsBuilder<TContext> options, DatabaseProvider provider, string connectionString)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseCchcDatabase(provider, connectionString);

    /// <inheritdoc cref="UseCchcDatabase{TContext}"/>
    public static DbContextOptionsBuilder UseCchcDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            _ => options.UseSqlite(connectionString),
        };
    }

    /// <summary>The provider of an open context.</summary>
    public static DatabaseProvider ProviderOf(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
    }

    /// <summary>The namespace (and folder under Data/Migrations) of a provider's migrations.</summary>
    public static string MigrationsNamespace(DatabaseProvider provider) =>
        $"{typeof(CchcDbContext).Namespace}.Migrations.{provider}";

    private static readonly UtcDateTimeOffsetToBinaryConverter SqliteInstant = new();

    /// <summary>
    /// An instant as a raw SQL parameter value: SQLite stores the sortable binary long of
    /// <see cref="UtcDateTimeOffsetToBinaryConverter"/>; PostgreSQL a timestamptz, which Npgsql only
    /// writes in UTC.
    /// </summary>
    public static object InstantValue(this DatabaseFacade database, DateTimeOffset value) => database.ProviderOf().InstantValue(value);

    /// <inheritdoc cref="InstantValue(DatabaseFacade, DateTimeOffset)"/>
    public static object InstantValue(this DatabaseProvider provider, DateTimeOffset value) =>
        provider == DatabaseProvider.Postgres ? value.ToUniversalTime() : SqliteInstant.ConvertToProvider(value)!;

    /// <summary>A date as a raw SQL parameter value: ISO text in SQLite, a date in PostgreSQL.</summary>
    public static object DateValue(this DatabaseFacade database, DateOnly value) => database.ProviderOf().DateValue(value);

    /// <inheritdoc cref="DateValue(DatabaseFacade, DateOnly)"/>
    public static object DateValue(this DatabaseProvider provider, DateOnly value) =>
        provider == DatabaseProvider.Postgres
            ? value
            : value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A named parameter (<c>@name</c> in the SQL) of the context's provider.</summary>
    public static DbParameter Parameter(this DatabaseFacade database, string name, object? value) =>
        database.ProviderOf() == DatabaseProvider.Postgres
            ? new NpgsqlParameter(name, value ?? DBNull.Value)
            : new SqliteParameter(name, value ?? DBNull.Value);
}

/// <summary>
/// The migrations of the active provider only: SQLite's in Data/Migrations/Sqlite, PostgreSQL's in
/// Data/Migrations/Postgres, both for the one <see cref="CchcDbContext"/>. EF's own lookup would take
/// every migration of the context type, of both sets.
/// </summary>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotRead;

    private Type ContextType => currentContext.Context.GetType();

    private string Namespace => DatabaseProviders.MigrationsNamespace(currentContext.Context.Database.ProviderOf());

    public Assembly Assembly => typeof(CchcDbContext).Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract && t.Namespace == Namespace
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == ContextType)
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
        .Where(m => m.Id is not null)
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id!, m => m.Type, StringComparer.Ordinal);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotRead)
            {
                var type = Assembly.DefinedTypes.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract
                    && t.Namespace == Namespace && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == ContextType);
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                _snapshotRead = true;
            }
            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
