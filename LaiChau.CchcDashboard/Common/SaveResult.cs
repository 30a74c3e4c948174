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

/// <summary>Runs a form's data annotations on the server, so a service refuses what a tampered form lets through.</summary>
public static class FormValidation
{
    public static Dictionary<string, string> Validate(object form)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            form, new System.ComponentModel.DataAnnotations.ValidationContext(form), results, validateAllProperties: true);
        var errors = new Dictionary<string, string>();
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                errors.TryAdd(member, result.ErrorMessage ?? "Giá trị không hợp lệ.");
            }
        }
        return errors;
    }
}
