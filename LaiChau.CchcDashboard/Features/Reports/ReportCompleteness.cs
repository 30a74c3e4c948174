using System.Linq.Expressions;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>
/// The required fields of a report (completeness = filled / required, docs/domain.md §3): the header
/// (number, date, signer's name and title), every section-2 figure (zero counts as filled), at least
/// one audience and one form, and the texts of sections 2–4. Section 1's table is not required: a
/// unit may have issued no documents, and its count then is zero.
/// Each field is written once, as an expression over the stored report: SQL counts them in lists
/// (<see cref="FilledFields"/> inlined by <see cref="QueryInlining"/>), and the editor and the
/// "Nộp" check run the same expressions compiled, on the form being typed.
/// </summary>
public static class ReportCompleteness
{
    public sealed class RequiredField(string name, string label, Expression<Func<UnitReport, bool>> filled)
    {
        private readonly Func<UnitReport, bool> _compiled = filled.Compile();

        public string Name { get; } = name;
        public string Label { get; } = label;
        public Expression<Func<UnitReport, bool>> Filled { get; } = filled;

        public bool IsFilled(UnitReport report) => _compiled(report);

        public bool IsFilled(ReportForm form) => _compiled(Content(form));
    }

    public static readonly IReadOnlyList<RequiredField> Fields =
    [
        new(nameof(ReportForm.DocumentNumber), "Số, ký hiệu báo cáo", r => !string.IsNullOrWhiteSpace(r.DocumentNumber)),
        new(nameof(ReportForm.DocumentDate), "Ngày báo cáo", r => r.DocumentDate != null),
        new(nameof(ReportForm.SignerName), "Người ký", r => !string.IsNullOrWhiteSpace(r.SignerName)),
        new(nameof(ReportForm.SignerTitle), "Chức vụ người ký", r => !string.IsNullOrWhiteSpace(r.SignerTitle)),
        new(nameof(ReportForm.ContentPropagated), "Nội dung tuyên truyền", r => !string.IsNullOrWhiteSpace(r.ContentPropagated)),
        new(nameof(ReportForm.DocumentCount), "Số văn bản", r => r.DocumentCount != null),
        new(nameof(ReportForm.NewsArticleCount), "Số tin, bài", r => r.NewsArticleCount != null),
        new(nameof(ReportForm.ModelCount), "Số mô hình", r => r.ModelCount != null),
        new(nameof(ReportForm.ExemplaryExampleCount), "Số gương tiêu biểu", r => r.ExemplaryExampleCount != null),
        new(nameof(ReportForm.SessionCount), "Số buổi tuyên truyền", r => r.SessionCount != null),
        new(nameof(ReportForm.BroadcastMinutes), "Số phút phát sóng", r => r.BroadcastMinutes != null),
        new(nameof(ReportForm.Audiences), "Đối tượng", r => r.Audiences.Count > 0),
        new(nameof(ReportForm.ParticipantCount), "Số người tham gia", r => r.ParticipantCount != null),
        new(nameof(ReportForm.Forms), "Hình thức tuyên truyền", r => r.Forms != CommunicationForms.None),
        new(nameof(ReportForm.Results), "Kết quả qua tuyên truyền", r => !string.IsNullOrWhiteSpace(r.Results)),
        new(nameof(ReportForm.Strengths), "Ưu điểm", r => !string.IsNullOrWhiteSpace(r.Strengths)),
        new(nameof(ReportForm.Limitations), "Hạn chế", r => !string.IsNullOrWhiteSpace(r.Limitations)),
    ];

    public static int Required => Fields.Count;

    public static int Filled(ReportForm form)
    {
        var content = Content(form);
        return Fields.Count(f => f.IsFilled(content));
    }

    public static int Percent(int filled) => (int)Math.Round(100.0 * filled / Required, MidpointRounding.AwayFromZero);

    public static int Percent(ReportForm form) => Percent(Filled(form));

    /// <summary>The number of required fields filled; in a query it becomes the SQL sum of <see cref="Fields"/>.</summary>
    [TranslatedBy(nameof(FilledFieldsRule))]
    public static int FilledFields(UnitReport report) => Fields.Count(f => f.IsFilled(report));

    private static readonly Expression<Func<UnitReport, int>> FilledFieldsRule = SumOfFields();

    /// <summary>A report's state and completeness without its content, for lists.</summary>
    public static readonly Expression<Func<UnitReport, ReportStatus>> Status = QueryInlining.Inline<Func<UnitReport, ReportStatus>>(r => new ReportStatus(
        r.Id, r.PeriodId, r.UnitId, r.State, r.FirstSubmittedAt, r.SubmittedAt, FilledFields(r))
    {
        HasSignedCopy = r.SignedCopies.Any(),
    });

    private static Expression<Func<UnitReport, int>> SumOfFields()
    {
        var report = Expression.Parameter(typeof(UnitReport), "r");
        Expression sum = Expression.Constant(0);
        foreach (var field in Fields)
        {
            var filled = new Rebind(field.Filled.Parameters[0], report).Visit(field.Filled.Body);
            sum = Expression.Add(sum, Expression.Condition(filled, Expression.Constant(1), Expression.Constant(0)));
        }
        return Expression.Lambda<Func<UnitReport, int>>(sum, report);
    }

    /// <summary>What the form holds, as the stored report would hold it, for the field checks.</summary>
    private static UnitReport Content(ReportForm form) => new()
    {
        DocumentNumber = form.DocumentNumber,
        DocumentDate = form.DocumentDate is { } d ? DateOnly.FromDateTime(d) : null,
        SignerName = form.SignerName,
        SignerTitle = form.SignerTitle,
        ContentPropagated = form.ContentPropagated,
        DocumentCount = form.DocumentCount,
        NewsArticleCount = form.NewsArticleCount,
        ModelCount = form.ModelCount,
        ExemplaryExampleCount = form.ExemplaryExampleCount,
        SessionCount = form.SessionCount,
        BroadcastMinutes = form.BroadcastMinutes,
        Audiences = form.Audiences,
        ParticipantCount = form.ParticipantCount,
        Forms = form.Forms,
        Results = form.Results,
        Strengths = form.Strengths,
        Limitations = form.Limitations,
    };

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>A report's state without its content: what lists and the tracking matrix need.</summary>
public sealed record ReportStatus(int Id, int PeriodId, int UnitId, ReportState State, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, int FilledFields)
{
    public int Completeness => ReportCompleteness.Percent(FilledFields);

    /// <summary>The signed and stamped copy has arrived (Features/SignedCopies).</summary>
    public bool HasSignedCopy { get; init; }
}
