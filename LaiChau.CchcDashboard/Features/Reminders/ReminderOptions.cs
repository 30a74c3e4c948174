using System.ComponentModel.DataAnnotations;
using LaiChau.CchcDashboard.Common;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>The reminder policy's settings (docs/domain.md §4): steps are settings, not constants.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    /// <summary>The city's names for the wording of reminders (set from the City section).</summary>
    public CityOptions City { get; set; } = new();

    public const string SectionName = "Reminders";

    /// <summary>Days before the deadline a reminder goes out (the last day is always a step of its own).</summary>
    [Required, MinLength(1, ErrorMessage = "Reminders:DaysBefore needs at least one step.")]
    public List<int> DaysBefore { get; set; } = [14, 7, 3, 1];

    /// <summary>After the last day, a reminder every this many days while the report is missing.</summary>
    [Range(1, 60)]
    public int OverdueEveryDays { get; set; } = 3;

    /// <summary>How long after the deadline the chase goes on; the period is closed for reminders after that.</summary>
    [Range(1, 366)]
    public int ChaseOverdueForDays { get; set; } = 90;

    /// <summary>The unit whose e-mail address is copied on overdue reminders (Phòng Nội vụ).</summary>
    [Required]
    public string HomeAffairsUnitCode { get; set; } = "P-NOI-VU";

    /// <summary>The app's public address, for the links in e-mails (e.g. https://cchc.laichau.gov.vn).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DaysBefore.Any(d => d is < 1 or > 120))
        {
            yield return new ValidationResult("Reminders:DaysBefore must be between 1 and 120 days.", [nameof(DaysBefore)]);
        }
    }
}

/// <summary>SMTP settings. No Host means the demo default: messages go to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS (or TLS on connect for port 465); off only for a relay on the local network.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "cchc@laichau.example";

    public string FromName { get; set; } = "CCHC thành phố Lai Châu";

    /// <summary>Where .eml files are written when no host is configured (relative to the app folder).</summary>
    [Required]
    public string PickupFolder { get; set; } = "App_Data/mail";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How many e-mails the outbox job sends at once.</summary>
    [Range(1, 32)]
    public int MaxParallelSends { get; set; } = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
