using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>
/// The DHIS2-style figures of one period: reporting rate = submitted / expected, timely rate =
/// submitted on time / expected. Counted in SQL by <see cref="PeriodProgressQuery.RatesAsync"/>.
/// </summary>
public sealed record PeriodRates(int Expected, int Submitted, int OnTime)
{
    public static readonly PeriodRates None = new(0, 0, 0);

    /// <summary>Submitted reports whose signed and stamped copy has arrived; the rates stay based on submission.</summary>
    public int SignedCopies { get; init; }

    public int Late => Submitted - OnTime;
    public int Missing => Expected - Submitted;
    public double ReportingRate => Expected == 0 ? 0 : (double)Submitted / Expected;
    public double TimelyRate => Expected == 0 ? 0 : (double)OnTime / Expected;

    public static string Percent(double rate) => rate.ToString("P0", VietnamTime.Culture);
}

/// <summary>Which units of a period a list shows.</summary>
public enum MatrixFilter
{
    All = 0,
    NotSubmitted = 1,
    Late = 2,
    Returned = 3,

    /// <summary>Submitted, but the signed and stamped copy has not arrived: the second call to make.</summary>
    SignedCopyMissing = 4,
}

/// <summary>How a list of units is ordered: the plan's unit order, or the longest behind first.</summary>
public enum UnitOrder
{
    UnitOrder = 0,
    DaysBehind = 1,
}

/// <summary>One expected unit against one period, as SQL answered it: the report's state and the two flags that count.</summary>
public sealed record UnitProgress
{
    public required int UnitId { get; init; }
    public required string UnitName { get; init; }
    public required int SortOrder { get; init; }
    public string? ContactName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public required int PeriodId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public int? ReportId { get; init; }
    public required ReportState State { get; init; }
    public required bool HasSubmitted { get; init; }
    public required bool SubmittedOnTime { get; init; }
    public DateTimeOffset? FirstSubmittedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public int FilledFields { get; init; }
    public bool HasSignedCopy { get; init; }

    /// <summary>Null before the first submission; whether it beat the deadline otherwise (a returned report keeps it).</summary>
    public bool? OnTime => FirstSubmittedAt is null ? null : SubmittedOnTime;

    public int Completeness => ReportCompleteness.Percent(FilledFields);

    /// <summary>The colour bucket, with the same words and colours as activities.</summary>
    public StatusBucket Bucket(DateTimeOffset now) => ReportRules.Bucket(State, HasSubmitted, OnTime, DueAt, now);

    /// <summary>How late the first submission was, in days (0 when on time or not submitted).</summary>
    public int DaysLate => OnTime == false && FirstSubmittedAt is { } at ? ReportRules.DaysOverdue(DueAt, at) : 0;

    /// <summary>Days past the deadline while still missing (0 once submitted or while not yet due).</summary>
    public int DaysOverdue(DateTimeOffset now) => HasSubmitted ? 0 : ReportRules.DaysOverdue(DueAt, now);
}

/// <summary>A page of a list and the number of rows the whole list has.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total)
{
    public static readonly Page<T> Empty = new([], 0);
}

/// <summary>What a list of units asks for: the filter, a search in unit names, the order, and the page.</summary>
public sealed record UnitListRequest(
    MatrixFilter Filter = MatrixFilter.All, string? Search = null, UnitOrder Order = UnitOrder.UnitOrder,
    int Skip = 0, int Take = int.MaxValue, int? UnitId = null);

/// <summary>
/// The one read model of a period's progress: which units are expected, which count as submitted,
/// which were on time, the rates and the units still missing. The overview, the tracking matrix and
/// call list, the consolidated report and the weekly digest all ask here, and every count is a SQL
/// aggregate (no list of every unit and report is loaded to be counted in memory).
/// </summary>
public static class PeriodProgressQuery
{
    /// <summary>The units a period expects a report from: active and bound to report (a Party body is not).</summary>
    public static IQueryable<Unit> ExpectedUnits(CchcDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Units.AsNoTracking().Where(u => u.MustReport && u.IsActive);
    }

    /// <summary>Reports that count as "has reported" (<see cref="ReportRules.CountsAsSubmitted"/>, in SQL).</summary>
    public static IQueryable<UnitReport> Submitted(IQueryable<UnitReport> reports) =>
        reports.Where(r => ReportRules.CountsAsSubmitted(r.State)).Inlined();

