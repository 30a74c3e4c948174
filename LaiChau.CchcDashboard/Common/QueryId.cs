using System.Globalization;

namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// Ids in a page's query string (<c>?unit=</c>, <c>?period=</c>) are read as text and parsed here:
/// a malformed value (<c>abc</c>, <c>1.5</c>, <c>-1</c>, too large) is ignored as if absent.
/// Binding them as <c>int?</c> would throw while the page renders (a 500, or a dead live page).
/// </summary>
public static class QueryId
{
    public static int? Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
