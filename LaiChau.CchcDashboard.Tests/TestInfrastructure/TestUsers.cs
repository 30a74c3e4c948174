using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>The signed-in users the service and component tests act as, defined once (the demo accounts' names).</summary>
public static class TestUsers
{
    public static readonly UserInfo Leadership = new("lanhdao-id", "lanhdao", "Trần Minh Đức", [AppRoles.Leadership], null, null);

    public static readonly UserInfo Administrator = new("admin-id", "quantri", "Quản trị", [AppRoles.Administrator], null, null);

    /// <summary>Phòng Nội vụ's staff; with <paramref name="unitId"/> they also belong to their office as a reporting unit.</summary>
    public static UserInfo HomeAffairs(int? unitId = null) =>
        new("noivu-id", "noivu", "Lò Thị Mai", [AppRoles.HomeAffairs], unitId, unitId is null ? null : "Phòng Nội vụ");

    /// <summary>Staff of one unit (Đơn vị).</summary>
    public static UserInfo Unit(int unitId, string userName = "donvi", string? fullName = null, string? id = null) =>
        new(id ?? $"{userName}-id", userName, fullName ?? $"Cán bộ {userName}", [AppRoles.Unit], unitId, $"Đơn vị {unitId}");
}
