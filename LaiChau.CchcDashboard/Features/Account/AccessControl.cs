using System.Globalization;
using System.Text;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Account;

/// <summary>
/// The one refusal: thrown by a service or an endpoint when the user's role or unit does not allow
/// the request. Pages show "không có quyền" (and answer 403 while prerendering); endpoints answer
/// 403 through <see cref="AccessEndpointFilter"/>. Create it with <see cref="AccessGuard.RefuseAsync"/>,
/// which logs and audits it, so every refusal is audited once.
/// </summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException(string message) : base(message)
    {
    }

    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>Named authorization policies; each is a rule of <see cref="UserInfo"/>, so a page's attribute and a service's check agree.</summary>
public static class AppPolicies
{
    /// <summary>Lãnh đạo, Phòng Nội vụ, Quản trị.</summary>
    public const string CityWide = nameof(CityWide);

    /// <summary>Phòng Nội vụ.</summary>
    public const string HomeAffairs = nameof(HomeAffairs);

    /// <summary>Quản trị.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>A user who belongs to a unit.</summary>
    public const string UnitMember = nameof(UnitMember);

    /// <summary>Quản trị and Phòng Nội vụ: the units and users pages.</summary>
    public const string ManageUnitsAndUsers = nameof(ManageUnitsAndUsers);

    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(CityWide, p => Require(p, u => u.IsCityWide))
            .AddPolicy(HomeAffairs, p => Require(p, u => u.IsHomeAffairs))
            .AddPolicy(Admin, p => Require(p, u => u.IsAdministrator))
            .AddPolicy(UnitMember, p => Require(p, u => u.IsUnitMember))
            .AddPolicy(ManageUnitsAndUsers, p => Require(p, u => u.MayManageUnitsAndUsers));
    }

    private static void Require(AuthorizationPolicyBuilder policy, Func<UserInfo, bool> rule) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => UserInfo.From(context.User) is { } user && rule(user));
}

/// <summary>Logs and audits a refusal, then hands back the exception to throw. The only place an access-denied entry is written.</summary>
public sealed class AccessGuard(IDbContextFactory<CchcDbContext> dbFactory, AuditLog audit, ILogger<AccessGuard> logger)
{
    /// <param name="area">Prefix of the audit action, e.g. "report" gives "report.access-denied".</param>
    /// <param name="operation">What was tried ("read báo cáo của đơn vị 5", "pdf", …), kept in the entry's details with the user's unit.</param>
    public async Task<AccessDeniedException> RefuseAsync(UserInfo? user, string area, string operation, string entityType, object? entityId, string message,
        CancellationToken ct = default)
    {
        var id = Convert.ToString(entityId, CultureInfo.InvariantCulture) ?? "";
        logger.LogWarning("Access refused: {User} (unit {UserUnit}, roles {Roles}) tried to {Operation} {EntityType} {EntityId}.",
            user?.UserName ?? "(anonymous)", user?.UnitId, user is null ? "" : string.Join(",", user.Roles), operation, entityType, id);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        audit.Record(db, user?.Id, user?.UserName ?? "", $"{area}.access-denied", entityType, id,
            $"{operation} (người dùng thuộc đơn vị {user?.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "—"})");
        await db.SaveChangesAsync(CancellationToken.None);
        return new AccessDeniedException(message);
    }
}

/// <summary>
/// Runs an endpoint as the request's user: <see cref="CurrentUser"/> reads the request's principal,
/// an optional policy is checked (a refusal is audited by <see cref="AccessGuard"/>), and an
/// <see cref="AccessDeniedException"/> from the handler becomes 403 with its Vietnamese message.
/// </summary>
public sealed class AccessEndpointFilter(string area, string? policy, string refusal) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        if (services.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider state)
        {
            state.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        }
        try
        {
            if (policy is not null && !(await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, policy)).Succeeded)
            {
                throw await services.GetRequiredService<AccessGuard>().RefuseAsync(UserInfo.From(http.User), area, "open " + http.Request.Path, "Endpoint",
                    http.Request.Path.Value, refusal, http.RequestAborted);
            }
            return await next(context);
        }
        catch (AccessDeniedException refused)
        {
            return Results.Text(refused.Message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);
        }
    }
}

public static class AccessEndpointExtensions
{
    /// <summary>Every endpoint of the group runs through <see cref="AccessEndpointFilter"/>, optionally behind a named policy.</summary>
    public static TBuilder WithAccess<TBuilder>(this TBuilder builder, string area, string? policy = null,
        string refusal = "Tài khoản của bạn không được phép mở địa chỉ này.")
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequireAuthorization();
        builder.AddEndpointFilter(new AccessEndpointFilter(area, policy, refusal));
        return builder;
    }
}
