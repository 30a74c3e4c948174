using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>A reminder a pass would send: who, for which period, which step, scheduled for which day.</summary>
public sealed record PlannedReminder(
    int UnitId, string UnitName, string? UnitEmail, int PeriodId, string PeriodName, DateTimeOffset DueAt,
    string Step, DateOnly ScheduledFor, bool IsOverdue, bool IsReturned);

/// <summary>
/// Works out what a pass on a given day sends. The daily pass and the preview on the Nhắc nhở
/// page both call this, so the preview is what the pass will do. A fixed number of queries,
/// whatever the number of units.
/// </summary>
public sealed class ReminderPlanner(IOptions<ReminderOptions> options)
{
    public async Task<IReadOnlyList<PlannedReminder>> PlanAsync(CchcDbContext db, DateOnly day, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = options.Value;
        var calendar = await CalendarAsync(db, ct);
        if (!calendar.IsWorkingDay(day))
        {
            return [];
        }

        var periods = (await db.Periods.AsNoTracking()
                .Select(p => new { p.Id, p.Name, p.DueAt })
                .ToListAsync(ct))
            .Where(p => IsOpen(p.DueAt, day, settings))
            .ToList();
        if (periods.Count == 0)
        {
            return [];
        }
        var periodIds = periods.Select(p => p.Id).ToList();

        var units = await PeriodProgressQuery.ExpectedUnits(db)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.Email })
            .ToListAsync(ct);

        var reports = (await db.Reports.AsNoTracking()
                .Where(r => periodIds.Contains(r.PeriodId))
                .Select(r => new
                {
                    r.UnitId,
                    r.PeriodId,
                    r.State,
                    Returns = r.Transitions.Count(t => t.ToState == ReportState.Returned),
                })
                .ToListAsync(ct))
            .ToDictionary(r => (r.UnitId, r.PeriodId));

        var sent = (await db.Reminders.AsNoTracking()
                .Where(r => periodIds.Contains(r.PeriodId))
                .Select(r => new { r.UnitId, r.PeriodId, r.Step, r.ScheduledFor, r.IsManual })
                .ToListAsync(ct))
            .ToLookup(r => (r.UnitId, r.PeriodId));

        var planned = new List<PlannedReminder>();
        foreach (var period in periods)
        {
            var schedule = ReminderPolicy.Schedule(period.DueAt, day, settings, calendar);
            foreach (var unit in units)
            {
                reports.TryGetValue((unit.Id, period.Id), out var report);
                var state = report?.State ?? ReportState.NotStarted;
                if (ReportRules.CountsAsSubmitted(state))
                {
                    continue;
                }
                var history = sent[(unit.Id, period.Id)].ToList();
                if (state == ReportState.Returned && report!.Returns > 0)
                {
                    var step = ReminderPolicy.ReturnedStep(report.Returns);
                    if (!history.Any(h => h.Step == step))
                    {
                        planned.Add(new PlannedReminder(unit.Id, unit.Name, unit.Email, period.Id, period.Name, period.DueAt,
                            step, day, day > ReminderPolicy.LastDay(period.DueAt), IsReturned: true));
                        continue;
                    }
                }
                var latestSent = history.Where(h => !h.IsManual).Select(h => (DateOnly?)h.ScheduledFor).Max();
                if (ReminderPolicy.DueStep(schedule, latestSent) is { } due && !history.Any(h => h.Step == due.Step))
                {
                    planned.Add(new PlannedReminder(unit.Id, unit.Name, unit.Email, period.Id, period.Name, period.DueAt,
                        due.Step, due.SendOn, due.IsOverdue, IsReturned: false));
                }
            }
        }
        return planned;
    }

    public static async Task<WorkingCalendar> CalendarAsync(CchcDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new WorkingCalendar(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));
    }

    public static bool IsOpen(DateTimeOffset dueAt, DateOnly day, ReminderOptions settings)
    {
        var (from, to) = ReminderPolicy.ChaseWindow(dueAt, settings);
        return day >= from && day <= to;
    }
}
