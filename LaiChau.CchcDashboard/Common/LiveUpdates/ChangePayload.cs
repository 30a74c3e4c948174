using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaiChau.CchcDashboard.Common.LiveUpdates;

/// <summary>
/// The NOTIFY payload of a change: compact JSON with the sending instance's id, so an instance can
/// skip its own changes (it has already delivered them locally).
/// </summary>
public static class ChangePayload
{
    /// <summary>
    /// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (default build); the limit counts
    /// UTF-8 bytes, not characters.
    /// </summary>
    public const int MaxBytes = 7999;

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The payload for <paramref name="change"/>. Only the user id has no fixed size; if the payload
    /// would be too long it is sent without it (<paramref name="widened"/>), which makes the event
    /// reach more pages, never fewer: a page filters "this user's" changes by id, and an event
    /// without a user is one every page that follows the kind re-reads.
    /// </summary>
    public static string Write(Guid instance, ChangeEvent change, out bool widened)
    {
        ArgumentNullException.ThrowIfNull(change);
        var message = new Message(instance, change.Kind, change.PlanId, change.PeriodId, change.UnitId, change.UserId);
        var payload = JsonSerializer.Serialize(message, Json);
        widened = Encoding.UTF8.GetByteCount(payload) > MaxBytes;
        return widened ? JsonSerializer.Serialize(message with { UserId = null }, Json) : payload;
    }

    /// <summary>Reads a payload written by <see cref="Write"/>; false for anything else (another program, a newer kind).</summary>
    public static bool TryRead(string? payload, out Guid instance, out ChangeEvent change)
    {
        instance = Guid.Empty;
        change = null!;
        if (string.IsNullOrEmpty(payload))
        {
            return false;
        }
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(payload, Json);
        }
        catch (JsonException)
        {
            return false;
        }
        if (message is null || message.Instance == Guid.Empty || !Enum.IsDefined(message.Kind))
        {
            return false;
        }
        instance = message.Instance;
        change = new ChangeEvent(message.Kind, message.PlanId, message.PeriodId, message.UnitId, message.UserId);
        return true;
    }

    private sealed record Message(
        [property: JsonPropertyName("i")] Guid Instance,
        [property: JsonPropertyName("k")] ChangeKind Kind,
        [property: JsonPropertyName("p")] int? PlanId,
        [property: JsonPropertyName("r")] int? PeriodId,
        [property: JsonPropertyName("u")] int? UnitId,
        [property: JsonPropertyName("s")] string? UserId);
}
