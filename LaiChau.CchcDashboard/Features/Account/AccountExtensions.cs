using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Account;

public static class AccountExtensions
{
    public const string LoginPath = "/account/login";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "cchc.auth";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            // Secure whenever the request is HTTPS (behind a proxy: as forwarded by a known proxy).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Cookie expiry and its security-stamp re-check follow the real clock, never the demo clock:
        // the browser drops a cookie that expires in 2020 ("Ghi nhớ đăng nhập" in demo mode).
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>>(sp =>
            new ConfigureNamedOptions<CookieAuthenticationOptions>(null, options => options.TimeProvider = sp.GetRequiredKeyedService<TimeProvider>(ClockExtensions.RealClock)));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CchcDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // Every page needs a signed-in user unless it says [AllowAnonymous] (sign-in, /health, errors).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddAppPolicies();

        // Sign-ins are checked against the database every minute: on HTTP requests by the cookie's
        // security stamp validator, in open windows by the revalidating state provider.
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName);
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SessionOptions>, IServiceProvider>((validator, session, sp) =>
            {
                validator.ValidationInterval = session.Value.SessionCheckInterval;
                validator.TimeProvider = sp.GetRequiredKeyedService<TimeProvider>(ClockExtensions.RealClock);
            });
        services.AddSignInRateLimit();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();

        services.AddScoped<CurrentUser>();
        services.AddScoped<AccessGuard>();
        return builder;
    }

    public static void MapAccountEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/account/logout", SignOutAsync);
    }

    /// <summary>
    /// Signs out and ends the session everywhere: a new security stamp makes every copy of this
    /// sign-in's cookie invalid at its next check, not only the one the browser deletes.
    /// </summary>
    private static async Task<IResult> SignOutAsync(SignInManager<AppUser> signInManager, HttpContext context, [FromForm] string? returnUrl)
    {
        var user = await signInManager.UserManager.GetUserAsync(context.User);
        if (user is not null)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }
        await signInManager.SignOutAsync();
        return TypedResults.LocalRedirect("~" + LoginPath);
    }
}
