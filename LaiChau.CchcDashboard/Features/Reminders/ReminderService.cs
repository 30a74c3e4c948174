using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Reminders;

public sealed record PassResult(DateOnly Day, int Planned, int Sent);

public sealed record PeriodChoice(int Id, string Name, DateTimeOffset DueAt);

public sealed record UnitChoice(int Id, string Name, string? Email);

public sealed record ScheduleView(DateOnly Today, DateTimeOffset NextPassAt, IReadOnlyList<string> Steps, int OverdueEveryDays,
    DateOnly PreviewDay, bool PreviewIsWorkingDay, IReadOnlyList<PlannedReminder> Preview, IReadOnlyList<UnitChoice> CannotEmail);

/// <summary>
/// The reminder pass, the manual reminder and what the Nhắc nhở page shows. The daily job and the
/// preview share <see cref="ReminderPlanner"/>.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<CchcDbContext> dbFactory,
    ReminderPlanner planner,
    ReminderDispatcher dispatcher,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderService> logger)
{
    public static readonly TimeOnly PassTime = new(7, 30);

    /// <summary>The daily pass: sends today's due step to every unit that has not reported. Safe to run any number of times.</summary>
    public async Task<PassResult> RunPassAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.LocalDate(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var planned = await planner.PlanAsync(db, today, ct);
        var sent = await dispatcher.DispatchAsync(db, [.. planned.Select(p => new NewReminder(p.UnitId, p.PeriodId, p.Step, p.ScheduledFor,
            p.IsOverdue, false, null, "Hệ thống",
            new ReminderContent(p.UnitName, p.PeriodName, p.PeriodId, p.DueAt, p.Step, p.IsOverdue, null)))], now, ct);
        logger.LogInformation("Reminder pass for {Day}: {Planned} due, {Sent} sent by this run.", VietnamTime.FormatDate(today), planned.Count, sent.Count);
        return new PassResult(today, planned.Count, sent.Count);
    }

    /// <summary>
    /// A reminder sent by hand by Phòng Nội vụ (from the Nhắc nhở page, the tracking matrix or the
    /// call list), through the same channels and history as the daily pass.
    /// </summary>
    public async Task<SaveResult> SendManualAsync(int unitId, int periodId, string? note, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MaySendReminders)
        {
            return SaveResult.Fail("", "Chỉ Phòng Nội vụ được gửi nhắc nhở.");
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 1000 })
        {
            return SaveResult.Fail("Note", "Ghi chú tối đa 1.000 ký tự.");
        }
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await PeriodProgressQuery.ExpectedUnits(db).Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return SaveResult.Fail("UnitId", "Đơn vị không tồn tại hoặc không phải báo cáo.");
        }
        var period = await db.Periods.AsNoTracking().Where(p => p.Id == periodId)
            .Select(p => new { p.Id, p.Name, p.DueAt }).FirstOrDefaultAsync(ct);
        if (period is null)
        {
            return SaveResult.Fail("PeriodId", "Kỳ báo cáo không tồn tại.");
        }
        var state = await db.Reports.AsNoTracking().Where(r => r.UnitId == unitId && r.PeriodId == periodId)
            .Select(r => (ReportState?)r.State).FirstOrDefaultAsync(ct) ?? ReportState.NotStarted;
        if (ReportRules.CountsAsSubmitted(state))
        {
            return SaveResult.Fail("UnitId", $"{unit.Name} đã nộp báo cáo kỳ này ({state.Label()}), không cần nhắc.");
        }

        var step = ReminderPolicy.ManualPrefix + VietnamTime.ToLocal(now).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var overdue = now >= period.DueAt;
        var reminder = new NewReminder(unit.Id, period.Id, step, VietnamTime.LocalDate(now), overdue, true, note, actor.FullName,
            new ReminderContent(unit.Name, period.Name, period.Id, period.DueAt, step, overdue, note));
        var owned = await dispatcher.DispatchAsync(db, [reminder], now, ct);
        return owned.Count == 1 ? SaveResult.Ok : SaveResult.Fail("", "Nhắc nhở này vừa được gửi. Vui lòng chờ giây lát nếu muốn gửi thêm.");
    }

    public async Task<ScheduleView> GetScheduleAsync(int? unitId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.LocalDate(now);
        var passToday = VietnamTime.FromLocal(today.ToDateTime(PassTime));
        var nextPass = now < passToday ? passToday : VietnamTime.FromLocal(today.AddDays(1).ToDateTime(PassTime));
        var previewDay = VietnamTime.LocalDate(nextPass);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await ReminderPlanner.CalendarAsync(db, ct);
        var preview = (await planner.PlanAsync(db, previewDay, ct)).Where(p => unitId is null || p.UnitId == unitId).ToList();
        var cannotEmail = await PeriodProgressQuery.ExpectedUnits(db)
            .Where(u => (u.Email == null || u.Email == "") && (unitId == null || u.Id == unitId))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitChoice(u.Id, u.Name, u.Email)).ToListAsync(ct);
        var settings = options.Value;
        var steps = settings.DaysBefore.Distinct().OrderDescending().Select(d => ReminderMessages.StepLabel(ReminderPolicy.BeforeStep(d)))
            .Append(ReminderMessages.StepLabel(ReminderPolicy.LastDayStep)).ToList();
        return new ScheduleView(today, nextPass, steps, settings.OverdueEveryDays, previewDay, calendar.IsWorkingDay(previewDay), preview, cannotEmail);
    }

    public async Task<IReadOnlyList<PeriodChoice>> GetPeriodsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Periods.AsNoTracking().Select(p => new PeriodChoice(p.Id, p.Name, p.DueAt)).ToListAsync(ct))
            .OrderBy(p => p.DueAt).ToList();
    }

    public async Task<IReadOnlyList<UnitChoice>> GetUnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeriodProgressQuery.ExpectedUnits(db).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitChoice(u.Id, u.Name, u.Email)).ToListAsync(ct);
    }
}

/// <summary>The manual reminder form; messages are what the user reads at the field.</summary>
public sealed class ManualReminderForm
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Vui lòng chọn đơn vị.")]
    public int? UnitId { get; set; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Vui lòng chọn kỳ báo cáo.")]
    public int? PeriodId { get; set; }

    [System.ComponentModel.DataAnnotations.MaxLength(1000, ErrorMessage = "Ghi chú tối đa 1.000 ký tự.")]
    public string? Note { get; set; }
}
