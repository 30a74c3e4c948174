using System.Text;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// What a careless paste or a careful attacker sends: markup, spreadsheet formulas, decomposed
/// Vietnamese, emoji, control and bidi characters, very long texts, odd numbers and odd ids. Every
/// form's service and every endpoint gets these; each is refused with a Vietnamese message or
/// stored normalised, nothing answers 500 and nothing already saved is lost.
/// </summary>
public static class BadInputCorpus
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["markup"] = "<script>alert('x')</script><b onmouseover=\"x()\">Tân Phong</b>",
        ["formula"] = "=HYPERLINK(\"http://example.invalid\",\"Bấm\")",
        ["formula-plus"] = "+cmd|' /C calc'!A0",
        ["formula-at"] = "@SUM(1+1)*cmd|' /C calc'!A0",
        ["nfd"] = "Doanh nghiệp và người dân".Normalize(NormalizationForm.FormD),
        ["emoji"] = "Tuyên truyền 😀🎉 trực tuyến",
        ["nul"] = "Phường\0 Tân Phong",
        ["controls"] = "Phòng\u000B Tư\u0007 pháp\u001B\u0085",
        ["bidi"] = "Hội nghị \u202Egnòc\u202C \u2066x\u2069",
        ["text-8k"] = Long(8 * 1024),
        ["text-32k"] = Long(32 * 1024),
        ["text-100k"] = Long(100 * 1024),
    };

    public static readonly IReadOnlyList<int> Counts = [-1, -2147483648, 2147483647, 1_000_000_000];

    /// <summary>Odd ids for paths and query strings (a NUL in a path is refused by the server before the app; see BadQueryStringTests for it in a query).</summary>
    public static readonly IReadOnlyList<string> Ids = ["0", "-1", "99999999999", "abc", "..%2F..%2Fetc%2Fpasswd", "1.5", "%20"];

    public static TheoryData<string> TextNames => [.. Texts.Keys];

    /// <summary>Vietnamese prose of about <paramref name="length"/> characters.</summary>
    private static string Long(int length)
    {
        const string sentence = "Tuyên truyền cải cách hành chính đến từng tổ dân phố, bản. ";
        var builder = new StringBuilder(length + sentence.Length);
        while (builder.Length < length)
        {
            builder.Append(sentence);
        }
        return builder.ToString(0, length);
    }
}
