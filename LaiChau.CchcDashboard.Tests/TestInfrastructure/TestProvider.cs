using LaiChau.CchcDashboard.Data;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// The database the whole suite runs on: the environment variable <c>CCHC_TEST_PROVIDER</c>,
/// <c>Sqlite</c> (default) or <c>Postgres</c> (then every <see cref="TestDatabase"/> and
/// <see cref="CchcAppFactory"/> gets a database of its own on <c>CCHC_TEST_POSTGRES</c>).
/// Tests that are about one provider pin it (<c>new CchcAppFactory { Provider = … }</c>,
/// <c>TestDatabase.CreateAsync(provider)</c>) and carry <c>[Trait(TraitName, Pinned)]</c>.
/// </summary>
public static class TestProvider
{
    public const string EnvironmentVariable = "CCHC_TEST_PROVIDER";

    /// <summary>
    /// The trait (name and value) of the tests that run on the provider they name whatever the switch
    /// says (e.g. they delete the SQLite file): CI's PostgreSQL run leaves them out, the first run has them.
    /// </summary>
    public const string TraitName = "Provider";
    public const string Pinned = "Pinned";

    public static DatabaseProvider Current { get; } = Read();

    private static DatabaseProvider Read()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{EnvironmentVariable}='{value}' is not a database provider: use Sqlite or Postgres.");
    }
}
