using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Admin;

/// <summary>Adds audit entries to a context the caller is about to save, so the entry and the change commit together.</summary>
public sealed class AuditLog(TimeProvider clock)
{
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
