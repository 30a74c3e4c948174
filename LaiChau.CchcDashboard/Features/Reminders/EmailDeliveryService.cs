using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>
/// Sends one e-mail delivery and records the attempt. Safe to run again: a delivery that already
/// went out (or was saved to the pickup folder) is not sent twice. A failure is recorded and
/// rethrown so the background job retries it with back-off; after the last attempt it is marked
/// failed and stays visible in the history.
/// </summary>
public sealed class EmailDeliveryService(
    IDbContextFactory<CchcDbContext> dbFactory,
    IMailSender mail,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ChangeNotifier notifier,
    ILogger<EmailDeliveryService> logger)
{
    /// <summary>Attempts in all, the first included; the job's retry policy matches it.</summary>
    public const int MaxAttempts = 5;

    public async Task SendAsync(int deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.ReminderDeliveries
            .Include(d => d.Reminder!).ThenInclude(r => r.Unit)
            .Include(d => d.Reminder!).ThenInclude(r => r.Period)
            .FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Channel != DeliveryChannel.Email
            || delivery.Outcome is DeliveryOutcome.Sent or DeliveryOutcome.SavedToPickup or DeliveryOutcome.Failed)
        {
            return;
        }
        var reminder = delivery.Reminder!;
        var now = clock.GetUtcNow();
        var content = new ReminderContent(reminder.Unit!.Name, reminder.Period!.Name, reminder.PeriodId, reminder.Period.DueAt,
            reminder.Step, reminder.IsOverdue, reminder.Note);
        var composed = ReminderMessages.Compose(content, now, options.Value.BaseUrl);

        using var message = new MimeMessage();
        message.To.Add(MailboxAddress.Parse(delivery.Recipient));
        // Unit names and notes may be rows stored before texts were normalised: no NUL or other
        // control character reaches the message.
        message.Subject = StoredText.ForLine((delivery.IsCopy ? "[Bản sao] " : "") + composed.Subject);
        message.Date = now;
        message.MessageId = $"reminder-{reminder.Id}-{delivery.Id}@cchc.laichau";
        message.Body = new BodyBuilder { TextBody = StoredText.Normalise(composed.PlainText), HtmlBody = StoredText.Normalise(composed.Html) }.ToMessageBody();

        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        try
        {
            var result = await mail.SendAsync(message, ct);
            delivery.Outcome = result == MailResult.Sent ? DeliveryOutcome.Sent : DeliveryOutcome.SavedToPickup;
            delivery.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            delivery.Outcome = delivery.Attempts >= MaxAttempts ? DeliveryOutcome.Failed : DeliveryOutcome.Retrying;
            delivery.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
            await db.SaveChangesAsync(CancellationToken.None);
            await notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated));
            logger.LogWarning("E-mail delivery {DeliveryId} to {Recipient} failed (attempt {Attempt}/{Max}): {Error}",
                delivery.Id, delivery.Recipient, delivery.Attempts, MaxAttempts, ex.Message);
            if (delivery.Outcome == DeliveryOutcome.Failed)
            {
                return;
            }
            throw new EmailDeliveryException($"E-mail delivery {delivery.Id} failed; it will be retried.", ex);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated));
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

public sealed class EmailDeliveryException(string message, Exception inner) : Exception(message, inner);
