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
        services.AddSingleton(db.Factory);
        services.AddSingleton<TimeProvider>(TestClock.AtDemoStart());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ChangeNotifier>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ActivityService>();
    }

    public static UserInfo UnitStaff(int unitId, string name = "Cán bộ đơn vị") => new($"unit-{unitId}", "donvi", name, [AppRoles.Unit], unitId, null);
    public static UserInfo HomeAffairs(int unitId) => new("noivu-id", "noivu", "Lò Thị Mai", [AppRoles.HomeAffairs], unitId, "Phòng Nội vụ");
    public static UserInfo Leadership => new("lanhdao-id", "lanhdao", "Trần Minh Đức", [AppRoles.Leadership], null, null);
    public static UserInfo Administrator => new("quantri-id", "quantri", "Quản trị", [AppRoles.Administrator], null, null);
}
