using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Dashboard;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.Features.Dashboard;

/// <summary>The 30-second tick of an open overview: only the countdowns render again, not the cards around them.</summary>
public sealed class OverviewTickTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = TestClock.At(TestClock.Local(2020, 5, 23, 10, 0));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSeededAsync();
        Services.AddSingleton(_db.Factory);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<ChangeNotifier>();
        Services.AddScoped<PlanCatalog>();
        Services.AddScoped<PlanSelection>();
        Services.AddScoped<OverviewService>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void Tick_UpdatesTheCountdowns_WithoutRenderingTheCardsAgain()
    {
        var page = Render<Overview>();
        var countdown = "[data-testid=deadline-SixMonth] [data-testid=countdown]";
        page.WaitForAssertion(() => Assert.Equal("còn 38 giờ 0 phút", page.Find(countdown).TextContent.Trim()));
        var glance = page.FindComponent<ActivityGlanceCard>();
        var chart = page.FindComponent<CityFiguresCard>();
        var deadlineCharts = page.FindComponents<MudBlazor.MudChart<double>>();
        var before = (glance.RenderCount, chart.RenderCount, Charts: deadlineCharts.Sum(c => c.RenderCount));

        _clock.Advance(TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Equal("còn 37 giờ 59 phút", page.Find(countdown).TextContent.Trim()));
        _clock.Advance(TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Equal("còn 37 giờ 59 phút", page.Find(countdown).TextContent.Trim()));

        Assert.Equal(before, (glance.RenderCount, chart.RenderCount, deadlineCharts.Sum(c => c.RenderCount)));
        Assert.Contains("còn 37 giờ 59 phút", page.Find("[data-testid=duesoon-list]").TextContent, StringComparison.Ordinal);
    }
}
