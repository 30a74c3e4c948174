using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.Features.Dashboard;

/// <summary>Small builders over a seeded database (plan 93/KH-UBND, its units, no reports).</summary>
public static class PlanTestData
{
    public sealed record PlanIds(int PlanId, int SixMonthId, int AnnualId);

    public static async Task<PlanIds> PlanAsync(IDbContextFactory<CchcDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var plan = await db.Plans.Include(p => p.Periods).SingleAsync(p => p.Year == 2020);
        return new(plan.Id, plan.Periods.Single(p => p.Kind == PeriodKind.SixMonth).Id, plan.Periods.Single(p => p.Kind == PeriodKind.Annual).Id);
    }

    public static async Task<int> UnitIdAsync(IDbContextFactory<CchcDbContext> factory, string code)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A unit's report in the given state; submitted states get <paramref name="submittedAt"/> as their first submission.</summary>
    public static async Task<int> ReportAsync(
        IDbContextFactory<CchcDbContext> factory, int periodId, int unitId, ReportState state, DateTimeOffset? submittedAt = null,
        int news = 0, int sessions = 0, int documents = 0)
    {
        await using var db = await factory.CreateDbContextAsync();
        var report = await db.Reports.FirstOrDefaultAsync(r => r.PeriodId == periodId && r.UnitId == unitId);
        if (report is null)
        {
            report = new UnitReport { PeriodId = periodId, UnitId = unitId };
            db.Reports.Add(report);
        }
        report.State = state;
        report.FirstSubmittedAt ??= submittedAt;
        report.SubmittedAt = submittedAt;
        report.NewsArticleCount = news;
        report.SessionCount = sessions;
        report.DocumentCount = documents;
        report.UpdatedAt = submittedAt ?? DateTimeOffset.UnixEpoch;
        await db.SaveChangesAsync();
        return report.Id;
    }
}
