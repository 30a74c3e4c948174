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

    public static MatrixCell From(UnitProgress unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.PeriodId, unit.ReportId, unit.State, unit.Bucket(now), unit.SubmittedAt, unit.OnTime,
            unit.DaysLate, unit.DaysOverdue(now), unit.Completeness, unit.HasSignedCopy);
    }
}

public sealed record MatrixRow(int UnitId, string UnitName, string? ContactName, string? Phone, string? Email, IReadOnlyList<MatrixCell> Cells)
{
    public MatrixCell Cell(int periodId) => Cells.First(c => c.PeriodId == periodId);
}

public sealed record CallListEntry(int UnitId, string UnitName, string? ContactName, string? Phone, string? Email, ReportState State, string Countdown, int DaysOverdue);

/// <summary>A plan's periods with their rates: the head of the tracking page, small whatever the number of units.</summary>
public sealed record TrackingPeriods(int PlanId, IReadOnlyList<PeriodColumn> Periods, DateTimeOffset Now)
{
    /// <summary>The period whose deadline is next, or the last one once all have passed.</summary>
    public int? CurrentPeriodId =>
        (Periods.FirstOrDefault(p => p.DueAt > Now) ?? (Periods.Count > 0 ? Periods[^1] : null))?.Id;
}

/// <summary>The whole tracking matrix of a plan, every reporting unit against every period: what the export writes.</summary>
public sealed record TrackingMatrix(int PlanId, IReadOnlyList<PeriodColumn> Periods, IReadOnlyList<MatrixRow> Rows, DateTimeOffset Now)
{
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
    public int? CurrentPeriodId => new TrackingPeriods(PlanId, Periods, Now).CurrentPeriodId;
}

/// <summary>The section-2 sums of a period: the city total, how many units reported, and one page of units.</summary>
public sealed record CityFiguresPage(ReportCounts Total, int UnitCount, IReadOnlyList<UnitTotals> PerUnit);

