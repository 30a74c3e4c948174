using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.Features.Admin;

public sealed class UnitAdminServiceTests
{
    private static readonly UserInfo Admin = TestUsers.Administrator;

    [Fact]
    public async Task Save_StaleEdit_IsRefused_WhenSomeoneElseSavedFirst()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var service = new UnitAdminService(db.Factory, new AuditLog(TestClock.AtDemoStart()), NullLogger<UnitAdminService>.Instance);
        var row = (await service.GetUnitsAsync(TestContext.Current.CancellationToken)).Single(u => u.Code == "P-Y-TE");
        var first = UnitForm.From(row);
        var second = UnitForm.From(row);

        first.Phone = "0213 3000 001";
        Assert.True((await service.SaveAsync(first, Admin, TestContext.Current.CancellationToken)).Succeeded);
        second.Phone = "0213 3000 002";
        var result = await service.SaveAsync(second, Admin, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("người khác cập nhật", result.Errors[""], StringComparison.Ordinal);
        Assert.Equal("0213 3000 002", second.Phone);
        var stored = (await service.GetUnitsAsync(TestContext.Current.CancellationToken)).Single(u => u.Code == "P-Y-TE");
        Assert.Equal("0213 3000 001", stored.Phone);
    }

    [Theory]
    [InlineData("", "Phòng A", "Code", "Vui lòng nhập mã đơn vị.")]
    [InlineData("P-A", "", "Name", "Vui lòng nhập tên đơn vị.")]
    [InlineData("P A", "Phòng A", "Code", "Mã đơn vị chỉ gồm chữ không dấu, số và dấu gạch ngang.")]
    public async Task Save_InvalidInput_IsRefusedPerField(string code, string name, string field, string message)
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var service = new UnitAdminService(db.Factory, new AuditLog(TestClock.AtDemoStart()), NullLogger<UnitAdminService>.Instance);

        var result = await service.SaveAsync(new UnitForm { Code = code, Name = name }, Admin, TestContext.Current.CancellationToken);

        Assert.Equal(message, result.Errors[field]);
    }
}
