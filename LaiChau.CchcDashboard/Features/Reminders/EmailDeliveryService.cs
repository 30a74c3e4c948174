using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>What one drain of the outbox did.</summary>
public sealed record DrainResult(int Sent, int Retrying, int Failed);

/// <summary>
/// Drains the e-mail outbox: takes the due rows in leased batches and sends them a few at a time
/// (Smtp:MaxParallelSends), recording every attempt on the delivery. A failure waits 1 min, 5 min,
/// 30 min, then 2 h before the next attempt; after the 5th failed attempt the delivery is marked
/// failed ("Gửi thất bại") and leaves the outbox. A delivery already sent (or saved to the pickup
/// folder) is never sent again. A row whose lease ran out — the process died during the attempt,
/// perhaps after SMTP accepted the mail — is sent again with the Message-Id and text fixed when it
/// was queued, so the recipient gets the same message again, not a second one.
/// </summary>
public sealed class EmailDeliveryService(
    IDbContextFactory<CchcDbContext> dbFactory,
    IMailSender mail,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    IOptions<SmtpOptions> smtp,
    ChangeNotifier notifier,
    ILogger<EmailDeliveryService> logger)
{
    /// <summary>Attempts in all, the first included.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The wait after the 1st, 2nd, 3rd and 4th failed attempt.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>How long a drain holds the rows it took; longer than any attempt (SMTP timeout included).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private const int LeaseBatch = 100;

    // The messages leave in parallel; their rows are read and written one send at a time. SQLite has
    // one writer, and four drains' read-then-write transactions at once failed there with
    // "database is locked" (JobsTests.EmailOutboxJob_AfterThePass_WritesEachEmailOnceToThePickupFolder).
    private static readonly SemaphoreSlim DatabaseTurn = new(1, 1);

    private enum Outcome
    {
        None,
        Sent,
        Retrying,
        Failed,
    }

    public async Task<DrainResult> DrainAsync(CancellationToken ct = default)
    {
        int sent = 0, retrying = 0, failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = smtp.Value.MaxParallelSends, CancellationToken = ct };
        while (await LeaseAsync(ct) is { Count: > 0 } batch)
        {
            await Parallel.ForEachAsync(batch, parallel, async (id, token) =>
            {
                switch (await SendOneAsync(id, token))
                {
                    case Outcome.Sent:
                        Interlocked.Increment(ref sent);
                        break;
                    case Outcome.Retrying:
                        Interlocked.Increment(ref retrying);
                        break;
                    case Outcome.Failed:
                        Interlocked.Increment(ref failed);
                        break;
                }
            });
        }
        if (sent + retrying + failed > 0)
        {
            // Once per drain, not once per e-mail: every open bell re-counts once.
            await notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated));
            logger.LogInformation("E-mail outbox: {Sent} sent, {Retrying} to retry, {Failed} failed.", sent, retrying, failed);
        }
        return new DrainResult(sent, retrying, failed);
    }

    /// <summary>Takes up to a batch of due rows that nobody holds, in one statement.</summary>
    private async Task<List<int>> LeaseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // PostgreSQL: rows another instance is leasing right now are skipped, not leased twice (SQLite
        // has one writer at a time, so the statement alone is enough there).
        var sql = db.Database.ProviderOf() == DatabaseProvider.Postgres ? LeaseSqlPostgres : LeaseSql;
        return await db.Database.SqlQueryRaw<int>(sql, db.Database.InstantValue(now + Lease), db.Database.InstantValue(now), LeaseBatch).ToListAsync(ct);
    }

    private const string LeaseSql = """
        UPDATE "EmailOutbox" SET "LeaseUntil" = {0}
        WHERE "Id" IN (SELECT "Id" FROM "EmailOutbox"
            WHERE "NextAttemptAt" <= {1} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {1})
            ORDER BY "NextAttemptAt", "Id" LIMIT {2})
        RETURNING "Id" AS "Value"
        """;

    private const string LeaseSqlPostgres = """
        UPDATE "EmailOutbox" SET "LeaseUntil" = {0}
        WHERE "Id" IN (SELECT "Id" FROM "EmailOutbox"
            WHERE "NextAttemptAt" <= {1} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {1})
            ORDER BY "NextAttemptAt", "Id" LIMIT {2} FOR UPDATE SKIP LOCKED)
        RETURNING "Id" AS "Value"
        """;

    private async Task<Outcome> SendOneAsync(int outboxId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        EmailOutboxEntry? entry;
        await DatabaseTurn.WaitAsync(ct);
        try
        {
            entry = await LoadAndRecordAttemptAsync(db, outboxId, ct);
        }
        finally
        {
            DatabaseTurn.Release();
        }
        if (entry is null)
        {
            return Outcome.None;
        }
        var delivery = entry.Delivery!;
        var now = clock.GetUtcNow();

        var reminder = delivery.Reminder!;
        var content = new ReminderContent(reminder.Unit!.Name, reminder.Period!.Name, reminder.PeriodId, reminder.Period.DueAt,
            reminder.Step, reminder.IsOverdue, reminder.Note);
        var composed = ReminderMessages.Compose(content, entry.ComposedAt, options.Value.BaseUrl, options.Value.City);
        using var message = new MimeMessage();
        message.To.Add(MailboxAddress.Parse(delivery.Recipient));
        // Unit names and notes may be rows stored before texts were normalised: no NUL or other
        // control character reaches the message.
        message.Subject = StoredText.ForLine((delivery.IsCopy ? "[Bản sao] " : "") + composed.Subject);
        message.Date = entry.ComposedAt;
        message.MessageId = entry.MessageId;
        message.Body = new BodyBuilder { TextBody = StoredText.Normalise(composed.PlainText), HtmlBody = StoredText.Normalise(composed.Html) }.ToMessageBody();

        Outcome outcome;
        try
        {
            var result = await mail.SendAsync(message, ct);
            delivery.Outcome = result == MailResult.Sent ? DeliveryOutcome.Sent : DeliveryOutcome.SavedToPickup;
            delivery.LastError = null;
            db.EmailOutbox.Remove(entry);
            outcome = Outcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            delivery.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
            if (delivery.Attempts >= MaxAttempts)
            {
                delivery.Outcome = DeliveryOutcome.Failed;
                db.EmailOutbox.Remove(entry);
                outcome = Outcome.Failed;
            }
            else
            {
                delivery.Outcome = DeliveryOutcome.Retrying;
                entry.NextAttemptAt = now + RetryDelays[Math.Min(delivery.Attempts, RetryDelays.Count) - 1];
                entry.LeaseUntil = null;
                outcome = Outcome.Retrying;
            }
            logger.LogWarning("E-mail delivery {DeliveryId} to {Recipient} failed (attempt {Attempt}/{Max}): {Error}",
                delivery.Id, delivery.Recipient, delivery.Attempts, MaxAttempts, ex.Message);
        }
        await DatabaseTurn.WaitAsync(CancellationToken.None);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            DatabaseTurn.Release();
        }
        return outcome;
    }

    /// <summary>The outbox row with its reminder; the attempt is on record before the message leaves. Null when there is nothing to send.</summary>
    private async Task<EmailOutboxEntry?> LoadAndRecordAttemptAsync(CchcDbContext db, int outboxId, CancellationToken ct)
    {
        var entry = await db.EmailOutbox
            .Include(e => e.Delivery!).ThenInclude(d => d.Reminder!).ThenInclude(r => r.Unit)
            .Include(e => e.Delivery!).ThenInclude(d => d.Reminder!).ThenInclude(r => r.Period)
            .FirstOrDefaultAsync(e => e.Id == outboxId, ct);
        if (entry is null)
        {
            return null;
        }
        var delivery = entry.Delivery!;
        if (delivery.Channel != DeliveryChannel.Email || delivery.Outcome is DeliveryOutcome.Sent or DeliveryOutcome.SavedToPickup or DeliveryOutcome.Failed)
        {
            db.EmailOutbox.Remove(entry);
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }
        var now = clock.GetUtcNow();
        // The attempt is on record before the message leaves.
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        await db.SaveChangesAsync(CancellationToken.None);
        return entry;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
