using LaiChau.CchcDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>Faults planted in a test database with triggers, on either provider.</summary>
public static class DatabaseFaults
{
    /// <summary>
    /// From now on every <paramref name="operations"/> ("INSERT", "UPDATE") of rows of <paramref name="table"/>
    /// fails with <paramref name="message"/>: the database stays readable, as on a full or failing disk.
    /// </summary>
    public static async Task RefuseAsync(CchcDbContext db, string table, string message, params string[] operations)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(operations);
        var ct = TestContext.Current.CancellationToken;
        var name = $"refuse_{table.ToLowerInvariant()}";
        if (db.Database.ProviderOf() == DatabaseProvider.Postgres)
        {
            // Names and message come from the tests themselves, never from input.
            var function = $"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END $$;";
            var trigger = $"CREATE TRIGGER {name} BEFORE {string.Join(" OR ", operations)} ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION {name}();";
            await db.Database.ExecuteSqlRawAsync(function, ct);
            await db.Database.ExecuteSqlRawAsync(trigger, ct);
            return;
        }
        foreach (var operation in operations)
        {
            var trigger = $"CREATE TRIGGER {name}_{operation.ToLowerInvariant()} BEFORE {operation} ON \"{table}\" BEGIN SELECT RAISE(FAIL, '{message}'); END;";
            await db.Database.ExecuteSqlRawAsync(trigger, ct);
        }
    }
}
