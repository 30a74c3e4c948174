using System.Text;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LaiChau.CchcDashboard.Features.Reminders;

/// <summary>
/// Monday's digest for Lãnh đạo and Phòng Nội vụ: per open period the reporting and timely rates
/// and the units still missing, with days overdue. Once per week: a rerun finds the week's
/// notifications already there and sends nothing.
/// </summary>
public sealed class WeeklyDigestService(
    IDbContextFactory<CchcDbContext> dbFactory,
    IMailSender mail,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ChangeNotifier notifier,
    ILogger<WeeklyDigestService> logger)
{
    public async Task<int> SendAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.LocalDate(now);
        var title = $"Tổng hợp tuần {VietnamTime.FormatDate(today)}: tình hình nộp báo cáo";
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var recipients = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                join u in db.Users on ur.UserId equals u.Id
                                where r.Name == AppRoles.Leadership || r.Name == AppRoles.HomeAffairs
                                select new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        if (recipients.Count == 0)
        {
            return 0;
        }
        var recipientIds = recipients.Select(r => r.Id).ToList();
        if (await db.Notifications.AnyAsync(n => recipientIds.Contains(n.UserId) && n.Title == title, ct))
        {
            return 0;
        }

        var body = await ComposeAsync(db, today, now, ct);
        if (body is null)
        {
            return 0;
        }

        var addresses = recipients.Select(r => r.Email).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count > 0)
        {
            using var message = new MimeMessage();
            foreach (var address in addresses)
            {
                message.To.Add(MailboxAddress.Parse(address!));
            }
            message.Subject = StoredText.ForLine(ReminderMessages.SubjectPrefix(options.Value.City) + title);
            message.Date = now;
            message.Body = new TextPart("plain") { Text = StoredText.Normalise(body) + "\nXem chi tiết: " + options.Value.BaseUrl.TrimEnd('/') + "/reminders\n" };
            await mail.SendAsync(message, ct);
        }

        db.Notifications.AddRange(recipients.Select(r => new Notification
        {
            UserId = r.Id,
            Title = title,
            Body = body.Length > 4000 ? body[..4000] : body,
            Link = "/reminders",
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated));
        logger.LogInformation("Weekly digest sent to {Count} user(s).", recipients.Count);
        return recipients.Count;
    }

    private async Task<string?> ComposeAsync(CchcDbContext db, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var periods = (await db.Periods.AsNoTracking().Select(p => new { p.Id, p.Name, p.DueAt }).ToListAsync(ct))
            .Where(p => ReminderPlanner.IsOpen(p.DueAt, today, options.Value)).OrderBy(p => p.DueAt).ToList();
        if (periods.Count == 0)
        {
            return null;
        }
        var rates = await PeriodProgressQuery.RatesAsync(db, [.. periods.Select(p => p.Id)], ct);

        var text = new StringBuilder();
        foreach (var period in periods)
        {
            var rate = rates.GetValueOrDefault(period.Id) ?? PeriodRates.None;
            text.AppendLine(period.Name + " — Hạn: " + VietnamTime.FormatDeadline(period.DueAt) + " (" + ReportRules.Countdown(period.DueAt, now) + ")")
                .AppendLine(VietnamTime.Culture, $"Tỷ lệ nộp: {PeriodRates.Percent(rate.ReportingRate)} ({rate.Submitted}/{rate.Expected}); đúng hạn: {PeriodRates.Percent(rate.TimelyRate)} ({rate.OnTime}/{rate.Expected}).");
            if (rate.Missing == 0)
            {
                text.AppendLine("Tất cả đơn vị đã nộp.");
            }
            else
            {
                text.AppendLine(VietnamTime.Culture, $"Còn {rate.Missing} đơn vị chưa nộp:");
                var overdue = ReportRules.DaysOverdue(period.DueAt, now);
                foreach (var unit in await PeriodProgressQuery.MissingAsync(db, period.Id, now, ct))
                {
                    text.Append("- ").Append(unit.UnitName).AppendLine(overdue > 0 ? $" (quá hạn {overdue} ngày)" : "");
                }
            }
            text.AppendLine();
        }
        return text.ToString();
    }
}
