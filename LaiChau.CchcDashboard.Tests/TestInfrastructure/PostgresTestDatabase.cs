using Npgsql;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// A throw-away PostgreSQL database for one test class, on the server named by CCHC_TEST_POSTGRES
/// (a connection string whose role may CREATE DATABASE), dropped afterwards. Without the variable
/// the tests are skipped locally and fail in CI (CI=true), where a missing server is a broken build.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string VariableName = "CCHC_TEST_POSTGRES";

    private static readonly string? Server = Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;
    private readonly string _name = $"cchc_test_{Guid.NewGuid():N}";
    private string? _connectionString;

    /// <summary>The database's connection string, or a skip (locally) / failure (CI) without a server.</summary>
    public string ConnectionString => _connectionString ?? Require();

    /// <summary>A connection string to the server's maintenance database (not the test database).</summary>
    public static string ServerConnectionString => new NpgsqlConnectionStringBuilder(Server ?? Require()) { Database = "postgres", Pooling = false }.ToString();

    public async ValueTask InitializeAsync()
    {
        if (Server is null)
        {
            return;
        }
        await ExecuteOnServerAsync($"CREATE DATABASE {_name}");
        _connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    /// <summary>Runs one statement on the server's maintenance database.</summary>
    public static async Task ExecuteOnServerAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The test database's name, for statements such as ALTER DATABASE.</summary>
    public string Name => _name;

    private static string Require()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"PostgreSQL is required in CI but {VariableName} is not set (.ci/run starts a throw-away cluster and exports it).");
        }
        Assert.Skip($"{VariableName} is not set: install Debian's postgresql package, start a throw-away cluster and set "
            + $"{VariableName}=\"Host=127.0.0.1;Port=…;Username=…;Password=…\" (a role with CREATEDB) to run the PostgreSQL tests.");
        return null!;
    }
}
