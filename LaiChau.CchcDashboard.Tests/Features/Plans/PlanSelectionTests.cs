using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

public sealed class PlanSelectionTests
{
    [Fact]
    public async Task PlanCreatedElsewhere_AppearsInAnOpenSelector_WithoutChangingItsChoice()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var notifier = new ChangeNotifier(NullLogger<ChangeNotifier>.Instance);
        using var selection = new PlanSelection(new PlanCatalog(db.Factory, TestClock.AtDemoStart()), notifier);
        await selection.EnsureLoadedAsync(TestContext.Current.CancellationToken);
        var before = selection.Current!;
        var raised = 0;
        selection.Changed += () => raised++;

        int newPlanId;
        await using (var context = db.CreateContext())
        {
            var plan = new Plan { Year = 2021, Title = "Kế hoạch năm 2021" };
            context.Plans.Add(plan);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            newPlanId = plan.Id;
        }
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.PlanChanged, newPlanId));
        // Publishing does not wait for listeners; the selection reloads on its own.
        await selection.Reloading;

        Assert.Contains(selection.Plans, p => p.Id == newPlanId && p.Label == "Kế hoạch năm 2021 (chưa ban hành)");
        Assert.Equal(before.Id, selection.Current!.Id);
        Assert.Equal(1, raised);
    }

    [Fact]
    public async Task DisposedSelection_StopsListening()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var notifier = new ChangeNotifier(NullLogger<ChangeNotifier>.Instance);
        var selection = new PlanSelection(new PlanCatalog(db.Factory, TestClock.AtDemoStart()), notifier);
        await selection.EnsureLoadedAsync(TestContext.Current.CancellationToken);
        var raised = 0;
        selection.Changed += () => raised++;

        selection.Dispose();
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.PlanChanged));

        Assert.Equal(0, raised);
    }
}
