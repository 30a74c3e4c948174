using System.Collections.Concurrent;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

/// <summary>Counts the wake-ups of the outbox job; tests drain the outbox themselves.</summary>
public sealed class CollectingQueue : IDeliveryQueue
{
    private int _drainRequests;

    public int DrainRequests => _drainRequests;

    public void RequestDrain() => Interlocked.Increment(ref _drainRequests);
}

/// <summary>Accepts every message and remembers it (recipient, Message-Id, subject).</summary>
public sealed class RecordingMailSender : IMailSender
{
    public ConcurrentQueue<(string To, string MessageId, string Subject)> Sent { get; } = new();

    public Task<MailResult> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var to in message.To.Mailboxes)
        {
            Sent.Enqueue((to.Address, message.MessageId ?? "", message.Subject ?? ""));
        }
        return Task.FromResult(MailResult.Sent);
    }
}

/// <summary>The reminder services wired over a test database and a fake clock, as the app wires them.</summary>
public sealed class ReminderTestKit
{
    public ReminderTestKit(IDbContextFactory<CchcDbContext> dbFactory, FakeTimeProvider clock, ReminderOptions? options = null, IMailSender? mail = null)
    {
        DbFactory = dbFactory;
        Clock = clock;
        Options = options ?? new ReminderOptions { BaseUrl = "https://cchc.laichau.example" };
        var wrapped = MsOptions.Create(Options);
        var notifier = new ChangeNotifier(NullLogger<ChangeNotifier>.Instance);
        Planner = new ReminderPlanner(wrapped);
        var dispatcher = new ReminderDispatcher(wrapped, Queue, notifier, NullLogger<ReminderDispatcher>.Instance);
        Service = new ReminderService(dbFactory, Planner, dispatcher, clock, wrapped, NullLogger<ReminderService>.Instance);
        if (mail is not null)
        {
            Email = new EmailDeliveryService(dbFactory, mail, clock, wrapped, MsOptions.Create(new SmtpOptions()), notifier, NullLogger<EmailDeliveryService>.Instance);
        }
    }

    public IDbContextFactory<CchcDbContext> DbFactory { get; }
    public FakeTimeProvider Clock { get; }
    public ReminderOptions Options { get; }
    public CollectingQueue Queue { get; } = new();
    public ReminderPlanner Planner { get; }
    public ReminderService Service { get; }
    public EmailDeliveryService? Email { get; }

    /// <summary>The deliveries waiting in the e-mail outbox.</summary>
    public async Task<List<int>> OutboxAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.EmailOutbox.Select(e => e.DeliveryId).OrderBy(id => id).ToListAsync();
    }

    /// <summary>Moves the fake clock forward in one-minute steps (a big jump would fire every timer at once).</summary>
    public void Advance(TimeSpan by)
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromMinutes(1))
        {
            Clock.Advance(left < TimeSpan.FromMinutes(1) ? left : TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>A fake clock at New Year 2020, before any step of the test periods (a FakeTimeProvider only goes forward).</summary>
    public static FakeTimeProvider EarlyClock() => TestClock.At(TestClock.Local(2020, 1, 1));

    /// <summary>Moves the clock to 07:30 on the given local day (the pass's time).</summary>
    public void PassTimeOn(DateOnly day) => Clock.SetUtcNow(VietnamTime.FromLocal(day.ToDateTime(new TimeOnly(7, 30))));

    public static async Task<(int PlanId, int PeriodId)> AddPlanAsync(CchcDbContext db, DateTimeOffset dueAt)
    {
        var plan = new Plan { Year = dueAt.Year, Title = "Kế hoạch thử", Number = "01/KH-TEST" };
        var period = new ReportingPeriod
        {
            Plan = plan,
            Kind = PeriodKind.SixMonth,
            Name = "Báo cáo 6 tháng đầu năm 2020",
            DueAt = dueAt.ToUniversalTime(),
            CoversFrom = new DateOnly(dueAt.Year, 1, 1),
            CoversTo = DateOnly.FromDateTime(dueAt.Date).AddDays(-1)
        };
        db.Periods.Add(period);
        await db.SaveChangesAsync();
        return (plan.Id, period.Id);
    }

    public static Unit NewUnit(string code, string? email = "auto", bool mustReport = true) => new()
    {
        Code = code,
        Name = "Đơn vị " + code,
        Kind = UnitKind.Department,
        MustReport = mustReport,
        IsActive = true,
        Email = email == "auto" ? code.ToLowerInvariant() + "@laichau.example" : email,
    };

    public static AppUser NewUser(Unit unit, string userName) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        FullName = userName,
        Email = userName + "@laichau.example",
        Unit = unit,
        SecurityStamp = Guid.NewGuid().ToString(),
    };

    /// <summary>Sets every seeded unit's e-mail (the plan seed has none) and gives Phòng Nội vụ one.</summary>
    public static async Task GiveUnitsEmailsAsync(IDbContextFactory<CchcDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        foreach (var unit in await db.Units.ToListAsync())
        {
            unit.Email = unit.Code.ToLowerInvariant() + "@laichau.example";
        }
        await db.SaveChangesAsync();
    }
}
