using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LaiChau.CchcDashboard.Data.Conversions;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> in SQLite as EF's binary long, but always written in UTC.
/// EF's own <see cref="DateTimeOffsetToBinaryConverter"/> puts the wall-clock ticks in the high bits,
/// so 24/05 23:59 +07:00 compares in SQL as later than 24/05 17:00 +00:00 (the same due instant).
/// Normalising on write makes SQL comparisons (on time = first submission before the due instant)
/// and ORDER BY agree with .NET; reading uses EF's decoding, so rows written before stay readable.
/// </summary>
public sealed class UtcDateTimeOffsetToBinaryConverter() : ValueConverter<DateTimeOffset, long>(
    v => (v.UtcTicks / 1000) << 11,
    v => new DateTimeOffset(new DateTime((v >> 11) * 1000), new TimeSpan(0, (int)((v << 53) >> 53), 0)));
