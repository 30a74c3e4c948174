using System.Net;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Data.Seeding;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// Two instances of the app on one PostgreSQL database (Database:Provider=Postgres), each on its own
/// Kestrel port, as deploy/README.md runs them behind nginx: a sign-in on one is good on the other,
/// a change made on one reaches the pages open on the other, the daily reminder pass run by both at
/// once sends each reminder once, and one instance stopping leaves the other's pages working.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoInstancesTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInOnA_IsAcceptedByB_AndAnAntiforgeryTokenOfA_IsAcceptedByB()
    {
        await using var cluster = await TwoInstances.StartAsync();
        var (a, b) = (cluster.A, cluster.B);
        var unitUser = DemoSeeder.Accounts.Single(account => account.UserName == "tanphong");
        var homeAffairs = DemoSeeder.Accounts.Single(account => account.UserName == "noivu");

        // One cookie jar for both: cookies are per host, not per port, as in a browser behind one address.
        using var client = NewClient(out var cookies);
        using (var anonymous = await client.GetAsync(new Uri(b.Url("/reports")), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using (var signIn = await PostLoginAsync(client, a, tokenFrom: a, unitUser.UserName))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        Assert.NotNull(cookies.GetCookies(new Uri(a.BaseUrl))["cchc.auth"]);

        using (var onB = await client.GetAsync(new Uri(b.Url("/reports")), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
            Assert.Contains($"data-testid=\"user-name\">{unitUser.FullName}<", WebUtility.HtmlDecode(await onB.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        // The sign-in form's antiforgery token, issued by A, posted to B.
        using var second = NewClient(out _);
        using (var signInOnB = await PostLoginAsync(second, b, tokenFrom: a, homeAffairs.UserName))
        {
            Assert.Equal(HttpStatusCode.Redirect, signInOnB.StatusCode);
        }
        using (var onA = await second.GetAsync(new Uri(a.Url("/reports")), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
            Assert.Contains($"data-testid=\"user-name\">{homeAffairs.FullName}<", WebUtility.HtmlDecode(await onA.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnitSubmitsOnA_LeadersOverviewOpenOnB_ShowsItWithinTwoSeconds()
    {
        await using var cluster = await TwoInstances.StartAsync();
        var overview = await OpenOverviewAsync(cluster.B, "lanhdao");
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("4");
        await Expect(overview.DueSoonList).ToContainTextAsync("Phường Tân Phong");
        await overview.MarkDocumentAsync();

        var editor = await OpenEditorAsync(cluster.A, "tanphong");
        await editor.FillOutlineAsync();
        await editor.SubmitAsync();

        // Saved and rendered on A; B's page hears it through PostgreSQL and re-reads by itself.
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("5", new() { Timeout = 2_000 });
        await Expect(overview.DueSoonList).Not.ToContainTextAsync("Phường Tân Phong");
        Assert.Equal("same-document", await overview.DocumentMarkAsync());
    }

    [Fact]
    public async Task BothInstancesRunTheDailyPassAtTheSameInstant_EachDueReminderIsSentOnce()
    {
        await using var cluster = await TwoInstances.StartAsync();
        var passes = new[] { cluster.A, cluster.B }.Select(instance => instance.Services.GetRequiredService<ReminderService>()).ToArray();

        // Both clocks stand at Monday 18/05/2020 08:00: the six-month report is due before 25/05, so
        // every unit that has not submitted is due its T-7 reminder, and a returned report its own.
        using var barrier = new Barrier(passes.Length);
        var results = await Task.WhenAll(passes.Select(pass => Task.Run(async () =>
        {
            barrier.SignalAndWait(Ct);
            return await pass.RunPassAsync(Ct);
        }, Ct)));

        await using var db = await cluster.A.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
        var sixMonth = await db.Periods.Where(p => p.Kind == PeriodKind.SixMonth).Select(p => p.Id).SingleAsync(Ct);
        var states = await db.Reports.Where(r => r.PeriodId == sixMonth).ToDictionaryAsync(r => r.UnitId, r => r.State, Ct);
        var owing = (await PeriodProgressQuery.ExpectedUnits(db).Select(u => u.Id).ToListAsync(Ct))
            .Where(id => !ReportRules.CountsAsSubmitted(states.GetValueOrDefault(id, ReportState.NotStarted)))
            .Order().ToList();
        var reminders = await db.Reminders.AsNoTracking().Select(r => new { r.UnitId, r.PeriodId, r.Step }).ToListAsync(Ct);

        Assert.True(owing.Count > 10, $"the demo should leave many units owing, found {owing.Count}");
        Assert.Equal(owing, reminders.Select(r => r.UnitId).Order().ToList());
        Assert.All(reminders, r => Assert.Equal(sixMonth, r.PeriodId));
        Assert.Equal(reminders.Count, reminders.Distinct().Count());
        var returned = states.Where(s => s.Value == ReportState.Returned).Select(s => s.Key).ToHashSet();
        Assert.All(reminders, r => Assert.Equal(returned.Contains(r.UnitId) ? ReminderPolicy.ReturnedStep(1) : "T-7", r.Step));
        // Both passes planned every one of them; the database gave each to exactly one.
        Assert.All(results, result => Assert.Equal(owing.Count, result.Planned));
        Assert.Equal(owing.Count, results.Sum(result => result.Sent));
    }

    [Fact]
    public async Task InstanceAStopsWithPagesOpen_ThePageOnB_KeepsWorkingAndHearingChanges()
    {
        await using var cluster = await TwoInstances.StartAsync();
        var overview = await OpenOverviewAsync(cluster.B, "lanhdao");
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("4");
        await overview.MarkDocumentAsync();
        var editor = await OpenEditorAsync(cluster.A, "tanphong");
        Assert.True(cluster.A.Circuits.Open > 0, "the unit's window holds a circuit on A");

        await cluster.A.DisposeAsync();

        // A round trip over B's circuit: the menu navigates inside the page, the server renders.
        var leader = overview.Page;
        await leader.GetByTestId("nav-menu").GetByText("Báo cáo", new() { Exact = true }).ClickAsync();
        await Expect(leader.GetByTestId("tracking-matrix")).ToBeVisibleAsync();
        await leader.GetByTestId("nav-menu").GetByText("Tổng quan", new() { Exact = true }).ClickAsync();
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("4");
        Assert.Equal("same-document", await overview.DocumentMarkAsync());

        // The unit's window lost A; it opens the app again, lands on B with the same cookie, and submits there.
        await editor.Page.GotoAsync(cluster.B.Url("/reports"));
        editor = new ReportEditorPage(editor.Page, cluster.B.BaseUrl);
        await editor.OpenFirstFromListAsync();
        await editor.FillOutlineAsync();
        await editor.SubmitAsync();

        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("5");
        Assert.Equal("same-document", await overview.DocumentMarkAsync());
    }

    private async Task<OverviewPage> OpenOverviewAsync(AppInstance instance, string userName)
    {
        var page = await NewPageAsync();
        await new LoginPage(page, instance.BaseUrl).SignInAsync(userName);
        var overview = new OverviewPage(page, instance.BaseUrl);
        await overview.GotoAsync();
        return overview;
    }

    private async Task<ReportEditorPage> OpenEditorAsync(AppInstance instance, string userName)
    {
        var page = await NewPageAsync();
        await new LoginPage(page, instance.BaseUrl).SignInAsync(userName);
        var editor = new ReportEditorPage(page, instance.BaseUrl);
        await editor.OpenFirstFromListAsync();
        return editor;
    }

    private async Task<IPage> NewPageAsync()
    {
        await browser.EnsureConnectedAsync();
        var context = await browser.RequireBrowser().NewContextAsync(new() { Locale = "vi-VN" });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    private static HttpClient NewClient(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
#pragma warning disable CA2000 // The client owns the handler and disposes it.
        var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>The real sign-in form: its antiforgery token read from <paramref name="tokenFrom"/>, posted to <paramref name="to"/>.</summary>
    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, AppInstance to, AppInstance tokenFrom, string userName)
    {
        var form = await client.GetStringAsync(new Uri(tokenFrom.Url("/account/login")), Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = HttpSignIn.DemoPassword,
        });
        return await client.PostAsync(new Uri(to.Url("/account/login")), content, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
