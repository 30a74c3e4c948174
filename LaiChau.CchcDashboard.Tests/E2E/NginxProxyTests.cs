using System.Net;
using System.Net.Sockets;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// The production recipe of deploy/README.md end to end: the shipped deploy/nginx/cchc.conf (TLS,
/// HTTP/2, sticky by client address, WebSocket passed on, X-Forwarded-*) in front of two instances
/// on one PostgreSQL database, driven by a real browser through the proxy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NginxProxyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThroughTheShippedConf_ABrowserStaysOnOneInstance_GetsItsPdf_AndOutlivesTheOtherInstance()
    {
        NginxProxy.RequireNginx();
        await browser.EnsureConnectedAsync();
        var chromium = browser.RequireBrowser();
        await using var cluster = await TwoInstances.StartAsync();
        await using var nginx = await NginxProxy.StartAsync([cluster.A.Port, cluster.B.Port]);
        await using var context = await chromium.NewContextAsync(new() { Locale = "vi-VN", IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();

        // The plain-HTTP server only sends browsers to HTTPS.
        var plain = await context.APIRequest.GetAsync(nginx.HttpUrl + "/", new() { MaxRedirects = 0 });
        Assert.Equal(301, plain.Status);
        Assert.StartsWith("https://", plain.Headers["location"], StringComparison.Ordinal);

        await new LoginPage(page, nginx.HttpsUrl).SignInAsync("lanhdao");
        var overview = new OverviewPage(page, nginx.HttpsUrl);
        await overview.GotoAsync();
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("4");
        await overview.MarkDocumentAsync();

        // Sticky: every request of this browser, the circuit's WebSocket included, reached one instance.
        var (serving, other) = cluster.A.Circuits.Opened > 0 ? (cluster.A, cluster.B) : (cluster.B, cluster.A);
        Assert.True(serving.Circuits.Open >= 1, $"instance {serving.Name} holds the page's circuit");
        Assert.Equal(0, other.Circuits.Opened);
        Assert.Empty(Proxied(other));
        var proxied = Proxied(serving);
        var circuitRequests = proxied.Where(r => r.Path.StartsWith("/_blazor", StringComparison.Ordinal)).ToList();
        Assert.True(circuitRequests.Any(r => r.WebSocket), "the circuit's WebSocket passed through nginx: " + string.Join(", ", circuitRequests));
        // The app believed nginx's X-Forwarded-Proto: it saw HTTPS and marked the sign-in cookie Secure.
        Assert.All(proxied, r => Assert.Equal("https", r.Scheme));
        Assert.True((await context.CookiesAsync()).Single(c => c.Name == "cchc.auth").Secure);
        Assert.Contains($"upstream=127.0.0.1:{serving.Port}", nginx.AccessLog, StringComparison.Ordinal);
        Assert.DoesNotContain($"upstream=127.0.0.1:{other.Port}", nginx.AccessLog, StringComparison.Ordinal);

        // A unit's report as PDF, through the proxy with the browser's cookie.
        int reportId;
        await using (var db = await serving.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct))
        {
            reportId = await db.Reports.Where(r => r.Unit!.Code == "DAI-TT" && r.Period!.Kind == PeriodKind.SixMonth).Select(r => r.Id).SingleAsync(Ct);
        }
        var pdf = await context.APIRequest.GetAsync(nginx.HttpsUrl + DocumentLinks.UnitReport(reportId));
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        var body = await pdf.BodyAsync();
        Assert.True(body.Length > 1000, $"a PDF of {body.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), body[..4]);

        // X-Forwarded-For: a client on another loopback address is seen by that address, not nginx's.
        var client = await FromAddressAsync(IPAddress.Parse("127.0.0.5"), nginx, "/account/login");
        Assert.Contains(cluster.A.Requests.Snapshot().Concat(cluster.B.Requests.Snapshot()),
            r => r.Path == "/account/login" && Equals(r.ClientAddress, client) && r.Scheme == "https");

        // The other instance stops; the page neither reloads nor moves, and still works.
        var circuitsBefore = serving.Circuits.Opened;
        await other.DisposeAsync();
        await page.GetByTestId("nav-menu").GetByText("Báo cáo", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("tracking-matrix")).ToBeVisibleAsync();
        await page.GetByTestId("nav-menu").GetByText("Tổng quan", new() { Exact = true }).ClickAsync();
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("4");
        var unit = await serving.UserAsync("tanphong");
        await SubmitAsync(serving, unit);
        await Expect(overview.SixMonthSubmitted).ToHaveTextAsync("5");
        Assert.Equal("same-document", await overview.DocumentMarkAsync());
        Assert.Equal(circuitsBefore, serving.Circuits.Opened);
    }

    /// <summary>The requests an instance answered since it started: in this test, all of them came through nginx.</summary>
    private static IReadOnlyList<AppInstance.LoggedRequest> Proxied(AppInstance instance) => instance.Requests.Snapshot();

    /// <summary>A unit's report submitted through the instance's own report service (the unit works elsewhere).</summary>
    private static async Task SubmitAsync(AppInstance instance, UserInfo unit)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        int periodId;
        await using (var db = await instance.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct))
        {
            periodId = await db.Periods.Where(p => p.Kind == PeriodKind.SixMonth).Select(p => p.Id).SingleAsync(Ct);
        }
        var draft = await reports.GetOwnForPeriodAsync(unit, periodId, Ct) ?? throw new InvalidOperationException("No report to submit.");
        var form = ReportTestData.CompleteForm(periodId);
        form.Id = draft.Id;
        form.Version = draft.Version;
        var result = await reports.SubmitAsync(unit, form, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Result.Errors.Values));
    }

    /// <summary>Asks nginx for <paramref name="path"/> over a connection bound to <paramref name="address"/>; returns that address.</summary>
    private static async Task<IPAddress> FromAddressAsync(IPAddress address, NginxProxy nginx, string path)
    {
        using var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), nginx.CertificateThumbprint, StringComparison.Ordinal),
            },
            ConnectCallback = async (connection, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(address, 0));
                    await socket.ConnectAsync(connection.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri(nginx.HttpsUrl + path), Ct);
        response.EnsureSuccessStatusCode();
        return address;
    }
}
