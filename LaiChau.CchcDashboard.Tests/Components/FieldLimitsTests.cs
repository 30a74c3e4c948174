using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using LaiChau.CchcDashboard.Common;

namespace LaiChau.CchcDashboard.Tests.Components;

/// <summary>Every text input has a limit the browser enforces and the server checks, within what SignalR carries.</summary>
public sealed partial class FieldLimitsTests
{
    private static string AppFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LaiChau.CchcDashboard.slnx")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "LaiChau.CchcDashboard");
        }
    }

    [Fact]
    public void EveryTextInputInTheApp_HasAMaxLength()
    {
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(AppFolder, "*.razor", SearchOption.AllDirectories))
        {
            foreach (Match tag in TextInput().Matches(File.ReadAllText(file)))
            {
                if (!tag.Value.Contains("MaxLength=", StringComparison.OrdinalIgnoreCase) && !tag.Value.Contains("type=\"hidden\"", StringComparison.Ordinal))
                {
                    missing.Add($"{Path.GetFileName(file)}: {tag.Value[..Math.Min(80, tag.Value.Length)]}");
                }
            }
        }
        Assert.Empty(missing);
    }

    public static TheoryData<string> LimitedProperties() =>
        [.. FormProperties().Select(p => $"{p.DeclaringType!.FullName}.{p.Name}")];

    [Theory]
    [MemberData(nameof(LimitedProperties))]
    public void TextOverTheLimit_IsRefusedByTheServer_WithAVietnameseMessageAtTheField(string name)
    {
        var property = FormProperties().Single(p => $"{p.DeclaringType!.FullName}.{p.Name}" == name);
        var form = Activator.CreateInstance(property.DeclaringType!)!;
        property.SetValue(form, new string('a', FieldLimits.Of(property) + 1));

        var errors = FormValidation.Validate(form);

        Assert.True(errors.TryGetValue(property.Name, out var message), $"{name} accepts text over its limit.");
        Assert.Contains("tối đa", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLongestField_FitsInOneBrowserMessage_EvenIfEveryCharacterIsEscaped()
    {
        var longest = FormProperties().Max(FieldLimits.Of);

        Assert.Equal(FieldLimits.LongestText, longest);
        Assert.True(FieldLimits.MaxBrowserMessageBytes >= (longest * 6) + 1024);
    }

    // String properties of the app's forms that carry a [MaxLength] (what the UI binds text to).
    private static IEnumerable<PropertyInfo> FormProperties() =>
        typeof(FieldLimits).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Form", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.GetCustomAttribute<MaxLengthAttribute>() is not null);

    [GeneratedRegex(@"<(MudTextField|InputText|InputTextArea|textarea|input)\b.*?(/>|</\1>)", RegexOptions.Singleline)]
    private static partial Regex TextInput();
}
