using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reminders;

public sealed record NotificationRow(int Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>A user's in-app notifications: the bell's count, the notification centre, mark read.</summary>
public sealed class NotificationService(IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock, ChangeNotifier notifier)
{
    public const int PageSize = 200;

    public async Task<int> CountUnreadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<NotificationRow>> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id).Take(PageSize)
            .Select(n => new NotificationRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one notification (or, with null, all of them) of this user as read.</summary>
    public async Task MarkReadAsync(string userId, int? notificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var query = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (notificationId is { } id)
        {
            query = query.Where(n => n.Id == id);
        }
        var changed = await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
        {
            await notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated, UserId: userId));
        }
    }
}
