using Hangfire;
using LaiChau.CchcDashboard.Common;

namespace LaiChau.CchcDashboard.Jobs;

/// <summary>The one place that schedules recurring jobs: stable ids, cron in Lai Châu time.</summary>
public static class JobSchedule
{
    public const string ReminderPassId = "nhac-nho-hang-ngay";
    public const string WeeklyDigestId = "tong-hop-hang-tuan";
    public const string BackupId = "sao-luu-hang-ngay";
    public const string EmailOutboxId = "gui-email";

    /// <summary>Every day at 07:30.</summary>
    public const string ReminderPassCron = "30 7 * * *";

    /// <summary>Mondays at 07:30.</summary>
    public const string WeeklyDigestCron = "30 7 * * 1";

    /// <summary>Every night at 02:00, when nobody is working.</summary>
    public const string BackupCron = "0 2 * * *";

    /// <summary>Every minute: e-mails whose back-off has run out, and any a stopped process left behind.</summary>
    public const string EmailOutboxCron = "* * * * *";

    public static void Register(IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var options = new RecurringJobOptions { TimeZone = VietnamTime.Zone };
        manager.AddOrUpdate<ReminderPassJob>(ReminderPassId, j => j.RunAsync(CancellationToken.None), ReminderPassCron, options);
        manager.AddOrUpdate<WeeklyDigestJob>(WeeklyDigestId, j => j.RunAsync(CancellationToken.None), WeeklyDigestCron, options);
        manager.AddOrUpdate<DatabaseBackupJob>(BackupId, j => j.RunAsync(CancellationToken.None), BackupCron, options);
        manager.AddOrUpdate<EmailOutboxJob>(EmailOutboxId, j => j.DrainAsync(CancellationToken.None), EmailOutboxCron, options);
    }
}
