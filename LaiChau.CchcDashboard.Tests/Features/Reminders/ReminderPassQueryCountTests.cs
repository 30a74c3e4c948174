using System.Data.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

public sealed class ReminderPassQueryCountTests
{
    [Fact]
    public async Task Pass_SqlCommandCount_DoesNotGrowWithTheNumberOfUnits()
    {
        var forTen = await CountPassCommandsAsync(10);
        var forFiveHundred = await CountPassCommandsAsync(500);

        Assert.Equal(10, forTen.Reminders);
        Assert.Equal(500, forFiveHundred.Reminders);
        Assert.Equal(forTen.Commands, forFiveHundred.Commands);
        Assert.InRange(forTen.Commands, 1, 12);
    }

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
                var unit = ReminderTestKit.NewUnit($"DV-{i:000}");
                db.Units.Add(unit);
                db.Users.Add(ReminderTestKit.NewUser(unit, $"dv{i:000}"));
            }
            await db.SaveChangesAsync(ct);
        }
        var counter = new SqlCommandCounter();
        var counted = counter.FactoryFor(database.ConnectionString);
        var kit = new ReminderTestKit(counted, ReminderTestKit.EarlyClock());
        kit.PassTimeOn(new DateOnly(2020, 5, 27));

        var result = await kit.Service.RunPassAsync(ct);

        return (counter.Count, result.Sent);
    }
}
