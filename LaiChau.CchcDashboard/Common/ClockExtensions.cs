using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Common;

public static class ClockExtensions
{
    /// <summary>
    /// The app's one clock. In demo mode it is the demo clock (starts at Demo:ClockStartsAt and
    /// runs in real time); otherwise the system clock. Tests replace it with FakeTimeProvider.
    /// </summary>
    public static IHostApplicationBuilder AddClock(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(sp =>
        {
            var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
            return demo.Enabled ? new DemoTimeProvider(demo.ClockStartsAt, TimeProvider.System) : TimeProvider.System;
        });
        return builder;
    }
}
