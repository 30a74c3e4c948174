using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Seeding;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.Features.Account;

public sealed class SignInTests(SignInTests.Host host) : IClassFixture<SignInTests.Host>
{
    public sealed class Host : CchcAppFactory;

    public static TheoryData<string> DemoUsers => [.. DemoSeeder.Accounts.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task SignIn_AsEachDemoAccount_OpensTheOverview(string userName)
    {
        using var client = host.NewClient();
        using var login = await HttpSignIn.PostLoginAsync(client, userName, HttpSignIn.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Chế độ trình diễn", System.Net.WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_IsRefusedInVietnamese_AndKeepsTheUserName()
    {
        using var client = host.NewClient();
        using var response = await HttpSignIn.PostLoginAsync(client, "tuphap", "sai-mat-khau");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"tuphap\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        // Its own host: the locked account must not disturb the other tests.
        await using var own = new CchcAppFactory();
        using var client = own.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await HttpSignIn.PostLoginAsync(client, "daitt", "sai-mat-khau");
        }

        using var response = await HttpSignIn.PostLoginAsync(client, "daitt", HttpSignIn.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tạm khóa", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_RequestToOverview_IsRedirectedToSignIn()
    {
        using var client = host.NewClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/units")]
    [InlineData("/admin/users")]
    public async Task UnitStaff_CannotOpenAdminPages(string path)
    {
        using var client = await host.SignedInClientAsync("tanphong");
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quantri")]
    [InlineData("noivu")]
    public async Task AdminAndHomeAffairs_CanOpenUnitsAdmin(string userName)
    {
        using var client = await host.SignedInClientAsync(userName);
        using var response = await client.GetAsync(new Uri("/admin/units", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await host.SignedInClientAsync("lanhdao");
        var token = await HttpSignIn.AntiforgeryTokenAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        using var logout = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form, TestContext.Current.CancellationToken);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_HaveVietnameseNames() =>
        Assert.Equal(["Lãnh đạo", "Phòng Nội vụ", "Đơn vị", "Quản trị"], AppRoles.All.Select(AppRoles.DisplayName));
}
