using System.ComponentModel.DataAnnotations;
using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>The report editor's model: the outline of docs/domain.md §3 as fields. Messages are what the user reads at the field.</summary>
public sealed class ReportForm
{
    public const int MaxCount = 100_000;
    public const int MaxParticipants = 10_000_000;
    public const int MaxAudiences = 20;
    public const int MaxAudienceLength = 200;
    public const int MaxReturnCommentLength = 2000;

    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int Version { get; set; }

    [MaxLength(50, ErrorMessage = "Số, ký hiệu tối đa 50 ký tự.")]
    public string? DocumentNumber { get; set; }

    public DateTime? DocumentDate { get; set; }

    [MaxLength(100, ErrorMessage = "Họ tên người ký tối đa 100 ký tự.")]
    public string? SignerName { get; set; }

    [MaxLength(100, ErrorMessage = "Chức vụ người ký tối đa 100 ký tự.")]
    public string? SignerTitle { get; set; }

    public List<ReportDocumentForm> Documents { get; set; } = [];

    [MaxLength(8000, ErrorMessage = "Nội dung tuyên truyền tối đa 8.000 ký tự.")]
    public string? ContentPropagated { get; set; }

    [Range(0, MaxCount, ErrorMessage = "Số văn bản phải là số nguyên từ 0 đến 100.000.")]
    public int? DocumentCount { get; set; }

    [Range(0, MaxCount, ErrorMessage = "Số tin, bài phải là số nguyên từ 0 đến 100.000.")]
    public int? NewsArticleCount { get; set; }

    [Range(0, MaxCount, ErrorMessage = "Số mô hình phải là số nguyên từ 0 đến 100.000.")]
    public int? ModelCount { get; set; }

    [Range(0, MaxCount, ErrorMessage = "Số gương tiêu biểu phải là số nguyên từ 0 đến 100.000.")]
    public int? ExemplaryExampleCount { get; set; }

    [Range(0, MaxCount, ErrorMessage = "Số buổi tuyên truyền phải là số nguyên từ 0 đến 100.000.")]
    public int? SessionCount { get; set; }

    /// <summary>Checked against the minutes in the period's span by the service.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Số phút phát sóng phải là số nguyên không âm.")]
    public int? BroadcastMinutes { get; set; }

    public List<string> Audiences { get; set; } = [];

    [Range(0, MaxParticipants, ErrorMessage = "Số người tham gia phải là số nguyên từ 0 đến 10.000.000.")]
    public int? ParticipantCount { get; set; }

    public CommunicationForms Forms { get; set; }

    [MaxLength(500, ErrorMessage = "Hình thức khác tối đa 500 ký tự.")]
    public string? OtherForms { get; set; }

    [MaxLength(8000, ErrorMessage = "Kết quả tuyên truyền tối đa 8.000 ký tự.")]
    public string? Results { get; set; }

    [MaxLength(4000, ErrorMessage = "Ưu điểm tối đa 4.000 ký tự.")]
    public string? Strengths { get; set; }

    [MaxLength(4000, ErrorMessage = "Hạn chế tối đa 4.000 ký tự.")]
    public string? Limitations { get; set; }

    public ReportForm Copy()
    {
        var copy = (ReportForm)MemberwiseClone();
        copy.Documents = [.. Documents.Select(d => d.Copy())];
        copy.Audiences = [.. Audiences];
        return copy;
    }
}

/// <summary>A row of outline section 1.</summary>
public sealed class ReportDocumentForm
{
    [Required(ErrorMessage = "Vui lòng nhập số, ký hiệu văn bản.")]
    [MaxLength(50, ErrorMessage = "Số, ký hiệu tối đa 50 ký tự.")]
    public string Number { get; set; } = "";

    public DateTime? Date { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập trích yếu.")]
    [MaxLength(1000, ErrorMessage = "Trích yếu tối đa 1.000 ký tự.")]
    public string Summary { get; set; } = "";

    [MaxLength(4000, ErrorMessage = "Nội dung tối đa 4.000 ký tự.")]
    public string? Content { get; set; }

    public ReportDocumentForm Copy() => (ReportDocumentForm)MemberwiseClone();
}

public static class CommunicationFormLabels
{
    public static readonly IReadOnlyList<CommunicationForms> All =
        [.. Enum.GetValues<CommunicationForms>().Where(f => f != CommunicationForms.None)];

    public static string Label(this CommunicationForms form) => form switch
    {
        CommunicationForms.Conference => "Hội nghị",
        CommunicationForms.Loudspeaker => "Loa truyền thanh",
        CommunicationForms.RadioTelevision => "Đài truyền thanh / truyền hình",
        CommunicationForms.Press => "Báo chí",
        CommunicationForms.IssuedDocuments => "Phát hành văn bản",
        CommunicationForms.Leaflets => "Tờ rơi",
        CommunicationForms.Website => "Trang thông tin điện tử",
        CommunicationForms.MobileInformationVan => "Xe thông tin lưu động",
        CommunicationForms.OneStopShop => "Bộ phận tiếp nhận và trả kết quả",
        CommunicationForms.StagedContest => "Sân khấu hóa / Hội thi \"Dân vận khéo\"",
        CommunicationForms.NeighbourhoodMeetings => "Lồng ghép sinh hoạt tổ dân phố / bản",
        CommunicationForms.Other => "Khác",
        _ => form.ToString(),
    };

    /// <summary>Audiences offered as choices; a unit may add its own.</summary>
    public static readonly IReadOnlyList<string> SuggestedAudiences =
    [
        "Cán bộ, công chức, viên chức",
        "Nhân dân trên địa bàn",
        "Doanh nghiệp",
        "Học sinh, sinh viên",
        "Đoàn viên, hội viên các đoàn thể",
        "Người có uy tín trong cộng đồng",
    ];
}
