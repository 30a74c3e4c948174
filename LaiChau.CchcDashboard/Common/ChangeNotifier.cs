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
/// The singleton through which services tell open pages that data changed (eShop's
/// OrderStatusNotificationService). Publish after the change is saved. Components subscribe in
/// OnInitialized, re-render with InvokeAsync(StateHasChanged), route failures through
/// DispatchExceptionAsync and unsubscribe in Dispose.
/// </summary>
public sealed class ChangeNotifier(ILogger<ChangeNotifier> logger)
{
    public event Func<ChangeEvent, Task>? Changed;

    public async Task PublishAsync(ChangeEvent change)
    {
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Func<ChangeEvent, Task>>())
        {
            try
            {
                await handler(change);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One broken page must not stop the others from hearing about the change.
                logger.LogWarning(ex, "A change listener failed for {Kind}.", change.Kind);
            }
        }
    }
}
