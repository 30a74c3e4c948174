using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

public sealed class ReminderPassQueryCountTests
{
    /// <summary>
    /// The pass costs a fixed number of commands plus one INSERT per batch of
    /// <see cref="ReminderDispatcher.BatchSize"/> rows for each of the four kinds of row it writes
    /// (reminder claims, deliveries, notifications, outbox e-mails). With one user and one e-mail
    /// per unit that is ceil(n/B) + ceil(2n/B) + ceil(n/B) + ceil(n/B) statements for n units.
    /// </summary>
    [Fact]
    public async Task Pass_SqlCommandCount_IsAConstantPlusOneStatementPerBatchOfRows()
    {
        var forTen = await CountPassCommandsAsync(10);
        var forFiveThousand = await CountPassCommandsAsync(5000);

        Assert.Equal(10, forTen.Reminders);
        Assert.Equal(5000, forFiveThousand.Reminders);
        var constant = forTen.Commands - Inserts(10);
        Assert.InRange(constant, 1, 12);
        Assert.Equal(constant + Inserts(5000), forFiveThousand.Commands);
        // 5,000 units: 20 + 40 + 20 + 20 INSERTs of at most 250 rows each.
        Assert.Equal(100, Inserts(5000));
    }

    private static int Batches(int rows) => (rows + ReminderDispatcher.BatchSize - 1) / ReminderDispatcher.BatchSize;

    private static int Inserts(int units) => Batches(units) + Batches(2 * units) + Batches(units) + Batches(units);

    private static async Task<(int Commands, int Reminders)> CountPassCommandsAsync(int unitCount)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
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

        return (counter.Count, result.Sent);
    }
}
