using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.Data;

/// <summary>
/// A change and its audit entry are written together or not at all: with every insert into the
/// audit log failing (a trigger aborts it), neither the change nor the entry is in the database.
/// </summary>
public sealed class AuditAtomicityTests : IAsyncLifetime
{
    private static readonly UserInfo Admin = TestUsers.Administrator;
    private TestDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateSeededAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task BreakAuditLogAsync()
    {
        await using var context = _db.CreateContext();
        await DatabaseFaults.RefuseAsync(context, "AuditLog", "audit log unavailable", "INSERT");
    }

    private async Task<int> AuditCountAsync()
    {
        await using var context = _db.CreateContext();
        return await context.AuditLog.CountAsync(Ct);
    }

    [Fact]
    public async Task NewUnit_WhenTheAuditEntryCannotBeWritten_IsNotSavedEither()
    {
        var service = new UnitAdminService(_db.Factory, new AuditLog(TestClock.AtDemoStart()), NullLogger<UnitAdminService>.Instance);
        var auditBefore = await AuditCountAsync();
        await BreakAuditLogAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => service.SaveAsync(new UnitForm { Code = "P-MOI", Name = "Phòng Mới" }, Admin, Ct));

        await using var context = _db.CreateContext();
        Assert.False(await context.Units.AnyAsync(u => u.Code == "P-MOI", Ct));
        Assert.Equal(auditBefore, await context.AuditLog.CountAsync(Ct));
    }

    [Fact]
    public async Task NewUnit_IsSavedWithItsAuditEntry_NamingTheNewId()
    {
        var service = new UnitAdminService(_db.Factory, new AuditLog(TestClock.AtDemoStart()), NullLogger<UnitAdminService>.Instance);
        var form = new UnitForm { Code = "P-MOI", Name = "Phòng Mới" };

        Assert.True((await service.SaveAsync(form, Admin, Ct)).Succeeded);

        await using var context = _db.CreateContext();
        var entry = await context.AuditLog.SingleAsync(a => a.Action == "unit.create", Ct);
        Assert.Equal(nameof(Unit), entry.EntityType);
        Assert.Equal(form.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
    }

    [Fact]
    public async Task FirstDraftOfAReport_WhenTheAuditEntryCannotBeWritten_LeavesNoReport()
    {
        var (_, periodId, _) = await ReportTestData.AddPlanAsync(_db, 2021);
        var unitId = (await ReportTestData.AddUnitsAsync(_db, 1))[0];
        var user = ReportTestData.UnitUser(unitId);
        var form = new ReportForm { PeriodId = periodId, ContentPropagated = "Tuyên truyền Nghị quyết" };
        await BreakAuditLogAsync();

        ReportSaveResult? outcome = null;
        await Record.ExceptionAsync(async () => outcome = await ReportTestData.Service(_db, TestClock.AtDemoStart()).SaveDraftAsync(user, form, Ct));

        Assert.False(outcome?.Succeeded ?? false);
        await using var context = _db.CreateContext();
        Assert.False(await context.Reports.AnyAsync(r => r.PeriodId == periodId, Ct));
        Assert.False(await context.ReportTransitions.AnyAsync(Ct));
        Assert.Equal(0, await context.AuditLog.CountAsync(a => a.Action == "report.save", Ct));
    }

    [Fact]
    public async Task StatusChange_WhenTheAuditEntryCannotBeWritten_KeepsTheOldStatus()
    {
        var clock = TestClock.AtDemoStart();
        await using var context0 = _db.CreateContext();
        var activity = await context0.Activities.OrderBy(a => a.Id).Select(a => new { a.Id, a.Status, a.Version }).FirstAsync(Ct);
        var service = new ActivityService(_db.Factory, clock, new ChangeNotifier(NullLogger<ChangeNotifier>.Instance), new AuditLog(clock), NullLogger<ActivityService>.Instance);
        var homeAffairs = ReportTestData.HomeAffairs;
        var target = activity.Status == ActivityStatus.Completed ? ActivityStatus.InProgress : ActivityStatus.Completed;
        await BreakAuditLogAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => service.ChangeStatusAsync(activity.Id, target, activity.Version, homeAffairs, Ct));

        await using var context = _db.CreateContext();
        Assert.Equal(activity.Status, await context.Activities.Where(a => a.Id == activity.Id).Select(a => a.Status).SingleAsync(Ct));
        Assert.Equal(0, await context.AuditLog.CountAsync(Ct));
    }
}
