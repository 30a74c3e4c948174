using System.Globalization;
using System.Text;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// The reminder dispatcher as it was before the pass was made fast (commit 3ce3fec), kept only as
/// the "before" of <see cref="ReminderPassBenchmarks"/>: EF raw SQL, every statement built, its
/// parameters created and prepared anew; a message composed for every reminder.
/// Claims reminders and fans them out to their recipients. The claim is an insert into the unique
/// (UnitId, PeriodId, Step) index: a row that is already there belongs to whoever inserted it first
/// (an earlier run, a retry, a pass on another server), so it is skipped, not sent again. The
/// reminders, their deliveries, the notifications and the e-mail outbox rows commit together, so an
/// e-mail can neither be lost between the commit and the hand-over nor exist without its reminder.
/// Rows go in statements of at most <see cref="BatchSize"/> rows (SQLite's cost per statement grows
/// much faster than its row count), all inside one transaction.
/// </summary>
public sealed class LegacyReminderDispatcher(
    IOptions<ReminderOptions> options,
    IDeliveryQueue queue,
    ChangeNotifier notifier,
    ILogger<LegacyReminderDispatcher> logger)
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
        var unitIds = reminders.Select(r => r.UnitId).Distinct().ToList();
        var users = (await db.Users.AsNoTracking()
                .Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value))
                .Select(u => new { u.Id, u.UserName, UnitId = u.UnitId!.Value })
                .ToListAsync(ct))
            .ToLookup(u => u.UnitId);
        var emails = (await db.Units.AsNoTracking()
                .Where(u => unitIds.Contains(u.Id) || u.Code == options.Value.HomeAffairsUnitCode)
                .Select(u => new { u.Id, u.Code, u.Email })
                .ToListAsync(ct));
        var unitEmail = emails.ToDictionary(u => u.Id, u => u.Email);
        var homeAffairsEmail = emails.FirstOrDefault(u => u.Code == options.Value.HomeAffairsUnitCode)?.Email;

        List<(int Id, int ReminderId)> emailDeliveries;
        List<NewReminder> owned;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await ClaimAsync(db, reminders, now, ct);
            owned = [];
            var deliveries = new List<(int ReminderId, DeliveryChannel Channel, string Recipient, bool IsCopy, DeliveryOutcome Outcome, int Attempts)>();
            var notes = new List<(string UserId, string Title, string Body, string Link, int ReminderId)>();
            foreach (var reminder in reminders)
            {
                if (!claimed.TryGetValue((reminder.UnitId, reminder.PeriodId, reminder.Step), out var id))
                {
                    continue;
                }
                owned.Add(reminder);
                var message = ReminderMessages.Compose(reminder.Content, now, options.Value.BaseUrl, options.Value.City);
                foreach (var user in users[reminder.UnitId])
                {
                    deliveries.Add((id, DeliveryChannel.InApp, user.UserName ?? user.Id, false, DeliveryOutcome.Sent, 1));
                    notes.Add((user.Id, message.Headline, message.InAppBody, message.Link, id));
                }
                if (unitEmail.GetValueOrDefault(reminder.UnitId) is { Length: > 0 } to)
                {
                    deliveries.Add((id, DeliveryChannel.Email, to, false, DeliveryOutcome.Pending, 0));
                }
                if (reminder.IsOverdue && homeAffairsEmail is { Length: > 0 } copy && !string.Equals(copy, unitEmail.GetValueOrDefault(reminder.UnitId), StringComparison.OrdinalIgnoreCase))
                {
                    deliveries.Add((id, DeliveryChannel.Email, copy, true, DeliveryOutcome.Pending, 0));
                }
            }
            emailDeliveries = await InsertDeliveriesAsync(db, deliveries, now, ct);
            await InsertNotificationsAsync(db, notes, now, ct);
            await InsertOutboxAsync(db, emailDeliveries, now, ct);
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

    private sealed class ClaimedRow
    {
        public int Id { get; set; }
        public int UnitId { get; set; }
        public int PeriodId { get; set; }
        public string Step { get; set; } = "";
    }

    private sealed class DeliveryRow
    {
        public int Id { get; set; }
        public int ReminderId { get; set; }
        public int Channel { get; set; }
    }

    /// <summary>Rows per INSERT statement (claims, deliveries, notifications, outbox).</summary>
    public const int BatchSize = 250;

    /// <summary>The Message-Id of a reminder e-mail, fixed before its first attempt.</summary>
    public static string MessageId(int reminderId, int deliveryId) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder-{reminderId}-{deliveryId}@cchc.laichau");

    private static async Task<Dictionary<(int, int, string), int>> ClaimAsync(CchcDbContext db, IReadOnlyList<NewReminder> reminders, DateTimeOffset now, CancellationToken ct)
    {
        var result = new Dictionary<(int, int, string), int>();
        var createdAt = db.Database.InstantValue(now);
        foreach (var chunk in reminders.Chunk(BatchSize))
        {
            var sql = new StringBuilder("""INSERT INTO "Reminders" ("UnitId", "PeriodId", "Step", "IsManual", "IsOverdue", "Note", "CreatedBy", "ScheduledFor", "CreatedAt") VALUES """);
            var parameters = new List<object>();
            foreach (var (r, i) in chunk.Select((r, i) => (r, i)))
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@u{i}, @p{i}, @s{i}, @m{i}, @o{i}, @n{i}, @c{i}, @d{i}, @t)");
                parameters.Add(db.Database.Parameter($"@u{i}", r.UnitId));
                parameters.Add(db.Database.Parameter($"@p{i}", r.PeriodId));
                parameters.Add(db.Database.Parameter($"@s{i}", r.Step));
                parameters.Add(db.Database.Parameter($"@m{i}", r.IsManual));
                parameters.Add(db.Database.Parameter($"@o{i}", r.IsOverdue));
                parameters.Add(db.Database.Parameter($"@n{i}", r.Note));
                parameters.Add(db.Database.Parameter($"@c{i}", r.CreatedBy));
                parameters.Add(db.Database.Parameter($"@d{i}", db.Database.DateValue(r.ScheduledFor)));
            }
            parameters.Add(db.Database.Parameter("@t", createdAt));
            // Only the rows this statement inserted come back: the others were claimed before.
            sql.Append(""" ON CONFLICT ("UnitId", "PeriodId", "Step") DO NOTHING RETURNING "Id", "UnitId", "PeriodId", "Step" """);
            var rows = await db.Database.SqlQueryRaw<ClaimedRow>(sql.ToString(), [.. parameters]).ToListAsync(ct);
            foreach (var row in rows)
            {
                result[(row.UnitId, row.PeriodId, row.Step)] = row.Id;
            }
        }
        return result;
    }

    private static async Task<List<(int Id, int ReminderId)>> InsertDeliveriesAsync(CchcDbContext db,
        List<(int ReminderId, DeliveryChannel Channel, string Recipient, bool IsCopy, DeliveryOutcome Outcome, int Attempts)> rows,
        DateTimeOffset now, CancellationToken ct)
    {
        var emails = new List<(int, int)>();
        var at = db.Database.InstantValue(now);
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            var sql = new StringBuilder("""INSERT INTO "ReminderDeliveries" ("ReminderId", "Channel", "Recipient", "IsCopy", "Outcome", "Attempts", "LastAttemptAt") VALUES """);
            var parameters = new List<object> { db.Database.Parameter("@t", at) };
            foreach (var (d, i) in chunk.Select((d, i) => (d, i)))
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@r{i}, @c{i}, @to{i}, @cc{i}, @o{i}, @a{i}, {(d.Attempts > 0 ? "@t" : "NULL")})");
                parameters.Add(db.Database.Parameter($"@r{i}", d.ReminderId));
                parameters.Add(db.Database.Parameter($"@c{i}", (int)d.Channel));
                parameters.Add(db.Database.Parameter($"@to{i}", d.Recipient));
                parameters.Add(db.Database.Parameter($"@cc{i}", d.IsCopy));
                parameters.Add(db.Database.Parameter($"@o{i}", (int)d.Outcome));
                parameters.Add(db.Database.Parameter($"@a{i}", d.Attempts));
            }
            sql.Append(""" ON CONFLICT DO NOTHING RETURNING "Id", "ReminderId", "Channel" """);
            var inserted = await db.Database.SqlQueryRaw<DeliveryRow>(sql.ToString(), [.. parameters]).ToListAsync(ct);
            emails.AddRange(inserted.Where(r => r.Channel == (int)DeliveryChannel.Email).Select(r => (r.Id, r.ReminderId)));
        }
        return emails;
    }

    private static async Task InsertNotificationsAsync(CchcDbContext db, List<(string UserId, string Title, string Body, string Link, int ReminderId)> rows, DateTimeOffset now, CancellationToken ct)
    {
        var at = db.Database.InstantValue(now);
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            var sql = new StringBuilder("""INSERT INTO "Notifications" ("UserId", "Title", "Body", "Link", "CreatedAt", "ReminderId") VALUES """);
            var parameters = new List<object> { db.Database.Parameter("@t", at) };
            foreach (var (n, i) in chunk.Select((n, i) => (n, i)))
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@u{i}, @h{i}, @b{i}, @l{i}, @t, @r{i})");
                parameters.Add(db.Database.Parameter($"@u{i}", n.UserId));
                parameters.Add(db.Database.Parameter($"@h{i}", Truncate(n.Title, 300)));
                parameters.Add(db.Database.Parameter($"@b{i}", Truncate(n.Body, 4000)));
                parameters.Add(db.Database.Parameter($"@l{i}", n.Link));
                parameters.Add(db.Database.Parameter($"@r{i}", n.ReminderId));
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    private static async Task InsertOutboxAsync(CchcDbContext db, List<(int Id, int ReminderId)> deliveries, DateTimeOffset now, CancellationToken ct)
    {
        var at = db.Database.InstantValue(now);
        foreach (var chunk in deliveries.Chunk(BatchSize))
        {
            var sql = new StringBuilder("""INSERT INTO "EmailOutbox" ("DeliveryId", "MessageId", "ComposedAt", "NextAttemptAt") VALUES """);
            var parameters = new List<object> { db.Database.Parameter("@t", at) };
            foreach (var (d, i) in chunk.Select((d, i) => (d, i)))
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@d{i}, @m{i}, @t, @t)");
                parameters.Add(db.Database.Parameter($"@d{i}", d.Id));
                parameters.Add(db.Database.Parameter($"@m{i}", MessageId(d.ReminderId, d.Id)));
            }
            sql.Append(""" ON CONFLICT DO NOTHING""");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
