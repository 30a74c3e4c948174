using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

public sealed class ReminderPassQueryCountTests
{
    /// <summary>
    /// The pass costs a fixed number of statements plus one INSERT per batch of
    /// <see cref="ReminderDispatcher.RowsPerStatement"/> rows for each of the four kinds of row it
    /// writes (reminder claims, deliveries, notifications, outbox e-mails). With one user and one
    /// e-mail per unit that is ceil(n/B) + ceil(2n/B) + ceil(n/B) + ceil(n/B) statements for n units.
    /// The INSERTs are ADO.NET commands, so they are counted by SQLite's trace, not by EF.
    /// </summary>
    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]   // SQLite's trace counts the ADO.NET statements
    public async Task Pass_SqlStatementCount_IsAConstantPlusOneStatementPerBatchOfRows()
    {
        var forTen = await CountPassCommandsAsync(10);
        var forFiveThousand = await CountPassCommandsAsync(5000);

        Assert.Equal(10, forTen.Reminders);
        Assert.Equal(5000, forFiveThousand.Reminders);
        // EF's own queries (the plan, the recipients) do not grow with the number of units.
        Assert.Equal(forTen.Commands, forFiveThousand.Commands);
        var constant = forTen.Statements - Inserts(10);
        Assert.InRange(constant, 1, 14);
        Assert.Equal(constant + Inserts(5000), forFiveThousand.Statements);
        // 5,000 units at 50 rows a statement on SQLite: 100 + 200 + 100 + 100 INSERTs.
        Assert.Equal(500, Inserts(5000));
    }

    private static int Batches(int rows)
    {
        var size = ReminderDispatcher.RowsPerStatement(DatabaseProvider.Sqlite);
        return (rows + size - 1) / size;
    }

    private static int Inserts(int units) => Batches(units) + Batches(2 * units) + Batches(units) + Batches(units);

    private static async Task<(int Commands, int Statements, int Reminders)> CountPassCommandsAsync(int unitCount)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            await ReminderTestKit.AddPlanAsync(db, TestClock.Local(2020, 5, 25));
            db.Units.Add(ReminderTestKit.NewUnit("P-NOI-VU", mustReport: false));
            for (var i = 0; i < unitCount; i++)
            {
                var unit = ReminderTestKit.NewUnit($"DV-{i:0000}");
                db.Units.Add(unit);
                db.Users.Add(ReminderTestKit.NewUser(unit, $"dv{i:0000}"));
            }
            await db.SaveChangesAsync(ct);
        }
        var counter = new SqlCommandCounter();
        var counted = counter.FactoryFor(database);
        var kit = new ReminderTestKit(counted, ReminderTestKit.EarlyClock());
        // 18/05: T-7, not overdue, so no copy to Phòng Nội vụ: one e-mail per unit.
        kit.PassTimeOn(new DateOnly(2020, 5, 18));

        var result = await kit.Service.RunPassAsync(ct);

        return (counter.Count, counter.Statements, result.Sent);
    }
}