/// <summary>
/// Phòng Nội vụ's view over every unit's reports; Lãnh đạo reads it too. Pages read one page of
/// units at a time, filtered, searched and ordered in SQL (<see cref="PeriodProgressQuery"/>).
/// </summary>
public sealed class ReportTrackingService(
    IDbContextFactory<CchcDbContext> dbFactory,
    AuditLog audit,
    AccessGuard access,
    ChangeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>The plan's periods and their rates, in two SQL commands.</summary>
    public async Task<TrackingPeriods> GetPeriodsAsync(UserInfo user, int planId, CancellationToken ct = default)
    {
        await EnsureCanTrackAsync(user, "periods", nameof(Plan), planId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new TrackingPeriods(planId, await PeriodsAsync(db, planId, ct), clock.GetUtcNow());
    }

    /// <summary>
    /// One page of the matrix: the units matching the request in the selected period, each with its
    /// cells in every period of the plan. Three SQL commands whatever the number of units.
    /// </summary>
    public async Task<Page<MatrixRow>> GetMatrixPageAsync(UserInfo user, TrackingPeriods periods, int periodId, UnitListRequest request, CancellationToken ct = default)
    {
        await EnsureCanTrackAsync(user, "matrix-page", nameof(ReportingPeriod), periodId, ct);
        ArgumentNullException.ThrowIfNull(periods);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var page = await PeriodProgressQuery.PageAsync(db, periodId, request, now, ct);
        if (page.Items.Count == 0)
        {
            return new Page<MatrixRow>([], page.Total);
        }
        var unitIds = page.Items.Select(u => u.UnitId).ToList();
        var cells = (await PeriodProgressQuery.Units(db, [.. periods.Periods.Select(p => p.Id)])
            .Where(u => unitIds.Contains(u.UnitId)).ToListAsync(ct))
            .ToLookup(u => u.UnitId);
        var order = periods.Periods.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return new Page<MatrixRow>([.. page.Items.Select(u => new MatrixRow(u.UnitId, u.UnitName, u.ContactName, u.Phone, u.Email,
            [.. cells[u.UnitId].OrderBy(c => order[c.PeriodId]).Select(c => MatrixCell.From(c, now))]))], page.Total);
    }

    /// <summary>
    /// One page of the units to call for a period, in two SQL commands: those still to report (the
    /// call list), or with <see cref="MatrixFilter.SignedCopyMissing"/> those whose signed copy has not arrived.
    /// </summary>
    public async Task<Page<CallListEntry>> GetCallListPageAsync(UserInfo user, int periodId, UnitListRequest request, CancellationToken ct = default)
    {
        await EnsureCanTrackAsync(user, "call-list", nameof(ReportingPeriod), periodId, ct);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var filter = request.Filter == MatrixFilter.SignedCopyMissing ? MatrixFilter.SignedCopyMissing : MatrixFilter.NotSubmitted;
        var page = await PeriodProgressQuery.PageAsync(db, periodId, request with { Filter = filter }, now, ct);
        return new Page<CallListEntry>([.. page.Items.Select(u => new CallListEntry(u.UnitId, u.UnitName, u.ContactName, u.Phone, u.Email, u.State,
            ReportRules.Countdown(u.DueAt, now), u.DaysOverdue(now)))], page.Total);
    }

    /// <summary>The name of an expected unit, for "Đang xem riêng"; null when the unit does not report.</summary>
    public async Task<string?> GetUnitNameAsync(UserInfo user, int unitId, CancellationToken ct = default)
    {
        await EnsureCanTrackAsync(user, "unit-name", nameof(Unit), unitId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeriodProgressQuery.ExpectedUnits(db).Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>The whole matrix (every unit, every period) for the export.</summary>
    public async Task<TrackingMatrix> GetMatrixAsync(UserInfo user, int planId, CancellationToken ct = default)
    {
        await EnsureCanTrackAsync(user, "matrix", nameof(Plan), planId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var columns = await PeriodsAsync(db, planId, ct);
        var now = clock.GetUtcNow();
        var order = columns.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var units = await PeriodProgressQuery.Units(db, [.. columns.Select(p => p.Id)])
            .OrderBy(u => u.SortOrder).ThenBy(u => u.UnitName).ThenBy(u => u.UnitId).ToListAsync(ct);
        var rows = units.GroupBy(u => u.UnitId).Select(g =>
        {
            var first = g.First();
            return new MatrixRow(first.UnitId, first.UnitName, first.ContactName, first.Phone, first.Email,
                [.. g.OrderBy(c => order[c.PeriodId]).Select(c => MatrixCell.From(c, now))]);
        }).ToList();
        return new TrackingMatrix(planId, columns, rows, now);
    }

    /// <summary>The section-2 sums over the period's submitted reports: the city total and one page of units.</summary>
    public async Task<CityFiguresPage> GetCityFiguresAsync(UserInfo user, int periodId, int skip = 0, int take = int.MaxValue, CancellationToken ct = default)
    {
        await EnsureCanTrackAsync(user, "city-figures", nameof(ReportingPeriod), periodId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reports = ReportTotals.Submitted(db, [periodId]);
        var sum = await ReportTotals.SumAsync(reports, ct);
        if (sum.Units == 0)
        {
            return new CityFiguresPage(ReportCounts.Zero, 0, []);
        }
        return new CityFiguresPage(sum.Total, sum.Units, await ReportTotals.PerUnitAsync(reports, skip, take, ct));
    }

    private static async Task<IReadOnlyList<PeriodColumn>> PeriodsAsync(CchcDbContext db, int planId, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.DueAt)
            .Select(p => new { p.Id, p.Name, p.CoversFrom, p.CoversTo, p.DueAt, p.Version }).ToListAsync(ct);
        var rates = await PeriodProgressQuery.RatesAsync(db, [.. periods.Select(p => p.Id)], ct);
        return [.. periods.Select(p => new PeriodColumn(p.Id, p.Name, p.CoversFrom, p.CoversTo, p.DueAt, p.Version,
            rates.GetValueOrDefault(p.Id) ?? PeriodRates.None))];
    }

    /// <summary>
    /// Moves a period's deadline to "trước ngày <paramref name="dueDay"/>". On-time flags follow,
    /// because they are derived from the stored submission instants, never stored themselves.
    /// </summary>
    public async Task<SaveResult> ChangeDueDateAsync(UserInfo user, int periodId, DateOnly? dueDay, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.MayReviewReports)
        {
            throw await access.RefuseAsync(user, "period", "due-date", nameof(ReportingPeriod), periodId, "Chỉ Phòng Nội vụ được đổi hạn báo cáo.", ct);
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
            Number = p.ConsolidatedNumber,
            Date = p.ConsolidatedDate?.ToDateTime(TimeOnly.MinValue),
            SignerName = p.ConsolidatedSignerName,
            SignedByDeputy = p.ConsolidatedSignedByDeputy,
            Version = p.Version,
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
        if (!user.MayReviewReports)
        {
            throw await access.RefuseAsync(user, "period", "consolidated-signing", nameof(ReportingPeriod), periodId,
                "Chỉ Phòng Nội vụ được ghi số, ngày và người ký báo cáo tổng hợp.", ct);
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

    private async Task EnsureCanTrackAsync(UserInfo user, string operation, string entityType, int entityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsCityWide)
        {
            throw await access.RefuseAsync(user, "tracking", operation, entityType, entityId, "Chỉ Phòng Nội vụ và Lãnh đạo xem được bảng theo dõi.", ct);
        }
    }
}
