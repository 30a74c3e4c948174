using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

/// <summary>
/// The "Tải bản Word" buttons beside each "In PDF": a screen reader user hears which document each one
/// downloads (the visible words stay in the name, WCAG 2.5.3), and each stays next to its PDF button.
/// </summary>
public sealed class DocumentButtonsTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _planId;
    private int _periodId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_planId, _periodId, _) = await ReportTestData.AddPlanAsync(_db);
        var clock = TestClock.AtDemoStart();
        Services.AddAppBasics(_db, clock);
        Services.AddSingleton(ReportTestData.Tracking(_db, clock));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void TrackingPage_WordButtons_NameTheirDocument_AndSitWithTheirPdf()
    {
        RenderPopoverProvider();
        var panel = Render<TrackingPanel>(p => p
            .Add(t => t.User, ReportTestData.HomeAffairs)
            .Add(t => t.Plan, new PlanSummary(_planId, 2020, "93/KH-UBND-2020", "Kế hoạch thử")));
        panel.WaitForElement("[data-testid=consolidated-docx]");

        var consolidated = panel.Find("[data-testid=consolidated-docx]");
        var outline = panel.Find("[data-testid=outline-docx]");
        Assert.Equal("Tải bản Word báo cáo tổng hợp", consolidated.GetAttribute("aria-label"));
        Assert.Equal("Tải bản Word đề cương trống", outline.GetAttribute("aria-label"));
        Assert.Contains("Tải bản Word", consolidated.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tải bản Word", outline.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/documents/periods/{_periodId}/consolidated.docx", consolidated.GetAttribute("href"), StringComparison.Ordinal);

        // Each Word button wraps together with its own PDF button, never alone on a line.
        Assert.NotNull(consolidated.Closest(".doc-actions")!.QuerySelector("[data-testid=consolidated-pdf]"));
        Assert.NotNull(outline.Closest(".doc-actions")!.QuerySelector("[data-testid=outline-pdf]"));
    }

    [Fact]
    public void ReportHeading_PdfAndWordButtons_NameTheReport()
    {
        var details = new ReportDetails(7, _planId, _periodId, "Báo cáo 6 tháng đầu năm 2020", new DateOnly(2020, 1, 1), new DateOnly(2020, 5, 24),
            VietnamTime.StartOfDay(new DateOnly(2020, 5, 25)), 3, "Phường Tân Phong", ReportState.Draft, 1,
            null, null, null, null, null, new ReportForm(), [], CanEdit: true, CanReview: false);

        var heading = Render<ReportHeading>(p => p.Add(h => h.Report, details).Add(h => h.Now, TestClock.Local(2020, 5, 18, 8)));

        var word = heading.Find("[data-testid=report-docx]");
        Assert.Equal("Tải bản Word báo cáo", word.GetAttribute("aria-label"));
        Assert.Equal("In PDF báo cáo", heading.Find("[data-testid=report-pdf]").GetAttribute("aria-label"));
        Assert.NotNull(word.Closest(".doc-actions")!.QuerySelector("[data-testid=report-pdf]"));
    }
}
