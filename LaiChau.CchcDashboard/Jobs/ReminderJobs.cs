using Hangfire;
using LaiChau.CchcDashboard.Features.Reminders;

namespace LaiChau.CchcDashboard.Jobs;

// Hangfire stores a queued job by type and method name: keep these names and signatures stable.
// Each job is a thin adapter over a feature service, takes ids only and is safe to run twice.

/// <summary>The daily reminder pass (07:30 Asia/Ho_Chi_Minh).</summary>
public sealed class ReminderPassJob(ReminderService reminders)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken) => await reminders.RunPassAsync(cancellationToken);
}

/// <summary>The Monday digest for Lãnh đạo and Phòng Nội vụ (07:30 Asia/Ho_Chi_Minh).</summary>
public sealed class WeeklyDigestJob(WeeklyDigestService digest)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken) => await digest.SendAsync(cancellationToken);
}

/// <summary>Sends one e-mail delivery; retried with back-off, each attempt recorded on the delivery.</summary>
public sealed class EmailDeliveryJob(EmailDeliveryService deliveries)
{
    // EmailDeliveryService.MaxAttempts = the first try + these retries: 1 min, 5 min, 30 min, 2 h.
    [AutomaticRetry(Attempts = EmailDeliveryService.MaxAttempts - 1, DelaysInSeconds = [60, 300, 1800, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendAsync(int deliveryId, CancellationToken cancellationToken) => await deliveries.SendAsync(deliveryId, cancellationToken);
}

/// <summary>Queues e-mail deliveries as Hangfire jobs.</summary>
public sealed class HangfireDeliveryQueue(IBackgroundJobClient jobs) : IDeliveryQueue
{
    public void EnqueueEmail(int deliveryId) => jobs.Enqueue<EmailDeliveryJob>(j => j.SendAsync(deliveryId, CancellationToken.None));
}
