namespace LaiChau.CchcDashboard.Data.Entities;

public enum ActivityKind
{
    /// <summary>A row of the appendix "Một số hoạt động tuyên truyền trọng tâm".</summary>
    KeyActivity = 1,
    /// <summary>A standing task assigned to a unit in section IV.</summary>
    StandingTask = 2,
}

public enum ActivityStatus
{
    NotStarted = 0,
    InProgress = 1,
    Completed = 2,
}

public sealed class PlanActivity
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public ActivityKind Kind { get; set; }
    public int Order { get; set; }
    public string Content { get; set; } = "";
    /// <summary>The lead unit (cơ quan chủ trì); null when the lead is a group such as "every ward".</summary>
    public int? LeadUnitId { get; set; }
    public Unit? LeadUnit { get; set; }
    /// <summary>Lead as written when it is a group ("Các phòng, ban, đơn vị …; UBND các xã, phường").</summary>
    public string? LeadLabel { get; set; }
    /// <summary>Coordinating agencies as written, often a group ("Các cơ quan, đơn vị có liên quan").</summary>
    public string? CoordinationLabel { get; set; }
    public List<Unit> CoordinatingUnits { get; set; } = [];
    /// <summary>"Thường xuyên" (ongoing) activities have no due instant and are expected to report monthly.</summary>
    public bool IsOngoing { get; set; }
    /// <summary>End of the completion time as an instant (e.g. "Quý III/2020" = 2020-09-30 24:00 +07:00).</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>The timing as the plan words it: "Thường xuyên", "Quý III/2020".</summary>
    public string TimingLabel { get; set; } = "";
    /// <summary>True for section-IV items worded as a request ("Đề nghị") rather than an order.</summary>
    public bool IsRequest { get; set; }
    public ActivityStatus Status { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public List<ActivityProgressUpdate> Updates { get; set; } = [];
    public int Version { get; set; }
}

public sealed class ActivityProgressUpdate
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public PlanActivity? Activity { get; set; }
    /// <summary>The local day the work was done.</summary>
    public DateOnly Date { get; set; }
    public string Description { get; set; } = "";
    public int? Articles { get; set; }
    public int? Sessions { get; set; }
    public int? BroadcastMinutes { get; set; }
    public int? Participants { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public int? AuthorUnitId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the entry was last corrected, and by whom; null while it is as first written.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
    public int Version { get; set; }
}
