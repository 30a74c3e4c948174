using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Tests.Features.Reminders;

/// <summary>On the suite's provider (SQLite unless CCHC_TEST_PROVIDER says otherwise); <see cref="ReminderPassPostgresTests"/> runs every test on PostgreSQL.</summary>
public class ReminderPassTests
{
    /// <summary>The database the tests run on.</summary>
    protected virtual DatabaseProvider Provider => TestProvider.Current;

    private static readonly DateOnly Monday18May = new(2020, 5, 18);

    [Fact]
    public async Task Pass_RunTwiceAndConcurrentlyOnOneDatabase_SendsEachReminderOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await ReminderTestKit.GiveUnitsEmailsAsync(database.Factory);
        // Two "servers": separate services and clocks over the same SQLite file.
        var first = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        var second = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        first.PassTimeOn(Monday18May);
        second.PassTimeOn(Monday18May);

        var results = await Task.WhenAll(first.Service.RunPassAsync(ct), second.Service.RunPassAsync(ct), first.Service.RunPassAsync(ct));
        var again = await second.Service.RunPassAsync(ct);

        await using var db = database.CreateContext();
        var mustReport = await db.Units.CountAsync(u => u.MustReport && u.IsActive, ct);
        var reminders = await db.Reminders.AsNoTracking().Select(r => new { r.UnitId, r.Step }).ToListAsync(ct);
        Assert.Equal(mustReport, reminders.Count);
        Assert.All(reminders, r => Assert.Equal("T-7", r.Step));
        Assert.Equal(mustReport, results.Sum(r => r.Sent));
        Assert.Equal(0, again.Sent);
        var emails = await first.OutboxAsync();
        Assert.Equal(mustReport, emails.Count);
        Assert.Equal(emails.Count, emails.Distinct().Count());
        Assert.Equal(emails, await db.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).Select(d => d.Id).OrderBy(id => id).ToListAsync(ct));
        // One wake-up of the outbox job per pass that sent something, not one job per e-mail.
        Assert.InRange(first.Queue.DrainRequests + second.Queue.DrainRequests, 1, 3);
    }

    [Fact]
    public async Task Pass_AfterAWeekWithoutPasses_CatchesUpOnceWithTheLatestStep()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        var kit = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        kit.PassTimeOn(new DateOnly(2020, 5, 11));
        var t14 = await kit.Service.RunPassAsync(ct);

        // The server is down from 12/05 to 19/05 and misses T-7 (18/05).
        kit.PassTimeOn(new DateOnly(2020, 5, 20));
        var catchUp = await kit.Service.RunPassAsync(ct);
        kit.PassTimeOn(new DateOnly(2020, 5, 21));
        var nextDay = await kit.Service.RunPassAsync(ct);

        await using var db = database.CreateContext();
        var mustReport = await db.Units.CountAsync(u => u.MustReport && u.IsActive, ct);
        Assert.Equal(mustReport, t14.Sent);
        Assert.Equal(mustReport, catchUp.Sent);
        Assert.Equal(0, nextDay.Sent);
        var caughtUp = await db.Reminders.AsNoTracking().Where(r => r.Step != "T-14").Select(r => new { r.UnitId, r.Step, r.ScheduledFor }).ToListAsync(ct);
        Assert.Equal(mustReport, caughtUp.Select(r => r.UnitId).Distinct().Count());
        Assert.All(caughtUp, r =>
        {
            Assert.Equal("T-7", r.Step);
            Assert.Equal(new DateOnly(2020, 5, 18), r.ScheduledFor);
        });
    }

    [Fact]
    public async Task Pass_SubmittedOrAcceptedUnits_GetNothing_AndUnitsWithoutEmailStillGetTheBell()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Provider);
        int periodId;
        await using (var db = database.CreateContext())
        {
            (_, periodId) = await ReminderTestKit.AddPlanAsync(db, TestClock.Local(2020, 5, 25));
            var submitted = ReminderTestKit.NewUnit("NOP");
            var accepted = ReminderTestKit.NewUnit("TIEP-NHAN");
            var noEmail = ReminderTestKit.NewUnit("KHONG-EMAIL", email: null);
            db.Units.AddRange(submitted, accepted, noEmail);
            db.Users.Add(ReminderTestKit.NewUser(noEmail, "khongemail"));
            await db.SaveChangesAsync(ct);
            db.Reports.AddRange(
                new UnitReport { UnitId = submitted.Id, PeriodId = periodId, State = ReportState.Submitted, SubmittedAt = TestClock.Local(2020, 5, 12), FirstSubmittedAt = TestClock.Local(2020, 5, 12) },
                new UnitReport { UnitId = accepted.Id, PeriodId = periodId, State = ReportState.Accepted, SubmittedAt = TestClock.Local(2020, 5, 12), FirstSubmittedAt = TestClock.Local(2020, 5, 12) });
            await db.SaveChangesAsync(ct);
        }
        var kit = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        kit.PassTimeOn(Monday18May);

        var result = await kit.Service.RunPassAsync(ct);

        await using var check = database.CreateContext();
        var reminder = Assert.Single(await check.Reminders.Include(r => r.Unit).Include(r => r.Deliveries).ToListAsync(ct));
        Assert.Equal(1, result.Sent);
        Assert.Equal("KHONG-EMAIL", reminder.Unit!.Code);
        var delivery = Assert.Single(reminder.Deliveries);
        Assert.Equal(DeliveryChannel.InApp, delivery.Channel);
        var notification = Assert.Single(await check.Notifications.ToListAsync(ct));
        Assert.Contains("còn 7 ngày", notification.Title, StringComparison.Ordinal);
        Assert.Empty(await kit.OutboxAsync());
        Assert.Equal(0, kit.Queue.DrainRequests);
        var schedule = await kit.Service.GetScheduleAsync(ct: ct);
        Assert.Equal("Đơn vị KHONG-EMAIL", Assert.Single(schedule.CannotEmail).Name);
    }

    [Fact]
    public async Task OverdueReminder_CopiesPhongNoiVu_ByEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using (var db = database.CreateContext())
        {
            await ReminderTestKit.AddPlanAsync(db, TestClock.Local(2020, 5, 25));
            var noiVu = ReminderTestKit.NewUnit("P-NOI-VU", email: "phongnoivu@laichau.example", mustReport: false);
            db.Units.AddRange(ReminderTestKit.NewUnit("TRE"), noiVu);
            await db.SaveChangesAsync(ct);
        }
        var kit = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        kit.PassTimeOn(new DateOnly(2020, 5, 27));

        await kit.Service.RunPassAsync(ct);

        await using var check = database.CreateContext();
        var emails = await check.ReminderDeliveries.Where(d => d.Channel == DeliveryChannel.Email).OrderBy(d => d.IsCopy).ToListAsync(ct);
        Assert.Equal(["tre@laichau.example", "phongnoivu@laichau.example"], emails.Select(e => e.Recipient));
        Assert.True(emails[1].IsCopy);
        Assert.Equal("Q+3", (await check.Reminders.SingleAsync(ct)).Step);
    }

    [Fact]
    public async Task Preview_ForTomorrow_IsWhatTomorrowsPassSends()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        var kit = new ReminderTestKit(database.Factory, TestClock.At(TestClock.Local(2020, 5, 17, 20)));

        var preview = await kit.Service.GetScheduleAsync(ct: ct);
        kit.PassTimeOn(preview.PreviewDay);
        await kit.Service.RunPassAsync(ct);

        await using var db = database.CreateContext();
        var sent = await db.Reminders.AsNoTracking().Select(r => new { r.UnitId, r.Step }).ToListAsync(ct);
        Assert.Equal(Monday18May, preview.PreviewDay);
        Assert.NotEmpty(preview.Preview);
        Assert.Equal(preview.Preview.Select(p => (p.UnitId, p.Step)).Order(), sent.Select(s => (s.UnitId, s.Step)).Order());
    }

    [Fact]
    public async Task ManualReminder_GoesThroughTheSameHistory_AndRefusesBadInputInVietnamese()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await ReminderTestKit.GiveUnitsEmailsAsync(database.Factory);
        var kit = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        kit.PassTimeOn(Monday18May);
        int unitId, periodId;
        await using (var db = database.CreateContext())
        {
            unitId = await db.Units.Where(u => u.Code == "PH-TAN-PHONG").Select(u => u.Id).SingleAsync(ct);
            periodId = await db.Periods.Where(p => p.Kind == PeriodKind.SixMonth).Select(p => p.Id).SingleAsync(ct);
        }
        var noiVu = TestUsers.HomeAffairs();
        var unitStaff = noiVu with { Roles = [LaiChau.CchcDashboard.Common.AppRoles.Unit] };

        var ok = await kit.Service.SendManualAsync(unitId, periodId, "Đề nghị nộp trước thứ Sáu.", noiVu, ct);
        var tooLong = await kit.Service.SendManualAsync(unitId, periodId, new string('x', 1001), noiVu, ct);
        var unknown = await kit.Service.SendManualAsync(999_999, periodId, null, noiVu, ct);
        var notAllowed = await kit.Service.SendManualAsync(unitId, periodId, null, unitStaff, ct);

        Assert.True(ok.Succeeded);
        Assert.Equal("Ghi chú tối đa 1.000 ký tự.", tooLong.Errors["Note"]);
        Assert.Equal("Đơn vị không tồn tại hoặc không phải báo cáo.", unknown.Errors["UnitId"]);
        Assert.False(notAllowed.Succeeded);
        var history = await new ReminderHistory(database.Factory).GetAsync(new HistoryFilter(UnitId: unitId), ct);
        var row = Assert.Single(history);
        Assert.True(row.IsManual);
        Assert.Equal("Đề nghị nộp trước thứ Sáu.", row.Note);
        Assert.Equal("Lò Thị Mai", row.CreatedBy);
    }

    [Fact]
    public async Task Pass_EmailCommittedButNeverDrained_IsSentOnceAfterARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await ReminderTestKit.GiveUnitsEmailsAsync(database.Factory);
        var crashed = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock());
        crashed.PassTimeOn(Monday18May);
        await crashed.Service.RunPassAsync(ct);
        var lost = await crashed.OutboxAsync();

        // The process died before the outbox job ran; the restarted one drains what was committed.
        var mail = new RecordingMailSender();
        var restarted = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock(), mail: mail);
        restarted.PassTimeOn(Monday18May);
        var first = await restarted.Email!.DrainAsync(ct);
        var second = await restarted.Email!.DrainAsync(ct);

        Assert.NotEmpty(lost);
        Assert.Equal(lost.Count, first.Sent);
        Assert.Equal(0, second.Sent);
        Assert.Equal(lost.Count, mail.Sent.Count);
        Assert.Equal(lost.Count, mail.Sent.Select(m => m.MessageId).Distinct().Count());
        Assert.Empty(await restarted.OutboxAsync());
    }
}

/// <summary>Every test of <see cref="ReminderPassTests"/> on PostgreSQL (CCHC_TEST_POSTGRES).</summary>
public sealed class ReminderPassPostgresTests : ReminderPassTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
