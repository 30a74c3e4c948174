using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

/// <summary>
/// A whole period walked day by day, 60 days before the deadline "trước ngày 25/05/2020" to 30 days
/// after, with the daily pass at 07:30 and test holidays on Monday 11/05 and Wednesday 27/05.
/// </summary>
public sealed class ReminderScheduleWalkTests
{
    // Day the reminder went out — unit — step. A never reports; B reports on 20/05; C reports on
    // 15/05 and is returned for additions on 02/06; D does not have to report.
    private static readonly string[] ExpectedSchedule =
    [
        "08/05 A T-14",   // 11/05 is a holiday: a pre-deadline step goes out the working day before (Friday)
        "08/05 B T-14",
        "08/05 C T-14",
        "18/05 A T-7",    // C reported on 15/05, so nothing for C
        "18/05 B T-7",
        "22/05 A T0",     // T-3 (Fri 22/05) and the last day (Sun 24/05, moved back to Fri) meet: one reminder, the later step
        "28/05 A Q+3",    // 27/05 is a holiday: an overdue step goes out the working day after
        "01/06 A Q+6",    // Saturday 30/05 → Monday
        "02/06 A Q+9",
        "03/06 C TRA-LAI-1", // returned on 02/06 after the pass: re-enters the chase with its own reminder
        "05/06 A Q+12",
        "05/06 C Q+12",
        "08/06 A Q+15",
        "08/06 C Q+15",
        "11/06 A Q+18",
        "11/06 C Q+18",
        "15/06 A Q+21",   // Sunday 14/06 → Monday
        "15/06 C Q+21",
        "17/06 A Q+24",
        "17/06 C Q+24",
        "22/06 A Q+27",   // Saturday 20/06 → Monday
        "22/06 C Q+27",
        "23/06 A Q+30",
        "23/06 C Q+30",
    ];

    [Fact]
    public async Task DailyPass_WalkedAcrossAPeriod_SendsEachStepOnItsWorkingDay()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var due = TestClock.Local(2020, 5, 25);
        int periodId;
        var units = new Dictionary<string, Unit>();
        await using (var db = database.CreateContext())
        {
            (_, periodId) = await ReminderTestKit.AddPlanAsync(db, due);
            foreach (var code in new[] { "A", "B", "C" })
            {
                units[code] = ReminderTestKit.NewUnit(code);
            }
            units["D"] = ReminderTestKit.NewUnit("D", mustReport: false);
            db.Units.AddRange(units.Values);
            db.Holidays.AddRange(new Holiday { Date = new DateOnly(2020, 5, 11), Name = "Nghỉ bù (thử)" }, new Holiday { Date = new DateOnly(2020, 5, 27), Name = "Nghỉ (thử)" });
            await db.SaveChangesAsync(ct);
        }
        var kit = new ReminderTestKit(database.Factory, TestClock.At(due.AddDays(-60)));

        var sent = new List<string>();
        var lastId = 0;
        for (var day = DateOnly.FromDateTime(due.Date).AddDays(-60); day <= DateOnly.FromDateTime(due.Date).AddDays(30); day = day.AddDays(1))
        {
            kit.PassTimeOn(day);
            await kit.Service.RunPassAsync(ct);
            await using var db = database.CreateContext();
            var fresh = await db.Reminders.AsNoTracking().Where(r => r.Id > lastId).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.Unit!.Code, r.Step }).ToListAsync(ct);
            sent.AddRange(fresh.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => $"{day.ToString("dd/MM", CultureInfo.InvariantCulture)} {r.Code} {r.Step}"));
            lastId = fresh.Count > 0 ? fresh.Max(r => r.Id) : lastId;

            // Events later in the day, after the 07:30 pass.
            if (day == new DateOnly(2020, 5, 15))
            {
                await SubmitAsync(db, units["C"].Id, periodId, TestClock.Local(2020, 5, 15, 10));
            }
            if (day == new DateOnly(2020, 5, 20))
            {
                await SubmitAsync(db, units["B"].Id, periodId, TestClock.Local(2020, 5, 20, 10));
            }
            if (day == new DateOnly(2020, 6, 2))
            {
                var report = await db.Reports.SingleAsync(r => r.UnitId == units["C"].Id, ct);
                report.State = ReportState.Returned;
                report.Transitions.Add(new ReportTransition { FromState = ReportState.Submitted, ToState = ReportState.Returned, At = TestClock.Local(2020, 6, 2, 10), UserName = "Phòng Nội vụ", Comment = "Bổ sung số liệu." });
                await db.SaveChangesAsync(ct);
            }
        }

        Assert.Equal(ExpectedSchedule, sent);
    }

    private static async Task SubmitAsync(LaiChau.CchcDashboard.Data.CchcDbContext db, int unitId, int periodId, DateTimeOffset at)
    {
        var report = new UnitReport { UnitId = unitId, PeriodId = periodId, State = ReportState.Submitted, FirstSubmittedAt = at, SubmittedAt = at, UpdatedAt = at };
        report.Transitions.Add(new ReportTransition { FromState = ReportState.Draft, ToState = ReportState.Submitted, At = at, UserName = "Đơn vị" });
        db.Reports.Add(report);
        await db.SaveChangesAsync();
    }
}
