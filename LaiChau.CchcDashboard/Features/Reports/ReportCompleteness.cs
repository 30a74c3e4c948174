using System.Linq.Expressions;
using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>
/// The required fields of a report (completeness = filled / required, domain.md §4): the header
/// (number, date, signer's name and title), every section-2 figure (zero counts as filled), at least
/// one audience and one form, and the texts of sections 2–4. Section 1's table is not required: a
/// unit may have issued no documents, and its count then is zero.
/// </summary>
public static class ReportCompleteness
{
    public sealed record RequiredField(string Name, string Label, Func<ReportForm, bool> IsFilled);

    public static readonly IReadOnlyList<RequiredField> Fields =
    [
        new(nameof(ReportForm.DocumentNumber), "Số, ký hiệu báo cáo", f => !string.IsNullOrWhiteSpace(f.DocumentNumber)),
        new(nameof(ReportForm.DocumentDate), "Ngày báo cáo", f => f.DocumentDate is not null),
        new(nameof(ReportForm.SignerName), "Người ký", f => !string.IsNullOrWhiteSpace(f.SignerName)),
        new(nameof(ReportForm.SignerTitle), "Chức vụ người ký", f => !string.IsNullOrWhiteSpace(f.SignerTitle)),
        new(nameof(ReportForm.ContentPropagated), "Nội dung tuyên truyền", f => !string.IsNullOrWhiteSpace(f.ContentPropagated)),
        new(nameof(ReportForm.DocumentCount), "Số văn bản", f => f.DocumentCount is not null),
        new(nameof(ReportForm.NewsArticleCount), "Số tin, bài", f => f.NewsArticleCount is not null),
        new(nameof(ReportForm.ModelCount), "Số mô hình", f => f.ModelCount is not null),
        new(nameof(ReportForm.ExemplaryExampleCount), "Số gương tiêu biểu", f => f.ExemplaryExampleCount is not null),
        new(nameof(ReportForm.SessionCount), "Số buổi tuyên truyền", f => f.SessionCount is not null),
        new(nameof(ReportForm.BroadcastMinutes), "Số phút phát sóng", f => f.BroadcastMinutes is not null),
        new(nameof(ReportForm.Audiences), "Đối tượng", f => f.Audiences.Count > 0),
        new(nameof(ReportForm.ParticipantCount), "Số người tham gia", f => f.ParticipantCount is not null),
        new(nameof(ReportForm.Forms), "Hình thức tuyên truyền", f => f.Forms != CommunicationForms.None),
        new(nameof(ReportForm.Results), "Kết quả qua tuyên truyền", f => !string.IsNullOrWhiteSpace(f.Results)),
        new(nameof(ReportForm.Strengths), "Ưu điểm", f => !string.IsNullOrWhiteSpace(f.Strengths)),
        new(nameof(ReportForm.Limitations), "Hạn chế", f => !string.IsNullOrWhiteSpace(f.Limitations)),
    ];

    public static int Required => Fields.Count;

    public static int Filled(ReportForm form) => Fields.Count(f => f.IsFilled(form));

    public static int Percent(int filled) => (int)Math.Round(100.0 * filled / Required, MidpointRounding.AwayFromZero);

    public static int Percent(ReportForm form) => Percent(Filled(form));

    /// <summary>The same count as <see cref="Filled(ReportForm)"/>, translated to SQL so lists need no extra query per report.</summary>
    public static readonly Expression<Func<UnitReport, ReportStatus>> Status = r => new ReportStatus(
        r.Id, r.PeriodId, r.UnitId, r.State, r.FirstSubmittedAt, r.SubmittedAt,
        (r.DocumentNumber != null && r.DocumentNumber != "" ? 1 : 0)
        + (r.DocumentDate != null ? 1 : 0)
        + (r.SignerName != null && r.SignerName != "" ? 1 : 0)
        + (r.SignerTitle != null && r.SignerTitle != "" ? 1 : 0)
        + (r.ContentPropagated != null && r.ContentPropagated != "" ? 1 : 0)
        + (r.DocumentCount != null ? 1 : 0)
        + (r.NewsArticleCount != null ? 1 : 0)
        + (r.ModelCount != null ? 1 : 0)
        + (r.ExemplaryExampleCount != null ? 1 : 0)
        + (r.SessionCount != null ? 1 : 0)
        + (r.BroadcastMinutes != null ? 1 : 0)
        + (r.Audiences.Count > 0 ? 1 : 0)
        + (r.ParticipantCount != null ? 1 : 0)
        + (r.Forms != CommunicationForms.None ? 1 : 0)
        + (r.Results != null && r.Results != "" ? 1 : 0)
        + (r.Strengths != null && r.Strengths != "" ? 1 : 0)
        + (r.Limitations != null && r.Limitations != "" ? 1 : 0))
    {
        HasSignedCopy = r.SignedCopies.Any(),
    };
}

/// <summary>A report's state without its content: what lists and the tracking matrix need.</summary>
public sealed record ReportStatus(int Id, int PeriodId, int UnitId, ReportState State, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, int FilledFields)
{
    public int Completeness => ReportCompleteness.Percent(FilledFields);

    /// <summary>The signed and stamped copy has arrived (Features/SignedCopies).</summary>
    public bool HasSignedCopy { get; init; }
}
