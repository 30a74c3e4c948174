using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

public sealed class ReportRulesTests
{
    // "trước ngày 25/5/2020" as stored: 25/05/2020 00:00 in Lai Châu.
    private static readonly DateTimeOffset Due = TestClock.Local(2020, 5, 25);

    [Fact]
    public void IsOnTime_OneSecondBeforeLocalMidnight_IsOnTime() =>
        Assert.True(ReportRules.IsOnTime(TestClock.Local(2020, 5, 24, 23, 59, 59), Due));

    [Fact]
    public void IsOnTime_AtLocalMidnightOfTheDueDay_IsLate() =>
        Assert.False(ReportRules.IsOnTime(TestClock.Local(2020, 5, 25, 0, 0, 0), Due));

    [Theory]
    [InlineData(2020, 5, 18, 8, 0, "còn 7 ngày")]
    [InlineData(2020, 5, 22, 23, 0, "còn 3 ngày")]
    [InlineData(2020, 5, 23, 0, 0, "còn 48 giờ 0 phút")]
    [InlineData(2020, 5, 24, 21, 30, "còn 2 giờ 30 phút")]
    [InlineData(2020, 5, 25, 0, 0, "quá hạn 1 ngày")]
    [InlineData(2020, 5, 25, 8, 0, "quá hạn 1 ngày")]
    [InlineData(2020, 5, 28, 9, 0, "quá hạn 4 ngày")]
    public void Countdown_ReadsAsThePlanWouldSayIt(int y, int m, int d, int h, int min, string expected) =>
        Assert.Equal(expected, ReportRules.Countdown(Due, TestClock.Local(y, m, d, h, min)));

    [Fact]
    public void FormatDeadline_UsesThePlansWording() =>
        Assert.Equal("trước ngày 25/05/2020", VietnamTime.FormatDeadline(Due));

    [Theory]
    [InlineData(ReportState.Submitted, 2020, 5, 20, StatusBucket.CompletedOnTime)]
    [InlineData(ReportState.Accepted, 2020, 5, 26, StatusBucket.CompletedLate)]
    [InlineData(ReportState.Resubmitted, 2020, 5, 24, StatusBucket.CompletedOnTime)]
    public void Bucket_OfASubmittedReport_FollowsItsFirstSubmission(ReportState state, int y, int m, int d, StatusBucket expected) =>
        Assert.Equal(expected, ReportRules.Bucket(state, TestClock.Local(y, m, d, 9), Due, TestClock.Local(2020, 6, 1)));

    [Theory]
    [InlineData(ReportState.NotStarted, 18, StatusBucket.NotStarted)]
    [InlineData(ReportState.Draft, 18, StatusBucket.InProgress)]
    [InlineData(ReportState.Returned, 18, StatusBucket.InProgress)]
    [InlineData(ReportState.NotStarted, 25, StatusBucket.Overdue)]
    [InlineData(ReportState.Draft, 26, StatusBucket.Overdue)]
    public void Bucket_OfAnUnsentReport_DependsOnTheClock(ReportState state, int day, StatusBucket expected) =>
        Assert.Equal(expected, ReportRules.Bucket(state, null, Due, TestClock.Local(2020, 5, day, 8)));
}
