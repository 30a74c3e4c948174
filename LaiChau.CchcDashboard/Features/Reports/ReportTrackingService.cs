using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reports;

public sealed record PeriodColumn(int Id, string Name, DateOnly CoversFrom, DateOnly CoversTo, DateTimeOffset DueAt, int Version, PeriodRates Rates)
{
    public string Deadline => VietnamTime.FormatDeadline(DueAt);
}

/// <summary>One unit in one period of the matrix. A unit without a report row is NotStarted.</summary>
public sealed record MatrixCell(int PeriodId, int? ReportId, ReportState State, StatusBucket Bucket, DateTimeOffset? SubmittedAt, bool? OnTime,
    int DaysLate, int DaysOverdue, int Completeness, bool HasSignedCopy = false)
{
    public bool HasSubmitted => ReportRules.CountsAsSubmitted(State);

    /// <summary>Days behind the deadline: overdue while missing, or how late the first submission was.</summary>
    public int DaysBehind => HasSubmitted ? DaysLate : DaysOverdue;
}

public sealed record MatrixRow(int UnitId, string UnitName, string? ContactName, string? Phone, string? Email, IReadOnlyList<MatrixCell> Cells)
{
    public MatrixCell Cell(int periodId) => Cells.First(c => c.PeriodId == periodId);
}

public enum MatrixFilter
{
    All = 0,
    NotSubmitted = 1,
    Late = 2,
    Returned = 3,
}

public sealed record CallListEntry(int UnitId, string UnitName, string? ContactName, string? Phone, string? Email, ReportState State, string Countdown, int DaysOverdue);

/// <summary>The tracking matrix of a plan: every reporting unit against every period, with the per-period rates.</summary>
public sealed record TrackingMatrix(int PlanId, IReadOnlyList<PeriodColumn> Periods, IReadOnlyList<MatrixRow> Rows, DateTimeOffset Now)
{
    public IReadOnlyList<MatrixRow> Filter(int periodId, MatrixFilter filter, bool sortByDaysBehind)
    {
        var rows = Rows.Where(r => Matches(r.Cell(periodId), filter));
        return sortByDaysBehind
            ? [.. rows.OrderByDescending(r => r.Cell(periodId).DaysBehind)]
            : [.. rows];
    }

    public static bool Matches(MatrixCell cell, MatrixFilter filter)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return filter switch
        {
            MatrixFilter.NotSubmitted => !cell.HasSubmitted,
            MatrixFilter.Late => cell.Bucket is StatusBucket.CompletedLate or StatusBucket.Overdue,
            MatrixFilter.Returned => cell.State == ReportState.Returned,
            _ => true,
        };
    }

    /// <summary>Units still to report for a period, most overdue first: the list someone phones down.</summary>
    public IReadOnlyList<CallListEntry> CallList(int periodId)
    {
        var period = Periods.First(p => p.Id == periodId);
        return [.. Rows.Select(r => (Row: r, Cell: r.Cell(periodId)))
            .Where(x => !x.Cell.HasSubmitted)
            .OrderByDescending(x => x.Cell.DaysOverdue)
            .Select(x => new CallListEntry(x.Row.UnitId, x.Row.UnitName, x.Row.ContactName, x.Row.Phone, x.Row.Email, x.Cell.State,
                ReportRules.Countdown(period.DueAt, Now), x.Cell.DaysOverdue))];
    }

    /// <summary>Units that submitted but whose signed and stamped copy has not arrived yet: the second call to make.</summary>
    public IReadOnlyList<CallListEntry> SignedCopyMissing(int periodId)
    {
        var period = Periods.First(p => p.Id == periodId);
        return [.. Rows.Select(r => (Row: r, Cell: r.Cell(periodId)))
            .Where(x => x.Cell.HasSubmitted && !x.Cell.HasSignedCopy)
            .Select(x => new CallListEntry(x.Row.UnitId, x.Row.UnitName, x.Row.ContactName, x.Row.Phone, x.Row.Email, x.Cell.State,
                ReportRules.Countdown(period.DueAt, Now), 0))];
    }

    /// <summary>The period whose deadline is next, or the last one once all have passed.</summary>
    public int? CurrentPeriodId =>
        (Periods.FirstOrDefault(p => p.DueAt > Now) ?? (Periods.Count > 0 ? Periods[^1] : null))?.Id;
}

