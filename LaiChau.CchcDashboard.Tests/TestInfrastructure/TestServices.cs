using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>The app's shared services for a component test, registered once: database, clock, quiet logs, notifier, audit and access guard.</summary>
public static class TestServices
{
    public static IServiceCollection AddAppBasics(this IServiceCollection services, TestDatabase db, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        services.AddSingleton(db.Factory);
        services.AddSingleton<TimeProvider>(clock ?? TestClock.AtDemoStart());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ChangeNotifier>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AccessGuard>();
        return services;
    }
}
