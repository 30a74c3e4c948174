using LaiChau.CchcDashboard.Common;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>One step of a period's schedule: its stable key and the working day it goes out.</summary>
public sealed record ScheduledStep(string Step, DateOnly SendOn, bool IsOverdue, int Order);

/// <summary>Monday–Friday minus the holiday calendar.</summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateOnly OnOrBefore(DateOnly day)
    {
        // Bounded: no calendar has a year without a working day.
        for (var i = 0; i < 366 && !IsWorkingDay(day); i++)
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    public DateOnly OnOrAfter(DateOnly day)
    {
        for (var i = 0; i < 366 && !IsWorkingDay(day); i++)
        {
            day = day.AddDays(1);
        }
        return day;
    }
}

/// <summary>
/// The reminder schedule of docs/domain.md §4. Steps count calendar days to the due date as
/// <see cref="Reports.ReportRules.DaysLeft"/> does ("trước ngày 25/05": T-7 is 18/05). The last day
/// is the day the due instant ends (24/05 for "trước ngày 25/05", so T-1 and the last day fall on the
/// same day and only the last-day reminder goes out). Overdue steps are counted from the last day.
/// A pre-deadline step on a day off moves to the working day before, an overdue step to the working
/// day after; when two steps land on one day, only the later step goes out.
/// </summary>
public static class ReminderPolicy
{
    public const string LastDayStep = "T0";
    public const string ReturnedPrefix = "TRA-LAI-";
    public const string ManualPrefix = "THU-CONG-";

    public static string BeforeStep(int days) => $"T-{days}";

    public static string OverdueStep(int days) => $"Q+{days}";

    public static string ReturnedStep(int returnCount) => ReturnedPrefix + returnCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The last local day on which a report is still on time.</summary>
    public static DateOnly LastDay(DateTimeOffset dueAt) => VietnamTime.LocalDate(dueAt.AddTicks(-1));

    /// <summary>The first day any step of the period can go out, and the day the chase stops.</summary>
    public static (DateOnly From, DateOnly To) ChaseWindow(DateTimeOffset dueAt, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dueDay = VietnamTime.LocalDate(dueAt);
        return (dueDay.AddDays(-options.DaysBefore.Max() - 7), LastDay(dueAt).AddDays(options.ChaseOverdueForDays));
    }

    /// <summary>Every step of a period up to and including <paramref name="until"/>, in schedule order.</summary>
    public static IReadOnlyList<ScheduledStep> Schedule(DateTimeOffset dueAt, DateOnly until, ReminderOptions options, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var dueDay = VietnamTime.LocalDate(dueAt);
        var lastDay = LastDay(dueAt);
        var steps = new List<ScheduledStep>();
        var order = 0;
        foreach (var days in options.DaysBefore.Distinct().OrderDescending())
        {
            var day = dueDay.AddDays(-days);
            if (day < lastDay)
            {
                steps.Add(new ScheduledStep(BeforeStep(days), calendar.OnOrBefore(day), false, order++));
            }
        }
        steps.Add(new ScheduledStep(LastDayStep, calendar.OnOrBefore(lastDay), false, order++));
        var end = lastDay.AddDays(options.ChaseOverdueForDays);
        for (var days = options.OverdueEveryDays; lastDay.AddDays(days) <= end; days += options.OverdueEveryDays)
        {
            var sendOn = calendar.OnOrAfter(lastDay.AddDays(days));
            if (sendOn > until)
            {
                break;
            }
            steps.Add(new ScheduledStep(OverdueStep(days), sendOn, true, order++));
        }
        return [.. steps.Where(s => s.SendOn <= until)];
    }

    /// <summary>
    /// The one step that is due on <paramref name="today"/> for a unit that has not reported, or
    /// null. It is the latest step whose day has come, unless a reminder scheduled on or after that
    /// day already went out — so a missed day is caught up once, with the latest step only.
    /// </summary>
    public static ScheduledStep? DueStep(IReadOnlyList<ScheduledStep> schedule, DateOnly? latestSentFor)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var latest = schedule.Count == 0 ? null : schedule[^1];
        if (latest is null)
        {
            return null;
        }
        // Two steps moved onto the same day: the later one (closer to or further past the deadline) wins.
        return latestSentFor is { } sent && sent >= latest.SendOn ? null : latest;
    }
}
