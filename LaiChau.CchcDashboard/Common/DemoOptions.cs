using System.ComponentModel.DataAnnotations;

namespace LaiChau.CchcDashboard.Common;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Demo accounts, demo progress and the demo clock. On by default in Development only.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the demo clock starts.</summary>
    [Required]
    public DateTimeOffset ClockStartsAt { get; set; } = new(2020, 5, 18, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>The password of every demo account (demo mode only).</summary>
    [Required, MinLength(8)]
    public string Password { get; set; } = "Demo@2020";
}
