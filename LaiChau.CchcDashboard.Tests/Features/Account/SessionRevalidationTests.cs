using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.Features.Account;

/// <summary>
/// A sign-in that is already open (a cookie, a browser window) loses access once an administrator
/// locks the account or changes its role or unit.
/// </summary>
public sealed class SessionRevalidationTests : IAsyncLifetime
{
    private static readonly UserInfo Admin = TestUsers.Administrator;

    private readonly FakeTimeProvider _realClock = new(TimeProvider.System.GetUtcNow());

    private readonly CchcAppFactory _app;

    public SessionRevalidationTests() => _app = new() { RealClock = _realClock };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The principal a sign-in as <paramref name="userName"/> carries now.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> SignInPrincipalAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        return await signIn.CreateUserPrincipalAsync(user);
    }

    private async Task<bool> IsCurrentAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await SessionCheck.IsCurrentAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value,
            principal);
    }

    private async Task<UserForm> FormOfAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var row = (await admin.GetUsersAsync(Ct)).Single(u => u.UserName == userName);
        return new UserForm { Id = row.Id, UserName = row.UserName, FullName = row.FullName, Email = row.Email ?? "", Role = row.Role, UnitId = row.UnitId };
    }

    private async Task<SaveResult> SaveAsync(UserForm form)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdminService>().SaveAsync(form, Admin, Ct);
    }

    [Fact]
    public async Task OpenSession_EndsWhenTheAccountIsLocked()
    {
        var principal = await SignInPrincipalAsync("tanphong");
        Assert.True(await IsCurrentAsync(principal));
        var id = (await FormOfAsync("tanphong")).Id!;

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdminService>().SetLockedAsync(id, true, Admin, Ct)).Succeeded);
        }

        Assert.False(await IsCurrentAsync(principal));
        Assert.True(await IsCurrentAsync(await SignInPrincipalAsync("doanket")));
    }

    [Fact]
    public async Task OpenSession_EndsWhenTheRoleOrUnitChanges_ButNotWhenOnlyTheNameIsCorrected()
    {
        var principal = await SignInPrincipalAsync("tanphong");

        var renamed = await FormOfAsync("tanphong");
        renamed.FullName = "Nguyễn Thị Hà (Văn phòng)";
        Assert.True((await SaveAsync(renamed)).Succeeded);
        Assert.True(await IsCurrentAsync(principal));

        var moved = await FormOfAsync("tanphong");
        var otherUnit = (await FormOfAsync("doanket")).UnitId;
        moved.UnitId = otherUnit;
        Assert.True((await SaveAsync(moved)).Succeeded);
        Assert.False(await IsCurrentAsync(principal));

        var tuphap = await SignInPrincipalAsync("tuphap");
        var promoted = await FormOfAsync("tuphap");
        promoted.Role = AppRoles.Leadership;
        promoted.UnitId = null;
        Assert.True((await SaveAsync(promoted)).Succeeded);
        Assert.False(await IsCurrentAsync(tuphap));
    }

    [Fact]
    public async Task SignInCookie_IsRefusedAfterTheAccountIsLocked_OnceTheCheckIntervalHasPassed()
    {
        using var client = await _app.SignedInClientAsync("tanphong");
        using (var before = await client.GetAsync(new Uri("/reports", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        var id = (await FormOfAsync("tanphong")).Id!;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdminService>().SetLockedAsync(id, true, Admin, Ct)).Succeeded);
        }

        _realClock.Advance(new SessionOptions().SessionCheckInterval + TimeSpan.FromSeconds(1));

        using var after = await client.GetAsync(new Uri("/reports", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenWindows_UseTheRevalidatingProvider()
    {
        await using var scope = _app.Services.CreateAsyncScope();

        Assert.IsType<RevalidatingIdentityAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }
}
