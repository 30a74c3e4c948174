using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>The leadership overview ("/").</summary>
public sealed class OverviewPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public ILocator SixMonthSubmitted => ByTestId("deadline-SixMonth").Locator("[data-testid='submitted']");
    public ILocator SixMonthOnTime => ByTestId("deadline-SixMonth").Locator("[data-testid='ontime']");
    public ILocator SixMonthCountdown => ByTestId("deadline-SixMonth").Locator("[data-testid='countdown']");
    public ILocator DueSoonList => ByTestId("duesoon-list");
    public ILocator StaleCount => ByTestId("stale-count");
    public ILocator TasksInProgress => ByTestId("bucket-InProgress").Locator("[data-testid='task-count']");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(BaseUrl + "/");
        await WaitForInteractiveAsync();
    }

    /// <summary>Marks the loaded document, so a test can tell an in-place update from a reload.</summary>
    public Task MarkDocumentAsync() => Page.EvaluateAsync("() => { window.__overviewMarker = 'same-document'; }");

    public Task<string?> DocumentMarkAsync() => Page.EvaluateAsync<string?>("() => window.__overviewMarker ?? null");
}

/// <summary>An activity's detail page with the progress log and the add-update form.</summary>
public sealed class ActivityPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public ILocator Log => ByTestId("progress-log");

    public async Task GotoAsync(int activityId)
    {
        await Page.GotoAsync($"{BaseUrl}/activities/{activityId}");
        await WaitForInteractiveAsync();
    }

    // MudBlazor puts data-testid on the input itself or on its wrapper, depending on the component.
    private ILocator Field(string id) =>
        Page.Locator($"input[data-testid='{id}'], textarea[data-testid='{id}'], [data-testid='{id}'] input, [data-testid='{id}'] textarea").First;

    public ILocator Entries => ByTestId("progress-entry");

    /// <summary>Corrects the description of the newest entry through its "Sửa" dialog.</summary>
    public async Task CorrectNewestAsync(string description)
    {
        await Entries.First.Locator("[data-testid='progress-edit']").ClickAsync();
        await ByTestId("progress-edit-dialog").WaitForAsync();
        await Field("edit-description-input").FillAsync(description);
        await ByTestId("edit-save").ClickAsync();
        await ByTestId("progress-edit-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Removes an entry through "Xóa" and its confirmation.</summary>
    public async Task RemoveAsync(ILocator entry)
    {
        await entry.Locator("[data-testid='progress-delete']").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Xóa", Exact = true }).ClickAsync();
    }

    public async Task AddUpdateAsync(string description, int? articles = null)
    {
        await Field("progress-description-input").FillAsync(description);
        if (articles is { } n)
        {
            await Field("progress-articles").FillAsync(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await ByTestId("progress-save").ClickAsync();
    }
}

/// <summary>The plan page ("/plan").</summary>
public sealed class PlanPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public ILocator Title => ByTestId("plan-title");
    public ILocator NotIssued => ByTestId("plan-not-issued");
    public ILocator PlanSelector => ByTestId("plan-selector");
    public ILocator CloneButton => ByTestId("plan-clone");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(BaseUrl + "/plan");
        await WaitForInteractiveAsync();
    }

    public async Task CloneIntoNextYearAsync()
    {
        await CloneButton.ClickAsync();
        await ByTestId("plan-clone-save").ClickAsync();
    }
}
