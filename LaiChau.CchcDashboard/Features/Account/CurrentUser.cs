using System.Globalization;
using System.Security.Claims;
using LaiChau.CchcDashboard.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace LaiChau.CchcDashboard.Features.Account;

/// <summary>
/// Who is signed in, read from the sign-in claims (<see cref="AppClaims"/>), and every rule of the
/// form "may this user do X". Pages, endpoints, services and the named authorization policies
/// (<see cref="AppPolicies"/>) all ask these members; no role list is spelled anywhere else.
/// </summary>
public sealed record UserInfo(string Id, string UserName, string FullName, IReadOnlyList<string> Roles, int? UnitId, string? UnitName)
{
    public bool IsInRole(string role) => Roles.Contains(role);
    public bool IsLeadership => IsInRole(AppRoles.Leadership);
    public bool IsHomeAffairs => IsInRole(AppRoles.HomeAffairs);
    public bool IsAdministrator => IsInRole(AppRoles.Administrator);
    public bool IsUnitStaff => IsInRole(AppRoles.Unit);
    public string RoleLabel => string.Join(", ", Roles.Select(AppRoles.DisplayName));

    /// <summary>Lãnh đạo, Phòng Nội vụ and Quản trị see every unit: the tracking matrix, exports, consolidated report, any unit's report.</summary>
    public bool IsCityWide => IsLeadership || IsHomeAffairs || IsAdministrator;

    /// <summary>A user who belongs to a unit (unit staff, and Phòng Nội vụ's own staff).</summary>
    public bool IsUnitMember => UnitId is not null;

    /// <summary>Units and users are kept by Quản trị and Phòng Nội vụ.</summary>
    public bool MayManageUnitsAndUsers => IsAdministrator || IsHomeAffairs;

    /// <summary>Phòng Nội vụ chases units; Quản trị may too (e.g. when testing e-mail delivery).</summary>
    public bool MaySendReminders => IsHomeAffairs || IsAdministrator;

    /// <summary>Phòng Nội vụ is the plan's secretariat: it starts, numbers and reviews.</summary>
    public bool MayManagePlan => IsHomeAffairs;

    /// <summary>Returning and accepting reports, due dates and the consolidated report's signing.</summary>
    public bool MayReviewReports => IsHomeAffairs;

    /// <summary>Unit staff (and nobody city-wide) see only their own unit's reminders.</summary>
    public bool SeesOwnUnitOnly => IsUnitStaff && !IsCityWide;

    /// <summary>A unit's own data (its report, its PDF): the unit's members and every city-wide role.</summary>
    public bool MayRead(int unitId) => IsCityWide || MayEditReportOf(unitId);

    /// <summary>
    /// Only the unit's own staff write its report; leadership reads it. Phòng Nội vụ is itself a
    /// reporting unit, so its staff write their own office's report too.
    /// </summary>
    public bool MayEditReportOf(int unitId) => (IsUnitStaff || IsHomeAffairs) && UnitId == unitId;

    /// <summary>Only the lead unit's staff and Phòng Nội vụ log progress and change an activity's status; others read.</summary>
    public bool MayUpdateActivity(int? leadUnitId) => IsHomeAffairs || (leadUnitId is { } lead && UnitId == lead);

    /// <summary>The user of a signed-in principal, from its claims; null for an anonymous one.</summary>
    public static UserInfo? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var userName = principal.FindFirstValue(ClaimTypes.Name) ?? "";
        var unitId = int.TryParse(principal.FindFirstValue(AppClaims.UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var unit) ? unit : (int?)null;
        return new UserInfo(id, userName, principal.FindFirstValue(AppClaims.FullName) ?? userName,
            [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)], unitId, principal.FindFirstValue(AppClaims.UnitName));
    }
}

/// <summary>
/// The signed-in user of this circuit or request. In a live page it reads the circuit's
/// authentication state; endpoints get the same through <see cref="AccessEndpointFilter"/>,
/// which hands the request's principal to that state.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState)
{
    public async Task<UserInfo?> GetAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return UserInfo.From((await authState.GetAuthenticationStateAsync()).User);
    }
}
