using System.Linq.Expressions;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>
/// The deadline and status rules of docs/domain.md §4, in one place for the reports, the overview,
/// the reminders and the documents.
/// </summary>
public static class ReportRules
{
    /// <summary>
    /// "trước ngày 25/5/2020" is before 25/05/2020 00:00 local time: a report submitted strictly
    /// before the due instant is on time (24/05 23:59:59 is on time, 25/05 00:00:00 is late).
    /// </summary>
    [TranslatedBy(nameof(IsOnTimeRule))]
    public static bool IsOnTime(DateTimeOffset submittedAt, DateTimeOffset dueAt) => IsOnTimeCompiled(submittedAt, dueAt);

    private static readonly Expression<Func<DateTimeOffset, DateTimeOffset, bool>> IsOnTimeRule = (submittedAt, dueAt) => submittedAt < dueAt;

    private static readonly Func<DateTimeOffset, DateTimeOffset, bool> IsOnTimeCompiled = IsOnTimeRule.Compile();

    /// <summary>
    /// States that count as "has reported" for rates and reminders. A report returned for
    /// additions does not: it re-enters the chase until it is sent back.
    /// </summary>
    [TranslatedBy(nameof(CountsAsSubmittedRule))]
    public static bool CountsAsSubmitted(ReportState state) => CountsAsSubmittedCompiled(state);

    // The one definition, read by SQL (PeriodProgressQuery inlines it) and by .NET (compiled once).
    private static readonly Expression<Func<ReportState, bool>> CountsAsSubmittedRule =
        state => state == ReportState.Submitted || state == ReportState.Resubmitted || state == ReportState.Accepted;

    private static readonly Func<ReportState, bool> CountsAsSubmittedCompiled = CountsAsSubmittedRule.Compile();

    /// <summary>Whether the unit may edit (not while Phòng Nội vụ holds it).</summary>
    public static bool IsEditableByUnit(ReportState state) =>
        state is ReportState.NotStarted or ReportState.Draft or ReportState.Returned;

    /// <summary>
    /// Timeliness is judged on the first submission: a unit that reported on time and was asked
    /// for additions afterwards has still met the deadline.
    /// </summary>
    public static bool? WasOnTime(DateTimeOffset? firstSubmittedAt, DateTimeOffset dueAt) =>
        firstSubmittedAt is { } at ? IsOnTime(at, dueAt) : null;

    public static string Label(this ReportState state) => state switch
    {
        ReportState.NotStarted => "Chưa thực hiện",
        ReportState.Draft => "Đang soạn",
        ReportState.Submitted => "Đã nộp",
        ReportState.Returned => "Yêu cầu bổ sung",
        ReportState.Resubmitted => "Đã nộp lại",
        ReportState.Accepted => "Đã tiếp nhận",
        _ => state.ToString(),
    };

    /// <summary>The colour bucket of a report, with the same words and colours as activities.</summary>
    public static StatusBucket Bucket(ReportState state, DateTimeOffset? firstSubmittedAt, DateTimeOffset dueAt, DateTimeOffset now) =>
        Bucket(state, CountsAsSubmitted(state), WasOnTime(firstSubmittedAt, dueAt), dueAt, now);

    /// <summary>The colour bucket from the flags a query already computed (<see cref="PeriodProgressQuery"/>).</summary>
    public static StatusBucket Bucket(ReportState state, bool hasSubmitted, bool? onTime, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (hasSubmitted)
        {
            return onTime == false ? StatusBucket.CompletedLate : StatusBucket.CompletedOnTime;
        }
        if (now >= dueAt)
        {
            return StatusBucket.Overdue;
        }
        return state == ReportState.NotStarted ? StatusBucket.NotStarted : StatusBucket.InProgress;
    }

    /// <summary>
    /// Calendar days from today to the deadline day, in Lai Châu: at 18/05 08:00 a report due
    /// "trước ngày 25/05" has 7 days left.
    /// </summary>
    public static int DaysLeft(DateTimeOffset dueAt, DateTimeOffset now) =>
        VietnamTime.LocalDate(dueAt).DayNumber - VietnamTime.LocalDate(now).DayNumber;

    /// <summary>
    /// Days overdue, counting the deadline day itself as the first: on 25/05 a report due before
    /// 25/05 is "quá hạn 1 ngày". Zero while not yet due.
    /// </summary>
    public static int DaysOverdue(DateTimeOffset dueAt, DateTimeOffset now) =>
        now < dueAt ? 0 : VietnamTime.LocalDate(now).DayNumber - VietnamTime.LocalDate(dueAt).DayNumber + 1;

    /// <summary>
    /// The countdown wording: "còn N ngày"; in the last 48 hours "còn H giờ M phút"; after it
    /// "quá hạn N ngày".
    /// </summary>
    public static string Countdown(DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (now >= dueAt)
        {
            return $"quá hạn {DaysOverdue(dueAt, now)} ngày";
        }
        var left = dueAt - now;
        if (left <= TimeSpan.FromHours(48))
        {
            return $"còn {(int)left.TotalHours} giờ {left.Minutes} phút";
        }
        return $"còn {DaysLeft(dueAt, now)} ngày";
    }
}
