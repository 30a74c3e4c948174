using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Dashboard;

/// <summary>One reporting round on the overview: its deadline and the DHIS2-style rates.</summary>
public sealed record PeriodStatus(int Id, string Name, PeriodKind Kind, DateTimeOffset DueAt, PeriodRates Rates)
{
    /// <summary>"Hạn: trước ngày 25/05/2020", as the plan words it.</summary>
    public string Deadline => "Hạn: " + VietnamTime.FormatDeadline(DueAt);

    public string Countdown(DateTimeOffset now) => ReportRules.Countdown(DueAt, now);

    public bool IsPast(DateTimeOffset now) => now >= DueAt;

    /// <summary>Submitted reports whose signed and stamped copy has arrived; the reporting rate stays based on submission.</summary>
    public int SignedCopies => Rates.SignedCopies;
}

/// <summary>A unit that owes a report: overdue (deadline passed) or due within the week.</summary>
public sealed record UnitDue(int UnitId, string UnitName, int SortOrder, int PeriodId, string PeriodName, DateTimeOffset DueAt, ReportState State)
{
    /// <summary>Where a click on the unit goes: the reports area filtered to the unit and period.</summary>
    public string Link => $"/reports?unit={UnitId}&period={PeriodId}";
}

public sealed record ActivityGlance(IReadOnlyDictionary<StatusBucket, int> Counts, int Total, int Stale)
{
    public int Count(StatusBucket bucket) => Counts.TryGetValue(bucket, out var n) ? n : 0;

    public static ActivityGlance From(IEnumerable<ActivityRow> rows)
    {
        var list = rows.ToList();
        return new(list.GroupBy(r => r.Bucket).ToDictionary(g => g.Key, g => g.Count()), list.Count, list.Count(r => r.IsStale));
    }
}

/// <summary>
/// City-wide figures from submitted reports, each unit counted once with its latest submitted report:
/// the sums, the units with the most work (for the chart) and what all the other units add up to.
/// </summary>
public sealed record CityFigures(ReportCounts Total, int UnitCount, IReadOnlyList<UnitTotals> TopUnits)
{
    public ReportCounts Others => Total.Subtract(ReportTotals.Sum(TopUnits));

    public int OtherUnits => UnitCount - TopUnits.Count;
}

/// <summary>The most urgent units of a list (at most <see cref="OverviewService.ListLength"/>) and how many there are in all.</summary>
public sealed record UnitsDue(IReadOnlyList<UnitDue> Units, int Total, int? PeriodId)
{
    public static readonly UnitsDue None = new([], 0, null);

    public int Count => Total;

    /// <summary>The tracking matrix filtered to the units that have not submitted, for "xem tất cả".</summary>
    public string? AllLink => PeriodId is { } id ? $"/reports?period={id}&filter=notsubmitted" : null;
}

public sealed record OverviewData(
    int PlanId, string PlanLabel, IReadOnlyList<PeriodStatus> Periods, UnitsDue Overdue, UnitsDue DueSoon,
    ActivityGlance KeyActivities, ActivityGlance Tasks, IReadOnlyList<ActivityRow> StaleActivities, CityFigures Figures, DateTimeOffset LoadedAt)
{
    /// <summary>The next instant at which the lists change by the clock alone (a deadline passes, a week-before window opens).</summary>
    public DateTimeOffset? NextBoundary => Periods
        .SelectMany(p => new[] { p.DueAt.AddDays(-OverviewService.DueSoonDays), p.DueAt })
        .Where(t => t > LoadedAt).Order().Cast<DateTimeOffset?>().FirstOrDefault();
}

/// <summary>
/// Everything the leadership overview shows, read with a fixed number of SQL commands whatever the
/// number of units, and small whatever the number of units: counts, the most urgent units, the top
/// units of the chart. Progress figures come from <see cref="PeriodProgressQuery"/>.
/// </summary>
public sealed class OverviewService(IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock)
{
    public const int DueSoonDays = 7;

    /// <summary>How many units the overdue and due-soon lists show; the rest is a count and a link.</summary>
    public const int ListLength = 20;

    /// <summary>How many units the chart shows by name; the others are one bar, "Các đơn vị khác".</summary>
    public const int ChartUnits = 10;

    public async Task<OverviewData?> GetAsync(int planId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new PlanSummary(p.Id, p.Year, p.Number, p.Title)).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var periods = await db.Periods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.DueAt)
            .Select(p => new { p.Id, p.Name, p.Kind, p.DueAt }).ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var rates = await PeriodProgressQuery.RatesAsync(db, periodIds, ct);
        var statuses = periods.Select(p => new PeriodStatus(p.Id, p.Name, p.Kind, p.DueAt, rates.GetValueOrDefault(p.Id) ?? PeriodRates.None)).ToList();

        var names = periods.ToDictionary(p => p.Id, p => p.Name);
        var overdue = await OwingAsync(db, statuses.Where(p => now >= p.DueAt).ToList(), names, ct);
        var dueSoon = await OwingAsync(db, statuses.Where(p => now < p.DueAt && p.DueAt - now <= TimeSpan.FromDays(DueSoonDays)).ToList(), names, ct);
        var activities = await ActivityService.QueryRowsAsync(db.Activities.Where(a => a.PlanId == planId), now, ct);

        return new OverviewData(plan.Id, plan.Label, statuses, overdue, dueSoon,
            ActivityGlance.From(activities.Where(a => a.Kind == ActivityKind.KeyActivity)),
            ActivityGlance.From(activities.Where(a => a.Kind == ActivityKind.StandingTask)),
            [.. activities.Where(a => a.IsStale)],
            await FiguresAsync(db, periodIds, ct),
            now);
    }

    // The units that owe a report for the given periods, earliest deadline first, then in the plan's
    // unit order: the first ListLength of them, and the count from the rates already read.
    private static async Task<UnitsDue> OwingAsync(CchcDbContext db, List<PeriodStatus> periods, Dictionary<int, string> names, CancellationToken ct)
    {
        if (periods.Count == 0)
        {
            return UnitsDue.None;
        }
        var first = await PeriodProgressQuery.Units(db, [.. periods.Select(p => p.Id)])
            .Where(u => !u.HasSubmitted)
            .OrderBy(u => u.DueAt).ThenBy(u => u.SortOrder).ThenBy(u => u.UnitName)
            .Take(ListLength)
            .ToListAsync(ct);
        return new UnitsDue(
            [.. first.Select(u => new UnitDue(u.UnitId, u.UnitName, u.SortOrder, u.PeriodId, names[u.PeriodId], u.DueAt, u.State))],
            periods.Sum(p => p.Rates.Missing),
            periods.Count == 1 ? periods[0].Id : periods[^1].Id);
    }

    private static async Task<CityFigures> FiguresAsync(CchcDbContext db, IReadOnlyList<int> periodIds, CancellationToken ct)
    {
        var latest = ReportTotals.LatestSubmitted(db, periodIds);
        var sum = await ReportTotals.SumAsync(latest, ct);
        if (sum.Units == 0)
        {
            return new CityFigures(ReportCounts.Zero, 0, []);
        }
        var top = await ReportTotals.TopAsync(latest, ChartUnits, ct);
        return new CityFigures(sum.Total, sum.Units, top);
    }
}

public static class DashboardExtensions
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OverviewService>();
        return builder;
    }
}
