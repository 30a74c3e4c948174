using System.Globalization;
using Npgsql;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// An empty database of its own (unique name) on the PostgreSQL server named by the environment
/// variable <c>CCHC_TEST_POSTGRES</c> (a connection string of a role with CREATEDB, without a
/// database), dropped when disposed. Without the variable the test is skipped locally and fails in
/// CI (CI=true), where a missing server is a broken build.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "CCHC_TEST_POSTGRES";

    private PostgresDatabase(string serverConnectionString, string name)
    {
        ServerConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
    }

    public string Name { get; }
    public string ConnectionString { get; }
    private string ServerConnectionString { get; }

    /// <summary>The server's connection string, or the skip (locally) / failure (CI) that says how to get one.</summary>
    public static string RequireServer()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }
        var message = $"No PostgreSQL server for the PostgreSQL tests: set {EnvironmentVariable} to a connection string of a role with CREATEDB "
            + "(e.g. Host=127.0.0.1;Port=55432;Username=cchc;Password=cchc). Install Debian's package 'postgresql' and see README, \"Tests\".";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return "";
    }

    /// <summary>Creates the database (no schema; <see cref="TestDatabase"/> migrates it).</summary>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = RequireServer();
        var name = string.Create(CultureInfo.InvariantCulture, $"cchc_test_{Guid.NewGuid():N}");
        var database = new PostgresDatabase(server, name);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        // FORCE: a test host that has not let go of its connections yet does not keep the database.
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
