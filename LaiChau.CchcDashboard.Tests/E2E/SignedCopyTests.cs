using LaiChau.CchcDashboard.Tests.Features.SignedCopies;
using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>The unit sends its signed copy through the report page; Phòng Nội vụ sees it arrive and accepts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignedCopyTests(BrowserFixture browser) : E2ETest(browser)
{
    [Fact]
    public async Task UnitUploadsAPdfThenAPng_HomeAffairsSeesTheFlagAndAccepts()
    {
        await using var unitContext = await NewContextAsync();
        var page = await unitContext.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync("daitt");
        var report = new SignedCopyPanelPage(page, Server.BaseUrl);
        await report.OpenOwnReportAsync();
        await Assertions.Expect(report.ByTestId("signed-copy-none")).ToBeVisibleAsync();
        // The file button speaks Vietnamese (not the browser's "Choose File") and shows the chosen file.
        await Assertions.Expect(report.ByTestId("signed-copy-choose")).ToHaveTextAsync("Chọn tệp");
        await Assertions.Expect(report.ByTestId("signed-copy-file-name")).ToHaveTextAsync("Chưa chọn tệp");

        // A renamed executable is refused by its content, and what was typed stays.
        await report.FillNumberAndDateAsync("12/BC-ĐTT", "15/05/2020");
        await report.ChooseAsync("ban-ky.pdf", "application/pdf", SignedCopyTestData.Executable());
        await Assertions.Expect(report.ByTestId("signed-copy-file-name")).ToHaveTextAsync("ban-ky.pdf");
        await report.ByTestId("signed-copy-upload").ClickAsync();
        await Assertions.Expect(report.ByTestId("signed-copy-file-error")).ToContainTextAsync("Chỉ nhận bản ký dạng PDF, JPEG hoặc PNG");
        await Assertions.Expect(report.Number).ToHaveValueAsync("12/BC-ĐTT");

        await report.ChooseAsync("ban-ky.pdf", "application/pdf", SignedCopyTestData.SmallPdf());
        await report.ByTestId("signed-copy-upload").ClickAsync();
        await Assertions.Expect(report.ByTestId("signed-copy-current")).ToContainTextAsync("Đã có bản ký: số 12/BC-ĐTT ngày 15/05/2020 · PDF");

        await report.FillNumberAndDateAsync("12/BC-ĐTT", "16/05/2020");
        await report.ChooseAsync("ban-ky-anh.png", "image/png", SignedCopyTestData.SmallPng());
        await report.ByTestId("signed-copy-upload").ClickAsync();
        await Assertions.Expect(report.ByTestId("signed-copy-current")).ToContainTextAsync("ngày 16/05/2020 · PNG");
        await Assertions.Expect(report.ByTestId("signed-copy-history")).ToContainTextAsync("Số 12/BC-ĐTT ngày 15/05/2020");

        await using var reviewerContext = await NewContextAsync();
        var reviewer = await reviewerContext.NewPageAsync();
        await new LoginPage(reviewer, Server.BaseUrl).SignInAsync("noivu");
        var tracking = new TrackingPage(reviewer, Server.BaseUrl);
        await tracking.GotoAsync();
        await Assertions.Expect(tracking.Cell("Đài Truyền thanh thành phố").Locator("[data-testid=signed-copy-flag]")).ToHaveTextAsync("đã có bản ký");
        await Assertions.Expect(tracking.Cell("Phòng Tư pháp").Locator("[data-testid=signed-copy-flag]")).ToHaveCountAsync(0);
        await tracking.OpenReportAsync("Đài Truyền thanh thành phố");
        await Assertions.Expect(tracking.ByTestId("has-signed-copy")).ToBeVisibleAsync();
        await tracking.ByTestId("report-accept").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-testid=status-chip]").First).ToHaveTextAsync("Đã tiếp nhận");
    }

    [Fact]
    public async Task HomeAffairs_AcceptingWithoutASignedCopy_MustGiveTheReason()
    {
        await using var context = await NewContextAsync();
        var reviewer = await context.NewPageAsync();
        await new LoginPage(reviewer, Server.BaseUrl).SignInAsync("noivu");
        var tracking = new TrackingPage(reviewer, Server.BaseUrl);
        await tracking.GotoAsync();
        await tracking.OpenReportAsync("Phòng Tư pháp");

        await tracking.ByTestId("report-accept").ClickAsync();
        var note = reviewer.Locator("[data-testid='accept-note-input'] textarea, textarea[data-testid='accept-note-input']").First;
        await Assertions.Expect(reviewer.GetByText("Chỉ tiếp nhận khi đã có bản ký, hoặc ghi rõ lý do")).ToBeVisibleAsync();
        await Assertions.Expect(note).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(reviewer.Locator("[data-testid=status-chip]").First).ToHaveTextAsync("Đã nộp");
        await note.FillAsync("Đã nhận bản giấy qua văn thư ngày 16/05/2020.");
        await note.BlurAsync();
        await tracking.ByTestId("report-accept").ClickAsync();

        await Assertions.Expect(reviewer.Locator("[data-testid=status-chip]").First).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(tracking.ByTestId("timeline")).ToContainTextAsync("Tiếp nhận khi chưa có bản ký: Đã nhận bản giấy qua văn thư ngày 16/05/2020.");
    }
}

/// <summary>The signed-copy panel of a submitted report.</summary>
public sealed class SignedCopyPanelPage(IPage page, string baseUrl) : BasePage(page, baseUrl)
{
    public ILocator Number => Page.Locator("input[data-testid='signed-copy-number'], [data-testid='signed-copy-number'] input").First;

    private ILocator Date => Page.Locator("input[data-testid='signed-copy-date'], [data-testid='signed-copy-date'] input").First;

    public async Task OpenOwnReportAsync()
    {
        await Page.GotoAsync(BaseUrl + "/reports");
        await WaitForInteractiveAsync();
        await Page.Locator("[data-testid^='open-report-']").First.ClickAsync();
        await ByTestId("signed-copy-panel").WaitForAsync();
    }

    public async Task FillNumberAndDateAsync(string number, string date)
    {
        await Number.FillAsync(number);
        await Number.BlurAsync();
        await Date.FillAsync(date);
        await Date.PressAsync("Enter");
        await Date.BlurAsync();
    }

    public Task ChooseAsync(string name, string mimeType, byte[] content) =>
        Page.Locator("input[type=file][data-testid='signed-copy-file']").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = content });
}
