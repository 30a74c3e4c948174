using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// A seeded database grown (or shrunk) to a given number of reporting units, with reports in every
/// state for the plan's two periods, inserted in one transaction: for the tests that assert a page
/// costs the same SQL commands and stays small at 10 and at 5,000 units. Not the realistic
/// generator of the benchmarks; just enough shape for the pages to have something in every list.
/// </summary>
public static class ProvinceTestData
{
    public static async Task GrowToAsync(TestDatabase database, int reportingUnits, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var periods = await db.Periods.AsNoTracking().Include(p => p.Plan).Where(p => p.Plan!.Year == 2020).OrderBy(p => p.DueAt).ToListAsync(ct);
        var existing = await db.Units.Where(u => u.MustReport && u.IsActive).OrderBy(u => u.SortOrder).ToListAsync(ct);
        foreach (var unit in existing.Skip(reportingUnits))
        {
            unit.IsActive = false;
            db.Entry(unit).State = EntityState.Modified;
        }
        var added = Enumerable.Range(existing.Count, Math.Max(0, reportingUnits - existing.Count)).Select(i => new Unit
        {
            Code = $"XA-{i:00000}",
            Name = (i % 3 == 0 ? "Phường " : "Xã ") + $"Thử Nghiệm {i:00000}",
            Kind = i % 3 == 0 ? UnitKind.Ward : UnitKind.Commune,
            MustReport = true,
            SortOrder = 1000 + i,
            ContactName = $"Cán bộ {i}",
            Phone = $"0213 {i:000000}",
            Email = $"xa{i}@laichau.example",
        }).ToList();
        db.Units.AddRange(added);
        await db.SaveChangesAsync(ct);

        var units = await db.Units.AsNoTracking().Where(u => u.MustReport && u.IsActive).OrderBy(u => u.SortOrder).Select(u => u.Id).ToListAsync(ct);
        var sixMonth = periods[0];
        var annual = periods[1];
        // Six-month period: 60 % reported (on time, late, accepted), then returned, drafts and nothing.
        db.Reports.AddRange(units.Select((unitId, i) => (i % 10) switch
        {
            < 4 => Report(sixMonth, unitId, ReportState.Submitted, sixMonth.DueAt.AddDays(-2 - (i % 5)), i),
            < 5 => Report(sixMonth, unitId, ReportState.Submitted, sixMonth.DueAt.AddHours(8 + (i % 40)), i),
            < 6 => Report(sixMonth, unitId, ReportState.Accepted, sixMonth.DueAt.AddDays(-5), i),
            6 => Report(sixMonth, unitId, ReportState.Returned, sixMonth.DueAt.AddDays(-1), i),
            7 => Report(sixMonth, unitId, ReportState.Draft, null, i),
            _ => null,
        }).OfType<UnitReport>());
        // Annual period: a few drafts already.
        db.Reports.AddRange(units.Where((_, i) => i % 7 == 0).Select((unitId, i) => Report(annual, unitId, ReportState.Draft, null, i)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static UnitReport Report(ReportingPeriod period, int unitId, ReportState state, DateTimeOffset? submittedAt, int i) => new()
    {
        PeriodId = period.Id,
        UnitId = unitId,
        State = state,
        FirstSubmittedAt = submittedAt,
        SubmittedAt = submittedAt,
        DocumentNumber = $"{i % 90 + 1:00}/BC-UBND",
        SignerName = "Nguyễn Văn An",
        SignerTitle = "Chủ tịch",
        ContentPropagated = "Tuyên truyền Kế hoạch CCHC năm 2020.",
        DocumentCount = i % 4,
        NewsArticleCount = i % 13,
        ModelCount = i % 2,
        SessionCount = i % 6,
        BroadcastMinutes = i % 5 * 30,
        ParticipantCount = i % 9 * 40,
        Audiences = ["Nhân dân trên địa bàn"],
        Forms = CommunicationForms.Conference,
        Results = "Nhận thức được nâng lên.",
        UpdatedAt = submittedAt ?? period.DueAt.AddDays(-10),
    };
}
