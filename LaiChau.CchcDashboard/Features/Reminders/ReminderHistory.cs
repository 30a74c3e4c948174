using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reminders;

public sealed record HistoryFilter(int? UnitId = null, int? PeriodId = null, DeliveryChannel? Channel = null, DeliveryOutcome? Outcome = null);

public sealed record HistoryRow(int ReminderId, DateTimeOffset CreatedAt, DateOnly ScheduledFor, string UnitName, string PeriodName,
    string Step, bool IsManual, string? CreatedBy, string? Note, DeliveryChannel? Channel, string? Recipient, bool IsCopy,
    DeliveryOutcome? Outcome, int Attempts, DateTimeOffset? LastAttemptAt, string? LastError);

/// <summary>Every reminder delivery, newest first, for the history on the Nhắc nhở page.</summary>
public sealed class ReminderHistory(IDbContextFactory<CchcDbContext> dbFactory)
{
    public const int PageSize = 500;

    public async Task<IReadOnlyList<HistoryRow>> GetAsync(HistoryFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reminders = db.Reminders.AsNoTracking();
        if (filter.UnitId is { } unitId)
        {
            reminders = reminders.Where(r => r.UnitId == unitId);
        }
        if (filter.PeriodId is { } periodId)
        {
            reminders = reminders.Where(r => r.PeriodId == periodId);
        }
        // A reminder to a unit with neither users nor an e-mail address has no delivery; it still shows.
        var rows = from r in reminders
                   from d in r.Deliveries.DefaultIfEmpty()
                   select new { r, d };
        if (filter.Channel is { } channel)
        {
            rows = rows.Where(x => x.d != null && x.d.Channel == channel);
        }
        if (filter.Outcome is { } outcome)
        {
            rows = rows.Where(x => x.d != null && x.d.Outcome == outcome);
        }
        // Ids grow with time, so ordering by them is newest first without comparing instants in SQLite.
        return await rows.OrderByDescending(x => x.r.Id).ThenBy(x => x.d == null ? 0 : (int)x.d.Channel).ThenBy(x => x.d == null ? 0 : x.d.Id)
            .Take(PageSize)
            .Select(x => new HistoryRow(x.r.Id, x.r.CreatedAt, x.r.ScheduledFor, x.r.Unit!.Name, x.r.Period!.Name, x.r.Step, x.r.IsManual,
                x.r.CreatedBy, x.r.Note,
                x.d == null ? null : x.d.Channel, x.d == null ? null : x.d.Recipient, x.d != null && x.d.IsCopy,
                x.d == null ? null : x.d.Outcome, x.d == null ? 0 : x.d.Attempts, x.d == null ? null : x.d.LastAttemptAt, x.d == null ? null : x.d.LastError))
            .ToListAsync(ct);
    }

    public static string Label(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.InApp => "Trong ứng dụng",
        DeliveryChannel.Email => "E-mail",
        _ => channel.ToString(),
    };

    public static string Label(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Pending => "Đang chờ gửi",
        DeliveryOutcome.Sent => "Đã gửi",
        DeliveryOutcome.SavedToPickup => "Đã lưu, chưa gửi",
        DeliveryOutcome.Retrying => "Lỗi, sẽ gửi lại",
        DeliveryOutcome.Failed => "Gửi thất bại",
        _ => outcome.ToString(),
    };

    public static MudBlazor.Color Colour(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Sent => MudBlazor.Color.Success,
        DeliveryOutcome.SavedToPickup => MudBlazor.Color.Info,
        DeliveryOutcome.Retrying => MudBlazor.Color.Warning,
        DeliveryOutcome.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };
}
