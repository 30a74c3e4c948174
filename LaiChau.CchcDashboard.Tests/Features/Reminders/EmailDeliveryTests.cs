using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using MimeKit;
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

        var drained = await kit.Email!.DrainAsync(ct);

        await using var db = database.CreateContext();
        var unitEmails = await db.Units.Where(u => u.MustReport && u.IsActive).Select(u => u.Email!).ToListAsync(ct);
        Assert.Equal(unitEmails.Count, drained.Sent);
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
        Assert.Empty(await kit.OutboxAsync());
    }

    [Fact]
    public async Task Send_ServerStoppedMidDrain_RecordsFailures_AndRetriesAfterTheBackOffWithoutDuplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new InProcessSmtpServer();
        await using var stopped = new InProcessSmtpServer();
        await server.StartAsync();
        // The first half of the sends reach the server; then it is gone (connection refused).
        var sender = new SwitchingSender(Smtp(server.Port), Smtp(stopped.Port));
        var (database, kit) = await PassWithEmailsAsync(sender);
        await using var _ = database;
        var ids = await kit.OutboxAsync();
        var half = ids.Count / 2;
        sender.SwitchAfter = half;

        var first = await kit.Email!.DrainAsync(ct);

        Assert.Equal(half, first.Sent);
        Assert.Equal(ids.Count - half, first.Retrying);
        await using (var db = database.CreateContext())
        {
            var failed = await db.ReminderDeliveries.Where(d => d.Outcome == DeliveryOutcome.Retrying).ToListAsync(ct);
            Assert.Equal(ids.Count - half, failed.Count);
            Assert.All(failed, d =>
            {
                Assert.Equal(1, d.Attempts);
                Assert.False(string.IsNullOrEmpty(d.LastError));
            });
            Assert.Equal(failed.Select(d => d.Id).Order(), await kit.OutboxAsync());
        }

        // The server is back; nothing is retried before the first back-off (1 minute) has passed.
        sender.SwitchAfter = int.MaxValue;
        kit.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(0, (await kit.Email!.DrainAsync(ct)).Sent);
        kit.Advance(TimeSpan.FromSeconds(10));
        var retried = await kit.Email!.DrainAsync(ct);
        var again = await kit.Email!.DrainAsync(ct);

        Assert.Equal(ids.Count - half, retried.Sent);
        Assert.Equal(0, again.Sent);
        var recipients = server.Received.SelectMany(r => r.To).ToList();
        Assert.Equal(ids.Count, recipients.Count);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        await using var check = database.CreateContext();
        var all = await check.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).ToListAsync(ct);
        Assert.All(all, d => Assert.Equal(DeliveryOutcome.Sent, d.Outcome));
        Assert.Equal(ids.Count - half, all.Count(d => d.Attempts == 2));
        Assert.Empty(await kit.OutboxAsync());
    }

    [Fact]
    public async Task Send_FailingUntilTheLastAttempt_BacksOff_IsMarkedFailed_AndStopsRetrying()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new InProcessSmtpServer();
        var (database, kit) = await PassWithEmailsAsync(Smtp(server.Port));
        await using var _ = database;
        var ids = await kit.OutboxAsync();
        var id = ids[0];

        Assert.Equal(ids.Count, (await kit.Email!.DrainAsync(ct)).Retrying);
        // Waits of 1 min, 5 min, 30 min and 2 h between the five attempts; none is early.
        foreach (var delay in EmailDeliveryService.RetryDelays)
        {
            kit.Advance(delay - TimeSpan.FromSeconds(1));
            Assert.Equal(new DrainResult(0, 0, 0), await kit.Email!.DrainAsync(ct));
            kit.Advance(TimeSpan.FromSeconds(1));
            await kit.Email!.DrainAsync(ct);
        }
        kit.Advance(TimeSpan.FromHours(3));
        Assert.Equal(new DrainResult(0, 0, 0), await kit.Email!.DrainAsync(ct));

        Assert.Equal(EmailDeliveryService.MaxAttempts, EmailDeliveryService.RetryDelays.Count + 1);
        await using var db = database.CreateContext();
        var delivery = await db.ReminderDeliveries.SingleAsync(d => d.Id == id, ct);
        Assert.Equal(DeliveryOutcome.Failed, delivery.Outcome);
        Assert.Equal(EmailDeliveryService.MaxAttempts, delivery.Attempts);
        Assert.Empty(await kit.OutboxAsync());
        var history = await new ReminderHistory(database.Factory).GetAsync(new HistoryFilter(Outcome: DeliveryOutcome.Failed), ct);
        Assert.Equal(ids.Count, history.Count);
        Assert.Equal("Gửi thất bại", ReminderHistory.Label(history[0].Outcome!.Value));
    }

    [Fact]
    public async Task Send_CrashAfterSmtpAcceptedBeforeTheOutcomeIsSaved_ResendsTheSameMessage_NotASecondOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new InProcessSmtpServer();
        await server.StartAsync();
        // The process dies right after the server accepted the first message: nothing after it is saved.
        var crashing = new CrashAfterSend(Smtp(server.Port));
        var (database, kit) = await PassWithEmailsAsync(crashing);
        await using var _ = database;
        var ids = await kit.OutboxAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kit.Email!.DrainAsync(ct));
        var crashedMessage = Assert.Single(server.Received).Message;

        // The restarted process takes over the rows once the dead drain's lease has run out.
        var restarted = new ReminderTestKit(database.Factory, kit.Clock, kit.Options, Smtp(server.Port));
        Assert.Equal(new DrainResult(0, 0, 0), await restarted.Email!.DrainAsync(ct));
        restarted.Advance(EmailDeliveryService.Lease);
        await restarted.Email!.DrainAsync(ct);

        var byMessageId = server.Received.GroupBy(r => r.Message.MessageId).ToList();
        Assert.Equal(ids.Count, byMessageId.Count);
        var resent = byMessageId.Single(g => g.Key == crashedMessage.MessageId).Select(r => r.Message).ToList();
        Assert.Equal(2, resent.Count);
        Assert.All(resent, m =>
        {
            Assert.Equal(crashedMessage.Subject, m.Subject);
            Assert.Equal(crashedMessage.Date, m.Date);
            Assert.Equal(crashedMessage.TextBody, m.TextBody);
            Assert.Equal(crashedMessage.To.ToString(), m.To.ToString());
        });
        // Every other message went out once.
        Assert.All(byMessageId.Where(g => g.Key != crashedMessage.MessageId), g => Assert.Single(g));
        await using var db = database.CreateContext();
        Assert.All(await db.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).ToListAsync(ct),
            d => Assert.Equal(DeliveryOutcome.Sent, d.Outcome));
        Assert.Empty(await restarted.OutboxAsync());
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
            var ids = await kit.OutboxAsync();
            await kit.Email!.DrainAsync(ct);

            Assert.Equal(ids.Count, Directory.GetFiles(folder, "*.eml").Length);
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

    /// <summary>Sends through the first sender until <see cref="SwitchAfter"/> sends, then through the second.</summary>
    private sealed class SwitchingSender(IMailSender before, IMailSender after) : IMailSender
    {
        private int _calls;

        public int SwitchAfter { get; set; } = int.MaxValue;

        public Task<MailResult> SendAsync(MimeMessage message, CancellationToken ct = default) =>
            Interlocked.Increment(ref _calls) <= SwitchAfter ? before.SendAsync(message, ct) : after.SendAsync(message, ct);
    }

    /// <summary>The first message reaches the server, then the process "dies" (nothing after the send runs).</summary>
    private sealed class CrashAfterSend(IMailSender inner) : IMailSender
    {
        private readonly TaskCompletionSource _firstAccepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public async Task<MailResult> SendAsync(MimeMessage message, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _calls) > 1)
            {
                // Sends running beside it die with the process too, without reaching the server.
                await _firstAccepted.Task;
                throw new OperationCanceledException("The process is stopping.");
            }
            await inner.SendAsync(message, CancellationToken.None);
            _firstAccepted.SetResult();
            throw new OperationCanceledException("The process stopped after SMTP accepted the message.");
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
