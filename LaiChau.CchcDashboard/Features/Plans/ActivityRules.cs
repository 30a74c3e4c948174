using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Plans;

/// <summary>The status rules of activities and section-IV tasks (docs/domain.md §4), shared by the list, the overview and the plan page.</summary>
public static class ActivityRules
{
    /// <summary>
    /// A dated activity completed at or after its due instant is "hoàn thành quá hạn"; one past its
    /// due instant and not completed is "quá hạn". "Thường xuyên" activities have no due instant.
    /// </summary>
    public static StatusBucket Bucket(ActivityStatus status, DateTimeOffset? dueAt, DateTimeOffset? completedAt, DateTimeOffset now)
    {
        if (status == ActivityStatus.Completed)
        {
            return dueAt is { } due && completedAt is { } done && done >= due ? StatusBucket.CompletedLate : StatusBucket.CompletedOnTime;
        }
        if (dueAt is { } deadline && now >= deadline)
        {
            return StatusBucket.Overdue;
        }
        return status == ActivityStatus.InProgress ? StatusBucket.InProgress : StatusBucket.NotStarted;
    }

    /// <summary>
    /// An ongoing activity is expected to show at least one progress update in every local month;
    /// until it is completed, a month without one is flagged "chưa cập nhật tháng này".
    /// </summary>
    public static bool IsStale(bool isOngoing, ActivityStatus status, DateOnly? lastUpdate, DateTimeOffset now)
    {
        if (!isOngoing || status == ActivityStatus.Completed)
        {
            return false;
        }
        var today = VietnamTime.LocalDate(now);
        return lastUpdate is not { } last || last.Year != today.Year || last.Month != today.Month;
    }

    public const string StaleLabel = "Chưa cập nhật tháng này";

    public static string Label(this ActivityStatus status) => status switch
    {
        ActivityStatus.NotStarted => "Chưa bắt đầu",
        ActivityStatus.InProgress => "Đang thực hiện",
        ActivityStatus.Completed => "Hoàn thành",
        _ => status.ToString(),
    };

    public static string Label(this ActivityKind kind) => kind switch
    {
        ActivityKind.KeyActivity => "Hoạt động trọng tâm",
        ActivityKind.StandingTask => "Nhiệm vụ (phần IV)",
        _ => kind.ToString(),
    };
}
