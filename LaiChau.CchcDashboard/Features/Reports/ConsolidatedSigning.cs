using System.ComponentModel.DataAnnotations;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>
/// The number, date and signer Phòng Nội vụ gives the city's consolidated report for a period
/// before printing it. Everything may stay empty: the PDF then leaves the blanks to fill by hand.
/// </summary>
public sealed class ConsolidatedSigningForm
{
    [MaxLength(50, ErrorMessage = "Số báo cáo tối đa 50 ký tự.")]
    [RegularExpression(@"^\s*\d{1,5}/BC-\S+\s*$", ErrorMessage = "Số báo cáo viết theo dạng 15/BC-NV: số thứ tự, dấu /, rồi ký hiệu BC-….")]
    public string? Number { get; set; }

    public DateTime? Date { get; set; }

    [MaxLength(100, ErrorMessage = "Họ tên người ký tối đa 100 ký tự.")]
    public string? SignerName { get; set; }

    public bool SignedByDeputy { get; set; }

    public int Version { get; set; }
}

/// <summary>Signing as it goes on the PDF.</summary>
public sealed record ConsolidatedSigning(string? Number, DateOnly? Date, string? SignerName, bool SignedByDeputy)
{
    public static readonly ConsolidatedSigning None = new(null, null, null, false);

    /// <summary>"KT. TRƯỞNG PHÒNG" above a deputy's title; nothing above the head's.</summary>
    public string? Capacity => SignedByDeputy ? "KT. TRƯỞNG PHÒNG" : null;

    public string Title => SignedByDeputy ? "PHÓ TRƯỞNG PHÒNG" : "TRƯỞNG PHÒNG";
}
