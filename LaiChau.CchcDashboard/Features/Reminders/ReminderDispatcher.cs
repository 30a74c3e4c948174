using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>Wakes the background sender that drains the e-mail outbox (one job, however many e-mails).</summary>
public interface IDeliveryQueue
{
    void RequestDrain();
}

/// <summary>A reminder to claim and send.</summary>
public sealed record NewReminder(int UnitId, int PeriodId, string Step, DateOnly ScheduledFor, bool IsOverdue, bool IsManual,
    string? Note, string? CreatedBy, ReminderContent Content);

/// <summary>
/// Claims reminders and fans them out to their recipients. The claim is an insert into the unique
/// (UnitId, PeriodId, Step) index: a row that is already there belongs to whoever inserted it first
/// (an earlier run, a retry, a pass on another server), so it is skipped, not sent again. The
/// reminders, their deliveries, the notifications and the e-mail outbox rows commit together, so an
/// e-mail can neither be lost between the commit and the hand-over nor exist without its reminder.
/// Rows go in multi-row INSERT statements of at most <see cref="RowsPerStatement"/> rows, each written
/// and prepared once per pass and run again for every batch (<see cref="BatchInsert{T}"/>), all inside
/// one transaction; nothing is materialised as an entity or tracked.
/// </summary>
public sealed class ReminderDispatcher(
    IOptions<ReminderOptions> options,
    IDeliveryQueue queue,
    ChangeNotifier notifier,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>Claims and sends; returns the reminders this call owned.</summary>
    public async Task<IReadOnlyList<NewReminder>> DispatchAsync(CchcDbContext db, IReadOnlyList<NewReminder> reminders, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reminders);
        if (reminders.Count == 0)
        {
            return [];
        }
        var settings = options.Value;
        // One parameter for the whole list (a JSON array in SQLite, an array in PostgreSQL): EF's default
        // for a list is one parameter per item, thousands of them.
        var unitIds = reminders.Select(r => r.UnitId).Distinct().ToList();
        var users = (await db.Users.AsNoTracking()
                .Where(u => u.UnitId != null && EF.Parameter(unitIds).Contains(u.UnitId.Value))
                .Select(u => new { u.Id, u.UserName, UnitId = u.UnitId!.Value })
                .ToListAsync(ct))
            .ToLookup(u => u.UnitId);
        var emails = (await db.Units.AsNoTracking()
                .Where(u => EF.Parameter(unitIds).Contains(u.Id) || u.Code == settings.HomeAffairsUnitCode)
                .Select(u => new { u.Id, u.Code, u.Email })
                .ToListAsync(ct));
        var unitEmail = emails.ToDictionary(u => u.Id, u => u.Email);
        var homeAffairsEmail = emails.FirstOrDefault(u => u.Code == settings.HomeAffairsUnitCode)?.Email;

        var provider = db.Database.ProviderOf();
        var at = provider.InstantValue(now);
        List<(int Id, int ReminderId)> emailDeliveries = [];
        List<NewReminder> owned = [];
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = new Dictionary<(int, int, string), int>();
            await using (var claim = ClaimInsert(db, provider, at))
            {
                // Only the rows a statement inserted come back: the others were claimed before.
                await claim.RunAsync(reminders, r => claimed[(r.GetInt32(1), r.GetInt32(2), r.GetString(3))] = r.GetInt32(0), ct);
            }
            var deliveries = new List<Delivery>();
            var notes = new List<Note>();
            // The bell's text does not name the unit: worded once per period and step, not per reminder.
            var messages = new Dictionary<ReminderContent, InAppMessage>();
            foreach (var reminder in reminders)
            {
                if (!claimed.TryGetValue((reminder.UnitId, reminder.PeriodId, reminder.Step), out var id))
                {
                    continue;
                }
                owned.Add(reminder);
                var key = reminder.Content with { UnitName = "" };
                if (!messages.TryGetValue(key, out var message))
                {
                    messages[key] = message = ReminderMessages.InApp(reminder.Content, now);
                }
                foreach (var user in users[reminder.UnitId])
                {
                    deliveries.Add(new Delivery(id, DeliveryChannel.InApp, user.UserName ?? user.Id, false, DeliveryOutcome.Sent, 1));
                    notes.Add(new Note(user.Id, message, id));
                }
                if (unitEmail.GetValueOrDefault(reminder.UnitId) is { Length: > 0 } to)
                {
                    deliveries.Add(new Delivery(id, DeliveryChannel.Email, to, false, DeliveryOutcome.Pending, 0));
                }
                if (reminder.IsOverdue && homeAffairsEmail is { Length: > 0 } copy && !string.Equals(copy, unitEmail.GetValueOrDefault(reminder.UnitId), StringComparison.OrdinalIgnoreCase))
                {
                    deliveries.Add(new Delivery(id, DeliveryChannel.Email, copy, true, DeliveryOutcome.Pending, 0));
                }
            }
            await using (var insert = DeliveryInsert(db, provider, at))
            {
                await insert.RunAsync(deliveries, r =>
                {
                    if (r.GetInt32(2) == (int)DeliveryChannel.Email)
                    {
                        emailDeliveries.Add((r.GetInt32(0), r.GetInt32(1)));
                    }
                }, ct);
            }
            await using (var insert = NotificationInsert(db, provider, at))
            {
                await insert.RunAsync(notes, null, ct);
            }
            await using (var insert = OutboxInsert(db, provider, at))
            {
                await insert.RunAsync(emailDeliveries, null, ct);
            }
            await tx.CommitAsync(ct);
        }

        if (emailDeliveries.Count > 0)
        {
            queue.RequestDrain();
        }
        if (owned.Count > 0)
        {
            logger.LogInformation("Sent {Count} reminder(s); {Emails} e-mail(s) queued.", owned.Count, emailDeliveries.Count);
            await notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated));
        }
        if (owned.Count < reminders.Count)
        {
            logger.LogInformation("{Count} reminder(s) were already claimed by another run and were skipped.", reminders.Count - owned.Count);
        }
        return owned;
    }

    private sealed record Delivery(int ReminderId, DeliveryChannel Channel, string Recipient, bool IsCopy, DeliveryOutcome Outcome, int Attempts);

    private sealed record Note(string UserId, InAppMessage Message, int ReminderId);

    /// <summary>
    /// Rows per INSERT statement (claims, deliveries, notifications, outbox). SQLite binds each
    /// parameter by looking its name up among the statement's parameters, so a statement costs more
    /// per row the more parameters it has; PostgreSQL pays a round trip per statement instead.
    /// </summary>
    public static int RowsPerStatement(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? 250 : 50;

    /// <summary>The Message-Id of a reminder e-mail, fixed before its first attempt.</summary>
    public static string MessageId(int reminderId, int deliveryId) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder-{reminderId}-{deliveryId}@cchc.laichau");

    private static BatchInsert<NewReminder> ClaimInsert(CchcDbContext db, DatabaseProvider provider, object at) => new(db.Database, "Reminders",
        [
            new("UnitId", r => r.UnitId),
            new("PeriodId", r => r.PeriodId),
            new("Step", r => r.Step),
            new("IsManual", r => r.IsManual),
            new("IsOverdue", r => r.IsOverdue),
            new("Note", r => r.Note),
            new("CreatedBy", r => r.CreatedBy),
            new("ScheduledFor", r => provider.DateValue(r.ScheduledFor)),
            new("CreatedAt", null, at),
        ],
        """ON CONFLICT ("UnitId", "PeriodId", "Step") DO NOTHING RETURNING "Id", "UnitId", "PeriodId", "Step" """, RowsPerStatement(provider));

    private static BatchInsert<Delivery> DeliveryInsert(CchcDbContext db, DatabaseProvider provider, object at) => new(db.Database, "ReminderDeliveries",
        [
            new("ReminderId", d => d.ReminderId),
            new("Channel", d => (int)d.Channel),
            new("Recipient", d => d.Recipient),
            new("IsCopy", d => d.IsCopy),
            new("Outcome", d => (int)d.Outcome),
            new("Attempts", d => d.Attempts),
            new("LastAttemptAt", d => d.Attempts > 0 ? at : null),
        ],
        """ON CONFLICT DO NOTHING RETURNING "Id", "ReminderId", "Channel" """, RowsPerStatement(provider));

    private static BatchInsert<Note> NotificationInsert(CchcDbContext db, DatabaseProvider provider, object at) => new(db.Database, "Notifications",
        [
            new("UserId", n => n.UserId),
            new("Title", n => Truncate(n.Message.Headline, 300)),
            new("Body", n => Truncate(n.Message.Body, 4000)),
            new("Link", n => n.Message.Link),
            new("CreatedAt", null, at),
            new("ReminderId", n => n.ReminderId),
        ],
        null, RowsPerStatement(provider));

    private static BatchInsert<(int Id, int ReminderId)> OutboxInsert(CchcDbContext db, DatabaseProvider provider, object at) => new(db.Database, "EmailOutbox",
        [
            new("DeliveryId", d => d.Id),
            new("MessageId", d => MessageId(d.ReminderId, d.Id)),
            new("ComposedAt", null, at),
            new("NextAttemptAt", null, at),
        ],
        "ON CONFLICT DO NOTHING", RowsPerStatement(provider));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
