using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>A unit's report: the editor while it can be edited, the read-only view after submission.</summary>
public sealed class ReportEditorPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public ILocator ReadOnlyView => ByTestId("report-readonly");
    public ILocator ReturnComment => ByTestId("return-comment");
    public ILocator Timeline => ByTestId("timeline");
    public ILocator State => Page.Locator("[data-testid=status-chip]").First;

    /// <summary>Opens the unit's list of reports and the first period's report (the six-month report).</summary>
    public async Task OpenFirstFromListAsync()
    {
        await Page.GotoAsync(BaseUrl + "/reports");
        await WaitForInteractiveAsync();
        await Page.Locator("[data-testid^='open-report-']").First.ClickAsync();
        await ByTestId("report-form").WaitForAsync();
    }

    // MudBlazor puts data-testid on the input itself or on its wrapper, depending on the component.
    public ILocator Field(string testId) =>
        Page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    public async Task FillAsync(string testId, string value)
    {
        await Field(testId).FillAsync(value);
        await Field(testId).BlurAsync();
    }

    public async Task FillOutlineAsync()
    {
        await FillAsync("report-number", "15/BC-UBND");
        await Field("report-date").FillAsync("20/05/2020");
        await Field("report-date").PressAsync("Enter");
        await FillAsync("report-signer", "Nguyễn Thị Hà");
        await FillAsync("report-signer-title", "Phó Chủ tịch");
        await FillAsync("report-content", "Tuyên truyền Kế hoạch CCHC năm 2020 tại 12 tổ dân phố, bản.");
        await FillAsync("report-documents", "3");
        await FillAsync("report-news", "8");
        await FillAsync("report-models", "1");
        await FillAsync("report-examples", "2");
        await FillAsync("report-sessions", "5");
        await FillAsync("report-minutes", "120");
        await FillAsync("report-participants", "350");
        await Page.GetByLabel("Nhân dân trên địa bàn").CheckAsync();
        await Field("report-form-Conference").CheckAsync();
        await Field("report-form-Loudspeaker").CheckAsync();
        await FillAsync("report-results", "Người dân biết và dùng dịch vụ công trực tuyến nhiều hơn.");
        await FillAsync("report-strengths", "Bám sát kế hoạch của thành phố.");
        await FillAsync("report-limitations", "Một số bản vùng cao còn khó tiếp cận.");
    }

    public async Task SubmitAsync()
    {
        await ByTestId("report-submit").ClickAsync();
        await ReadOnlyView.WaitForAsync();
    }
}

/// <summary>Phòng Nội vụ's tracking matrix and a report opened from it.</summary>
public sealed class TrackingPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public async Task GotoAsync()
    {
        await Page.GotoAsync(BaseUrl + "/reports");
        await WaitForInteractiveAsync();
        await ByTestId("tracking-matrix").WaitForAsync();
    }

    public ILocator Row(string unitName) => Page.Locator($"[data-testid=matrix-row][data-unit='{unitName}']");

    public ILocator Cell(string unitName) => Row(unitName).Locator("[data-testid=matrix-cell]").First;

    public async Task OpenReportAsync(string unitName)
    {
        await Cell(unitName).Locator("a").ClickAsync();
        await ByTestId("review-actions").WaitForAsync();
    }

    public async Task ReturnAsync(string comment)
    {
        var input = Page.Locator("[data-testid='return-comment-input'] textarea, textarea[data-testid='return-comment-input']").First;
        await input.FillAsync(comment);
        await input.BlurAsync();
        await ByTestId("report-return").ClickAsync();
        await ByTestId("timeline-comment").First.WaitForAsync();
    }
}
