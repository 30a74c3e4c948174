using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Plans;

public sealed record PlanSummary(int Id, int Year, string Number, string Title)
{
    public string Label => string.IsNullOrEmpty(Number) ? $"Kế hoạch năm {Year} (chưa ban hành)" : $"{Number} — năm {Year}";
}

/// <summary>The list of plans for the plan selector.</summary>
public sealed class PlanCatalog(IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanSummary>> GetPlansAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Year, p.Number, p.Title))
            .ToListAsync(ct);
    }

    /// <summary>The plan of the current year if there is one, else the newest.</summary>
    public PlanSummary? DefaultPlan(IReadOnlyList<PlanSummary> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var year = VietnamTime.Today(clock).Year;
        return plans.FirstOrDefault(p => p.Year == year) ?? (plans.Count > 0 ? plans[0] : null);
    }
}

/// <summary>
/// The plan the user is looking at, per circuit. Pages read <see cref="Current"/> and listen to
/// <see cref="Changed"/>. When any user creates or changes a plan, every open circuit reloads the
/// list, so a plan started in one window appears in the selector of the others.
/// </summary>
public sealed class PlanSelection : IDisposable
{
    private readonly PlanCatalog _catalog;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();

    public PlanSelection(PlanCatalog catalog, ChangeNotifier notifier)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        _catalog = catalog;
        _subscription = notifier.Subscribe(OnChange);
    }

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public PlanSummary? Current { get; private set; }
    public event Action? Changed;

    /// <summary>The reload a plan change started, if any (the publisher does not wait for it).</summary>
    public Task Reloading { get; private set; } = Task.CompletedTask;

    private void OnChange(ChangeEvent change)
    {
        if (change.Kind == ChangeKind.PlanChanged && Current is not null)
        {
            // On the thread pool, not on the publisher's thread: SQLite's reads complete synchronously,
            // so the plan's save would otherwise wait for every open circuit's reload and re-render.
            Reloading = Task.Run(() => ReloadAsync());
        }
    }

    public void Dispose() => _subscription.Dispose();

    public async Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (Current is not null)
        {
            return;
        }
        await ReloadAsync(ct);
    }

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var plans = await _catalog.GetPlansAsync(ct);
        // A reload started by someone else's change runs beside the circuit (on the thread pool): the
        // plan the user selects meanwhile must not be overwritten by the one read before it.
        lock (_gate)
        {
            Plans = plans;
            Current = (Current is null ? null : plans.FirstOrDefault(p => p.Id == Current.Id)) ?? _catalog.DefaultPlan(plans);
        }
        Changed?.Invoke();
    }

    public void Select(int planId)
    {
        lock (_gate)
        {
            var plan = Plans.FirstOrDefault(p => p.Id == planId);
            if (plan is null || plan.Id == Current?.Id)
            {
                return;
            }
            Current = plan;
        }
        Changed?.Invoke();
    }
}

public static class PlansExtensions
{
    public static IHostApplicationBuilder AddPlans(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<PlanCatalog>();
        builder.Services.AddScoped<PlanSelection>();
        builder.Services.AddScoped<ActivityService>();
        builder.Services.AddScoped<PlanService>();
        return builder;
    }
}
