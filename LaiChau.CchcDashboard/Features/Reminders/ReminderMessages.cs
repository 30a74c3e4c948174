using System.Net;
using System.Text;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Reports;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>What a reminder is about, enough to word it.</summary>
public sealed record ReminderContent(
    string UnitName, string PeriodName, int PeriodId, DateTimeOffset DueAt, string Step, bool IsOverdue, string? Note);

/// <summary>A worded reminder: the same text for the bell, the plain-text and the HTML e-mail.</summary>
public sealed record ReminderMessage(string Subject, string Headline, string Countdown, string Link, string PlainText, string Html, string InAppBody);

/// <summary>What the bell shows of a reminder; it does not name the unit, so one serves every unit of a step.</summary>
public sealed record InAppMessage(string Headline, string Body, string Link);

/// <summary>The Vietnamese wording of reminders, in the plan's terms ("Hạn: trước ngày 25/05/2020").</summary>
public static class ReminderMessages
{
    /// <summary>"[CCHC Lai Châu] ", with the app's name from City:AppName.</summary>
    public static string SubjectPrefix(CityOptions city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return $"[{city.AppName}] ";
    }

    /// <summary>The unit's report page for the period.</summary>
    public static string ReportPath(int periodId) => $"/reports?period={periodId}";

    public static ReminderMessage Compose(ReminderContent content, DateTimeOffset now, string baseUrl, CityOptions? city = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        city ??= new CityOptions();
        var countdown = ReportRules.Countdown(content.DueAt, now);
        var deadline = "Hạn: " + VietnamTime.FormatDeadline(content.DueAt);
        var headline = Headline(content, now, countdown);
        var link = (baseUrl ?? "").TrimEnd('/') + ReportPath(content.PeriodId);
        var subject = SubjectPrefix(city) + headline + " — " + content.UnitName;

        var text = new StringBuilder()
            .Append("Kính gửi: ").Append(content.UnitName).AppendLine(",").AppendLine()
            .Append(headline).AppendLine(".")
            .Append("Kỳ báo cáo: ").AppendLine(content.PeriodName)
            .AppendLine(deadline + " (" + countdown + ").");
        if (!string.IsNullOrWhiteSpace(content.Note))
        {
            text.Append("Ghi chú của Phòng Nội vụ: ").AppendLine(content.Note.Trim());
        }
        text.AppendLine()
            .Append("Mở báo cáo của đơn vị: ").AppendLine(link).AppendLine()
            .AppendLine("Đây là thư tự động của hệ thống theo dõi Kế hoạch tuyên truyền cải cách hành chính, " + city.Organisation + ".")
            .AppendLine("Nếu đơn vị đã nộp báo cáo, xin bỏ qua thư này.");

        string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family:Arial,sans-serif;font-size:14px\">")
            .Append("<p>Kính gửi: <b>").Append(E(content.UnitName)).Append("</b>,</p>")
            .Append("<p><b>").Append(E(headline)).Append(".</b></p>")
            .Append("<p>Kỳ báo cáo: ").Append(E(content.PeriodName)).Append("<br>")
            .Append(E(deadline)).Append(" (<b>").Append(E(countdown)).Append("</b>).</p>");
        if (!string.IsNullOrWhiteSpace(content.Note))
        {
            html.Append("<p>Ghi chú của Phòng Nội vụ: <i>").Append(E(content.Note.Trim())).Append("</i></p>");
        }
        html.Append("<p><a href=\"").Append(E(link)).Append("\">Mở báo cáo của đơn vị</a></p>")
            .Append("<p style=\"color:#666;font-size:12px\">Đây là thư tự động của hệ thống theo dõi Kế hoạch tuyên truyền cải cách hành chính, ").Append(E(city.Organisation)).Append(". Nếu đơn vị đã nộp báo cáo, xin bỏ qua thư này.</p>")
            .Append("</body></html>");

        return new ReminderMessage(subject, headline, countdown, ReportPath(content.PeriodId), text.ToString(), html.ToString(),
            InAppBody(content, deadline, countdown));
    }

    /// <summary>The headline, body and link of <see cref="Compose"/> alone, for the bell (no e-mail text).</summary>
    public static InAppMessage InApp(ReminderContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var countdown = ReportRules.Countdown(content.DueAt, now);
        var deadline = "Hạn: " + VietnamTime.FormatDeadline(content.DueAt);
        return new InAppMessage(Headline(content, now, countdown), InAppBody(content, deadline, countdown), ReportPath(content.PeriodId));
    }

    private static string InAppBody(ReminderContent content, string deadline, string countdown) =>
        $"{content.PeriodName} — {deadline} ({countdown})."
        + (string.IsNullOrWhiteSpace(content.Note) ? "" : "\nGhi chú của Phòng Nội vụ: " + content.Note.Trim());

    private static string Headline(ReminderContent content, DateTimeOffset now, string countdown)
    {
        if (content.Step.StartsWith(ReminderPolicy.ReturnedPrefix, StringComparison.Ordinal))
        {
            return $"{content.PeriodName} của đơn vị đã bị trả lại, cần bổ sung và nộp lại";
        }
        if (content.Step.StartsWith(ReminderPolicy.ManualPrefix, StringComparison.Ordinal))
        {
            return $"Phòng Nội vụ nhắc nộp {content.PeriodName} ({countdown})";
        }
        if (now >= content.DueAt)
        {
            return $"Đã quá hạn nộp {content.PeriodName} ({countdown})";
        }
        return content.Step == ReminderPolicy.LastDayStep
            ? $"Sắp hết hạn nộp {content.PeriodName} ({countdown})"
            : $"Nhắc nộp {content.PeriodName} ({countdown})";
    }

    /// <summary>How the history names a step.</summary>
    public static string StepLabel(string step)
    {
        if (step.StartsWith("T-", StringComparison.Ordinal))
        {
            return $"Trước hạn {step[2..]} ngày";
        }
        if (step == ReminderPolicy.LastDayStep)
        {
            return "Ngày cuối";
        }
        if (step.StartsWith("Q+", StringComparison.Ordinal))
        {
            return $"Quá hạn {step[2..]} ngày";
        }
        if (step.StartsWith(ReminderPolicy.ReturnedPrefix, StringComparison.Ordinal))
        {
            return "Bị trả lại, cần bổ sung";
        }
        return step.StartsWith(ReminderPolicy.ManualPrefix, StringComparison.Ordinal) ? "Nhắc thủ công" : step;
    }
}
