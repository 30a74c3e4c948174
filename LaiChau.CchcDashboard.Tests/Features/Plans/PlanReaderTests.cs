using Bunit;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Tests.Features.Documents;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using PlanPdf = LaiChau.CchcDashboard.Features.Documents.PlanDocument;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Plans;

public sealed class PlanReaderTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateSeededAsync();

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AnActivityWithNamedCoordinatingUnits_ReadsTheSameOnThePlanPageAndInThePlanPdf()
    {
        TestFonts.Require();
        var ct = TestContext.Current.CancellationToken;
        string content;
        await using (var db = _db.CreateContext())
        {
            var activity = await db.Activities.Include(a => a.CoordinatingUnits)
                .Where(a => a.Kind == ActivityKind.KeyActivity).OrderBy(a => a.Order).FirstAsync(ct);
            Assert.NotNull(activity.CoordinationLabel);
            activity.CoordinatingUnits.AddRange(await db.Units.Where(u => u.Code == "P-TU-PHAP" || u.Code == "PH-TAN-PHONG").ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            content = activity.Content;
        }
        var host = new PlanServiceHost(_db);
        var page = (await host.Plans.GetDocumentAsync((await PlanTestDataIds()).PlanId, ct))!;
        var appendix = Render<PlanAppendix>(p => p.Add(a => a.Activities, page.Activities));
        var cells = appendix.FindAll("[data-testid=appendix-KeyActivity] [data-testid=appendix-row]")[0].QuerySelectorAll("td");
        var onScreen = cells[3].TextContent.Trim();

        var data = (await new DocumentDataService(_db.Factory, host.Clock).GetPlanAsync(page.Id, ct))!;
        using var pdf = new PdfReadBack(PdfRenderer.Render(PlanPdf.Build(data, host.Clock.GetUtcNow())));

        Assert.Contains("Phòng Tư pháp", onScreen, StringComparison.Ordinal);
        Assert.Contains("Phường Tân Phong", onScreen, StringComparison.Ordinal);
        Assert.Equal(onScreen, data.Activities.Single(a => a.Kind == ActivityKind.KeyActivity && a.Content == content).Coordination);
        // On paper the table cell wraps, so its words come in order between the other columns' words.
        var words = onScreen.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        pdf.AssertInOrder([PlanPdf.AppendixTitle, .. words]);
    }

    private Task<Dashboard.PlanTestData.PlanIds> PlanTestDataIds() => Dashboard.PlanTestData.PlanAsync(_db.Factory);
}
