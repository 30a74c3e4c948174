using Hangfire.Dashboard;
using LaiChau.CchcDashboard.Features.Account;

namespace LaiChau.CchcDashboard.Jobs;

/// <summary>The Hangfire dashboard is for Quản trị only; everyone else gets 403.</summary>
public sealed class JobsDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsAllowed(context.GetHttpContext().User);
    }

    public static bool IsAllowed(System.Security.Claims.ClaimsPrincipal user) => UserInfo.From(user) is { IsAdministrator: true };
}
