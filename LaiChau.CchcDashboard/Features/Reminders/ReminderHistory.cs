using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reminders;

public sealed record HistoryFilter(int? UnitId = null, int? PeriodId = null, DeliveryChannel? Channel = null, DeliveryOutcome? Outcome = null);

public sealed record HistoryRow(int ReminderId, DateTimeOffset CreatedAt, DateOnly ScheduledFor, string UnitName, string PeriodName,
    string Step, bool IsManual, string? CreatedBy, string? Note, DeliveryChannel Channel, string Recipient, bool IsCopy,
    DeliveryOutcome Outcome, int Attempts, DateTimeOffset? LastAttemptAt, string? LastError);

/// <summary>Every reminder delivery, newest first, for the history on the Nhắc nhở page.</summary>
public sealed class ReminderHistory(IDbContextFactory<CchcDbContext> dbFactory)
{
    public const int PageSize = 500;

    public async Task<IReadOnlyList<HistoryRow>> GetAsync(HistoryFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ReminderDeliveries.AsNoTracking();
        if (filter.UnitId is { } unitId)
        {
            query = query.Where(d => d.Reminder!.UnitId == unitId);
        }
        if (filter.PeriodId is { } periodId)
        {
            query = query.Where(d => d.Reminder!.PeriodId == periodId);
        }
        if (filter.Channel is { } channel)
        {
            query = query.Where(d => d.Channel == channel);
        }
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(d => d.Outcome == outcome);
        }
        // Ids grow with time, so ordering by them is newest first without comparing instants in SQLite.
        return await query.OrderByDescending(d => d.ReminderId).ThenBy(d => d.Channel).ThenBy(d => d.Id)
            .Take(PageSize)
            .Select(d => new HistoryRow(d.ReminderId, d.Reminder!.CreatedAt, d.Reminder.ScheduledFor, d.Reminder.Unit!.Name,
                d.Reminder.Period!.Name, d.Reminder.Step, d.Reminder.IsManual, d.Reminder.CreatedBy, d.Reminder.Note,
                d.Channel, d.Recipient, d.IsCopy, d.Outcome, d.Attempts, d.LastAttemptAt, d.LastError))
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
