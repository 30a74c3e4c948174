using System.Text.RegularExpressions;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>An account locked by an administrator loses the window it already has open.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SessionTests(BrowserFixture browser) : E2ETest(browser)
{
    // Windows recheck their sign-in every second here (every minute by default).
    protected override IReadOnlyDictionary<string, string?> ServerSettings { get; } =
        new Dictionary<string, string?> { ["Accounts:SessionCheckInterval"] = "00:00:01" };

    [Fact]
    public async Task LockedAccount_OpenWindowIsSentToSignIn_AndCannotSignInAgain()
    {
        var context = await NewContextAsync();
        var shell = await new LoginPage(await context.NewPageAsync(), Server.BaseUrl).SignInAsync("tanphong");
        await shell.GotoAsync("/reports");
        await Expect(shell.ByTestId("unit-reports")).ToBeVisibleAsync();

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            var id = (await admin.GetUsersAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "tanphong").Id;
            var actor = TestUsers.Administrator;
            Assert.True((await admin.SetLockedAsync(id, true, actor, TestContext.Current.CancellationToken)).Succeeded);
        }

        await Expect(shell.Page).ToHaveURLAsync(LoginUrl());
        var login = new LoginPage(shell.Page, Server.BaseUrl);
        await login.ByTestId("login-username").FillAsync("tanphong");
        await login.ByTestId("login-password").FillAsync("Demo@2020");
        await login.ByTestId("login-submit").ClickAsync();
        await Expect(login.ByTestId("login-error")).ToContainTextAsync("Tài khoản đang bị tạm khóa");
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginUrl();
}
