using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Common;

public static class ClockExtensions
{
    /// <summary>
    /// DI key of the real clock (<c>[FromKeyedServices(ClockExtensions.RealClock)] TimeProvider</c>).
    /// Sign-in cookies, their security-stamp checks and account lockouts follow it, because the
    /// browser and ASP.NET Core Identity judge expiry by the real date; only the plan's calendar
    /// follows the demo clock.
    /// </summary>
    public const string RealClock = "real-clock";

    /// <summary>
    /// The app's one plan clock (the unkeyed <see cref="TimeProvider"/>). In demo mode it is the demo
    /// clock (starts at Demo:ClockStartsAt and runs in real time); otherwise the system clock. Tests
    /// replace it with FakeTimeProvider. The real clock is registered beside it under
    /// <see cref="RealClock"/>.
    /// </summary>
    public static IHostApplicationBuilder AddClock(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(sp =>
        {
            var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
            return demo.Enabled ? new DemoTimeProvider(demo.ClockStartsAt, TimeProvider.System) : TimeProvider.System;
        });
        builder.Services.AddKeyedSingleton(RealClock, TimeProvider.System);
        return builder;
    }
}
