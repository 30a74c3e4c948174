using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Dashboard;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Dashboard;

/// <summary>
/// A province on one server: the overview (/) and the first page of the tracking matrix (/reports)
/// cost the same SQL commands at 10 and at 5,000 units, and their HTML stays under 150 KB.
/// Counts and bytes, not time (time is the benchmarks' job).
/// </summary>
public sealed class ProvinceScalePageTests
{
    private const int MaxHtmlBytes = 150 * 1024;

    // Past the six-month deadline: the overdue list, the late filter and the call list all have units.
    private static readonly DateTimeOffset Now = TestClock.Local(2020, 5, 26, 9);

    private sealed record PageCost(int Commands, int HtmlBytes, string Html);

    private sealed class PageHost : ComponentTestBase
    {
        public PageHost(IDbContextFactory<CchcDbContext> factory)
        {
            Services.AddSingleton(factory);
            Services.AddSingleton<TimeProvider>(TestClock.At(Now));
            Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
            Services.AddSingleton<ChangeNotifier>();
            Services.AddScoped<AuditLog>();
            Services.AddScoped<AccessGuard>();
            Services.AddScoped<PlanCatalog>();
            Services.AddScoped<PlanSelection>();
            Services.AddScoped<OverviewService>();
            Services.AddScoped<ReportTrackingService>();
        }
    }

    private static async Task<(PageCost Overview, PageCost Tracking)> CostAtAsync(int reportingUnits)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await ProvinceTestData.GrowToAsync(database, reportingUnits, TestContext.Current.CancellationToken);
        var plan = await PlanTestData.PlanAsync(database.Factory);

        var overview = await MeasureAsync(database, host =>
        {
            var page = host.Render<Overview>();
            page.WaitForElement("[data-testid=units-due]");
            return page.Markup;
        });
        var tracking = await MeasureAsync(database, host =>
        {
            var summary = new PlanSummary(plan.PlanId, 2020, "93/KH-UBND", "Kế hoạch");
            var panel = host.Render<TrackingPanel>(p => p.Add(t => t.User, ReportTestData.HomeAffairs).Add(t => t.Plan, summary));
            panel.WaitForElement("[data-testid=tracking-matrix]");
            return panel.Markup;
        });
        return (overview, tracking);
    }

    private static async Task<PageCost> MeasureAsync(TestDatabase database, Func<PageHost, string> render)
    {
        var counter = new SqlCommandCounter();
        await using var host = new PageHost(counter.FactoryFor(database));
        var html = render(host);
        return new PageCost(counter.Count, System.Text.Encoding.UTF8.GetByteCount(html), html);
    }

    [Fact]
    public async Task OverviewAndTrackingFirstPage_CostTheSameSqlCommands_AndStayUnder150KB_From10To5000Units()
    {
        var small = await CostAtAsync(10);
        var large = await CostAtAsync(5000);

        TestContext.Current.TestOutputHelper?.WriteLine($"/: {large.Overview.Commands} commands, {large.Overview.HtmlBytes} bytes; /reports: {large.Tracking.Commands} commands, {large.Tracking.HtmlBytes} bytes");
        Assert.Equal(small.Overview.Commands, large.Overview.Commands);
        Assert.Equal(small.Tracking.Commands, large.Tracking.Commands);
        Assert.InRange(large.Overview.Commands, 1, 15);
        Assert.InRange(large.Tracking.Commands, 1, 15);
        Assert.InRange(large.Overview.HtmlBytes, 1, MaxHtmlBytes);
        Assert.InRange(large.Tracking.HtmlBytes, 1, MaxHtmlBytes);
        // The pages do show the province: the counts grow, the lists do not.
        Assert.Contains("Quá hạn (2.000)", large.Overview.Html, StringComparison.Ordinal);
        Assert.Contains("và 1.980 đơn vị khác", large.Overview.Html, StringComparison.Ordinal);
        Assert.Contains("Các đơn vị khác", large.Overview.Html, StringComparison.Ordinal);
        Assert.Contains("Hiển thị 1–25 / 5.000", large.Tracking.Html, StringComparison.Ordinal);
    }
}
