using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reports;

public sealed record ReportTransitionRow(ReportState From, ReportState To, DateTimeOffset At, string UserName, string? Comment);

/// <summary>A unit's report for a period in its unit's list (a period without a report yet shows as NotStarted).</summary>
public sealed record UnitReportRow(int PeriodId, string PeriodName, DateTimeOffset DueAt, int? ReportId, ReportState State,
    StatusBucket Bucket, string Countdown, int Completeness, DateTimeOffset? SubmittedAt, bool? OnTime);

/// <summary>A report with its content, its period and who may do what with it.</summary>
public sealed record ReportDetails(
    int Id, int PlanId, int PeriodId, string PeriodName, DateOnly CoversFrom, DateOnly CoversTo, DateTimeOffset DueAt,
    int UnitId, string UnitName, ReportState State, int Version,
    DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    ReportForm Form, IReadOnlyList<ReportTransitionRow> Transitions, bool CanEdit, bool CanReview)
{
    /// <summary>Whether the unit has sent the signed and stamped copy (Features/SignedCopies).</summary>
    public bool HasSignedCopy { get; init; }

    /// <summary>The unit's kind: which signer titles are usual (<see cref="Documents.SignerTitles"/>).</summary>
    public UnitKind UnitKind { get; init; }

    public int Completeness => ReportCompleteness.Percent(Form);
    public bool? OnTime => ReportRules.WasOnTime(FirstSubmittedAt, DueAt);
    public string? ReturnComment => State == ReportState.Returned ? Transitions.LastOrDefault(t => t.To == ReportState.Returned)?.Comment : null;
    public StatusBucket Bucket(DateTimeOffset now) => ReportRules.Bucket(State, FirstSubmittedAt, DueAt, now);
}

/// <summary>
/// The outcome of a save or a transition. On a stale edit <see cref="Stored"/> holds what is in the
/// database now, so the page can show it next to the user's own draft.
/// </summary>
public sealed record ReportSaveResult(SaveResult Result, ReportDetails? Stored = null, int ReportId = 0, int Version = 0)
{
    public bool Succeeded => Result.Succeeded;
    public bool IsConflict => Stored is not null;
    public static ReportSaveResult Fail(string field, string message) => new(SaveResult.Fail(field, message));
}

