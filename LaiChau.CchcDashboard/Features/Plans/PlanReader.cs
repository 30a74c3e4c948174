using LaiChau.CchcDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Plans;

/// <summary>
/// The one reader of a plan as its document reads: text, sections, periods and every activity with
/// its units and status (<see cref="ActivityService.QueryRowsAsync"/>). The plan page and the plan
/// PDF both print what this returns, so an activity reads the same on screen and on paper.
/// </summary>
public static class PlanReader
{
    public static async Task<PlanDocument?> ReadAsync(CchcDbContext db, int planId, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order)
            .Select(s => new PlanSectionRow(s.Level, s.Heading, s.Body)).ToListAsync(ct);
        var periods = await db.Periods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.DueAt)
            .Select(p => new PlanPeriodRow(p.Id, p.Kind, p.Name, p.CoversFrom, p.CoversTo, p.DueAt)).ToListAsync(ct);
        var activities = await ActivityService.QueryRowsAsync(db.Activities.Where(a => a.PlanId == planId), now, ct);
        return new PlanDocument(plan.Id, plan.Year, plan.Number, plan.IssuedOn, plan.Title, plan.ParentBody, plan.IssuingBody, plan.Place,
            plan.SignerCapacity, plan.SignerTitle, plan.SignerName, plan.Preamble, plan.Closing, plan.Bases, plan.Recipients,
            sections, periods, activities);
    }
}
