using System.Globalization;
using Npgsql;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// An empty database of its own (unique name <c>cchc_test_&lt;guid&gt;</c>) on the PostgreSQL server
/// named by the environment variable <c>CCHC_TEST_POSTGRES</c> (a connection string of a role with
/// CREATEDB, without a database), dropped when disposed. Without the variable the test is skipped
/// locally and fails in CI (CI=true), where a missing server is a broken build.
/// Made with <see cref="CreateAsync"/>, or as an xunit class fixture (<c>IClassFixture&lt;PostgresDatabase&gt;</c>),
/// where a missing server skips or fails the tests that read <see cref="ConnectionString"/>.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "CCHC_TEST_POSTGRES";

    private string? _connectionString;

    /// <summary>For xunit's class fixture; the database is created in <see cref="InitializeAsync"/>.</summary>
    public PostgresDatabase()
    {
        Name = string.Create(CultureInfo.InvariantCulture, $"cchc_test_{Guid.NewGuid():N}");
    }

    public string Name { get; }

    /// <summary>The database's connection string, or the skip (locally) / failure (CI) without a server.</summary>
    public string ConnectionString => _connectionString ?? RequireServer();

    /// <summary>The server's connection string, or the skip (locally) / failure (CI) that says how to get one.</summary>
    public static string RequireServer()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }
        var message = $"No PostgreSQL server for the PostgreSQL tests: set {EnvironmentVariable} to a connection string of a role with CREATEDB "
            + "(e.g. Host=127.0.0.1;Port=55432;Username=cchc;Password=cchc). Install Debian's package 'postgresql' and see README, \"Test it\".";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return "";
    }

    /// <summary>Creates the database (no schema; <see cref="TestDatabase"/> or the app migrates it).</summary>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        RequireServer();
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        return database;
    }

    /// <summary>Creates the database when a server is configured (a class fixture must not throw here: the tests skip or fail instead).</summary>
    public async ValueTask InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server) || _connectionString is not null)
        {
            return;
        }
        await ExecuteOnServerAsync($"CREATE DATABASE \"{Name}\" ENCODING 'UTF8' TEMPLATE template0").ConfigureAwait(false);
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        // A test host that has not let go of its connections yet does not keep the database: its
        // sessions (our own role) are ended first. FORCE would also need to end an autovacuum worker
        // busy on the database, which only a superuser or pg_signal_backend may do; a plain DROP
        // asks autovacuum to stop, and is tried again while a session is still on its way out.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()",
                    Name).ConfigureAwait(false);
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\"").ConfigureAwait(false);
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
            }
        }
        _connectionString = null;
    }

    /// <summary>Runs one statement (positional parameters $1, $2, …) on the server's maintenance database, not the test database.</summary>
    public static async Task ExecuteOnServerAsync(string sql, params object[] parameters)
    {
        var builder = new NpgsqlConnectionStringBuilder(RequireServer()) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
