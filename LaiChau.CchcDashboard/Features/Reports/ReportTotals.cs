using LaiChau.CchcDashboard.Data;
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
}

public sealed record UnitTotals(int UnitId, string UnitName, int SortOrder, int ReportId, ReportCounts Counts);

/// <summary>
/// City-wide figures from submitted reports (Submitted, Resubmitted, Accepted): one query per
/// call whatever the number of units. The overview, the tracking page and the consolidated report
/// all add up the same way through here.
/// </summary>
public static class ReportTotals
{
    public static async Task<IReadOnlyList<UnitTotals>> PerUnitAsync(CchcDbContext db, IReadOnlyCollection<int> periodIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Reports.AsNoTracking()
            .Where(r => periodIds.Contains(r.PeriodId)
                && (r.State == Data.Entities.ReportState.Submitted || r.State == Data.Entities.ReportState.Resubmitted || r.State == Data.Entities.ReportState.Accepted))
            .Select(r => new
            {
                r.Id, r.UnitId, UnitName = r.Unit!.Name, r.Unit.SortOrder,
                Documents = r.DocumentCount ?? 0, News = r.NewsArticleCount ?? 0, Models = r.ModelCount ?? 0,
                Examples = r.ExemplaryExampleCount ?? 0, Sessions = r.SessionCount ?? 0, Minutes = r.BroadcastMinutes ?? 0,
                People = r.ParticipantCount ?? 0, Rows = r.Documents.Count,
            })
            .ToListAsync(ct);
        return [.. rows
            .GroupBy(r => new { r.UnitId, r.UnitName, r.SortOrder })
            .Select(g => new UnitTotals(g.Key.UnitId, g.Key.UnitName, g.Key.SortOrder, g.Max(r => r.Id),
                g.Aggregate(ReportCounts.Zero, (sum, r) => sum.Add(new ReportCounts(r.Documents, r.News, r.Models, r.Examples, r.Sessions, r.Minutes, r.People, r.Rows)))))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.UnitName, StringComparer.Ordinal)];
    }

    public static ReportCounts Sum(IEnumerable<UnitTotals> units) =>
        units.Aggregate(ReportCounts.Zero, (sum, u) => sum.Add(u.Counts));
}
