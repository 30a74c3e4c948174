using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

public sealed class EmailDeliveryTests
{
    private static readonly DateOnly Monday18May = new(2020, 5, 18);

    private static MailSender Smtp(int port) => new(MsOptions.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, UseTls = false, From = "cchc@laichau.example", TimeoutSeconds = 5 }), new TestEnvironment(Path.GetTempPath()));

    private static async Task<(TestDatabase Database, ReminderTestKit Kit)> PassWithEmailsAsync(IMailSender mail)
    {
        var database = await TestDatabase.CreateSeededAsync();
        await ReminderTestKit.GiveUnitsEmailsAsync(database.Factory);
        var kit = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock(), mail: mail);
        kit.PassTimeOn(Monday18May);
        await kit.Service.RunPassAsync(TestContext.Current.CancellationToken);
        return (database, kit);
    }

    [Fact]
    public async Task Send_ToARealSmtpServer_DeliversVietnameseMailWithTheReportLink()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new InProcessSmtpServer();
        await server.StartAsync();
        var (database, kit) = await PassWithEmailsAsync(Smtp(server.Port));
        await using var _ = database;

        foreach (var id in kit.Queue.Emails)
        {
            await kit.Email!.SendAsync(id, ct);
        }

        await using var db = database.CreateContext();
        var unitEmails = await db.Units.Where(u => u.MustReport && u.IsActive).Select(u => u.Email!).ToListAsync(ct);
        Assert.Equal(unitEmails.Order(), server.Received.SelectMany(r => r.To).Order());
        var (to, message) = server.Received.Single(r => r.To.Contains("ph-tan-phong@laichau.example"));
        Assert.Equal("[CCHC Lai Châu] Nhắc nộp Báo cáo 6 tháng đầu năm 2020 (còn 7 ngày) — Phường Tân Phong", message.Subject);
        Assert.Contains("Hạn: trước ngày 25/05/2020", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://cchc.laichau.example/reports?period=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://cchc.laichau.example/reports?period=", message.HtmlBody, StringComparison.Ordinal);
        Assert.All(await db.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).ToListAsync(ct), d =>
        {
            Assert.Equal(DeliveryOutcome.Sent, d.Outcome);
            Assert.Equal(1, d.Attempts);
        });
    }

    [Fact]
    public async Task Send_ServerStoppedMidPass_RecordsFailures_AndRetriesWithoutDuplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new InProcessSmtpServer();
        await server.StartAsync();
        var (database, kit) = await PassWithEmailsAsync(Smtp(server.Port));
        await using var _ = database;
        var ids = kit.Queue.Emails.ToList();
        var half = ids.Count / 2;

        foreach (var id in ids.Take(half))
        {
            await kit.Email!.SendAsync(id, ct);
        }
        await server.StopAsync();
        foreach (var id in ids.Skip(half))
        {
            // The job throws so that Hangfire retries it with back-off.
            await Assert.ThrowsAsync<EmailDeliveryException>(() => kit.Email!.SendAsync(id, ct));
        }
        await using (var db = database.CreateContext())
        {
            var failed = await db.ReminderDeliveries.Where(d => d.Outcome == DeliveryOutcome.Retrying).ToListAsync(ct);
            Assert.Equal(ids.Count - half, failed.Count);
            Assert.All(failed, d =>
            {
                Assert.Equal(1, d.Attempts);
                Assert.False(string.IsNullOrEmpty(d.LastError));
            });
        }

        await server.StartAsync();
        // Hangfire retries the failed jobs; running every job again must not resend the ones that went out.
        foreach (var id in ids)
        {
            await kit.Email!.SendAsync(id, ct);
        }

        var recipients = server.Received.SelectMany(r => r.To).ToList();
        Assert.Equal(ids.Count, recipients.Count);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        await using var check = database.CreateContext();
        var all = await check.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).ToListAsync(ct);
        Assert.All(all, d => Assert.Equal(DeliveryOutcome.Sent, d.Outcome));
        Assert.Equal(ids.Count - half, all.Count(d => d.Attempts == 2));
    }

    [Fact]
    public async Task Send_FailingUntilTheLastAttempt_IsMarkedFailed_AndStopsRetrying()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new InProcessSmtpServer();
        var (database, kit) = await PassWithEmailsAsync(Smtp(server.Port));
        await using var _ = database;
        var id = kit.Queue.Emails.First();

        for (var attempt = 1; attempt < EmailDeliveryService.MaxAttempts; attempt++)
        {
            await Assert.ThrowsAsync<EmailDeliveryException>(() => kit.Email!.SendAsync(id, ct));
        }
        await kit.Email!.SendAsync(id, ct);

        await using var db = database.CreateContext();
        var delivery = await db.ReminderDeliveries.SingleAsync(d => d.Id == id, ct);
        Assert.Equal(DeliveryOutcome.Failed, delivery.Outcome);
        Assert.Equal(EmailDeliveryService.MaxAttempts, delivery.Attempts);
        var history = await new ReminderHistory(database.Factory).GetAsync(new HistoryFilter(Outcome: DeliveryOutcome.Failed), ct);
        Assert.Equal("Gửi thất bại", ReminderHistory.Label(Assert.Single(history).Outcome!.Value));
    }

    [Fact]
    public async Task Send_WithoutSmtpHost_WritesEmlToThePickupFolder_AsSavedNotSent()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "cchc-tests", "mail-" + Guid.NewGuid().ToString("N"));
        var pickup = new MailSender(MsOptions.Create(new SmtpOptions { PickupFolder = folder }), new TestEnvironment(Path.GetTempPath()));
        var (database, kit) = await PassWithEmailsAsync(pickup);
        await using var _ = database;
        try
        {
            foreach (var id in kit.Queue.Emails)
            {
                await kit.Email!.SendAsync(id, ct);
            }

            Assert.Equal(kit.Queue.Emails.Count, Directory.GetFiles(folder, "*.eml").Length);
            await using var db = database.CreateContext();
            Assert.All(await db.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).ToListAsync(ct),
                d => Assert.Equal(DeliveryOutcome.SavedToPickup, d.Outcome));
            Assert.Equal("Đã lưu, chưa gửi", ReminderHistory.Label(DeliveryOutcome.SavedToPickup));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Tests";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
