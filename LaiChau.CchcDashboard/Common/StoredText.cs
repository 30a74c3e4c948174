using System.Text;

namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// The one rule for text the app stores, applied to every string property on save
/// (<see cref="Data.StoredTextInterceptor"/>) and again by every writer (xlsx, e-mail, PDF) so rows
/// stored before the rule cannot break them: Unicode NFC (so "Doanh nghiệp" typed in NFD is the
/// same text as in NFC), no C0/C1 control characters except tab and line breaks (Word's U+000B
/// and NUL break XML and mail), no bidirectional overrides or isolates (they display text
/// reversed), no unpaired surrogates or non-characters.
/// </summary>
public static class StoredText
{
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsClean(value))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (!IsRemoved(c))
            {
                builder.Append(c);
            }
        }
        var kept = builder.ToString();
        return kept.IsNormalized(NormalizationForm.FormC) ? kept : kept.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Normalised and on one line (a mail subject, a sheet name): tabs and line breaks become spaces.</summary>
    public static string ForLine(string value) =>
        Normalise(value).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');

    /// <summary>Normalised, or null for null.</summary>
    public static string? NormaliseOrNull(string? value) => value is null ? null : Normalise(value);

    private static bool IsClean(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (IsRemoved(c))
            {
                return false;
            }
        }
        // Plain ASCII is always NFC; only other text needs the (slower) check.
        return value.IsNormalized(NormalizationForm.FormC);
    }

    private static bool IsRemoved(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < ' ' => true,
        >= '\u007f' and <= '\u009f' => true,
        >= '\u202a' and <= '\u202e' => true, // LRE, RLE, PDF, LRO, RLO
        >= '\u2066' and <= '\u2069' => true, // LRI, RLI, FSI, PDI
        '\ufffe' or '\uffff' => true,
        _ => char.IsSurrogate(c), // an unpaired half (a pair was taken whole above)
    };
}