/// <summary>
/// The unit report workflow of docs/domain.md §4: draft → submitted → returned → resubmitted → accepted.
/// Every operation checks the user's unit and role, records the transition and writes the audit log.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<CchcDbContext> dbFactory,
    AuditLog audit,
    AccessGuard access,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<ReportService> logger)
{
    public const string ConflictMessage = "Báo cáo đã có người khác cập nhật. Bản đang lưu hiển thị bên cạnh; nội dung bạn nhập vẫn còn trong biểu mẫu.";

    public async Task<IReadOnlyList<UnitReportRow>> GetUnitReportsAsync(UserInfo user, int planId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UnitId is not { } unitId)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.DueAt)
            .Select(p => new { p.Id, p.Name, p.DueAt }).ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => r.UnitId == unitId && periodIds.Contains(r.PeriodId))
            .Select(ReportCompleteness.Status).ToDictionaryAsync(r => r.PeriodId, ct);
        var now = clock.GetUtcNow();
        return [.. periods.Select(p =>
        {
            var r = reports.GetValueOrDefault(p.Id);
            var state = r?.State ?? ReportState.NotStarted;
            return new UnitReportRow(p.Id, p.Name, p.DueAt, r?.Id, state, ReportRules.Bucket(state, r?.FirstSubmittedAt, p.DueAt, now),
                ReportRules.Countdown(p.DueAt, now), r?.Completeness ?? 0, r?.SubmittedAt, ReportRules.WasOnTime(r?.FirstSubmittedAt, p.DueAt));
        })];
    }

    /// <summary>The report by id; another unit's report is refused and logged.</summary>
    public async Task<ReportDetails?> GetAsync(UserInfo user, int reportId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Include(r => r.Period).Include(r => r.Unit)
            .Include(r => r.Documents).Include(r => r.Transitions).Include(r => r.SignedCopies).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }
        if (!user.MayRead(report.UnitId))
        {
            throw await DenyAsync(user, "read", reportId, report.UnitId, ct);
        }
        return ToDetails(report, report.Period!, report.Unit!, user);
    }

    /// <summary>
    /// Whether the report exists and the user may read it: false when there is no such report; a
    /// report of another unit is refused (and audited) with <see cref="AccessDeniedException"/>.
    /// The PDF endpoint asks this before loading the report whole.
    /// </summary>
    public async Task<bool> FindReadableAsync(UserInfo? user, int reportId, string operation, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitId = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => (int?)r.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null)
        {
            return false;
        }
        if (user is null || !user.MayRead(unitId.Value))
        {
            throw await DenyAsync(user, operation, reportId, unitId, ct);
        }
        return true;
    }

    /// <summary>The user's own unit's report for a period; a period without one yet gives an empty form (Id 0).</summary>
    public async Task<ReportDetails?> GetOwnForPeriodAsync(UserInfo user, int periodId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UnitId is not { } unitId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.Reports.Where(r => r.PeriodId == periodId && r.UnitId == unitId).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (id is { } existing)
        {
            return await GetAsync(user, existing, ct);
        }
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (period is null || unit is null)
        {
            return null;
        }
        return ToDetails(new UnitReport { PeriodId = periodId, UnitId = unitId }, period, unit, user);
    }

    public Task<ReportSaveResult> SaveDraftAsync(UserInfo user, ReportForm form, CancellationToken ct = default) =>
        WriteAsync(user, form, submit: false, ct);

    /// <summary>Saves the form and submits it; the instant is read from the clock and judged against the period's due instant.</summary>
    public Task<ReportSaveResult> SubmitAsync(UserInfo user, ReportForm form, CancellationToken ct = default) =>
        WriteAsync(user, form, submit: true, ct);

    public async Task<ReportSaveResult> ReturnAsync(UserInfo user, int reportId, int version, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(comment))
        {
            return ReportSaveResult.Fail("Comment", "Vui lòng ghi rõ nội dung cần bổ sung.");
        }
        if (comment.Trim().Length > ReportForm.MaxReturnCommentLength)
        {
            return ReportSaveResult.Fail("Comment", "Ý kiến tối đa 2.000 ký tự.");
        }
        return await ReviewAsync(user, reportId, version, ReportState.Returned, comment.Trim(), ct);
    }

    public const string AcceptNeedsSignedCopyMessage =
        "Đơn vị chưa gửi bản ký, đóng dấu. Chỉ tiếp nhận khi đã có bản ký, hoặc ghi rõ lý do tiếp nhận khi chưa có bản ký.";

    /// <summary>
    /// Accepts a submitted report. A report is accepted once its signed copy is there; without it
    /// Phòng Nội vụ must say why (<paramref name="noteWithoutSignedCopy"/>), and the note goes into
    /// the timeline and the audit log.
    /// </summary>
    public Task<ReportSaveResult> AcceptAsync(UserInfo user, int reportId, int version, string? noteWithoutSignedCopy = null, CancellationToken ct = default)
    {
        var note = noteWithoutSignedCopy?.Trim();
        if (note is { Length: > 2000 })
        {
            return Task.FromResult(ReportSaveResult.Fail("AcceptNote", "Lý do tối đa 2.000 ký tự."));
        }
        return ReviewAsync(user, reportId, version, ReportState.Accepted, string.IsNullOrEmpty(note) ? null : note, ct);
    }

    public Task<ReportSaveResult> AcceptAsync(UserInfo user, int reportId, int version, CancellationToken ct) =>
        AcceptAsync(user, reportId, version, null, ct);

    private async Task<ReportSaveResult> ReviewAsync(UserInfo user, int reportId, int version, ReportState to, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.Include(r => r.Period).FirstOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new KeyNotFoundException($"Report {reportId} not found.");
        if (!user.MayReviewReports)
        {
            throw await DenyAsync(user, to == ReportState.Accepted ? "accept" : "return", reportId, report.UnitId, ct);
        }
        if (report.Version != version)
        {
            return await ConflictAsync(user, reportId, ct);
        }
        if (report.State is not (ReportState.Submitted or ReportState.Resubmitted))
        {
            return ReportSaveResult.Fail("", to == ReportState.Accepted
                ? $"Chỉ tiếp nhận được báo cáo đã nộp; báo cáo này đang ở trạng thái \"{report.State.Label()}\"."
                : $"Chỉ yêu cầu bổ sung được báo cáo đã nộp; báo cáo này đang ở trạng thái \"{report.State.Label()}\".");
        }
        var withoutSignedCopy = to == ReportState.Accepted && !await db.SignedCopies.AnyAsync(c => c.ReportId == reportId, ct);
        if (withoutSignedCopy && comment is null)
        {
            return ReportSaveResult.Fail("AcceptNote", AcceptNeedsSignedCopyMessage);
        }
        if (to == ReportState.Accepted && comment is not null)
        {
            comment = withoutSignedCopy ? "Tiếp nhận khi chưa có bản ký: " + comment : comment;
        }
        var now = clock.GetUtcNow();
        var from = report.State;
        report.State = to;
        report.UpdatedAt = now;
        report.UpdatedBy = user.FullName;
        if (to == ReportState.Accepted)
        {
            report.AcceptedAt = now;
        }
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        db.ReportTransitions.Add(new ReportTransition { ReportId = report.Id, FromState = from, ToState = to, At = now, UserId = user.Id, UserName = user.FullName, Comment = comment });
        var action = to == ReportState.Accepted ? (withoutSignedCopy ? "report.accept-without-signed-copy" : "report.accept") : "report.return";
        audit.Record(db, user.Id, user.UserName, action, nameof(UnitReport), report.Id,
            comment is null ? $"Đơn vị {report.UnitId}, kỳ {report.PeriodId}" : $"Đơn vị {report.UnitId}, kỳ {report.PeriodId}: {comment}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(user, reportId, ct);
        }
        await PublishAsync(report.Period!.PlanId, report.PeriodId, report.UnitId, user);
        return new ReportSaveResult(SaveResult.Ok, ReportId: report.Id, Version: report.Version);
    }

    private async Task<ReportSaveResult> WriteAsync(UserInfo user, ReportForm form, bool submit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = form.Id == 0
            ? null
            : await db.Reports.Include(r => r.Documents).FirstOrDefaultAsync(r => r.Id == form.Id, ct)
                ?? throw new KeyNotFoundException($"Report {form.Id} not found.");
        var periodId = report?.PeriodId ?? form.PeriodId;
        var unitId = report?.UnitId ?? user.UnitId;
        if (unitId is null || !user.MayEditReportOf(unitId.Value))
        {
            throw await DenyAsync(user, submit ? "submit" : "save", form.Id, unitId, ct);
        }
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new KeyNotFoundException($"Period {periodId} not found.");

        if (report is null)
        {
            // A report row is created on its first save; someone else from the unit may have beaten us to it.
            if (await db.Reports.AnyAsync(r => r.PeriodId == periodId && r.UnitId == unitId, ct))
            {
                return await ConflictForPeriodAsync(user, periodId, ct);
            }
        }
        else if (report.Version != form.Version)
        {
            return await ConflictAsync(user, report.Id, ct);
        }

        var state = report?.State ?? ReportState.NotStarted;
        if (!ReportRules.IsEditableByUnit(state))
        {
            return ReportSaveResult.Fail("", submit && ReportRules.CountsAsSubmitted(state)
                ? "Báo cáo đã được nộp; không thể nộp lại khi Phòng Nội vụ chưa yêu cầu bổ sung."
                : $"Báo cáo đang ở trạng thái \"{state.Label()}\"; chỉ sửa được khi Phòng Nội vụ yêu cầu bổ sung.");
        }

        var errors = ReportValidation.Validate(form, period);
        if (submit)
        {
            foreach (var field in ReportCompleteness.Fields.Where(f => !f.IsFilled(form)))
            {
                errors.TryAdd(field.Name, $"Vui lòng nhập {field.Label.ToLower(VietnamTime.Culture)} trước khi nộp.");
            }
        }
        if (errors.Count > 0)
        {
            return new ReportSaveResult(new SaveResult(errors));
        }

        var now = clock.GetUtcNow();
        if (report is null)
        {
            report = new UnitReport { PeriodId = periodId, UnitId = unitId!.Value, State = ReportState.NotStarted };
            db.Reports.Add(report);
        }
        else
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
            db.ReportDocuments.RemoveRange(report.Documents);
        }
        Apply(form, report);
        report.UpdatedAt = now;
        report.UpdatedBy = user.FullName;

        var from = report.State;
        var to = submit
            ? from == ReportState.Returned ? ReportState.Resubmitted : ReportState.Submitted
            : from == ReportState.NotStarted ? ReportState.Draft : from;
        if (submit)
        {
            report.SubmittedAt = now;
            report.FirstSubmittedAt ??= now;
        }
        if (to != from)
        {
            report.State = to;
            report.Transitions.Add(new ReportTransition { FromState = from, ToState = to, At = now, UserId = user.Id, UserName = user.FullName });
        }

        try
        {
            audit.Record(db, user, submit ? "report.submit" : "report.save", report,
                submit
                    ? $"Đơn vị {report.UnitId}, kỳ {report.PeriodId}: nộp lúc {VietnamTime.FormatDateTime(now)}, {(ReportRules.IsOnTime(now, period.DueAt) ? "đúng hạn" : "quá hạn")}"
                    : $"Đơn vị {report.UnitId}, kỳ {report.PeriodId}: lưu nháp ({ReportCompleteness.Percent(form).ToString(CultureInfo.InvariantCulture)}%)");
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(user, report.Id, ct);
        }
        catch (DbUpdateException) when (form.Id == 0)
        {
            // Someone from the unit created the report first; without such a report the write itself failed.
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            if (!await check.Reports.AnyAsync(r => r.PeriodId == periodId && r.UnitId == unitId, ct))
            {
                throw;
            }
            return await ConflictForPeriodAsync(user, periodId, ct);
        }
        form.Id = report.Id;
        form.Version = report.Version;
        await PublishAsync(period.PlanId, period.Id, report.UnitId, user);
        return new ReportSaveResult(SaveResult.Ok, ReportId: report.Id, Version: report.Version);
    }

    private async Task<ReportSaveResult> ConflictAsync(UserInfo user, int reportId, CancellationToken ct)
    {
        logger.LogInformation("Stale edit of report {ReportId} by {User} refused.", reportId, user.UserName);
        return new ReportSaveResult(SaveResult.Fail("", ConflictMessage), await GetAsync(user, reportId, ct));
    }

    private async Task<ReportSaveResult> ConflictForPeriodAsync(UserInfo user, int periodId, CancellationToken ct)
    {
        logger.LogInformation("Second creation of a report for period {PeriodId} by {User} refused.", periodId, user.UserName);
        return new ReportSaveResult(SaveResult.Fail("", ConflictMessage), await GetOwnForPeriodAsync(user, periodId, ct));
    }

    /// <summary>Used by the page, the PDF endpoint and every write: one refusal for "not your unit's report".</summary>
    public Task<AccessDeniedException> DenyAsync(UserInfo? user, string operation, int reportId, int? unitId, CancellationToken ct) =>
        access.RefuseAsync(user, "report", $"{operation} báo cáo của đơn vị {unitId?.ToString(CultureInfo.InvariantCulture) ?? "—"}",
            nameof(UnitReport), reportId, "Bạn không có quyền với báo cáo này.", ct);

    private Task PublishAsync(int planId, int periodId, int unitId, UserInfo user) =>
        notifier.PublishAsync(new ChangeEvent(ChangeKind.ReportChanged, planId, periodId, unitId, user.Id));

    private static void Apply(ReportForm form, UnitReport report)
    {
        report.DocumentNumber = Clean(form.DocumentNumber);
        report.DocumentDate = form.DocumentDate is { } d ? DateOnly.FromDateTime(d) : null;
        report.SignerName = Clean(form.SignerName);
        report.SignerTitle = Clean(form.SignerTitle);
        report.Documents = [.. form.Documents.Select((d, i) => new ReportDocument
        {
            Order = i + 1,
            Number = d.Number.Trim(),
            Date = d.Date is { } date ? DateOnly.FromDateTime(date) : null,
            Summary = d.Summary.Trim(),
            Content = Clean(d.Content),
        })];
        report.ContentPropagated = Clean(form.ContentPropagated);
        report.DocumentCount = form.DocumentCount;
        report.NewsArticleCount = form.NewsArticleCount;
        report.ModelCount = form.ModelCount;
        report.ExemplaryExampleCount = form.ExemplaryExampleCount;
        report.SessionCount = form.SessionCount;
        report.BroadcastMinutes = form.BroadcastMinutes;
        report.Audiences = [.. form.Audiences.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.CurrentCultureIgnoreCase)];
        report.ParticipantCount = form.ParticipantCount;
        report.Forms = form.Forms;
        report.OtherForms = (form.Forms & CommunicationForms.Other) != 0 ? Clean(form.OtherForms) : null;
        report.Results = Clean(form.Results);
        report.Strengths = Clean(form.Strengths);
        report.Limitations = Clean(form.Limitations);
    }

    private static ReportDetails ToDetails(UnitReport r, ReportingPeriod period, Unit unit, UserInfo user)
    {
        var form = new ReportForm
        {
            Id = r.Id,
            PeriodId = r.PeriodId,
            Version = r.Version,
            DocumentNumber = r.DocumentNumber,
            DocumentDate = r.DocumentDate?.ToDateTime(TimeOnly.MinValue),
            SignerName = r.SignerName,
            SignerTitle = r.SignerTitle,
            Documents = [.. r.Documents.OrderBy(d => d.Order).Select(d => new ReportDocumentForm
            {
                Number = d.Number, Date = d.Date?.ToDateTime(TimeOnly.MinValue), Summary = d.Summary, Content = d.Content,
            })],
            ContentPropagated = r.ContentPropagated,
            DocumentCount = r.DocumentCount,
            NewsArticleCount = r.NewsArticleCount,
            ModelCount = r.ModelCount,
            ExemplaryExampleCount = r.ExemplaryExampleCount,
            SessionCount = r.SessionCount,
            BroadcastMinutes = r.BroadcastMinutes,
            Audiences = [.. r.Audiences],
            ParticipantCount = r.ParticipantCount,
            Forms = r.Forms,
            OtherForms = r.OtherForms,
            Results = r.Results,
            Strengths = r.Strengths,
            Limitations = r.Limitations,
        };
        var transitions = r.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new ReportTransitionRow(t.FromState, t.ToState, t.At, t.UserName, t.Comment)).ToList();
        return new ReportDetails(r.Id, period.PlanId, period.Id, period.Name, period.CoversFrom, period.CoversTo, period.DueAt,
            unit.Id, unit.Name, r.State, r.Version, r.FirstSubmittedAt, r.SubmittedAt, r.AcceptedAt, r.Id == 0 ? null : r.UpdatedAt, r.UpdatedBy,
            form, transitions, user.MayEditReportOf(unit.Id) && ReportRules.IsEditableByUnit(r.State),
            user.MayReviewReports && r.State is ReportState.Submitted or ReportState.Resubmitted)
        {
            HasSignedCopy = r.SignedCopies.Count > 0,
            UnitKind = unit.Kind,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
