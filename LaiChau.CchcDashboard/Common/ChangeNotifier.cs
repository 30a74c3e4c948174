namespace LaiChau.CchcDashboard.Common;

public enum ChangeKind
{
    ReportChanged = 1,
    ActivityChanged = 2,
    NotificationCreated = 3,
    PlanChanged = 4,
    UnitChanged = 5,
}

/// <summary>What changed, so listeners can decide whether they care.</summary>
public sealed record ChangeEvent(ChangeKind Kind, int? PlanId = null, int? PeriodId = null, int? UnitId = null, string? UserId = null);

/// <summary>
/// Carries this instance's changes to the other instances of the app (PostgreSQL LISTEN/NOTIFY when
/// several servers share one database). Registered only for such a deployment; with SQLite there is
/// none and changes stay in-process.
/// </summary>
public interface IChangeBus
{
    /// <summary>Queues the change for the other instances and returns at once; never throws for a delivery problem.</summary>
    void Send(ChangeEvent change);
}

/// <summary>
/// The singleton through which services tell open pages that data changed (eShop's
/// OrderStatusNotificationService). Publish after the change is saved: it only hands the event to
/// each listener, which must return at once (<see cref="LiveRefresh"/> schedules its page's re-read
/// on its own), so a unit's save never waits for other people's open pages. With an
/// <see cref="IChangeBus"/> the change is also queued for the other instances, whose relays hand it
/// to their own listeners through <see cref="Deliver"/>; the publishing instance hears it once, here.
/// </summary>
public sealed class ChangeNotifier(ILogger<ChangeNotifier> logger, IChangeBus? bus = null)
{
    private readonly Lock _gate = new();
    private Action<ChangeEvent>[] _listeners = [];

    /// <summary>How many listeners are subscribed (open pages that follow changes).</summary>
    public int ListenerCount => Volatile.Read(ref _listeners).Length;

    /// <summary>Calls <paramref name="listener"/> on every change until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Action<ChangeEvent> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
        return new Subscription(this, listener);
    }

    /// <summary>Hands the change to every listener (and to the other instances) and returns; no listener's work is awaited.</summary>
    public Task PublishAsync(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Deliver(change);
        bus?.Send(change);
        return Task.CompletedTask;
    }

    /// <summary>Hands the change to this instance's listeners only: for a change another instance published.</summary>
    public void Deliver(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener(change);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One broken page must not stop the others from hearing about the change.
                logger.LogWarning(ex, "A change listener failed for {Kind}.", change.Kind);
            }
        }
    }

    private void Unsubscribe(Action<ChangeEvent> listener)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_listeners, listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(ChangeNotifier notifier, Action<ChangeEvent> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                notifier.Unsubscribe(listener);
            }
        }
    }
}
