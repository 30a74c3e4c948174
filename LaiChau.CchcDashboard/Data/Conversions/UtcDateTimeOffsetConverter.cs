using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LaiChau.CchcDashboard.Data.Conversions;

/// <summary>
/// PostgreSQL's timestamptz holds an instant, and Npgsql refuses a <see cref="DateTimeOffset"/>
/// whose offset is not zero: every value is written in UTC (the instant is unchanged) and read back
/// in UTC, as SQLite's <see cref="UtcDateTimeOffsetToBinaryConverter"/> does.
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());
