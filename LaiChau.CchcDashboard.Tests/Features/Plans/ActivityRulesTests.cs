using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

public sealed class ActivityRulesTests
{
    // "Quý III/2020" = by the end of 30/09/2020, i.e. before 01/10/2020 00:00 in Lai Châu.
    private static readonly DateTimeOffset QuarterThree = TestClock.Local(2020, 10, 1);

    [Fact]
    public void Bucket_CompletedBeforeTheDueDate_IsCompletedOnTime() =>
        Assert.Equal(StatusBucket.CompletedOnTime,
            ActivityRules.Bucket(ActivityStatus.Completed, QuarterThree, TestClock.Local(2020, 9, 30, 23, 59), TestClock.Local(2020, 12, 1)));

    [Fact]
    public void Bucket_CompletedAfterTheDueDate_IsCompletedLate() =>
        Assert.Equal(StatusBucket.CompletedLate,
            ActivityRules.Bucket(ActivityStatus.Completed, QuarterThree, TestClock.Local(2020, 10, 1, 8), TestClock.Local(2020, 12, 1)));

    [Fact]
    public void Bucket_OngoingActivityCompleted_IsCompletedOnTime() =>
        Assert.Equal(StatusBucket.CompletedOnTime,
            ActivityRules.Bucket(ActivityStatus.Completed, null, TestClock.Local(2020, 12, 30), TestClock.Local(2020, 12, 31)));

    [Fact]
    public void Bucket_InProgressBeforeTheDueDate_IsInProgress() =>
        Assert.Equal(StatusBucket.InProgress,
            ActivityRules.Bucket(ActivityStatus.InProgress, QuarterThree, null, TestClock.Local(2020, 9, 30, 23, 59)));

    [Theory]
    [InlineData(ActivityStatus.InProgress)]
    [InlineData(ActivityStatus.NotStarted)]
    public void Bucket_PastTheDueDateAndNotCompleted_IsOverdue(ActivityStatus status) =>
        Assert.Equal(StatusBucket.Overdue, ActivityRules.Bucket(status, QuarterThree, null, QuarterThree));

    [Fact]
    public void Bucket_NotStartedOngoingActivity_IsNotStarted_NeverOverdue() =>
        Assert.Equal(StatusBucket.NotStarted, ActivityRules.Bucket(ActivityStatus.NotStarted, null, null, TestClock.Local(2020, 12, 31)));

    [Fact]
    public void IsStale_OngoingWithAnUpdateThisLocalMonth_IsNotFlagged() =>
        Assert.False(ActivityRules.IsStale(true, ActivityStatus.InProgress, new DateOnly(2020, 5, 1), TestClock.Local(2020, 5, 31, 23, 59)));

    [Fact]
    public void IsStale_OngoingWhoseLastUpdateWasLastMonth_IsFlagged() =>
        Assert.True(ActivityRules.IsStale(true, ActivityStatus.InProgress, new DateOnly(2020, 4, 30), TestClock.Local(2020, 5, 18, 8)));

    [Fact]
    public void IsStale_UsesTheLocalMonth_NotUtc()
    {
        // 01/06/2020 03:00 in Lai Châu is still 31/05 in UTC: the May update no longer counts.
        var earlyJuneLocal = TestClock.Local(2020, 6, 1, 3);
        Assert.True(ActivityRules.IsStale(true, ActivityStatus.InProgress, new DateOnly(2020, 5, 31), earlyJuneLocal));
    }

    [Fact]
    public void IsStale_SameMonthOfAnotherYear_IsFlagged() =>
        Assert.True(ActivityRules.IsStale(true, ActivityStatus.InProgress, new DateOnly(2019, 5, 20), TestClock.Local(2020, 5, 21)));

    [Fact]
    public void IsStale_OngoingWithoutAnyUpdate_IsFlagged() =>
        Assert.True(ActivityRules.IsStale(true, ActivityStatus.NotStarted, null, TestClock.Local(2020, 5, 18)));

    [Theory]
    [InlineData(false, ActivityStatus.InProgress)]
    [InlineData(true, ActivityStatus.Completed)]
    public void IsStale_DatedOrCompletedActivities_AreNeverFlagged(bool ongoing, ActivityStatus status) =>
        Assert.False(ActivityRules.IsStale(ongoing, status, null, TestClock.Local(2020, 5, 18)));
}
