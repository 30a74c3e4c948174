using System.Net;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Tests.Components;

/// <summary>Another city or a province names itself in configuration, not in code.</summary>
public sealed class CitySettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnotherCity_NamesTheWindowTitlesTheAppBarAndTheSignInPage_FromItsSettings()
    {
        await using var app = new CchcAppFactory();
        app.Settings["City:AppName"] = "CCHC Phong Thổ";
        app.Settings["City:Organisation"] = "UBND huyện Phong Thổ";
        using var anonymous = app.NewClient();
        using var client = await app.SignedInClientAsync("noivu");

        var login = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct));
        using var overview = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var html = WebUtility.HtmlDecode(await overview.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("<title>Tổng quan — CCHC Phong Thổ</title>", html, StringComparison.Ordinal);
        Assert.Contains(">CCHC Phong Thổ</", html, StringComparison.Ordinal);
        Assert.Contains("UBND huyện Phong Thổ", login, StringComparison.Ordinal);
        Assert.DoesNotContain("Lai Châu", html + login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCity_NamesItselfInReminderEmails_FromItsSettings()
    {
        await using var app = new CchcAppFactory();
        app.Settings["City:AppName"] = "CCHC Phong Thổ";
        app.Settings["City:Organisation"] = "UBND huyện Phong Thổ";
        var options = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        var content = new ReminderContent("Xã Mường So", "Báo cáo 6 tháng đầu năm 2020", 1, TestClock.Local(2020, 5, 25), "T-7", IsOverdue: false, Note: null);

        var message = ReminderMessages.Compose(content, TestClock.Local(2020, 5, 18), options.BaseUrl, options.City);

        Assert.StartsWith("[CCHC Phong Thổ] ", message.Subject, StringComparison.Ordinal);
        Assert.Contains("UBND huyện Phong Thổ", message.PlainText, StringComparison.Ordinal);
        Assert.Contains("UBND huyện Phong Thổ", WebUtility.HtmlDecode(message.Html), StringComparison.Ordinal);
        Assert.DoesNotContain("Lai Châu", message.Subject + message.PlainText + WebUtility.HtmlDecode(message.Html), StringComparison.Ordinal);
    }
}
