using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Plans;

public sealed record UnitRef(int Id, string Name);

/// <summary>An activity or section-IV task as the list, the detail page and the plan's appendix show it.</summary>
public sealed record ActivityRow(
    int Id, int PlanId, ActivityKind Kind, int Order, string Content, int? LeadUnitId, string Lead, string Coordination,
    IReadOnlyList<UnitRef> CoordinatingUnits, bool IsOngoing, DateTimeOffset? DueAt, string TimingLabel, bool IsRequest,
    ActivityStatus Status, DateTimeOffset? CompletedAt, DateOnly? LastUpdate, StatusBucket Bucket, bool IsStale, int Version)
{
    /// <summary>"Thường xuyên", or the plan's wording with the last day it allows: "Quý III/2020 (đến hết 30/09/2020)".</summary>
    public string Timing => DueAt is { } due
        ? $"{TimingLabel} (đến hết {VietnamTime.FormatDate(VietnamTime.LocalDate(due.AddTicks(-1)))})"
        : TimingLabel;

    public bool InvolvesUnit(int unitId) => LeadUnitId == unitId || CoordinatingUnits.Any(u => u.Id == unitId);
}

public sealed record ProgressRow(
    int Id, DateOnly Date, string Description, int? Articles, int? Sessions, int? BroadcastMinutes, int? Participants,
    string? EvidenceUrl, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, string? UpdatedByName, int Version)
{
    /// <summary>The entry as the form that corrects it.</summary>
    public ProgressForm ToForm() => new()
    {
        Date = Date.ToDateTime(TimeOnly.MinValue),
        Description = Description,
        Articles = Articles,
        Sessions = Sessions,
        BroadcastMinutes = BroadcastMinutes,
        Participants = Participants,
        EvidenceUrl = EvidenceUrl,
    };
}

public sealed record ActivityDetail(ActivityRow Activity, string PlanLabel, IReadOnlyList<ProgressRow> Updates);

/// <summary>The add-update form. Messages are what the user reads at the field.</summary>
public sealed class ProgressForm
{
    [Required(ErrorMessage = "Vui lòng chọn ngày thực hiện.")]
    public DateTime? Date { get; set; }

    [Required(ErrorMessage = "Vui lòng mô tả công việc đã thực hiện.")]
    [MaxLength(4000, ErrorMessage = "Mô tả tối đa 4000 ký tự.")]
    public string Description { get; set; } = "";

