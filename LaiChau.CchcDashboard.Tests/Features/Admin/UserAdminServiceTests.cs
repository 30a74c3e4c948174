using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Admin;

public sealed class UserAdminServiceTests(UserAdminServiceTests.Host host) : IClassFixture<UserAdminServiceTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private static readonly UserInfo Admin = TestUsers.Administrator;
    private static readonly UserInfo HomeAffairs = TestUsers.HomeAffairs();

    private Task<(UserAdminService Service, AsyncServiceScope Scope)> ServiceAsync()
    {
        var scope = host.Services.CreateAsyncScope();
        return Task.FromResult((scope.ServiceProvider.GetRequiredService<UserAdminService>(), scope));
    }

    private static UserForm NewUser(string userName, string role, int? unitId = null) => new()
    {
        UserName = userName,
        FullName = "Cán bộ Thử",
        Email = $"{userName}@laichau.example",
        Role = role,
        UnitId = unitId,
        Password = "Mat-khau-2020!",
    };

    [Fact]
    public async Task Create_UnitStaffWithoutUnit_IsRefusedAtTheUnitField()
    {
        var (service, scope) = await ServiceAsync();
        await using var _ = scope;

        var result = await service.SaveAsync(NewUser("canbo1", AppRoles.Unit), Admin, TestContext.Current.CancellationToken);

        Assert.Equal("Người dùng vai trò Đơn vị phải thuộc một đơn vị.", result.Errors[nameof(UserForm.UnitId)]);
    }

    [Fact]
    public async Task Create_DuplicateUserName_IsRefusedInVietnameseAtTheField()
    {
        var (service, scope) = await ServiceAsync();
        await using var _ = scope;

        var form = NewUser("tuphap", AppRoles.Leadership);
        form.Email = "khac@laichau.example";
        var result = await service.SaveAsync(form, Admin, TestContext.Current.CancellationToken);

        Assert.Equal("Tên đăng nhập 'tuphap' đã được sử dụng.", result.Errors[nameof(UserForm.UserName)]);
    }

    [Fact]
    public async Task HomeAffairs_CannotGrantTheAdministratorRole()
    {
        var (service, scope) = await ServiceAsync();
        await using var _ = scope;

        var result = await service.SaveAsync(NewUser("leo-thang", AppRoles.Administrator), HomeAffairs, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("Chỉ Quản trị", result.Errors[nameof(UserForm.Role)], StringComparison.Ordinal);
        Assert.DoesNotContain(await service.GetUsersAsync(TestContext.Current.CancellationToken), u => u.UserName == "leo-thang");
    }

    [Fact]
    public async Task Lock_StopsTheUserSigningIn_AndUnlockRestoresIt()
    {
        var (service, scope) = await ServiceAsync();
        await using var _ = scope;
        var created = NewUser("khoa-thu", AppRoles.Leadership);
        Assert.True((await service.SaveAsync(created, Admin, TestContext.Current.CancellationToken)).Succeeded);

        Assert.True((await service.SetLockedAsync(created.Id!, true, Admin, TestContext.Current.CancellationToken)).Succeeded);
        using (var refused = await HttpSignIn.PostLoginAsync(host.NewClient(), "khoa-thu", "Mat-khau-2020!"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        Assert.True((await service.SetLockedAsync(created.Id!, false, Admin, TestContext.Current.CancellationToken)).Succeeded);
        using var accepted = await HttpSignIn.PostLoginAsync(host.NewClient(), "khoa-thu", "Mat-khau-2020!");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }
}
