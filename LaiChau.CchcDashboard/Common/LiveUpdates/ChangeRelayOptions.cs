using System.ComponentModel.DataAnnotations;

namespace LaiChau.CchcDashboard.Common.LiveUpdates;

/// <summary>Settings of the PostgreSQL change relay (section <c>ChangeRelay</c>; the connection string comes from the provider switch).</summary>
public sealed class ChangeRelayOptions
{
    public const string SectionName = "ChangeRelay";

    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>The LISTEN/NOTIFY channel shared by every instance on the database (an unquoted identifier).</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "ChangeRelay:Channel must be a lower-case PostgreSQL identifier.")]
    public string Channel { get; set; } = "cchc_changes";

    /// <summary>Wait before the first reconnect; doubled after each failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Changes waiting to be sent while PostgreSQL is slow or away; the oldest are dropped beyond this.</summary>
    [Range(1, 100_000)]
    public int SendQueueCapacity { get; set; } = 1000;

    /// <summary>The wait before reconnect attempt number <paramref name="failures"/> (1, 2, …): doubling, capped.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var ticks = ReconnectDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 30));
        return ticks >= MaxReconnectDelay.Ticks ? MaxReconnectDelay : TimeSpan.FromTicks((long)ticks);
    }
}
