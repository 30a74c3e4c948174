using Hangfire.Dashboard;
using LaiChau.CchcDashboard.Common;

namespace LaiChau.CchcDashboard.Jobs;

/// <summary>The Hangfire dashboard is for Quản trị only; everyone else gets 403.</summary>
public sealed class JobsDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(AppRoles.Administrator);
    }
}
