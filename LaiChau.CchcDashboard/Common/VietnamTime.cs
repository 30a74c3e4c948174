using System.Globalization;

namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// The one place that knows the app's zone: Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
/// Instants are stored in UTC; everything a person reads is local.
/// </summary>
public static class VietnamTime
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tzdata: Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return LocalDate(clock.GetUtcNow());
    }

    /// <summary>The instant local midnight starts the given day, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset FromLocal(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local)).ToUniversalTime();

    public static string FormatDate(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) => ToLocal(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FormatDateTime(DateTimeOffset instant) => ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The deadline as the plan words it: a due instant of 25/05 00:00 reads "trước ngày 25/05/2020".
    /// </summary>
    public static string FormatDeadline(DateTimeOffset dueAt)
    {
        var local = ToLocal(dueAt);
        return local.TimeOfDay == TimeSpan.Zero
            ? $"trước ngày {local:dd/MM/yyyy}"
            : $"trước {local:HH:mm} ngày {local:dd/MM/yyyy}";
    }

    public static string FormatNumber(long value) => value.ToString("N0", Culture);
}
