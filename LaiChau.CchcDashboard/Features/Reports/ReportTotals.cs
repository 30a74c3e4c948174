using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>The section-2 counts of the outline, summed over reports.</summary>
public sealed record ReportCounts(
    int Documents, int NewsArticles, int Models, int ExemplaryExamples, int Sessions, int BroadcastMinutes, int Participants, int IssuedDocumentRows)
{
    public static readonly ReportCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public ReportCounts Add(ReportCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Documents + other.Documents, NewsArticles + other.NewsArticles, Models + other.Models,
            ExemplaryExamples + other.ExemplaryExamples, Sessions + other.Sessions, BroadcastMinutes + other.BroadcastMinutes,
            Participants + other.Participants, IssuedDocumentRows + other.IssuedDocumentRows);
    }

    public ReportCounts Subtract(ReportCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Documents - other.Documents, NewsArticles - other.NewsArticles, Models - other.Models,
            ExemplaryExamples - other.ExemplaryExamples, Sessions - other.Sessions, BroadcastMinutes - other.BroadcastMinutes,
            Participants - other.Participants, IssuedDocumentRows - other.IssuedDocumentRows);
    }
}

public sealed record UnitTotals(int UnitId, string UnitName, int SortOrder, int ReportId, ReportCounts Counts);

/// <summary>The sums over a set of reports and how many units they come from.</summary>
public sealed record FiguresSum(int Units, ReportCounts Total);

/// <summary>
/// City-wide figures from submitted reports (<see cref="ReportRules.CountsAsSubmitted"/>), summed in
/// SQL. The overview, the tracking page and the consolidated report all add up through here.
/// </summary>
public static class ReportTotals
{
    /// <summary>The submitted reports of the given periods (a unit has at most one per period).</summary>
    public static IQueryable<UnitReport> Submitted(CchcDbContext db, IReadOnlyCollection<int> periodIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return PeriodProgressQuery.Submitted(db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId)));
    }

    /// <summary>
    /// Each unit's latest submitted report among the periods: the annual report covers the year from
    /// 01/01, so it includes the 6-month figures, and adding both would count spring twice.
    /// </summary>
    public static IQueryable<UnitReport> LatestSubmitted(CchcDbContext db, IReadOnlyCollection<int> periodIds)
    {
        var submitted = Submitted(db, periodIds);
        return submitted.Where(r => !submitted.Any(later => later.UnitId == r.UnitId && later.Period!.DueAt > r.Period!.DueAt));
    }

    /// <summary>The sums and the number of reports (units) in one SQL command.</summary>
    public static async Task<FiguresSum> SumAsync(IQueryable<UnitReport> reports, CancellationToken ct = default)
    {
        var row = await reports.GroupBy(r => 1).Select(g => new
        {
            Units = g.Count(),
            Documents = g.Sum(r => r.DocumentCount ?? 0),
            News = g.Sum(r => r.NewsArticleCount ?? 0),
            Models = g.Sum(r => r.ModelCount ?? 0),
            Examples = g.Sum(r => r.ExemplaryExampleCount ?? 0),
            Sessions = g.Sum(r => r.SessionCount ?? 0),
            Minutes = g.Sum(r => r.BroadcastMinutes ?? 0),
            People = g.Sum(r => r.ParticipantCount ?? 0),
        }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return new FiguresSum(0, ReportCounts.Zero);
        }
        var rows = await reports.SelectMany(r => r.Documents).CountAsync(ct);
        return new FiguresSum(row.Units, new ReportCounts(row.Documents, row.News, row.Models, row.Examples, row.Sessions, row.Minutes, row.People, rows));
    }

    /// <summary>Per unit, in the plan's unit order, a page at a time.</summary>
    public static async Task<IReadOnlyList<UnitTotals>> PerUnitAsync(IQueryable<UnitReport> reports, int skip = 0, int take = int.MaxValue, CancellationToken ct = default) =>
        await Project(reports.OrderBy(r => r.Unit!.SortOrder).ThenBy(r => r.Unit!.Name).ThenBy(r => r.Id).Skip(skip).Take(take)).ToListAsync(ct);

    /// <summary>The units with the most communication work (articles, sessions and documents together), most first.</summary>
    public static async Task<IReadOnlyList<UnitTotals>> TopAsync(IQueryable<UnitReport> reports, int take, CancellationToken ct = default) =>
        await Project(reports
            .OrderByDescending(r => (r.NewsArticleCount ?? 0) + (r.SessionCount ?? 0) + (r.DocumentCount ?? 0))
            .ThenBy(r => r.Unit!.SortOrder).ThenBy(r => r.Id).Take(take)).ToListAsync(ct);

    /// <summary>Per unit for the given periods, every unit: what the consolidated report prints.</summary>
    public static Task<IReadOnlyList<UnitTotals>> PerUnitAsync(CchcDbContext db, IReadOnlyCollection<int> periodIds, CancellationToken ct = default) =>
        PerUnitAsync(Submitted(db, periodIds), ct: ct);

    public static ReportCounts Sum(IEnumerable<UnitTotals> units) =>
        units.Aggregate(ReportCounts.Zero, (sum, u) => sum.Add(u.Counts));

    private static IQueryable<UnitTotals> Project(IQueryable<UnitReport> reports) =>
        reports.Select(r => new UnitTotals(r.UnitId, r.Unit!.Name, r.Unit.SortOrder, r.Id, new ReportCounts(
            r.DocumentCount ?? 0, r.NewsArticleCount ?? 0, r.ModelCount ?? 0, r.ExemplaryExampleCount ?? 0,
            r.SessionCount ?? 0, r.BroadcastMinutes ?? 0, r.ParticipantCount ?? 0, r.Documents.Count)));
}
