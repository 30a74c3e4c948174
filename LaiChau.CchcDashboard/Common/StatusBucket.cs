namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// The five status buckets Vietnamese task-tracking systems count, with the same words and colours
/// for reports and activities everywhere (docs/domain.md §4).
/// </summary>
public enum StatusBucket
{
    CompletedOnTime = 1,
    CompletedLate = 2,
    InProgress = 3,
    Overdue = 4,
    NotStarted = 5,
}

public static class StatusBuckets
{
    public static readonly IReadOnlyList<StatusBucket> All =
        [StatusBucket.CompletedOnTime, StatusBucket.CompletedLate, StatusBucket.InProgress, StatusBucket.Overdue, StatusBucket.NotStarted];

    public static string Label(this StatusBucket bucket) => bucket switch
    {
        StatusBucket.CompletedOnTime => "Hoàn thành đúng hạn",
        StatusBucket.CompletedLate => "Hoàn thành quá hạn",
        StatusBucket.InProgress => "Đang thực hiện, còn hạn",
        StatusBucket.Overdue => "Quá hạn chưa hoàn thành",
        StatusBucket.NotStarted => "Chưa bắt đầu",
        _ => bucket.ToString(),
    };

    /// <summary>Green, orange, blue, red, grey.</summary>
    public static string Colour(this StatusBucket bucket) => bucket switch
    {
        StatusBucket.CompletedOnTime => "#2E7D32",
        StatusBucket.CompletedLate => "#B85000",
        StatusBucket.InProgress => "#1565C0",
        StatusBucket.Overdue => "#C62828",
        StatusBucket.NotStarted => "#757575",
        _ => "#757575",
    };

    /// <summary>CSS class (app.css) that paints a chip or cell in the bucket's colour.</summary>
    public static string CssClass(this StatusBucket bucket) => bucket switch
    {
        StatusBucket.CompletedOnTime => "bucket-ontime",
        StatusBucket.CompletedLate => "bucket-late",
        StatusBucket.InProgress => "bucket-inprogress",
        StatusBucket.Overdue => "bucket-overdue",
        _ => "bucket-notstarted",
    };
}
