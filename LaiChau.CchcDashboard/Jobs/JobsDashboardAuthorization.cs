using Hangfire.Dashboard;
using LaiChau.CchcDashboard.Features.Account;

namespace LaiChau.CchcDashboard.Jobs;

/// <summary>The Hangfire dashboard is for Quản trị only; everyone else gets 403.</summary>
public sealed class JobsDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return UserInfo.From(context.GetHttpContext().User) is { IsAdministrator: true };
    }
}
