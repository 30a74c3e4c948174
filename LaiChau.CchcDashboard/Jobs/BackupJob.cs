using Hangfire;
using LaiChau.CchcDashboard.Data;

namespace LaiChau.CchcDashboard.Jobs;

/// <summary>The nightly database copy (02:00 Asia/Ho_Chi_Minh); Quản trị can trigger it on /jobs.</summary>
public sealed class DatabaseBackupJob(DatabaseBackupService backups)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken) => await backups.BackUpAsync(cancellationToken);
}
