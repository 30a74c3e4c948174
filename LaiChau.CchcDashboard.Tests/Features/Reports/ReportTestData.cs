using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

/// <summary>Builds plans, units, users and reports for the report tests.</summary>
internal static class ReportTestData
{
    public static readonly UserInfo HomeAffairs = TestUsers.HomeAffairs();
    public static readonly UserInfo Leadership = TestUsers.Leadership;

    public static UserInfo UnitUser(int unitId, string userName = "donvi") => TestUsers.Unit(unitId, userName);

    public static ReportService Service(TestDatabase db, TimeProvider clock, ChangeNotifier? notifier = null) =>
        new(db.Factory, new AuditLog(clock), Guard(db.Factory, clock), notifier ?? new ChangeNotifier(NullLogger<ChangeNotifier>.Instance), clock,
            NullLogger<ReportService>.Instance);

    public static ReportTrackingService Tracking(TestDatabase db, TimeProvider clock) => Tracking(db.Factory, clock);

    public static ReportTrackingService Tracking(IDbContextFactory<CchcDbContext> factory, TimeProvider clock) =>
        new(factory, new AuditLog(clock), Guard(factory, clock), new ChangeNotifier(NullLogger<ChangeNotifier>.Instance), clock);

    public static AccessGuard Guard(IDbContextFactory<CchcDbContext> factory, TimeProvider clock) =>
        new(factory, new AuditLog(clock), NullLogger<AccessGuard>.Instance);

    /// <summary>A plan for 2020 with the two periods of KH 93 (due before 25/05 and before 20/11).</summary>
    public static async Task<(int PlanId, int SixMonthId, int AnnualId)> AddPlanAsync(TestDatabase db, int year = 2020)
    {
        await using var context = db.CreateContext();
        var plan = new Plan { Year = year, Number = $"93/KH-UBND-{year}", Title = "Kế hoạch thử" };
        var sixMonth = new ReportingPeriod
        {
            Plan = plan,
            Kind = PeriodKind.SixMonth,
            Name = $"Báo cáo 6 tháng đầu năm {year}",
            CoversFrom = new DateOnly(year, 1, 1),
            CoversTo = new DateOnly(year, 5, 24),
            DueAt = VietnamTime.StartOfDay(new DateOnly(year, 5, 25)),
        };
        var annual = new ReportingPeriod
        {
            Plan = plan,
            Kind = PeriodKind.Annual,
            Name = $"Báo cáo năm {year}",
            CoversFrom = new DateOnly(year, 1, 1),
            CoversTo = new DateOnly(year, 11, 19),
            DueAt = VietnamTime.StartOfDay(new DateOnly(year, 11, 20)),
        };
        context.AddRange(plan, sixMonth, annual);
        await context.SaveChangesAsync();
        return (plan.Id, sixMonth.Id, annual.Id);
    }

    public static async Task<IReadOnlyList<int>> AddUnitsAsync(TestDatabase db, int count, string prefix = "DV", bool mustReport = true)
    {
        await using var context = db.CreateContext();
        var units = Enumerable.Range(1, count).Select(i => new Unit
        {
            Code = $"{prefix}-{i:0000}",
            Name = $"Đơn vị {prefix} số {i}",
            Kind = UnitKind.Ward,
            MustReport = mustReport,
            SortOrder = i,
            ContactName = $"Người liên hệ {i}",
            Phone = $"0213 3876 {i:000}",
            Email = $"{prefix.ToLowerInvariant()}{i}@laichau.example",
        }).ToList();
        context.Units.AddRange(units);
        await context.SaveChangesAsync();
        return [.. units.Select(u => u.Id)];
    }

    /// <summary>Stores a report directly, as if its story had already happened.</summary>
    public static async Task<int> AddReportAsync(TestDatabase db, int periodId, int unitId, ReportState state, DateTimeOffset? firstSubmittedAt = null)
    {
        await using var context = db.CreateContext();
        var report = new UnitReport
        {
            PeriodId = periodId,
            UnitId = unitId,
            State = state,
            FirstSubmittedAt = firstSubmittedAt,
            SubmittedAt = firstSubmittedAt,
            ContentPropagated = "Tuyên truyền CCHC",
            SessionCount = 2,
            BroadcastMinutes = 30,
            ParticipantCount = 100,
            Audiences = ["Nhân dân trên địa bàn"],
            UpdatedAt = firstSubmittedAt ?? TestClock.DemoStart,
        };
        context.Reports.Add(report);
        await context.SaveChangesAsync();
        return report.Id;
    }

    /// <summary>Every required field filled, with a document inside the six-month span.</summary>
    public static ReportForm CompleteForm(int periodId) => new()
    {
        PeriodId = periodId,
        DocumentNumber = "12/BC-UBND",
        DocumentDate = new DateTime(2020, 5, 20),
        SignerName = "Nguyễn Văn An",
        SignerTitle = "Chủ tịch",
        Documents = [new ReportDocumentForm { Number = "05/KH-UBND", Date = new DateTime(2020, 2, 10), Summary = "Kế hoạch tuyên truyền CCHC năm 2020", Content = "Triển khai đến tổ dân phố" }],
        ContentPropagated = "Tuyên truyền Kế hoạch CCHC năm 2020; dịch vụ công trực tuyến.",
        DocumentCount = 3,
        NewsArticleCount = 12,
        ModelCount = 1,
        ExemplaryExampleCount = 2,
        SessionCount = 6,
        BroadcastMinutes = 180,
        Audiences = ["Cán bộ, công chức, viên chức", "Nhân dân trên địa bàn"],
        ParticipantCount = 420,
        Forms = CommunicationForms.Conference | CommunicationForms.Loudspeaker,
        Results = "Nhận thức về CCHC được nâng lên.",
        Strengths = "Nội dung phong phú.",
        Limitations = "Hình thức chưa đa dạng.",
    };

    public static async Task<int> AuditCountAsync(TestDatabase db, string action)
    {
        await using var context = db.CreateContext();
        return await context.AuditLog.CountAsync(a => a.Action == action);
    }
}
