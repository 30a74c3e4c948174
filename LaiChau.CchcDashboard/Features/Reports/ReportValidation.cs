using System.ComponentModel.DataAnnotations;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>Field checks beyond the form's annotations: the period's span and its minutes.</summary>
public static class ReportValidation
{
    public static Dictionary<string, string> Validate(ReportForm form, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(period);
        var errors = FormValidation.Validate(form);

        var minutes = MinutesIn(period);
        if (form.BroadcastMinutes > minutes)
        {
            errors.TryAdd(nameof(ReportForm.BroadcastMinutes),
                $"Số phút phát sóng không thể vượt quá số phút của kỳ báo cáo ({VietnamTime.FormatNumber(minutes)} phút).");
        }
        if (form.Audiences.Count > ReportForm.MaxAudiences)
        {
            errors.TryAdd(nameof(ReportForm.Audiences), $"Tối đa {ReportForm.MaxAudiences} nhóm đối tượng.");
        }
        else if (form.Audiences.Any(a => a.Trim().Length > ReportForm.MaxAudienceLength))
        {
            errors.TryAdd(nameof(ReportForm.Audiences), "Mỗi nhóm đối tượng tối đa 200 ký tự.");
        }
        if ((form.Forms & ~AllForms) != 0)
        {
            errors.TryAdd(nameof(ReportForm.Forms), "Hình thức tuyên truyền không hợp lệ.");
        }
        if (form.Documents.Count > 500)
        {
            errors.TryAdd(nameof(ReportForm.Documents), "Tối đa 500 văn bản.");
        }
        for (var i = 0; i < form.Documents.Count; i++)
        {
            if (ValidateDocument(form.Documents[i], period) is { } message)
            {
                errors.TryAdd(nameof(ReportForm.Documents), $"Văn bản thứ {i + 1}: {message}");
            }
        }
        return errors;
    }

    /// <summary>The first problem of a section-1 row, or null; the row dialog shows the same message.</summary>
    public static string? ValidateDocument(ReportDocumentForm row, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(period);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(row, new ValidationContext(row), results, validateAllProperties: true))
        {
            return results[0].ErrorMessage;
        }
        return DateOutsidePeriod(row.Date, period.CoversFrom, period.CoversTo);
    }

    public static string? DateOutsidePeriod(DateTime? date, DateOnly from, DateOnly to)
    {
        if (date is not { } d)
        {
            return null;
        }
        var day = DateOnly.FromDateTime(d);
        return day < from || day > to
            ? $"Ngày văn bản phải trong kỳ báo cáo ({VietnamTime.FormatDate(from)} – {VietnamTime.FormatDate(to)})."
            : null;
    }

    public static int MinutesIn(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return (period.CoversTo.DayNumber - period.CoversFrom.DayNumber + 1) * 24 * 60;
    }

    private static readonly CommunicationForms AllForms = CommunicationFormLabels.All.Aggregate(CommunicationForms.None, (a, f) => a | f);
}