    [Range(0, 1_000_000, ErrorMessage = "Số tin, bài phải từ 0 trở lên.")]
    public int? Articles { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Số buổi phải từ 0 trở lên.")]
    public int? Sessions { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Số phút phát sóng phải từ 0 trở lên.")]
    public int? BroadcastMinutes { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Số người tham gia phải từ 0 trở lên.")]
    public int? Participants { get; set; }

    [MaxLength(500, ErrorMessage = "Đường dẫn tối đa 500 ký tự.")]
    [HttpUrl]
    public string? EvidenceUrl { get; set; }
}

/// <summary>An evidence link must be a complete web address, so a reader can open it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute() : base("Đường dẫn minh chứng phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://laichau.gov.vn/tin-tuc).")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || IsHttpUrl(text.Trim());

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>Activities and section-IV tasks: the list, the progress log, updates and status changes.</summary>
public sealed class ActivityService(
    IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock, ChangeNotifier notifier, AuditLog audit, ILogger<ActivityService> logger)
{
    /// <summary>Only the lead unit's staff and Phòng Nội vụ log progress and change the status; others read.</summary>
    public static bool CanUpdate(UserInfo? user, int? leadUnitId) =>
        user?.MayUpdateActivity(leadUnitId) == true;

    public async Task<IReadOnlyList<ActivityRow>> GetActivitiesAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QueryRowsAsync(db.Activities.Where(a => a.PlanId == planId), clock.GetUtcNow(), ct);
    }

    public async Task<ActivityDetail?> GetDetailAsync(int activityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await QueryRowsAsync(db.Activities.Where(a => a.Id == activityId), clock.GetUtcNow(), ct);
        if (rows.Count == 0)
        {
            return null;
        }
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == rows[0].PlanId)
            .Select(p => new PlanSummary(p.Id, p.Year, p.Number, p.Title)).SingleAsync(ct);
        var updates = await db.ActivityUpdates.AsNoTracking().Where(u => u.ActivityId == activityId)
            .OrderByDescending(u => u.Date).ThenByDescending(u => u.Id)
            .Select(u => new ProgressRow(u.Id, u.Date, u.Description, u.Articles, u.Sessions, u.BroadcastMinutes, u.Participants,
                u.EvidenceUrl, u.AuthorName, u.CreatedAt, u.UpdatedAt, u.UpdatedByName, u.Version))
            .ToListAsync(ct);
        return new ActivityDetail(rows[0], plan.Label, updates);
    }

    /// <summary>One query for any number of activities: the overview and the plan page read through here too.</summary>
    internal static async Task<IReadOnlyList<ActivityRow>> QueryRowsAsync(IQueryable<PlanActivity> query, DateTimeOffset now, CancellationToken ct)
    {
        var raw = await query.AsNoTracking()
            .OrderBy(a => a.Kind).ThenBy(a => a.Order)
            .Select(a => new
            {
                a.Id,
                a.PlanId,
                a.Kind,
                a.Order,
                a.Content,
                a.LeadUnitId,
                LeadName = a.LeadUnit != null ? a.LeadUnit.Name : null,
                a.LeadLabel,
                a.CoordinationLabel,
                Coordinating = a.CoordinatingUnits.OrderBy(u => u.SortOrder).Select(u => new UnitRef(u.Id, u.Name)).ToList(),
                a.IsOngoing,
                a.DueAt,
                a.TimingLabel,
                a.IsRequest,
                a.Status,
                a.CompletedAt,
                a.Version,
                LastUpdate = a.Updates.Max(u => (DateOnly?)u.Date),
            })
            .ToListAsync(ct);
        // How an activity's coordinating units read, here only (the page and the PDF print it): the units
        // named in the app when there are any, in the plan's unit order, otherwise the plan's wording.
        return [.. raw.Select(a => new ActivityRow(
            a.Id, a.PlanId, a.Kind, a.Order, a.Content, a.LeadUnitId, a.LeadName ?? a.LeadLabel ?? "—",
            a.Coordinating.Count > 0 ? string.Join("; ", a.Coordinating.Select(u => u.Name)) : a.CoordinationLabel ?? "—",
            a.Coordinating, a.IsOngoing, a.DueAt, a.TimingLabel, a.IsRequest, a.Status, a.CompletedAt, a.LastUpdate,
            ActivityRules.Bucket(a.Status, a.DueAt, a.CompletedAt, now),
            ActivityRules.IsStale(a.IsOngoing, a.Status, a.LastUpdate, now),
            a.Version))];
    }

    /// <summary>Logs progress. Refuses a reader, an empty description, a future date, negative counts and a malformed link.</summary>
    public async Task<SaveResult> AddUpdateAsync(int activityId, ProgressForm form, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Activities.Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
        {
            return SaveResult.Fail("", "Không tìm thấy hoạt động này; có thể kế hoạch đã bị xóa.");
        }
        if (!CanUpdate(actor, activity.LeadUnitId))
        {
            return SaveResult.Fail("", "Chỉ đơn vị chủ trì và Phòng Nội vụ được cập nhật tiến độ hoạt động này.");
        }
        var now = clock.GetUtcNow();
        var errors = Validate(form, activity.Plan!.Year, now);
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        db.ActivityUpdates.Add(new ActivityProgressUpdate
        {
            ActivityId = activity.Id,
            Date = DateOnly.FromDateTime(form.Date!.Value),
            Description = form.Description.Trim(),
            Articles = form.Articles,
            Sessions = form.Sessions,
            BroadcastMinutes = form.BroadcastMinutes,
            Participants = form.Participants,
            EvidenceUrl = string.IsNullOrWhiteSpace(form.EvidenceUrl) ? null : form.EvidenceUrl.Trim(),
            AuthorUserId = actor.Id,
            AuthorName = actor.FullName,
            AuthorUnitId = actor.UnitId,
            CreatedAt = now,
        });
        // Logging progress on an activity nobody started yet means it has started.
        if (activity.Status == ActivityStatus.NotStarted)
        {
            activity.Status = ActivityStatus.InProgress;
            activity.StartedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.ActivityChanged, activity.PlanId, UserId: actor.Id));
        return SaveResult.Ok;
    }

