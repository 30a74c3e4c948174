namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// The demo clock: starts at a chosen instant (18/05/2020 08:00 +07:00 by default) when the app
/// starts and then advances in real time, so the demo shows the plan as it stood that week.
/// </summary>
public sealed class DemoTimeProvider(DateTimeOffset startAt, TimeProvider inner) : TimeProvider
{
    private readonly DateTimeOffset _realStart = inner.GetUtcNow();

    public DateTimeOffset StartAt { get; } = startAt.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => StartAt + (inner.GetUtcNow() - _realStart);

    public override TimeZoneInfo LocalTimeZone => VietnamTime.Zone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
