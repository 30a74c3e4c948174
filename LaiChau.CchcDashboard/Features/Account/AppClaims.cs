using System.Globalization;
using System.Security.Claims;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Account;

/// <summary>Claims the sign-in carries besides Identity's own (id, user name, roles, security stamp).</summary>
public static class AppClaims
{
    public const string UnitId = "cchc:unit_id";
    public const string UnitName = "cchc:unit_name";
    public const string FullName = "cchc:full_name";
}

/// <summary>
/// Puts the user's unit and full name into the sign-in, so deciding access needs no database read.
/// The cookie's claims are rebuilt whenever the security stamp is checked (every
/// <see cref="SessionOptions.SessionCheckInterval"/>); a unit change also changes the stamp and
/// ends the session (<see cref="SessionCheck"/>).
/// </summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IDbContextFactory<CchcDbContext> dbFactory)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.FullName, user.FullName));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(AppClaims.UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
            await using var db = await dbFactory.CreateDbContextAsync();
            var unitName = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync();
            if (unitName is not null)
            {
                identity.AddClaim(new Claim(AppClaims.UnitName, unitName));
            }
        }
        return identity;
    }
}
