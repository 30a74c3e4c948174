using System.Reflection;
using Microsoft.JSInterop;

namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// Before a save, checks that every text field the browser shows has reached the server. A change
/// sent while the connection dropped (or refused as too large) is lost on the way, and the server
/// would save the older text and report success. Fields are marked <c>data-field="Property"</c>
/// inside the form element; the browser sends each value's length and hash, not the text.
/// </summary>
public static class FormSync
{
    private sealed record FieldState(string Field, int Length, uint Hash);

    /// <summary>
    /// The names of the fields whose text in the browser differs from the model. Each such field's
    /// change is sent again once; only the fields still different after that are returned.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UnsyncedFieldsAsync(IJSRuntime js, string formId, object model)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(model);
        var differing = Differing(await js.InvokeAsync<FieldState[]>("cchc.fieldStates", formId), model);
        if (differing.Count == 0)
        {
            return differing;
        }
        // The change events are queued before the reply, so the model is up to date when it arrives.
        await js.InvokeVoidAsync("cchc.resendFields", formId, differing);
        return Differing(await js.InvokeAsync<FieldState[]>("cchc.fieldStates", formId), model);
    }

    private static List<string> Differing(FieldState[]? states, object model)
    {
        var differing = new List<string>();
        foreach (var state in states ?? [])
        {
            var property = model.GetType().GetProperty(state.Field, BindingFlags.Public | BindingFlags.Instance);
            if (property?.PropertyType != typeof(string))
            {
                continue;
            }
            var text = Normalise((string?)property.GetValue(model));
            if (text.Length != state.Length || Hash(text) != state.Hash)
            {
                differing.Add(state.Field);
            }
        }
        return differing;
    }

    // A text area reports its line breaks as \n whatever was stored.
    private static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>FNV-1a over UTF-16 units, the same as cchc.fieldStates in app.js.</summary>
    public static uint Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var unit in text)
        {
            hash ^= unit;
            hash = unchecked(hash * 16777619u);
        }
        return hash;
    }
}
