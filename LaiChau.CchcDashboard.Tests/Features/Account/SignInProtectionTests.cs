using System.Net;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.Features.Account;

/// <summary>
/// Strangers cannot end someone's open session by typing wrong passwords, guessing is slowed per
/// client address, a signed-out cookie is dead on the server, and cookies and lockouts follow the
/// real clock in demo mode.
/// </summary>
public sealed class SignInProtectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, bool rememberMe = false, string? returnUrl = null)
    {
        var token = await HttpSignIn.AntiforgeryTokenAsync(client);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        if (rememberMe)
        {
            fields["Input.RememberMe"] = "true";
        }
        using var content = new FormUrlEncodedContent(fields);
        var path = returnUrl is null ? "/account/login" : "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        return await client.PostAsync(Path(path), content, Ct);
    }

    private static async Task<bool> IsCurrentAsync(CchcAppFactory app, System.Security.Claims.ClaimsPrincipal principal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await SessionCheck.IsCurrentAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value,
            principal);
    }

    [Fact]
    public async Task WrongPasswordsFromAStranger_LockNewSignIns_ButTheOpenSessionKeepsWorking()
    {
        var realClock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new CchcAppFactory { RealClock = realClock };
        using var owner = await app.SignedInClientAsync("tanphong");
        System.Security.Claims.ClaimsPrincipal principal;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("tanphong");
            principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user!);
        }

        using var stranger = ClientAddress.From(app, "203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            using var failed = await PostLoginAsync(stranger, "tanphong", "doan-mo-" + i);
        }
        using var locked = await PostLoginAsync(ClientAddress.From(app, "203.0.113.8"), "tanphong", HttpSignIn.DemoPassword);
        Assert.Contains("tạm khóa", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        realClock.Advance(new SessionOptions().SessionCheckInterval + TimeSpan.FromSeconds(1));

        Assert.True(await IsCurrentAsync(app, principal));
        using var stillOpen = await owner.GetAsync(Path("/reports"), Ct);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_AreThrottledPerClientAddress_WithAVietnameseMessage()
    {
        await using var app = new CchcAppFactory();
        app.Settings["Accounts:SignInAttemptsPerWindow"] = "3";
        using var guesser = ClientAddress.From(app, "198.51.100.20");
        for (var i = 0; i < 3; i++)
        {
            using var refused = await PostLoginAsync(guesser, "noivu", "sai-" + i);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using var throttled = await PostLoginAsync(guesser, "lanhdao", "sai-nua");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains(SignInRateLimit.ThrottledMessage, await throttled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotNull(throttled.Headers.RetryAfter);
        using var colleague = ClientAddress.From(app, "198.51.100.21");
        using var signedIn = await PostLoginAsync(colleague, "lanhdao", HttpSignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task SignOut_MakesACopiedCookieUseless()
    {
        var realClock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new CchcAppFactory { RealClock = realClock };
        using var browser = app.NewClient();
        using var login = await PostLoginAsync(browser, "lanhdao", HttpSignIn.DemoPassword);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("cchc.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);

        var token = await HttpSignIn.AntiforgeryTokenAsync(browser);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var logout = await browser.PostAsync(Path("/account/logout"), form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        realClock.Advance(new SessionOptions().SessionCheckInterval + TimeSpan.FromSeconds(1));

        using var copy = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/"));
        request.Headers.Add("Cookie", cookie);
        using var replayed = await copy.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithANonAsciiReturnUrl_LandsOnTheOverview()
    {
        await using var app = new CchcAppFactory();
        using var client = app.NewClient();

        using var response = await PostLoginAsync(client, "lanhdao", HttpSignIn.DemoPassword, returnUrl: "/reports/báo-cáo");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RememberMe_InDemoMode_GivesACookieThatExpiresInRealTime()
    {
        // The plan clock is the demo's 18/05/2020; the browser judges the cookie by today's date.
        await using var app = new CchcAppFactory();
        using var client = app.NewClient();

        using var response = await PostLoginAsync(client, "tanphong", HttpSignIn.DemoPassword, rememberMe: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cchc.auth=", StringComparison.Ordinal));
        var expires = setCookie.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))["expires=".Length..];
        Assert.True(DateTimeOffset.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) > TimeProvider.System.GetUtcNow().AddHours(1), setCookie);
        using var home = await client.GetAsync(Path("/"), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task UsersPage_InDemoMode_DoesNotShowAnExpiredLockoutAsLocked()
    {
        await using var app = new CchcAppFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CchcDbContext>>();
            await using var context = await db.CreateDbContextAsync(Ct);
            var user = await context.Users.SingleAsync(u => u.UserName == "doanket", Ct);
            user.LockoutEnd = TimeProvider.System.GetUtcNow().AddMinutes(-1);
            var current = await context.Users.SingleAsync(u => u.UserName == "daitt", Ct);
            current.LockoutEnd = TimeProvider.System.GetUtcNow().AddMinutes(10);
            await context.SaveChangesAsync(Ct);
        }

        await using var read = app.Services.CreateAsyncScope();
        var rows = await read.ServiceProvider.GetRequiredService<UserAdminService>().GetUsersAsync(Ct);

        Assert.False(rows.Single(r => r.UserName == "doanket").IsLocked);
        Assert.True(rows.Single(r => r.UserName == "daitt").IsLocked);
    }
}
