using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Components.Layout;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Components;

public sealed class LayoutTests : ComponentTestBase
{
    private static UserInfo User(string role, string? unit = null) =>
        new("u1", "demo", "Người Thử", [role], unit is null ? null : 1, unit);

    [Fact]
    public void NavMenu_ShowsTheSixAreasInVietnamese_ForAdministrators()
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.User, User(AppRoles.Administrator)));

        var links = menu.FindAll("a.mud-nav-link").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Tổng quan", "Hoạt động", "Báo cáo", "Nhắc nhở", "Kế hoạch", "Đơn vị", "Người dùng"], links);
        Assert.Contains("Quản trị", menu.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppRoles.Unit)]
    [InlineData(AppRoles.Leadership)]
    public void NavMenu_HidesAdministration_FromUnitStaffAndLeadership(string role)
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.User, User(role)));

        Assert.DoesNotContain("Quản trị", menu.Markup, StringComparison.Ordinal);
        Assert.Equal(5, menu.FindAll("a.mud-nav-link").Count);
    }

    [Fact]
    public void DemoBanner_ShowsTheSimulatedLocalTime_AndTicks()
    {
        var clock = TestClock.AtDemoStart();
        Services.AddSingleton<TimeProvider>(clock);

        var banner = Render<DemoBanner>();
        Assert.Contains("Chế độ trình diễn — thời gian giả lập", banner.Markup, StringComparison.Ordinal);
        Assert.Equal("18/05/2020 08:00", banner.Find("[data-testid=demo-clock]").TextContent);

        clock.Advance(TimeSpan.FromMinutes(5));
        banner.WaitForAssertion(() => Assert.Equal("18/05/2020 08:05", banner.Find("[data-testid=demo-clock]").TextContent));
    }

    [Fact]
    public void UserMenu_ShowsTheSignedInUsersName()
    {
        var menu = Render<UserMenu>(p => p.Add(m => m.User, User(AppRoles.Unit, "Phường Tân Phong")));

        Assert.Equal("Người Thử", menu.Find("[data-testid=user-name]").TextContent);
    }
}
