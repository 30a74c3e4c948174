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
    public int SignedCopies { get; init; }
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

/// <summary>City-wide figures from submitted reports, each unit counted once with its latest submitted report.</summary>
public sealed record CityFigures(ReportCounts Total, IReadOnlyList<UnitTotals> PerUnit);

public sealed record OverviewData(
    int PlanId, string PlanLabel, IReadOnlyList<PeriodStatus> Periods, IReadOnlyList<UnitDue> Overdue, IReadOnlyList<UnitDue> DueSoon,
    ActivityGlance KeyActivities, ActivityGlance Tasks, IReadOnlyList<ActivityRow> StaleActivities, CityFigures Figures, DateTimeOffset LoadedAt)
{
    /// <summary>The next instant at which the lists change by the clock alone (a deadline passes, a week-before window opens).</summary>
    public DateTimeOffset? NextBoundary => Periods
        .SelectMany(p => new[] { p.DueAt.AddDays(-OverviewService.DueSoonDays), p.DueAt })
        .Where(t => t > LoadedAt).Order().Cast<DateTimeOffset?>().FirstOrDefault();
}

/// <summary>
/// Everything the leadership overview shows, read with a fixed number of queries whatever the number
/// of units: plan, periods, units that must report, their reports, activities, and the report totals
/// once per period (a plan has two).
/// </summary>
public sealed class OverviewService(IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock)
{
    public const int DueSoonDays = 7;

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
        var units = await db.Units.AsNoTracking().Where(u => u.MustReport && u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.SortOrder }).ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
            .Select(r => new { r.PeriodId, r.UnitId, r.State, r.FirstSubmittedAt, HasSignedCopy = r.SignedCopies.Any() }).ToListAsync(ct);
        var activities = await ActivityService.QueryRowsAsync(db.Activities.Where(a => a.PlanId == planId), now, ct);

        var expectedIds = units.Select(u => u.Id).ToHashSet();
        var statuses = new List<PeriodStatus>();
        var overdue = new List<UnitDue>();
        var dueSoon = new List<UnitDue>();
        foreach (var period in periods)
        {
            var byUnit = reports.Where(r => r.PeriodId == period.Id && expectedIds.Contains(r.UnitId)).ToDictionary(r => r.UnitId);
            statuses.Add(new PeriodStatus(period.Id, period.Name, period.Kind, period.DueAt,
                PeriodRates.Compute(units.Count, byUnit.Values.Select(r => (r.State, r.FirstSubmittedAt)), period.DueAt))
            {
                SignedCopies = byUnit.Values.Count(r => r.HasSignedCopy && ReportRules.CountsAsSubmitted(r.State)),
            });
            var owing = now >= period.DueAt ? overdue
                : period.DueAt - now <= TimeSpan.FromDays(DueSoonDays) ? dueSoon
                : null;
            if (owing is null)
            {
                continue;
            }
            foreach (var unit in units)
            {
                var state = byUnit.TryGetValue(unit.Id, out var r) ? r.State : ReportState.NotStarted;
                if (!ReportRules.CountsAsSubmitted(state))
                {
                    owing.Add(new UnitDue(unit.Id, unit.Name, unit.SortOrder, period.Id, period.Name, period.DueAt, state));
                }
            }
        }

        return new OverviewData(plan.Id, plan.Label, statuses,
            [.. overdue.OrderBy(u => u.DueAt).ThenBy(u => u.SortOrder)],
            [.. dueSoon.OrderBy(u => u.DueAt).ThenBy(u => u.SortOrder)],
            ActivityGlance.From(activities.Where(a => a.Kind == ActivityKind.KeyActivity)),
            ActivityGlance.From(activities.Where(a => a.Kind == ActivityKind.StandingTask)),
            [.. activities.Where(a => a.IsStale)],
            await FiguresAsync(db, periods.Select(p => p.Id).ToList(), ct),
            now);
    }

    // The annual report covers the year from 01/01, so it includes the 6-month figures: a unit is
    // counted once, with its latest submitted report, or the city totals would count spring twice.
    private static async Task<CityFigures> FiguresAsync(CchcDbContext db, IReadOnlyList<int> periodIdsByDueDate, CancellationToken ct)
    {
        var latest = new Dictionary<int, UnitTotals>();
        foreach (var periodId in periodIdsByDueDate)
        {
            foreach (var unit in await ReportTotals.PerUnitAsync(db, [periodId], ct))
            {
                latest[unit.UnitId] = unit;
            }
        }
        var perUnit = latest.Values.OrderBy(u => u.SortOrder).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();
        return new CityFigures(ReportTotals.Sum(perUnit), perUnit);
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
