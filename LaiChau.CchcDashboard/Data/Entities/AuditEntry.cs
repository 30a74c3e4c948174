namespace LaiChau.CchcDashboard.Data.Entities;

public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string? Details { get; set; }

    /// <summary>
    /// The audited entity when its key is not known yet (a row inserted by the same save); the
    /// context fills <see cref="EntityId"/> from it when it saves. Not stored.
    /// </summary>
    public object? Subject { get; set; }
}
