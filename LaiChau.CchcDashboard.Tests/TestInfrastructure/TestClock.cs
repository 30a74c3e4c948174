using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

public static class TestClock
{
    /// <summary>The demo's moment: Monday 18/05/2020 08:00 in Lai Châu (UTC+7).</summary>
    public static readonly DateTimeOffset DemoStart = new(2020, 5, 18, 8, 0, 0, TimeSpan.FromHours(7));

    public static FakeTimeProvider At(DateTimeOffset instant)
    {
        var clock = new FakeTimeProvider(instant.ToUniversalTime());
        clock.SetLocalTimeZone(LaiChau.CchcDashboard.Common.VietnamTime.Zone);
        return clock;
    }

    public static FakeTimeProvider AtDemoStart() => At(DemoStart);

    /// <summary>A local Lai Châu wall-clock time as an instant.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(7));
}
