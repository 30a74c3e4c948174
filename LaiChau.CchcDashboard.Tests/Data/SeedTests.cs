using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Data.Seeding;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.Data;

public sealed class SeedTests
{
    private static PlanSeeder Seeder(TestDatabase db) => new(db.Factory, NullLogger<PlanSeeder>.Instance);

    [Fact]
    public async Task Migrations_OnNewFile_CreateEmptySchema()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.Plans.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.Units.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.Reminders.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seed_LoadsTheSixKeyActivitiesOfTheAppendix_WithLeadsAndTimings()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using var context = db.CreateContext();

        var key = await context.Activities.Where(a => a.Kind == ActivityKind.KeyActivity).OrderBy(a => a.Order)
            .Select(a => new { a.Order, Lead = a.LeadUnit!.Name, a.TimingLabel, a.IsOngoing, a.DueAt, a.CoordinationLabel })
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(6, key.Count);
        Assert.Equal(
            ["Đài Truyền thanh thành phố", "Ban Tuyên giáo Thành ủy", "Phòng Tư pháp", "Văn phòng HĐND-UBND thành phố", "Phòng Nội vụ", "Phòng Nội vụ"],
            key.Select(a => a.Lead));
        Assert.All(key.Take(5), a => Assert.True(a.IsOngoing && a.TimingLabel == "Thường xuyên" && a.DueAt is null));
        Assert.Equal("Quý III/2020", key[5].TimingLabel);
        // "Quý III/2020" = by the end of 30/09/2020 in Lai Châu.
        Assert.Equal(new DateTimeOffset(2020, 9, 30, 17, 0, 0, TimeSpan.Zero), key[5].DueAt);
        Assert.Equal("Các cơ quan, đơn vị, xã, phường có liên quan", key[0].CoordinationLabel);
    }

    [Fact]
    public async Task Seed_LoadsEveryUnitOfTheCity_AndOnlyThePartyBodyIsExemptFromReporting()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using var context = db.CreateContext();
        var units = await context.Units.ToListAsync(TestContext.Current.CancellationToken);

        string[] expected =
        [
            "Phường Quyết Thắng", "Phường Tân Phong", "Phường Đoàn Kết", "Phường Quyết Tiến", "Phường Đông Phong", "Xã San Thàng", "Xã Nậm Loỏng",
            "Văn phòng HĐND-UBND thành phố", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "Phòng Tài nguyên và Môi trường",
            "Phòng Lao động - Thương binh và Xã hội", "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Phòng Kinh tế",
            "Phòng Quản lý đô thị", "Thanh tra thành phố", "Đài Truyền thanh thành phố", "Ban Tuyên giáo Thành ủy",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), units.Select(u => u.Name).Order(StringComparer.Ordinal));
        var exempt = Assert.Single(units, u => !u.MustReport);
        Assert.Equal(UnitKind.PartyBody, exempt.Kind);
        Assert.Equal(5, units.Count(u => u.Kind == UnitKind.Ward));
        Assert.Equal(2, units.Count(u => u.Kind == UnitKind.Commune));
    }

    [Fact]
    public async Task Seed_CreatesTwoPeriods_DueAtLocalMidnightOf25MayAnd20November()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using var context = db.CreateContext();
        var periods = await context.Periods.OrderBy(p => p.Kind).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, periods.Count);
        Assert.Equal(DateTimeOffset.Parse("2020-05-24T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), periods[0].DueAt);
        Assert.Equal(DateTimeOffset.Parse("2020-11-19T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), periods[1].DueAt);
        Assert.Equal(new DateOnly(2020, 1, 1), periods[0].CoversFrom);
        Assert.Equal(new DateOnly(2020, 5, 24), periods[0].CoversTo);
    }

    [Fact]
    public async Task Seed_KeepsThePlanTextAndHolidays()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using var context = db.CreateContext();
        var plan = await context.Plans.Include(p => p.Sections).SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal("93/KH-UBND", plan.Number);
        Assert.Equal(new DateOnly(2020, 1, 17), plan.IssuedOn);
        Assert.Equal("Lương Chiến Công", plan.SignerName);
        Assert.Equal(2, plan.Bases.Count);
        Assert.Contains(plan.Sections, s => s.Heading == "IV. TỔ CHỨC THỰC HIỆN");
        Assert.Contains(plan.Sections, s => s.Body.Contains("trước ngày 25/5/2020", StringComparison.Ordinal));
        Assert.Equal(11, await context.Activities.CountAsync(a => a.Kind == ActivityKind.StandingTask, TestContext.Current.CancellationToken));
        var holidays = await context.Holidays.Select(h => h.Date).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(12, holidays.Count);
        Assert.Contains(new DateOnly(2020, 1, 25), holidays);
        Assert.Contains(new DateOnly(2020, 9, 2), holidays);
    }

    [Fact]
    public async Task Seed_RunTwice_ChangesNothing_AndKeepsEdits()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using (var context = db.CreateContext())
        {
            var unit = await context.Units.SingleAsync(u => u.Code == "PH-TAN-PHONG", TestContext.Current.CancellationToken);
            unit.Name = "Phường Tân Phong (đã sửa)";
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Seeder(db).SeedAsync(PlanSeeder.Read(TestDatabase.SeedFilePath), TestContext.Current.CancellationToken);

        await using var after = db.CreateContext();
        Assert.Equal(1, await after.Plans.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(21, await after.Units.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(17, await after.Activities.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await after.Periods.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(12, await after.Holidays.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Phường Tân Phong (đã sửa)", (await after.Units.SingleAsync(u => u.Code == "PH-TAN-PHONG", TestContext.Current.CancellationToken)).Name);
    }
}
