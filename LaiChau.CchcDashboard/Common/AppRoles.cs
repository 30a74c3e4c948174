namespace LaiChau.CchcDashboard.Common;

/// <summary>Role names stored in Identity (ASCII) and their Vietnamese display names.</summary>
public static class AppRoles
{
    public const string Leadership = "LanhDao";
    public const string HomeAffairs = "PhongNoiVu";
    public const string Unit = "DonVi";
    public const string Administrator = "QuanTri";

    public static readonly IReadOnlyList<string> All = [Leadership, HomeAffairs, Unit, Administrator];

    public static string DisplayName(string role) => role switch
    {
        Leadership => "Lãnh đạo",
        HomeAffairs => "Phòng Nội vụ",
        Unit => "Đơn vị",
        Administrator => "Quản trị",
        _ => role,
    };
}
