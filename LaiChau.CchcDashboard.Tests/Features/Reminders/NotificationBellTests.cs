using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

public sealed class NotificationBellTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = TestClock.AtDemoStart();
    private readonly ChangeNotifier _notifier = new(NullLogger<ChangeNotifier>.Instance);
    private readonly SqlCommandCounter _commands = new();
    private TestDatabase _db = null!;
    private UserInfo _user = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using (var db = _db.CreateContext())
        {
            var unit = ReminderTestKit.NewUnit("P-TU-PHAP");
            var user = ReminderTestKit.NewUser(unit, "tuphap");
            db.Users.Add(user);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            _user = new UserInfo(user.Id, "tuphap", "Tư pháp", [AppRoles.Unit], unit.Id, unit.Name);
        }
        var factory = _commands.FactoryFor(_db);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_notifier);
        Services.AddSingleton(new NotificationService(factory, _clock, _notifier));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task NotifyAsync(int count)
    {
        await using var db = _db.CreateContext();
        db.Notifications.AddRange(Enumerable.Range(1, count).Select(i => new Notification
        {
            UserId = _user.Id,
            Title = $"Nhắc nhở {i}",
            Body = "Hạn nộp báo cáo",
            CreatedAt = _clock.GetUtcNow(),
        }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AReminderPassOfManyEmails_MakesTheBellCountOncePerBurst_NotOncePerEmail()
    {
        var bell = Render<NotificationBell>(p => p.Add(b => b.User, _user));
        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-testid=bell-count]").TextContent));
        var afterFirstCount = _commands.Count;

        await NotifyAsync(100);
        for (var i = 0; i < 100; i++)
        {
            await _notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated, UserId: _user.Id));
        }
        await _notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated, UserId: "someone-else"));

        bell.WaitForAssertion(() => Assert.Equal("100", bell.Find("[data-testid=bell-count]").TextContent));
        Assert.Equal(afterFirstCount + 1, _commands.Count);
        // The changes that came during that second are read once more when it is over, and that is all.
        _clock.Advance(TimeSpan.FromSeconds(1));
        bell.WaitForAssertion(() => Assert.Equal(afterFirstCount + 2, _commands.Count));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(afterFirstCount + 2, _commands.Count);
    }
}