public sealed record CityFigures(ReportCounts Total, IReadOnlyList<UnitTotals> PerUnit);

/// <summary>Phòng Nội vụ's view over every unit's reports; Lãnh đạo reads it too.</summary>
public sealed class ReportTrackingService(
    IDbContextFactory<CchcDbContext> dbFactory,
    AuditLog audit,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<ReportTrackingService> logger)
{
    public static bool CanTrack(UserInfo user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsHomeAffairs || user.IsLeadership || user.IsAdministrator;
    }

    /// <summary>Three queries whatever the number of units: periods, units, report states.</summary>
    public async Task<TrackingMatrix> GetMatrixAsync(UserInfo user, int planId, CancellationToken ct = default)
    {
        EnsureCanTrack(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.DueAt)
            .Select(p => new { p.Id, p.Name, p.CoversFrom, p.CoversTo, p.DueAt, p.Version }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.MustReport && u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.ContactName, u.Phone, u.Email }).ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
            .Select(ReportCompleteness.Status).ToListAsync(ct);
        var byKey = reports.ToDictionary(r => (r.PeriodId, r.UnitId));
        var unitIds = units.Select(u => u.Id).ToHashSet();
        var now = clock.GetUtcNow();

        var columns = periods.Select(p => new PeriodColumn(p.Id, p.Name, p.CoversFrom, p.CoversTo, p.DueAt, p.Version,
            PeriodRates.Compute(units.Count, reports.Where(r => r.PeriodId == p.Id && unitIds.Contains(r.UnitId)).Select(r => (r.State, r.FirstSubmittedAt)), p.DueAt)))
            .ToList();
        var rows = units.Select(u => new MatrixRow(u.Id, u.Name, u.ContactName, u.Phone, u.Email, [.. periods.Select(p =>
        {
            var r = byKey.GetValueOrDefault((p.Id, u.Id));
            var state = r?.State ?? ReportState.NotStarted;
            var onTime = ReportRules.WasOnTime(r?.FirstSubmittedAt, p.DueAt);
            var daysLate = onTime == false ? ReportRules.DaysOverdue(p.DueAt, r!.FirstSubmittedAt!.Value) : 0;
            var daysOverdue = ReportRules.CountsAsSubmitted(state) ? 0 : ReportRules.DaysOverdue(p.DueAt, now);
            return new MatrixCell(p.Id, r?.Id, state, ReportRules.Bucket(state, r?.FirstSubmittedAt, p.DueAt, now),
                r?.SubmittedAt, onTime, daysLate, daysOverdue, r?.Completeness ?? 0, r?.HasSignedCopy ?? false);
        })])).ToList();
        return new TrackingMatrix(planId, columns, rows, now);
    }

    /// <summary>The section-2 sums over the period's submitted reports, city-wide and per unit.</summary>
    public async Task<CityFigures> GetCityFiguresAsync(UserInfo user, int periodId, CancellationToken ct = default)
    {
        EnsureCanTrack(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var perUnit = await ReportTotals.PerUnitAsync(db, [periodId], ct);
        return new CityFigures(ReportTotals.Sum(perUnit), perUnit);
    }

    /// <summary>
    /// Moves a period's deadline to "trước ngày <paramref name="dueDay"/>". On-time flags follow,
    /// because they are derived from the stored submission instants, never stored themselves.
    /// </summary>
    public async Task<SaveResult> ChangeDueDateAsync(UserInfo user, int periodId, DateOnly? dueDay, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsHomeAffairs)
        {
            logger.LogWarning("{User} tried to change the due date of period {PeriodId}.", user.UserName, periodId);
            throw new ReportAccessDeniedException("Chỉ Phòng Nội vụ được đổi hạn báo cáo.");
        }
        if (dueDay is null)
        {
            return SaveResult.Fail("DueDay", "Vui lòng chọn ngày hạn.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new KeyNotFoundException($"Period {periodId} not found.");
        if (dueDay.Value <= period.CoversFrom)
        {
            return SaveResult.Fail("DueDay", $"Hạn báo cáo phải sau ngày đầu kỳ ({VietnamTime.FormatDate(period.CoversFrom)}).");
        }
        if (dueDay.Value.Year > period.CoversTo.Year + 1)
        {
            return SaveResult.Fail("DueDay", "Hạn báo cáo quá xa so với kỳ báo cáo.");
        }
        var old = period.DueAt;
        period.DueAt = VietnamTime.StartOfDay(dueDay.Value);
        db.Entry(period).Property(p => p.Version).OriginalValue = version;
        audit.Record(db, user.Id, user.UserName, "period.due-date", nameof(ReportingPeriod), period.Id,
            $"{period.Name}: {VietnamTime.FormatDeadline(old)} → {VietnamTime.FormatDeadline(period.DueAt)}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Fail("", "Hạn của kỳ này đã có người khác cập nhật. Hãy tải lại trang để xem hạn mới nhất.");
        }
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.ReportChanged, period.PlanId, period.Id, null, user.Id));
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.PlanChanged, period.PlanId, period.Id, null, user.Id));
        return SaveResult.Ok;
    }

    /// <summary>The consolidated report's number, date and signer as stored, for the dialog that edits them.</summary>
    public async Task<ConsolidatedSigningForm> GetConsolidatedSigningAsync(int periodId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Periods.AsNoTracking().Where(p => p.Id == periodId)
            .Select(p => new { p.ConsolidatedNumber, p.ConsolidatedDate, p.ConsolidatedSignerName, p.ConsolidatedSignedByDeputy, p.Version })
            .FirstOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"Period {periodId} not found.");
        return new ConsolidatedSigningForm
        {
            Number = p.ConsolidatedNumber, Date = p.ConsolidatedDate?.ToDateTime(TimeOnly.MinValue), SignerName = p.ConsolidatedSignerName,
            SignedByDeputy = p.ConsolidatedSignedByDeputy, Version = p.Version,
        };
    }

    /// <summary>
    /// Phòng Nội vụ numbers, dates and names the signer of the city's consolidated report. Refuses a
    /// malformed number, a date before the period starts or after today, and a stale edit.
    /// </summary>
    public async Task<SaveResult> SaveConsolidatedSigningAsync(UserInfo user, int periodId, ConsolidatedSigningForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!user.IsHomeAffairs)
        {
            logger.LogWarning("{User} tried to sign the consolidated report of period {PeriodId}.", user.UserName, periodId);
            throw new ReportAccessDeniedException("Chỉ Phòng Nội vụ được ghi số, ngày và người ký báo cáo tổng hợp.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new KeyNotFoundException($"Period {periodId} not found.");
        var errors = FormValidation.Validate(form);
        if (form.Date is { } picked)
        {
            var day = DateOnly.FromDateTime(picked);
            var today = VietnamTime.Today(clock);
            if (day > today)
            {
                errors.TryAdd(nameof(ConsolidatedSigningForm.Date), $"Ngày báo cáo không được sau hôm nay ({VietnamTime.FormatDate(today)}).");
            }
            else if (day < period.CoversFrom)
            {
                errors.TryAdd(nameof(ConsolidatedSigningForm.Date), $"Ngày báo cáo không được trước ngày đầu kỳ ({VietnamTime.FormatDate(period.CoversFrom)}).");
            }
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        db.Entry(period).Property(p => p.Version).OriginalValue = form.Version;
        period.ConsolidatedNumber = Blank(form.Number);
        period.ConsolidatedDate = form.Date is { } date ? DateOnly.FromDateTime(date) : null;
        period.ConsolidatedSignerName = Blank(form.SignerName);
        period.ConsolidatedSignedByDeputy = form.SignedByDeputy;
        audit.Record(db, user.Id, user.UserName, "period.consolidated-signing", nameof(ReportingPeriod), period.Id,
            $"{period.Name}: số {period.ConsolidatedNumber ?? "—"}, người ký {period.ConsolidatedSignerName ?? "—"}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Fail("", "Kỳ báo cáo này vừa được người khác cập nhật. Hãy đóng hộp thoại, mở lại để xem thông tin mới nhất.");
        }
        form.Version = period.Version;
        return SaveResult.Ok;

        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private void EnsureCanTrack(UserInfo user)
    {
        if (!CanTrack(user))
        {
            logger.LogWarning("{User} (roles {Roles}) was refused the tracking matrix.", user.UserName, string.Join(",", user.Roles));
            throw new ReportAccessDeniedException("Chỉ Phòng Nội vụ và Lãnh đạo xem được bảng theo dõi.");
        }
    }
}
