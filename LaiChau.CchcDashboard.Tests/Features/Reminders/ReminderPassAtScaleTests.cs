using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

public sealed class ReminderPassAtScaleTests
{
    private const int Units = 5000;

    /// <summary>
    /// A province: 5,000 units and two periods open on 18/05 (T-7 of one, T-14 of the other). Two
    /// passes at once and a third after them send each due (unit, period, step) once: one reminder,
    /// one notification per user, one e-mail per unit address, each e-mail delivered once.
    /// </summary>
    [Fact]
    public async Task Pass_AtFiveThousandUnitsAndTwoOpenPeriods_SendsExactlyOneReminderPerDueUnitPeriodAndStep()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var (planId, _) = await ReminderTestKit.AddPlanAsync(db, TestClock.Local(2020, 5, 25));
            db.Periods.Add(new ReportingPeriod
            {
                PlanId = planId,
                Kind = PeriodKind.Annual,
                Name = "Báo cáo năm 2020",
                DueAt = TestClock.Local(2020, 6, 1).ToUniversalTime(),
                CoversFrom = new DateOnly(2020, 1, 1),
                CoversTo = new DateOnly(2020, 5, 31),
            });
            db.Units.Add(ReminderTestKit.NewUnit("P-NOI-VU", mustReport: false));
            for (var i = 0; i < Units; i++)
            {
                // Every tenth unit has no e-mail address; every fifth has two users.
                var unit = ReminderTestKit.NewUnit($"DV-{i:0000}", email: i % 10 == 0 ? null : "auto");
                db.Units.Add(unit);
                db.Users.Add(ReminderTestKit.NewUser(unit, $"dv{i:0000}"));
                if (i % 5 == 0)
                {
                    db.Users.Add(ReminderTestKit.NewUser(unit, $"dv{i:0000}b"));
                }
            }
            await db.SaveChangesAsync(ct);
        }
        var first = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock(), mail: new RecordingMailSender());
        var second = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        first.PassTimeOn(new DateOnly(2020, 5, 18));
        second.PassTimeOn(new DateOnly(2020, 5, 18));

        var results = await Task.WhenAll(first.Service.RunPassAsync(ct), second.Service.RunPassAsync(ct));
        var again = await first.Service.RunPassAsync(ct);
        var mail = new RecordingMailSender();
        var sender = new ReminderTestKit(database.Factory, first.Clock, first.Options, mail);
        var drained = await sender.Email!.DrainAsync(ct);
        var drainedAgain = await sender.Email!.DrainAsync(ct);

        await using var check = database.CreateContext();
        var reminders = await check.Reminders.AsNoTracking().Select(r => new { r.Id, r.UnitId, r.PeriodId, r.Step }).ToListAsync(ct);
        Assert.Equal(2 * Units, reminders.Count);
        Assert.Equal(reminders.Count, reminders.Select(r => (r.UnitId, r.PeriodId, r.Step)).Distinct().Count());
        Assert.Equal(["T-14", "T-7"], reminders.Select(r => r.Step).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2 * Units, results.Sum(r => r.Sent));
        Assert.Equal(0, again.Sent);

        var users = await check.Users.CountAsync(u => u.UnitId != null, ct);
        var notifications = await check.Notifications.AsNoTracking().Select(n => new { n.UserId, n.ReminderId }).ToListAsync(ct);
        Assert.Equal(2 * users, notifications.Count);
        Assert.Equal(notifications.Count, notifications.Distinct().Count());

        var withEmail = Units - Units / 10;
        Assert.Equal(2 * withEmail, drained.Sent);
        Assert.Equal(0, drainedAgain.Sent);
        Assert.Equal(2 * withEmail, mail.Sent.Count);
        Assert.Equal(mail.Sent.Count, mail.Sent.Select(m => m.MessageId).Distinct().Count());
        // Each unit's address got one e-mail per period.
        Assert.All(mail.Sent.GroupBy(m => m.To), g => Assert.Equal(2, g.Count()));
        Assert.Equal(2 * withEmail, await check.ReminderDeliveries.CountAsync(d => d.Channel == DeliveryChannel.Email && d.Outcome == DeliveryOutcome.Sent && d.Attempts == 1, ct));
        Assert.Empty(await sender.OutboxAsync());
    }
}
