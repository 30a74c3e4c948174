using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

public sealed class TrackingMatrixTableTests : ComponentTestBase
{
    private static readonly DateTimeOffset Due = TestClock.Local(2020, 5, 25);
    private static readonly DateTimeOffset Now = TestClock.Local(2020, 5, 27, 9);

    private static MatrixRow Row(int id, string name, ReportState state, DateTimeOffset? first)
    {
        var onTime = ReportRules.WasOnTime(first, Due);
        var cell = new MatrixCell(1, state == ReportState.NotStarted ? null : id, state, ReportRules.Bucket(state, first, Due, Now), first, onTime,
            onTime == false ? ReportRules.DaysOverdue(Due, first!.Value) : 0, ReportRules.CountsAsSubmitted(state) ? 0 : ReportRules.DaysOverdue(Due, Now), 50);
        return new MatrixRow(id, name, null, null, null, [cell]);
    }

    private static readonly TrackingMatrix Matrix = new(1,
        [new PeriodColumn(1, "Báo cáo 6 tháng đầu năm 2020", new DateOnly(2020, 1, 1), new DateOnly(2020, 5, 24), Due, 0, new PeriodRates(5, 2, 1))],
        [
            Row(1, "Phường Quyết Thắng", ReportState.Accepted, TestClock.Local(2020, 5, 12, 9, 15)),
            Row(2, "Phòng Tư pháp", ReportState.Submitted, TestClock.Local(2020, 5, 26, 8)),
            Row(3, "Phường Đoàn Kết", ReportState.Returned, TestClock.Local(2020, 5, 13)),
            Row(4, "Phường Tân Phong", ReportState.Draft, null),
            Row(5, "Xã Nậm Loỏng", ReportState.NotStarted, null),
        ], Now);

    private IRenderedComponent<TrackingMatrixTable> RenderTable() =>
        Render<TrackingMatrixTable>(p => p.Add(t => t.Matrix, Matrix).Add(t => t.PeriodId, 1));

    private static List<string> Units(IRenderedComponent<TrackingMatrixTable> table) =>
        [.. table.FindAll("[data-testid=matrix-row]").Select(r => r.GetAttribute("data-unit")!)];

    [Fact]
    public void Cells_ArePaintedInTheirBucketColours_WithSubmissionTimeAndDaysLate()
    {
        var table = RenderTable();

        var cells = table.FindAll("[data-testid=matrix-cell]");
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
}
