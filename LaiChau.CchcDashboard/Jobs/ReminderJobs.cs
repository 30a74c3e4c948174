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

/// <summary>
/// Drains the e-mail outbox (sends what is due, a few at a time). Woken after each reminder pass and
/// every minute for the retries; one drain at a time.
/// </summary>
public sealed class EmailOutboxJob(EmailDeliveryService deliveries)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task DrainAsync(CancellationToken cancellationToken) => await deliveries.DrainAsync(cancellationToken);
}

/// <summary>
/// Kept for e-mail jobs queued before the outbox existed (Hangfire stores type and method): their
/// deliveries are in the outbox now, so the job drains it; retries are the outbox's.
/// </summary>
public sealed class EmailDeliveryJob(EmailDeliveryService deliveries)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(int deliveryId, CancellationToken cancellationToken) => await deliveries.DrainAsync(cancellationToken);
}

/// <summary>Wakes the outbox job: one Hangfire job per pass, not one per e-mail.</summary>
public sealed class HangfireDeliveryQueue(IBackgroundJobClient jobs) : IDeliveryQueue
{
    public void RequestDrain() => jobs.Enqueue<EmailOutboxJob>(j => j.DrainAsync(CancellationToken.None));
}
