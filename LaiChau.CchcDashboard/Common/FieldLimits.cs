using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;

namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// The browser's limit of a text field, read from the [MaxLength] the server checks on the same
/// form property, so the two never disagree: <c>MaxLength="FieldLimits.Of(() => Form.Name)"</c>.
/// </summary>
public static class FieldLimits
{
    /// <summary>
    /// The longest text any field accepts (the report's long texts). The SignalR limit on messages
    /// from the browser is sized from it (see UiExtensions).
    /// </summary>
    public const int LongestText = 8000;

    /// <summary>
    /// The SignalR limit on one message from the browser. A field's new value arrives in one message,
    /// as JSON: each UTF-16 unit takes at most 3 bytes in UTF-8, or 6 when JSON escapes it (control
    /// characters as \uXXXX), plus a small envelope. With the default 32 KB, about 11,000 Vietnamese
    /// characters already closed the connection and the text never reached the server.
    /// </summary>
    public const long MaxBrowserMessageBytes = (LongestText * 6) + (16 * 1024);

    /// <summary>Free-text filters (search boxes) that are never stored.</summary>
    public const int Search = 100;

    public static int Of<T>(Expression<Func<T>> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Body is not MemberExpression { Member: PropertyInfo property })
        {
            throw new ArgumentException("The expression must name a form property, e.g. () => Form.Name.", nameof(field));
        }
        return Of(property);
    }

    public static int Of(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<MaxLengthAttribute>()?.Length
            ?? property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength
            ?? throw new InvalidOperationException(
                $"{property.DeclaringType?.Name}.{property.Name} has no [MaxLength]: every text field needs a limit the server checks.");
    }
}
