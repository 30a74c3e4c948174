namespace LaiChau.CchcDashboard.Data.Entities;

/// <summary>
/// One reminder for a (unit, period, step). The unique index on those three columns is what makes
/// a reminder go out once and only once, whatever retries or parallel passes do.
/// </summary>
public sealed class Reminder
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    /// <summary>Step key, e.g. "T-14", "T-1", "T0", "Q+3", "TRA-LAI-1", "THU-CONG-…".</summary>
    public string Step { get; set; } = "";
    public bool IsManual { get; set; }
    public bool IsOverdue { get; set; }
    public string? Note { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>The local day the step was scheduled for.</summary>
    public DateOnly ScheduledFor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ReminderDelivery> Deliveries { get; set; } = [];
}

public enum DeliveryChannel
{
    InApp = 1,
    Email = 2,
}

public enum DeliveryOutcome
{
    Pending = 0,
    Sent = 1,
    /// <summary>Written to the pickup folder because no SMTP host is configured ("đã lưu, chưa gửi").</summary>
    SavedToPickup = 2,
    Retrying = 3,
    Failed = 4,
}

/// <summary>One recipient of a reminder on one channel, with the outcome of its latest attempt.</summary>
public sealed class ReminderDelivery
{
    public int Id { get; set; }
    public int ReminderId { get; set; }
    public Reminder? Reminder { get; set; }
    public DeliveryChannel Channel { get; set; }
    public string Recipient { get; set; } = "";
    public bool IsCopy { get; set; }
    public DeliveryOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An in-app notification for one user.</summary>
public sealed class Notification
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public int? ReminderId { get; set; }
}

/// <summary>
/// An e-mail waiting to go out (the outbox): written in the same transaction as its delivery, drained
/// by one background job, removed once the delivery is sent, saved to the pickup folder or failed.
/// The Message-Id and the instant the text is composed for are fixed here, before any attempt, so a
/// resend after a crash (SMTP accepted, outcome not saved) is the same message, not a second one.
/// </summary>
public sealed class EmailOutboxEntry
{
    public int Id { get; set; }
    public int DeliveryId { get; set; }
    public ReminderDelivery? Delivery { get; set; }
    public string MessageId { get; set; } = "";
    /// <summary>The message's Date header and the instant its countdown is worded for.</summary>
    public DateTimeOffset ComposedAt { get; set; }
    /// <summary>Not sent before this instant (back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while a drain is sending it; a lease that ran out (the process died) is taken over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
