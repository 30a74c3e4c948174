using System.ComponentModel.DataAnnotations;

namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// Who runs this installation: the app's short name (window titles, the app bar, e-mail subjects)
/// and the body it works for (sign-in page, e-mail footers). Another city or a province sets these
/// in configuration; the documents take their issuer from the plan.
/// </summary>
public sealed class CityOptions
{
    public const string SectionName = "City";

    /// <summary>"CCHC Lai Châu".</summary>
    [Required, MaxLength(40)]
    public string AppName { get; set; } = "CCHC Lai Châu";

    /// <summary>"UBND thành phố Lai Châu", as it reads in a sentence.</summary>
    [Required, MaxLength(120)]
    public string Organisation { get; set; } = "UBND thành phố Lai Châu";

    /// <summary>"CCHC Lai Châu" in a window title: "Báo cáo — CCHC Lai Châu".</summary>
    public string Title(string? page) => string.IsNullOrWhiteSpace(page) ? AppName : $"{page} — {AppName}";
}
