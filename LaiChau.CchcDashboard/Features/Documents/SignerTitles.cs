using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>A title the signer may hold, and the lines the signature block prints for it.</summary>
public sealed record SignerTitle(string Title, IReadOnlyList<string> AuthorityLines)
{
    /// <summary>What the form shows: "Phó Chủ tịch (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)".</summary>
    public string Label => $"{Title} ({string.Join(" / ", AuthorityLines)})";
}

/// <summary>
/// The signature block as offices write it (Nghị định 30/2020, Phụ lục I, mục II.8): a ward or
/// commune signs for the collective ("TM. ỦY BAN NHÂN DÂN"), its deputy chair signs for the chair
/// ("KT. CHỦ TỊCH"); a department's head signs in their own title, a deputy "KT. TRƯỞNG PHÒNG".
/// Any other title is printed as given, under the ward's "TM." line where there is one.
/// </summary>
public static class SignerTitles
{
    public const string OnBehalfOfCommittee = "TM. ỦY BAN NHÂN DÂN";

    public static IReadOnlyList<SignerTitle> For(UnitKind kind) => kind is UnitKind.Ward or UnitKind.Commune
        ?
        [
            new("Chủ tịch", [OnBehalfOfCommittee, "CHỦ TỊCH"]),
            new("Phó Chủ tịch", [OnBehalfOfCommittee, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        ]
        :
        [
            new("Trưởng phòng", ["TRƯỞNG PHÒNG"]),
            new("Phó Trưởng phòng", ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"]),
        ];

    /// <summary>The lines above the signature for a stored title; a title not in the list is "other", printed as typed.</summary>
    public static IReadOnlyList<string> Lines(UnitKind kind, string? title)
    {
        var usual = For(kind);
        if (string.IsNullOrWhiteSpace(title))
        {
            return usual[0].AuthorityLines;
        }
        var known = usual.FirstOrDefault(t => string.Equals(t.Title, title.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known.AuthorityLines;
        }
        var other = OfficialParts.Upper(title.Trim());
        return kind is UnitKind.Ward or UnitKind.Commune ? [OnBehalfOfCommittee, other] : [other];
    }

    public static bool IsUsual(UnitKind kind, string? title) =>
        title is not null && For(kind).Any(t => string.Equals(t.Title, title.Trim(), StringComparison.OrdinalIgnoreCase));
}
