using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>Reads what each document prints, as records; one short-lived context per call.</summary>
public sealed class DocumentDataService(IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PeriodReference?> GetPeriodAsync(int periodId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeriodAsync(db, periodId, ct);
    }

    public async Task<UnitReportData?> GetUnitReportAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new
            {
                r.Id,
                r.UnitId,
                UnitName = r.Unit!.Name,
                UnitKind = r.Unit.Kind,
                r.State,
                r.PeriodId,
                r.DocumentNumber,
                r.DocumentDate,
                r.SignerName,
                r.SignerTitle,
                Documents = r.Documents.OrderBy(d => d.Order).Select(d => new ReportDocumentRow(d.Number, d.Date, d.Summary, d.Content)).ToList(),
                r.ContentPropagated,
                r.DocumentCount,
                r.NewsArticleCount,
                r.ModelCount,
                r.ExemplaryExampleCount,
                r.SessionCount,
                r.BroadcastMinutes,
                r.Audiences,
                r.ParticipantCount,
                r.Forms,
                r.OtherForms,
                r.Results,
                r.Strengths,
                r.Limitations,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var period = await PeriodAsync(db, row.PeriodId, ct) ?? throw new InvalidOperationException($"Period {row.PeriodId} is missing.");
        return new UnitReportData(row.Id, row.UnitId, row.UnitName, row.UnitKind, row.State, row.DocumentNumber, row.DocumentDate,
            row.SignerName, row.SignerTitle, period, row.Documents, row.ContentPropagated, row.DocumentCount, row.NewsArticleCount,
            row.ModelCount, row.ExemplaryExampleCount, row.SessionCount, row.BroadcastMinutes, row.Audiences, row.ParticipantCount,
            row.Forms, row.OtherForms, row.Results, row.Strengths, row.Limitations);
    }

    /// <summary>Sums through <see cref="ReportTotals"/>, rates and late / missing units through <see cref="PeriodProgressQuery"/>, as the dashboard counts them.</summary>
    public async Task<ConsolidatedData?> GetConsolidatedAsync(int periodId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await PeriodAsync(db, periodId, ct);
        if (period is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var rates = await PeriodProgressQuery.RatesAsync(db, periodId, ct);
        var late = (await PeriodProgressQuery.LateAsync(db, periodId, now, ct))
            .Select(u => new LateUnit(u.UnitName, u.FirstSubmittedAt!.Value, u.DaysLate))
            .ToList();
        var missing = (await PeriodProgressQuery.MissingAsync(db, periodId, now, ct))
            .Select(u => new MissingUnit(u.UnitName, u.State, u.DaysOverdue(now)))
            .ToList();
        var totals = await ReportTotals.PerUnitAsync(db, [periodId], ct);
        var signing = await db.Periods.AsNoTracking().Where(p => p.Id == periodId)
            .Select(p => new ConsolidatedSigning(p.ConsolidatedNumber, p.ConsolidatedDate, p.ConsolidatedSignerName, p.ConsolidatedSignedByDeputy))
            .SingleAsync(ct);
        return new ConsolidatedData(period, totals, ReportTotals.Sum(totals), rates, late, missing) { Signing = signing };
    }

    /// <summary>The plan as the plan page reads it (<see cref="Plans.PlanReader"/>), in the PDF's records.</summary>
    public async Task<PlanData?> GetPlanAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await Plans.PlanReader.ReadAsync(db, planId, clock.GetUtcNow(), ct);
        if (plan is null)
        {
            return null;
        }
        return new PlanData(plan.Id, plan.Year, plan.Number, plan.IssuedOn, plan.Title, plan.ParentBody, plan.IssuingBody, plan.Place,
            plan.SignerCapacity, plan.SignerTitle, plan.SignerName, plan.Preamble, plan.Closing, plan.Bases, plan.Recipients,
            [.. plan.Sections.Select(s => new PlanSectionRow(s.Level, s.Heading, s.Body))],
            [.. plan.Activities.Select(a => new PlanActivityRow(a.Kind, a.Order, a.Content, a.Lead, a.Coordination, a.TimingLabel, a.Bucket))]);
    }

    private static Task<PeriodReference?> PeriodAsync(CchcDbContext db, int periodId, CancellationToken ct) =>
        db.Periods.AsNoTracking().Where(p => p.Id == periodId)
            .Select(p => new PeriodReference(p.Id, p.Kind, p.Name, p.DueAt,
                new PlanReference(p.Plan!.Id, p.Plan.Number, p.Plan.IssuedOn, p.Plan.Title, p.Plan.IssuingBody, p.Plan.Place, p.Plan.Year)))
            .FirstOrDefaultAsync(ct);
}
