using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Account;

public sealed class ProductionStartupTests
{
    [Fact]
    public async Task Production_WithConfiguredAdmin_CreatesIt_AndNoDemoAccounts()
    {
        await using var factory = new CchcAppFactory { Environment = "Production", DemoEnabled = false };
        factory.Settings["Admin:Email"] = "admin@laichau.example";
        factory.Settings["Admin:Password"] = "Mat-khau-quan-tri-2020!";

        using var client = await factory.SignedInClientAsync("admin@laichau.example", "Mat-khau-quan-tri-2020!");
        using var units = await client.GetAsync(new Uri("/admin/units", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);

        using var demo = await HttpSignIn.PostLoginAsync(factory.NewClient(), "lanhdao", HttpSignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
        var login = System.Net.WebUtility.HtmlDecode(await demo.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("Chế độ trình diễn", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutConfiguredAdmin_CreatesOneWithARandomPassword()
    {
        await using var factory = new CchcAppFactory { Environment = "Production", DemoEnabled = false };
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var admins = await users.GetUsersInRoleAsync(AppRoles.Administrator);

        var admin = Assert.Single(admins);
        Assert.False(await users.CheckPasswordAsync(admin, HttpSignIn.DemoPassword));
        Assert.False(await users.CheckPasswordAsync(admin, ""));
        var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CchcDbContext>>();
        await using var context = await db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await context.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.Reports.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>SQLite only: the database file is replaced by a folder.</summary>
    [Fact]
    [Trait(TestProvider.TraitName, TestProvider.Pinned)]
    public async Task Health_AnswersHealthy_ThenUnavailableWhenTheDatabaseIsGone()
    {
        await using var factory = new CchcAppFactory { Provider = DatabaseProvider.Sqlite };
        using var client = factory.NewClient();

        using var healthy = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.StartsWith("Healthy\n", await healthy.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Replace the database file by a folder: SQLite can no longer open it.
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
        Directory.CreateDirectory(path);
        try
        {
            using var down = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        }
        finally
        {
            Directory.Delete(path);
        }
    }
}
