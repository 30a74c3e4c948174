using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LaiChau.CchcDashboard.Features.Reminders;

public enum MailResult
{
    Sent = 1,
    SavedToPickup = 2,
}

/// <summary>Sends a message over SMTP, or writes it to the pickup folder when no host is configured.</summary>
public interface IMailSender
{
    Task<MailResult> SendAsync(MimeMessage message, CancellationToken ct = default);
}

public sealed class MailSender(IOptions<SmtpOptions> options, IHostEnvironment environment) : IMailSender
{
    public async Task<MailResult> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value;
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        }
        if (!smtp.IsConfigured)
        {
            var folder = PickupFolder(smtp, environment);
            Directory.CreateDirectory(folder);
            // Named after the Message-Id, so a resend of the same message replaces its file.
            var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{FileSafe(message.MessageId)}.eml";
            await message.WriteToAsync(Path.Combine(folder, name), ct);
            return MailResult.SavedToPickup;
        }

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        return MailResult.Sent;
    }

    private static string FileSafe(string? messageId) => string.IsNullOrEmpty(messageId)
        ? Guid.NewGuid().ToString("N")
        : string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));

    public static string PickupFolder(SmtpOptions smtp, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(environment);
        return Path.IsPathRooted(smtp.PickupFolder) ? smtp.PickupFolder : Path.Combine(environment.ContentRootPath, smtp.PickupFolder);
    }
}
