using Microsoft.AspNetCore.Identity;

namespace LaiChau.CchcDashboard.Data.Entities;

public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    /// <summary>The unit an Đơn vị user works for; null for city-level roles.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
}
