using System.Net;
using Hangfire;
using Hangfire.Storage;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Jobs;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Jobs;

public sealed class JobsTests(JobsTests.Host host) : IClassFixture<JobsTests.Host>
{
    public sealed class Host : CchcAppFactory;

    [Fact]
    public void RecurringJobs_AreRegisteredWithStableIds_CronAndTheVietnamZone()
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).ToList();

        Assert.Equal([JobSchedule.EmailOutboxId, JobSchedule.ReminderPassId, JobSchedule.BackupId, JobSchedule.WeeklyDigestId], jobs.Select(j => j.Id));
        Assert.Equal("nhac-nho-hang-ngay", JobSchedule.ReminderPassId);
        Assert.Equal("sao-luu-hang-ngay", JobSchedule.BackupId);
        Assert.Equal("* * * * *", jobs[0].Cron);
        Assert.Equal("30 7 * * *", jobs[1].Cron);
        Assert.Equal("0 2 * * *", jobs[2].Cron);
        Assert.Equal("30 7 * * 1", jobs[3].Cron);
        Assert.All(jobs, j => Assert.Equal(VietnamTime.Zone.Id, j.TimeZoneId));
        Assert.Equal(typeof(EmailOutboxJob), jobs[0].Job.Type);
        Assert.Equal(typeof(ReminderPassJob), jobs[1].Job.Type);
        Assert.Equal(typeof(DatabaseBackupJob), jobs[2].Job.Type);
        Assert.Equal(typeof(WeeklyDigestJob), jobs[3].Job.Type);
    }

    [Fact]
    public async Task Dashboard_Anonymous_IsNotShownTheDashboard()
    {
        using var client = host.NewClient();

        using var response = await client.GetAsync(new Uri("/jobs", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lanhdao")]
    [InlineData("noivu")]
    [InlineData("tanphong")]
    public async Task Dashboard_OtherRoles_Get403(string userName)
    {
        using var client = await host.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri("/jobs/recurring", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Administrator_SeesTheRecurringJobs()
    {
        using var client = await host.SignedInClientAsync("quantri");

        using var response = await client.GetAsync(new Uri("/jobs/recurring", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(JobSchedule.ReminderPassId, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderPassJob_InDemoMode_RemindsUnitsThatHaveNotSubmitted_AndTriggeringAgainSendsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var demo = new CchcAppFactory();
        using var scope = demo.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<ReminderPassJob>();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CchcDbContext>>();

        await job.RunAsync(ct);
        await job.RunAsync(ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reminders = await db.Reminders.AsNoTracking().Select(r => new { r.Unit!.Code, r.Step }).ToListAsync(ct);
        var expected = await db.Units.Where(u => u.MustReport && u.IsActive).CountAsync(ct)
            - await db.Reports.CountAsync(r => r.State == ReportState.Submitted || r.State == ReportState.Accepted, ct);
        Assert.Equal(expected, reminders.Count);
        Assert.Contains(reminders, r => r.Code == "PH-TAN-PHONG" && r.Step == "T-7");
        Assert.Contains(reminders, r => r.Code == "PH-DOAN-KET" && r.Step == "TRA-LAI-1");
        Assert.DoesNotContain(reminders, r => r.Code is "DAI-TT" or "P-TU-PHAP" or "PH-QUYET-THANG");
        var tanPhong = await db.Users.Where(u => u.UserName == "tanphong").Select(u => u.Id).SingleAsync(ct);
        var bell = scope.ServiceProvider.GetRequiredService<NotificationService>();
        Assert.Equal(1, await bell.CountUnreadAsync(tanPhong, ct));
        await bell.MarkReadAsync(tanPhong, null, ct);
        Assert.Equal(0, await bell.CountUnreadAsync(tanPhong, ct));
    }

    [Fact]
    public async Task EmailOutboxJob_AfterThePass_WritesEachEmailOnceToThePickupFolder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var demo = new CchcAppFactory();
        using var scope = demo.Services.CreateScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CchcDbContext>>();
        await scope.ServiceProvider.GetRequiredService<ReminderPassJob>().RunAsync(ct);
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutboxJob>();

        await outbox.DrainAsync(ct);
        await outbox.DrainAsync(ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var emails = await db.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).ToListAsync(ct);
        Assert.NotEmpty(emails);
        Assert.All(emails, d => Assert.Equal(DeliveryOutcome.SavedToPickup, d.Outcome));
        Assert.Empty(await db.EmailOutbox.ToListAsync(ct));
        var folder = demo.Services.GetRequiredService<IConfiguration>()["Smtp:PickupFolder"]!;
        Assert.Equal(emails.Count, Directory.GetFiles(folder, "*.eml").Length);
    }

    [Fact]
    public async Task WeeklyDigestJob_OnMonday_NotifiesLeadershipAndHomeAffairsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var demo = new CchcAppFactory();
        using var scope = demo.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<WeeklyDigestJob>();

        await job.RunAsync(ct);
        await job.RunAsync(ct);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(ct);
        var digests = await db.Notifications.Where(n => n.Title.StartsWith("Tổng hợp tuần")).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Body }).ToListAsync(ct);
        Assert.Equal(["lanhdao", "noivu"], digests.Select(d => d.UserName).Order());
        Assert.Contains("Phường Tân Phong", digests[0].Body, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ nộp", digests[0].Body, StringComparison.Ordinal);
    }
}
