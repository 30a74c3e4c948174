using System.Net;
using System.Reflection;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.SignedCopies;
using LaiChau.CchcDashboard.Tests.Features.Documents;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Account;

/// <summary>
/// Role × route: every page (@page, found by reflection) and every endpoint (from the endpoint data
/// source), asked for by an anonymous visitor, each role, and a unit user asking for another unit's
/// report, answers the status in <see cref="Table"/>. A route without a row fails the test.
/// </summary>
public sealed class RouteAccessMatrixTests(RouteAccessMatrixTests.Host host) : IClassFixture<RouteAccessMatrixTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Outcomes: an HTTP status, "login" (302 to the sign-in page) or "denied" (302 to the access-denied page).
    private const string Ok = "200";
    private const string Forbidden = "403";
    private const string Login = "login";
    private const string Denied = "denied";

    /// <summary>Ids of the demo data the URLs are filled with; the unit user is tanphong, the "other unit" user is doanket.</summary>
    public sealed record Ids(int PlanId, int PeriodId, int ActivityId, int TanPhongReportId, int TanPhongSignedCopyId);

    /// <param name="OtherUnit">doanket (Đơn vị of Phường Đoàn Kết) asking for the same URL, whose ids belong to Phường Tân Phong.</param>
    public sealed record Row(string Template, string Method, Func<Ids, string> Url,
        string Anonymous, string Leadership, string HomeAffairs, string Unit, string Admin, string OtherUnit);

    private static Row All(string template, Func<Ids, string> url, string signedIn = Ok, string anonymous = Login) =>
        new(template, "GET", url, anonymous, signedIn, signedIn, signedIn, signedIn, signedIn);

    public static readonly IReadOnlyList<Row> Table =
    [
        // Pages
        All("/", _ => "/"),
        All("/activities", _ => "/activities"),
        All("/activities/{Id:int}", i => $"/activities/{i.ActivityId}"),
        All("/plan", _ => "/plan"),
        All("/notifications", _ => "/notifications"),
        All("/reminders", _ => "/reminders"),
        All("/reports", _ => "/reports"),
        new("/reports/{Id:int}", "GET", i => $"/reports/{i.TanPhongReportId}", Login, Ok, Ok, Ok, Ok, Forbidden),
        All("/reports/period/{PeriodId:int}", i => $"/reports/period/{i.PeriodId}"),
        new("/admin/units", "GET", _ => "/admin/units", Login, Denied, Ok, Denied, Ok, Denied),
        new("/admin/users", "GET", _ => "/admin/users", Login, Denied, Ok, Denied, Ok, Denied),
        All("/account/login", _ => "/account/login", anonymous: Ok),
        All("/account/access-denied", _ => "/account/access-denied", anonymous: Ok),
        All("/error", _ => "/error", anonymous: Ok),
        All("/not-found", _ => "/not-found", anonymous: Ok),
        // Endpoints
        new("/documents/reports/{reportId:int}.pdf", "GET", i => $"/documents/reports/{i.TanPhongReportId}.pdf", Login, Ok, Ok, Ok, Ok, Forbidden),
        All("/documents/periods/{periodId:int}/outline.pdf", i => $"/documents/periods/{i.PeriodId}/outline.pdf"),
        new("/documents/periods/{periodId:int}/consolidated.pdf", "GET", i => $"/documents/periods/{i.PeriodId}/consolidated.pdf",
            Login, Ok, Ok, Forbidden, Ok, Forbidden),
        All("/documents/plans/{planId:int}.pdf", i => $"/documents/plans/{i.PlanId}.pdf"),
        // The same four documents as Word: the same handlers, so the same answers.
        new("/documents/reports/{reportId:int}.docx", "GET", i => $"/documents/reports/{i.TanPhongReportId}.docx", Login, Ok, Ok, Ok, Ok, Forbidden),
        All("/documents/periods/{periodId:int}/outline.docx", i => $"/documents/periods/{i.PeriodId}/outline.docx"),
        new("/documents/periods/{periodId:int}/consolidated.docx", "GET", i => $"/documents/periods/{i.PeriodId}/consolidated.docx",
            Login, Ok, Ok, Forbidden, Ok, Forbidden),
        All("/documents/plans/{planId:int}.docx", i => $"/documents/plans/{i.PlanId}.docx"),
        // A signed copy: the readers of its report.
        new("/documents/signed-copies/{copyId:int}", "GET", i => $"/documents/signed-copies/{i.TanPhongSignedCopyId}", Login, Ok, Ok, Ok, Ok, Forbidden),
        new("/reports/export/matrix.xlsx", "GET", i => $"/reports/export/matrix.xlsx?planId={i.PlanId}", Login, Ok, Ok, Forbidden, Ok, Forbidden),
        new("/reports/export/calls.xlsx", "GET", i => $"/reports/export/calls.xlsx?periodId={i.PeriodId}", Login, Ok, Ok, Forbidden, Ok, Forbidden),
        All("/health", _ => "/health", anonymous: Ok),
        new("/jobs/{**path}", "GET", _ => "/jobs", Login, Forbidden, Forbidden, Forbidden, Ok, Forbidden),
        // Signing out sends everyone signed in back to the sign-in page.
        new("/account/logout", "POST", _ => "/account/logout", Login, Login, Login, Login, Login, Login),
    ];

    /// <summary>Every @page template of the app's components.</summary>
    private static IEnumerable<string> PageRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template);

    /// <summary>Every endpoint that is not a page, not a framework file (Blazor's own, static assets and their "{**path:file}" fallback).</summary>
    private IEnumerable<string> EndpointRoutes() =>
        host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal)))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal) && !p.Contains(":file}", StringComparison.Ordinal));

    [Fact]
    public async Task EveryRoute_ForEveryRole_AnswersAsTheTableSays()
    {
        _ = host.Server; // start the app so the endpoint data source is built
        var routes = PageRoutes().Concat(EndpointRoutes()).ToHashSet(StringComparer.Ordinal);
        var rows = Table.Select(r => r.Template).ToHashSet(StringComparer.Ordinal);
        Assert.True(routes.SetEquals(rows),
            $"Routes without a row: {string.Join(", ", routes.Except(rows))}. Rows without a route: {string.Join(", ", rows.Except(routes))}.");

        TestFonts.Require();
        var ids = await IdsAsync();
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = host.NewClient() };
        foreach (var user in new[] { "lanhdao", "noivu", "tanphong", "quantri", "doanket" })
        {
            clients[user] = await host.SignedInClientAsync(user);
        }
        var mismatches = new List<string>();
        foreach (var row in Table)
        {
            var expected = new (string User, string Outcome)[]
            {
                ("anonymous", row.Anonymous), ("lanhdao", row.Leadership), ("noivu", row.HomeAffairs), ("tanphong", row.Unit),
                ("quantri", row.Admin), ("doanket", row.OtherUnit),
            };
            foreach (var (user, outcome) in expected)
            {
                var actual = await OutcomeAsync(row, user, clients[user], ids);
                if (actual != outcome)
                {
                    mismatches.Add($"{row.Method} {row.Url(ids)} as {user}: expected {outcome}, got {actual}");
                }
            }
        }
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private async Task<string> OutcomeAsync(Row row, string user, HttpClient client, Ids ids)
    {
        var url = new Uri(row.Url(ids), UriKind.Relative);
        HttpResponseMessage response;
        if (row.Method == "POST")
        {
            // A client of its own, so signing out here does not sign out the shared one.
            using var own = user == "anonymous" ? host.NewClient() : await host.SignedInClientAsync(user);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await HttpSignIn.AntiforgeryTokenAsync(own) });
            response = await own.PostAsync(url, form, Ct);
        }
        else
        {
            response = await client.GetAsync(url, Ct);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                return location.Contains("/account/login", StringComparison.Ordinal) ? Login
                    : location.Contains("/account/access-denied", StringComparison.Ordinal) ? Denied
                    : "302 " + location;
            }
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private async Task<Ids> IdsAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
        var period = await db.Periods.Where(p => p.Plan!.Year == 2020 && p.Kind == PeriodKind.SixMonth).Select(p => new { p.Id, p.PlanId }).SingleAsync(Ct);
        var activityId = await db.Activities.Where(a => a.PlanId == period.PlanId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var report = await db.Reports.Where(r => r.PeriodId == period.Id && r.Unit!.Code == "PH-TAN-PHONG").Select(r => r.Id).SingleAsync(Ct);
        var copy = await db.SignedCopies.Where(c => c.ReportId == report).Select(c => (int?)c.Id).FirstOrDefaultAsync(Ct);
        if (copy is null)
        {
            var pdf = "%PDF-1.4\n%bản ký\n"u8.ToArray();
            var key = await host.Services.GetRequiredService<IFileStore>().SaveAsync(pdf, Ct);
            var row = new SignedCopy
            {
                ReportId = report,
                OfficialNumber = "12/BC-UBND",
                IssuedOn = new DateOnly(2020, 5, 15),
                ContentType = SignedCopyRules.Pdf,
                Length = pdf.Length,
                StorageKey = key,
                UploadedAt = host.Clock.GetUtcNow(),
                UploadedByName = "Tân Phong",
            };
            db.SignedCopies.Add(row);
            await db.SaveChangesAsync(Ct);
            copy = row.Id;
        }
        return new Ids(period.PlanId, period.Id, activityId, report, copy.Value);
    }
}
