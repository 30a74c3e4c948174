using System.Security.Claims;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Account;

/// <summary>Who is signed in, with their unit, resolved once per circuit.</summary>
public sealed record UserInfo(string Id, string UserName, string FullName, IReadOnlyList<string> Roles, int? UnitId, string? UnitName)
{
    public bool IsInRole(string role) => Roles.Contains(role);
    public bool IsLeadership => IsInRole(AppRoles.Leadership);
    public bool IsHomeAffairs => IsInRole(AppRoles.HomeAffairs);
    public bool IsAdministrator => IsInRole(AppRoles.Administrator);
    public bool IsUnitStaff => IsInRole(AppRoles.Unit);
    public string RoleLabel => string.Join(", ", Roles.Select(AppRoles.DisplayName));
}

public sealed class CurrentUser(AuthenticationStateProvider authState, IDbContextFactory<CchcDbContext> dbFactory)
{
    private UserInfo? _user;

    public async Task<UserInfo?> GetAsync(CancellationToken ct = default)
    {
        if (_user is not null)
        {
            return _user;
        }
        var principal = (await authState.GetAuthenticationStateAsync()).User;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.UserName, u.FullName, u.UnitId, UnitName = u.Unit != null ? u.Unit.Name : null })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        _user = new UserInfo(id, row.UserName ?? "", row.FullName, roles, row.UnitId, row.UnitName);
        return _user;
    }
}
