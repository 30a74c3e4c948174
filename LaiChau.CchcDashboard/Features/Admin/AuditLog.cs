using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;

namespace LaiChau.CchcDashboard.Features.Admin;

/// <summary>
/// Adds audit entries to a context the caller is about to save; <see cref="CchcDbContext"/> writes
/// the entry and the change in that one save (both or neither). Never save twice to audit.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    /// <summary>An entry about <paramref name="entity"/>, tracked by <paramref name="db"/>; its id is read when the context saves (also a new row's).</summary>
    public void Record<TEntity>(CchcDbContext db, UserInfo actor, string action, TEntity entity, string? details = null)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(entity);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.Id,
            UserName = actor.UserName,
            Action = action,
            EntityType = typeof(TEntity).Name,
            Subject = entity,
            Details = details is { Length: > 4000 } ? details[..4000] : details,
        });
    }

    public void Record(CchcDbContext db, string? userId, string userName, string action, string entityType, object entityId, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Details = details is { Length: > 4000 } ? details[..4000] : details,
        });
    }
}
