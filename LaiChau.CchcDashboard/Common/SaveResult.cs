namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// The outcome of a save that can be refused: either success or messages keyed by the form
/// field they belong to (an empty key for a message about the whole form).
/// </summary>
public sealed record SaveResult(IReadOnlyDictionary<string, string> Errors)
{
    public static readonly SaveResult Ok = new(new Dictionary<string, string>());

    public bool Succeeded => Errors.Count == 0;

    public static SaveResult Fail(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
