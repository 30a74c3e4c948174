using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

public sealed class TrackingMatrixTableTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TestClock.Local(2020, 5, 27, 9);
    private readonly FakeTimeProvider _clock = TestClock.At(Now);
    private TestDatabase _db = null!;
    private int _planId;
    private int _periodId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_planId, _periodId, _) = await ReportTestData.AddPlanAsync(_db);
        (string Name, ReportState State, DateTimeOffset? First)[] units =
        [
            ("Phường Quyết Thắng", ReportState.Accepted, TestClock.Local(2020, 5, 12, 9, 15)),
            ("Phòng Tư pháp", ReportState.Submitted, TestClock.Local(2020, 5, 26, 8)),
            ("Phường Đoàn Kết", ReportState.Returned, TestClock.Local(2020, 5, 13)),
            ("Phường Tân Phong", ReportState.Draft, null),
            ("Xã Nậm Loỏng", ReportState.NotStarted, null),
        ];
        for (var i = 0; i < units.Length; i++)
        {
            var unitId = await AddUnitAsync(units[i].Name, i + 1);
            if (units[i].State != ReportState.NotStarted)
            {
                await ReportTestData.AddReportAsync(_db, _periodId, unitId, units[i].State, units[i].First);
            }
        }
        Services.AddSingleton(ReportTestData.Tracking(_db, _clock));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<int> AddUnitAsync(string name, int sortOrder)
    {
        await using var context = _db.CreateContext();
        var unit = new Unit { Code = $"U-{sortOrder:0000}", Name = name, Kind = UnitKind.Ward, MustReport = true, SortOrder = sortOrder };
        context.Units.Add(unit);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        return unit.Id;
    }

    private IRenderedComponent<TrackingMatrixTable> RenderTable()
    {
        var periods = ReportTestData.Tracking(_db, _clock).GetPeriodsAsync(ReportTestData.HomeAffairs, _planId, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        var table = Render<TrackingMatrixTable>(p => p.Add(t => t.User, ReportTestData.HomeAffairs).Add(t => t.Periods, periods).Add(t => t.PeriodId, _periodId));
        table.WaitForElement("[data-testid=tracking-matrix]");
        return table;
    }

    private static List<string> Units(IRenderedComponent<TrackingMatrixTable> table) =>
        [.. table.FindAll("[data-testid=matrix-row]").Select(r => r.GetAttribute("data-unit")!)];

    [Fact]
    public void Cells_ArePaintedInTheirBucketColours_WithSubmissionTimeAndDaysLate()
    {
        var table = RenderTable();

        IReadOnlyList<AngleSharp.Dom.IElement> cells = table.FindAll("[data-testid=matrix-cell]");
        // Two periods per plan: the six-month cell of each row, in unit order.
        cells = [.. cells.Where(c => c.GetAttribute("data-period") == _periodId.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(["CompletedOnTime", "CompletedLate", "Overdue", "Overdue", "Overdue"], cells.Select(c => c.GetAttribute("data-bucket")));
        Assert.Contains("bucket-ontime-cell", cells[0].ClassList);
        Assert.Contains("bucket-late-cell", cells[1].ClassList);
        Assert.Contains("bucket-overdue-cell", cells[4].ClassList);
        Assert.Contains("bucket-ontime", cells[0].QuerySelector("[data-testid=status-chip]")!.ClassList);
        Assert.Contains("Đã tiếp nhận", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Nộp 12/05/2020 09:15 · đúng hạn", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Nộp 26/05/2020 08:00 · muộn 2 ngày", cells[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Quá hạn 3 ngày", cells[4].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("filter-notsubmitted", new[] { "Phường Đoàn Kết", "Phường Tân Phong", "Xã Nậm Loỏng" })]
    [InlineData("filter-late", new[] { "Phòng Tư pháp", "Phường Đoàn Kết", "Phường Tân Phong", "Xã Nậm Loỏng" })]
    [InlineData("filter-returned", new[] { "Phường Đoàn Kết" })]
    public void Filter_ShowsOnlyTheMatchingUnits(string filter, string[] expected)
    {
        var table = RenderTable();

        table.Find($"[data-testid={filter}]").Click();

        table.WaitForAssertion(() => Assert.Equal(expected, Units(table)));
    }

    [Fact]
    public void SortByDaysOverdue_PutsTheMostOverdueFirst()
    {
        var table = RenderTable();

        var toggle = table.Find("[data-testid=sort-overdue]");
        (toggle.TagName == "INPUT" ? toggle : toggle.QuerySelector("input")!).Change(true);

        table.WaitForAssertion(() => Assert.Equal(["Phường Đoàn Kết", "Phường Tân Phong", "Xã Nậm Loỏng", "Phòng Tư pháp", "Phường Quyết Thắng"], Units(table)));
    }

    [Fact]
    public void Search_ByUnitName_ShowsOnlyTheUnitsWhoseNameContainsIt()
    {
        var table = RenderTable();

        Input(table, "matrix-search").Input("tân phong");

        table.WaitForAssertion(() => Assert.Equal(["Phường Tân Phong"], Units(table)), TimeSpan.FromSeconds(10));
        Input(table, "matrix-search").Input("không có");
        table.WaitForAssertion(() => Assert.Contains("không có", table.Find("[data-testid=matrix-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_ShowTwentyFiveRowsAtATime_AndTheNextPageTheRest()
    {
        for (var i = 6; i <= 30; i++)
        {
            await AddUnitAsync($"Xã thử {i:00}", i);
        }
        var table = RenderTable();

        Assert.Equal(25, Units(table).Count);
        Assert.Equal("Hiển thị 1–25 / 30", table.Find("[data-testid=matrix-range]").TextContent.Trim());
        table.Find("[data-testid=matrix-pages] [aria-label='Trang 2'], [data-testid=matrix-pages] button[aria-label*='2']").Click();

        table.WaitForAssertion(() => Assert.Equal(["Xã thử 26", "Xã thử 27", "Xã thử 28", "Xã thử 29", "Xã thử 30"], Units(table)));
        Assert.Equal("Hiển thị 26–30 / 30", table.Find("[data-testid=matrix-range]").TextContent.Trim());
    }
}