    /// <summary>chưa bắt đầu → đang thực hiện → hoàn thành (and back, to correct a mistake). Refuses a stale edit.</summary>
    public async Task<SaveResult> ChangeStatusAsync(int activityId, ActivityStatus status, int version, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(status))
        {
            return SaveResult.Fail("", "Trạng thái không hợp lệ.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
        {
            return SaveResult.Fail("", "Không tìm thấy hoạt động này; có thể kế hoạch đã bị xóa.");
        }
        if (!CanUpdate(actor, activity.LeadUnitId))
        {
            return SaveResult.Fail("", "Chỉ đơn vị chủ trì và Phòng Nội vụ được thay đổi trạng thái hoạt động này.");
        }
        if (activity.Status == status)
        {
            return SaveResult.Ok;
        }
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        var from = activity.Status;
        activity.Status = status;
        activity.StartedAt = status == ActivityStatus.NotStarted ? null : activity.StartedAt ?? now;
        activity.CompletedAt = status == ActivityStatus.Completed ? now : null;
        try
        {
            audit.Record(db, actor, "activity.status", activity, $"{from.Label()} → {status.Label()}");
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Stale status change of activity {ActivityId} refused.", activityId);
            return SaveResult.Fail("", "Đã có người khác cập nhật hoạt động này. Trang đã được tải lại, hãy xem trạng thái mới nhất rồi thử lại.");
        }
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.ActivityChanged, activity.PlanId, UserId: actor.Id));
        return SaveResult.Ok;
    }

    /// <summary>
    /// Corrects a logged entry (a wrong date, a typo, a missing link). The same people who log progress
    /// may correct it; the entry keeps its author and shows who corrected it and when. Refuses a stale edit.
    /// </summary>
    public async Task<SaveResult> EditUpdateAsync(int updateId, ProgressForm form, int version, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var update = await FindEntryAsync(db, updateId, ct);
        if (!MayChange(update, actor, "sửa", out var refusal))
        {
            return refusal;
        }
        var now = clock.GetUtcNow();
        var errors = Validate(form, update.Activity!.Plan!.Year, now);
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        db.Entry(update).Property(u => u.Version).OriginalValue = version;
        update.Date = DateOnly.FromDateTime(form.Date!.Value);
        update.Description = form.Description.Trim();
        update.Articles = form.Articles;
        update.Sessions = form.Sessions;
        update.BroadcastMinutes = form.BroadcastMinutes;
        update.Participants = form.Participants;
        update.EvidenceUrl = string.IsNullOrWhiteSpace(form.EvidenceUrl) ? null : form.EvidenceUrl.Trim();
        update.UpdatedAt = now;
        update.UpdatedByName = actor.FullName;
        audit.Record(db, actor.Id, actor.UserName, "progress.edit", nameof(ActivityProgressUpdate), update.Id,
            $"Hoạt động {update.ActivityId}, ngày {VietnamTime.FormatDate(update.Date)}");
        return await SaveEntryChangeAsync(db, update, actor, "edit", ct);
    }

    /// <summary>Removes an entry logged by mistake (the audit log keeps what it said). Refuses a stale delete.</summary>
    public async Task<SaveResult> DeleteUpdateAsync(int updateId, int version, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var update = await FindEntryAsync(db, updateId, ct);
        if (!MayChange(update, actor, "xóa", out var refusal))
        {
            return refusal;
        }
        db.Entry(update).Property(u => u.Version).OriginalValue = version;
        db.ActivityUpdates.Remove(update);
        audit.Record(db, actor.Id, actor.UserName, "progress.delete", nameof(ActivityProgressUpdate), update.Id,
            $"Hoạt động {update.ActivityId}, ngày {VietnamTime.FormatDate(update.Date)}, tác giả {update.AuthorName}: {Shorten(update.Description)}");
        return await SaveEntryChangeAsync(db, update, actor, "delete", ct);
    }

    private static Task<ActivityProgressUpdate?> FindEntryAsync(CchcDbContext db, int updateId, CancellationToken ct) =>
        db.ActivityUpdates.Include(u => u.Activity!).ThenInclude(a => a.Plan).FirstOrDefaultAsync(u => u.Id == updateId, ct);

    /// <summary>Whether the actor may change ("sửa", "xóa") the entry; if not, why: it is gone, or it is not theirs to touch.</summary>
    private static bool MayChange([NotNullWhen(true)] ActivityProgressUpdate? update, UserInfo actor, string verb, [NotNullWhen(false)] out SaveResult? refusal)
    {
        refusal = update is null ? SaveResult.Fail("", EntryGone)
            : !CanUpdate(actor, update.Activity!.LeadUnitId) ? SaveResult.Fail("", $"Chỉ đơn vị chủ trì và Phòng Nội vụ được {verb} nhật ký tiến độ của hoạt động này.")
            : null;
        return refusal is null;
    }

    /// <summary>Saves a correction or removal; a stale version is refused, a saved change is told to open pages.</summary>
    private async Task<SaveResult> SaveEntryChangeAsync(CchcDbContext db, ActivityProgressUpdate update, UserInfo actor, string change, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Stale {Change} of progress entry {UpdateId} refused.", change, update.Id);
            return SaveResult.Fail("", StaleEntry);
        }
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.ActivityChanged, update.Activity!.PlanId, UserId: actor.Id));
        return SaveResult.Ok;
    }

    private const string EntryGone = "Không tìm thấy cập nhật này; có thể đã có người xóa. Trang đã được tải lại.";
    private const string StaleEntry = "Đã có người khác sửa cập nhật này. Trang đã được tải lại, hãy xem nội dung mới nhất rồi thử lại.";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>The form's own rules plus the date: not after today, not before the plan's year.</summary>
    private static Dictionary<string, string> Validate(ProgressForm form, int planYear, DateTimeOffset now)
    {
        var errors = FormValidation.Validate(form);
        if (string.IsNullOrWhiteSpace(form.Description))
        {
            errors.TryAdd(nameof(ProgressForm.Description), "Vui lòng mô tả công việc đã thực hiện.");
        }
        if (form.Date is { } picked)
        {
            var day = DateOnly.FromDateTime(picked);
            var today = VietnamTime.LocalDate(now);
            if (day > today)
            {
                errors.TryAdd(nameof(ProgressForm.Date), $"Ngày thực hiện không được sau hôm nay ({VietnamTime.FormatDate(today)}).");
            }
            else if (day.Year < planYear)
            {
                errors.TryAdd(nameof(ProgressForm.Date), $"Ngày thực hiện phải thuộc năm {planYear} của kế hoạch.");
            }
        }
        return errors;
    }
}