    /// <summary>Expected, submitted and on-time counts of each period, in one SQL command.</summary>
    public static async Task<IReadOnlyDictionary<int, PeriodRates>> RatesAsync(CchcDbContext db, IReadOnlyCollection<int> periodIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expected = ExpectedUnits(db);
        var submitted = Submitted(db.Reports.Where(r => r.Unit!.MustReport && r.Unit.IsActive));
        var rows = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Expected = expected.Count(),
                Submitted = submitted.Count(r => r.PeriodId == p.Id),
                OnTime = submitted.Count(r => r.PeriodId == p.Id && r.FirstSubmittedAt != null && ReportRules.IsOnTime(r.FirstSubmittedAt.Value, p.DueAt)),
                SignedCopies = submitted.Count(r => r.PeriodId == p.Id && r.SignedCopies.Any()),
            })
            .Inlined()
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new PeriodRates(r.Expected, r.Submitted, r.OnTime) { SignedCopies = r.SignedCopies });
    }

    public static async Task<PeriodRates> RatesAsync(CchcDbContext db, int periodId, CancellationToken ct = default) =>
        (await RatesAsync(db, [periodId], ct)).GetValueOrDefault(periodId) ?? PeriodRates.None;

    /// <summary>
    /// Every expected unit against the given periods (a unit without a report row is NotStarted), as a
    /// query to filter, order and page further. "Submitted" and "on time" are computed here, in SQL.
    /// </summary>
    public static IQueryable<UnitProgress> Units(CchcDbContext db, IReadOnlyCollection<int> periodIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = from u in ExpectedUnits(db)
                    from p in db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id))
                    join r in db.Reports.AsNoTracking() on new { PeriodId = p.Id, UnitId = u.Id } equals new { r.PeriodId, r.UnitId } into reports
                    from r in reports.DefaultIfEmpty()
                    select new UnitProgress
                    {
                        UnitId = u.Id,
                        UnitName = u.Name,
                        SortOrder = u.SortOrder,
                        ContactName = u.ContactName,
                        Phone = u.Phone,
                        Email = u.Email,
                        PeriodId = p.Id,
                        DueAt = p.DueAt,
                        ReportId = r == null ? null : r.Id,
                        State = r == null ? ReportState.NotStarted : r.State,
                        HasSubmitted = r != null && ReportRules.CountsAsSubmitted(r.State),
                        SubmittedOnTime = r != null && r.FirstSubmittedAt != null && ReportRules.IsOnTime(r.FirstSubmittedAt.Value, p.DueAt),
                        FirstSubmittedAt = r == null ? null : r.FirstSubmittedAt,
                        SubmittedAt = r == null ? null : r.SubmittedAt,
                        FilledFields = r == null ? 0 : ReportCompleteness.FilledFields(r),
                        HasSignedCopy = r != null && r.SignedCopies.Any(),
                    };
        return query.Inlined();
    }

    /// <summary>The units of one period that a list shows, filtered, searched, ordered and paged in SQL.</summary>
    public static IQueryable<UnitProgress> Apply(IQueryable<UnitProgress> units, UnitListRequest request, DateTimeOffset now, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(request);
        units = request.Filter switch
        {
            MatrixFilter.NotSubmitted => units.Where(u => !u.HasSubmitted),
            // The buckets "nộp muộn" and "quá hạn chưa nộp" (ReportRules.Bucket).
            MatrixFilter.Late => units.Where(u => u.HasSubmitted ? !u.SubmittedOnTime : now >= u.DueAt),
            MatrixFilter.Returned => units.Where(u => u.State == ReportState.Returned),
            MatrixFilter.SignedCopyMissing => units.Where(u => u.HasSubmitted && !u.HasSignedCopy),
            _ => units,
        };
        if (request.UnitId is { } unitId)
        {
            units = units.Where(u => u.UnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = "%" + request.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // Case-insensitive: PostgreSQL's ILIKE folds every letter (Đ/đ, Ư/ư, … by the database's
            // UTF-8 LC_CTYPE); SQLite's LIKE folds ASCII letters only. Diacritics count on both.
            units = provider == DatabaseProvider.Postgres
                ? units.Where(u => EF.Functions.ILike(u.UnitName, pattern, "\\"))
                : units.Where(u => EF.Functions.Like(u.UnitName, pattern, "\\"));
        }
        // Days behind grows with the instant it is measured at: the first submission when late, now
        // while missing past the deadline; on-time and not-yet-due units are not behind at all.
        var notBehind = DateTimeOffset.MinValue;
        return request.Order == UnitOrder.DaysBehind
            ? units.OrderByDescending(u => u.HasSubmitted
                    ? (u.SubmittedOnTime ? notBehind : u.FirstSubmittedAt!.Value)
                    : (now >= u.DueAt ? now : notBehind))
                .ThenBy(u => u.SortOrder).ThenBy(u => u.UnitName)
            : units.OrderBy(u => u.SortOrder).ThenBy(u => u.UnitName);
    }

    /// <summary>One page of one period's units and the count of all that match, in two SQL commands.</summary>
    public static async Task<Page<UnitProgress>> PageAsync(CchcDbContext db, int periodId, UnitListRequest request, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Apply(Units(db, [periodId]), request, now, db.Database.ProviderOf());
        var total = await query.CountAsync(ct);
        if (total == 0)
        {
            return Page<UnitProgress>.Empty;
        }
        var items = await query.Skip(request.Skip).Take(request.Take).ToListAsync(ct);
        return new Page<UnitProgress>(items, total);
    }

    /// <summary>Every unit of a period still to report, in the plan's unit order: for documents that list them all.</summary>
    public static async Task<IReadOnlyList<UnitProgress>> MissingAsync(CchcDbContext db, int periodId, DateTimeOffset now, CancellationToken ct = default) =>
        await Apply(Units(db, [periodId]), new UnitListRequest(MatrixFilter.NotSubmitted), now, db.Database.ProviderOf()).ToListAsync(ct);

    /// <summary>Every unit of a period that submitted after the deadline, in the plan's unit order.</summary>
    public static async Task<IReadOnlyList<UnitProgress>> LateAsync(CchcDbContext db, int periodId, DateTimeOffset now, CancellationToken ct = default) =>
        await Apply(Units(db, [periodId]), new UnitListRequest(), now, db.Database.ProviderOf()).Where(u => u.HasSubmitted && !u.SubmittedOnTime).ToListAsync(ct);
}
