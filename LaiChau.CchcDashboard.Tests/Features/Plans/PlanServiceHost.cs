using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

/// <summary>The plan services over a seeded test database, with a fake clock and a notifier that records what it published.</summary>
public sealed class PlanServiceHost(TestDatabase db, FakeTimeProvider? clock = null)
{
    public FakeTimeProvider Clock { get; } = clock ?? TestClock.AtDemoStart();
    public ChangeNotifier Notifier { get; } = new(NullLogger<ChangeNotifier>.Instance);
    public List<ChangeEvent> Published { get; } = [];

    public ActivityService Activities => new(db.Factory, Clock, Listening(), new AuditLog(Clock), NullLogger<ActivityService>.Instance);
    public PlanService Plans => new(db.Factory, Clock, Listening(), new AuditLog(Clock), NullLogger<PlanService>.Instance);

    private bool _listening;

    private ChangeNotifier Listening()
    {
        if (!_listening)
        {
            Notifier.Subscribe(Published.Add);
            _listening = true;
        }
        return Notifier;
    }

    /// <summary>What the activity components need in a bUnit test: the database, the demo clock and the activity service.</summary>
    public static void AddActivityServices(IServiceCollection services, TestDatabase db)
    {
        services.AddAppBasics(db);
        services.AddScoped<ActivityService>();
    }

    public static UserInfo UnitStaff(int unitId, string name = "Cán bộ đơn vị") => TestUsers.Unit(unitId, "donvi", name, $"unit-{unitId}");
    public static UserInfo HomeAffairs(int unitId) => TestUsers.HomeAffairs(unitId);
    public static UserInfo Leadership => TestUsers.Leadership;
    public static UserInfo Administrator => TestUsers.Administrator;
}
