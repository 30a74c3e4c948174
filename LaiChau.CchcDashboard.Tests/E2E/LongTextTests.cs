using System.Text;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>Long report texts reach the database whole, or the user is told they did not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LongTextTests(BrowserFixture browser) : E2ETest(browser)
{
    private static readonly int Limit = FieldLimits.Of(typeof(ReportForm).GetProperty(nameof(ReportForm.ContentPropagated))!);

    [Fact]
    public async Task LargestAcceptedText_PastedIntoTheReport_IsSavedWhole_AndTheExcessIsNeverTaken()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync("tanphong");
        var report = new ReportEditorPage(page, Server.BaseUrl);
        await report.OpenFirstFromListAsync();
        var text = VietnameseText(Limit + 500);

        var field = report.Field("report-content");
        await field.FillAsync("");
        await field.FocusAsync();
        await page.Keyboard.InsertTextAsync(text);
        await field.BlurAsync();

        // The browser keeps exactly the limit; the counter shows it.
        Assert.Equal(Limit, await field.EvaluateAsync<int>("e => e.value.length"));
        await Expect(page.GetByText($"{Limit} / {Limit}")).ToBeVisibleAsync();
        await report.ByTestId("report-save").ClickAsync();
        await Expect(page.GetByText("Đã lưu nháp.")).ToBeVisibleAsync();

        var kept = text[..Limit];
        Assert.Contains(kept, (await StoredContentsAsync()).Select(Normalised));
        await page.ReloadAsync();
        await report.WaitForInteractiveAsync();
        Assert.Equal(kept, await report.Field("report-content").InputValueAsync());
    }

    [Fact]
    public async Task TextThatDidNotReachTheServer_IsSentAgainOnSave_SoTheSavedReportIsWhatTheUserSees()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page, Server.BaseUrl).SignInAsync("tanphong");
        var report = new ReportEditorPage(page, Server.BaseUrl);
        await report.OpenFirstFromListAsync();

        // As after a dropped connection: the box shows new text, the server never received the change.
        await report.Field("report-results").EvaluateAsync("(e, v) => { e.value = v; }", "Kết quả gõ khi mất kết nối.");
        await report.ByTestId("report-save").ClickAsync();

        await Expect(page.GetByText("Đã lưu nháp.")).ToBeVisibleAsync();
        await using var scope = Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var stored = await db.Reports.AsNoTracking().Where(r => r.Unit!.Name == "Phường Tân Phong").Select(r => r.Results).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Kết quả gõ khi mất kết nối.", stored);
    }

    private async Task<List<string?>> StoredContentsAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Reports.AsNoTracking().Where(r => r.Unit!.Name == "Phường Tân Phong").Select(r => r.ContentPropagated).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static string Normalised(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    // Vietnamese letters take 3 bytes each in UTF-8, quotes and line breaks are escaped in JSON: the
    // heaviest realistic text per character.
    private static string VietnameseText(int length)
    {
        const string Sentence = "Tuyên truyền \"Kế hoạch CCHC\" đến từng tổ dân phố, bản; người dân được hướng dẫn nộp hồ sơ trực tuyến.\n";
        var text = new StringBuilder(length + Sentence.Length);
        while (text.Length < length)
        {
            text.Append(Sentence);
        }
        return text.ToString(0, length);
    }
}
