using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static LaiChau.CchcDashboard.Tests.Features.Reports.ReportTestData;
using TestContext = Xunit.TestContext;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

public sealed class ReportEditorTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _periodId;
    private UserInfo _user = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_, _periodId, _) = await AddPlanAsync(_db);
        _user = UnitUser((await AddUnitsAsync(_db, 1))[0]);
        var clock = TestClock.AtDemoStart();
        Services.AddAppBasics(_db, clock);
        Services.AddScoped<ReportService>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private ReportService Reports => Services.GetRequiredService<ReportService>();

    private async Task<IRenderedComponent<ReportEditor>> RenderEditorAsync(ReportDetails? details = null)
    {
        RenderPopoverProvider();
        Render<MudBlazor.MudDialogProvider>();
        details ??= await Reports.GetOwnForPeriodAsync(_user, _periodId, TestContext.Current.CancellationToken);
        return Render<ReportEditor>(p => p.Add(e => e.Report, details!).Add(e => e.User, _user));
    }

    // A text field renders its value as an attribute; a multi-line one as the textarea's content.
    private static string? Value(IRenderedComponent<ReportEditor> editor, string testId)
    {
        var input = Input(editor, testId);
        return input.TagName == "TEXTAREA" && input.TextContent.Length > 0 ? input.TextContent : input.GetAttribute("value");
    }

    private static void Type(IRenderedComponent<ReportEditor> editor, string testId, string value) => Input(editor, testId).Change(value);

    [Fact]
    public async Task SaveDraft_WithNegativeCount_ShowsTheMessageAtTheField_AndKeepsTheOtherText()
    {
        var editor = await RenderEditorAsync();
        Type(editor, "report-content", "Tuyên truyền CCHC tại tổ dân phố");
        Type(editor, "report-news", "-3");

        await editor.Find("form#report-form").SubmitAsync();

        editor.WaitForAssertion(() => Assert.Contains("Số tin, bài phải là số nguyên từ 0 đến 100.000.", editor.Markup, StringComparison.Ordinal));
        Assert.Equal("Tuyên truyền CCHC tại tổ dân phố", Value(editor, "report-content"));
        Assert.Equal(0, (await Reports.GetOwnForPeriodAsync(_user, _periodId, TestContext.Current.CancellationToken))!.Id);
    }

    [Fact]
    public async Task SaveDraft_WithADecimalCount_KeepsTheTypedTextWithAMessage_AndSavesNothing()
    {
        var editor = await RenderEditorAsync();
        Type(editor, "report-sessions", "1,5");

        await editor.Find("form#report-form").SubmitAsync();

        editor.WaitForAssertion(() => Assert.Contains("Số buổi tuyên truyền phải là số nguyên (ví dụ: 12), không có phần thập phân hay chữ.", editor.Markup, StringComparison.Ordinal));
        Assert.Equal("1,5", Value(editor, "report-sessions"));
        Assert.Equal(0, (await Reports.GetOwnForPeriodAsync(_user, _periodId, TestContext.Current.CancellationToken))!.Id);
    }

    [Fact]
    public async Task SaveDraft_WithTooManyBroadcastMinutes_ShowsTheServerMessageAtTheField()
    {
        var editor = await RenderEditorAsync();
        Type(editor, "report-minutes", "300000");

        await editor.Find("form#report-form").SubmitAsync();

        editor.WaitForAssertion(() => Assert.Contains("Số phút phát sóng không thể vượt quá số phút của kỳ báo cáo (208.800 phút).", editor.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_WithEmptyRequiredFields_NamesThemAtTheirFields_AndStaysADraft()
    {
        var editor = await RenderEditorAsync();
        Type(editor, "report-number", "12/BC-UBND");

        await editor.InvokeAsync(() => editor.Find("[data-testid=report-submit]").Click());

        // Both field messages are awaited: the fields render one after the other.
        editor.WaitForAssertion(() =>
        {
            Assert.Contains("Vui lòng nhập kết quả qua tuyên truyền trước khi nộp.", editor.Markup, StringComparison.Ordinal);
            Assert.Contains("Vui lòng nhập ưu điểm trước khi nộp.", editor.Markup, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Vui lòng nhập số, ký hiệu báo cáo trước khi nộp.", editor.Markup, StringComparison.Ordinal);
        Assert.Equal("12/BC-UBND", Input(editor, "report-number").GetAttribute("value"));
    }

    [Fact]
    public async Task SaveDraft_AfterSomeoneElseSaved_ShowsBothVersions_AndKeepsTheUsersDraft()
    {
        var form = CompleteForm(_periodId);
        await Reports.SaveDraftAsync(_user, form, TestContext.Current.CancellationToken);
        var details = await Reports.GetAsync(_user, form.Id, TestContext.Current.CancellationToken);
        var editor = await RenderEditorAsync(details);
        var colleague = form.Copy();
        colleague.Results = "Bản của đồng nghiệp";
        await Reports.SaveDraftAsync(UnitUser(_user.UnitId!.Value, "dongnghiep"), colleague, TestContext.Current.CancellationToken);

        Type(editor, "report-results", "Bản của tôi");
        await editor.Find("form#report-form").SubmitAsync();

        editor.WaitForAssertion(() => Assert.Contains("đã có người khác cập nhật", editor.Find("[data-testid=form-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Bản của đồng nghiệp", editor.Find("[data-testid=conflict-stored]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Bản của tôi", Value(editor, "report-results"));
    }

    [Fact]
    public async Task SaveDraft_WhenTheDatabaseCannotWrite_SaysSoInVietnamese_AndKeepsTheText()
    {
        var editor = await RenderEditorAsync();
        Type(editor, "report-results", "Nội dung quan trọng đang gõ");
        await RefuseReportWritesAsync();

        await editor.Find("form#report-form").SubmitAsync();

        editor.WaitForAssertion(() => Assert.Contains("Chưa lưu được: máy chủ không ghi được dữ liệu.", editor.Find("[data-testid=form-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Nội dung quan trọng đang gõ", Value(editor, "report-results"));
        Assert.DoesNotContain("Đã lưu nháp.", editor.Markup, StringComparison.Ordinal);
        Assert.False(editor.Find("[data-testid=report-save]").HasAttribute("disabled"));
    }

    // The database file stays readable but every write of a report fails, as on a full or read-only disk.
    private async Task RefuseReportWritesAsync()
    {
        await using var db = _db.CreateContext();
        await DatabaseFaults.RefuseAsync(db, "Reports", "disk I/O error", "INSERT", "UPDATE");
    }
}
