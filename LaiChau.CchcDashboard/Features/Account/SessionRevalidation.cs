using System.Security.Claims;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Account;

public sealed class SessionOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// How often a sign-in is checked against the database, both the cookie on HTTP requests and
    /// every open window (Blazor circuit). A locked, demoted or re-passworded account loses access
    /// within this time.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Sign-in attempts (posts of the sign-in form) one client address may make per
    /// <see cref="SignInWindow"/>; further attempts get 429 with a Vietnamese message.
    /// </summary>
    public int SignInAttemptsPerWindow { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Whether a signed-in principal still stands for a usable account.</summary>
public static class SessionCheck
{
    /// <summary>The lockout end an administrator's lock sets: locked until unlocked.</summary>
    public static readonly DateTimeOffset AdministratorLockEnd = DateTimeOffset.MaxValue;

    /// <summary>
    /// True while the account exists, is not locked by an administrator and its security stamp is
    /// the one the sign-in carries. Locking, changing the role or unit, resetting the password and
    /// signing out change the stamp. A lockout after wrong passwords does not end open sessions:
    /// anyone can type wrong passwords for someone else's user name, and that must not close the
    /// real user's open windows (it only stops new sign-ins until the lockout ends).
    /// </summary>
    public static async Task<bool> IsCurrentAsync(UserManager<AppUser> users, IdentityOptions identity, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(identity);
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.GetLockoutEndDateAsync(user) == AdministratorLockEnd)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var signedInWith = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        return signedInWith == await users.GetSecurityStampAsync(user);
    }
}

/// <summary>
/// The .NET template's revalidating provider: an open window rechecks its sign-in every
/// <see cref="SessionOptions.SessionCheckInterval"/>; when the check fails the window becomes
/// anonymous and the router sends it to the sign-in page.
/// </summary>
public sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identityOptions,
    IOptions<SessionOptions> sessionOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessionOptions.Value.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            return await SessionCheck.IsCurrentAsync(users, identityOptions.Value, authenticationState.User);
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping and the window's connection goes with it: nothing left to check.
            return true;
        }
    }
}
