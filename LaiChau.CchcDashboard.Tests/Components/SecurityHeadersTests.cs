using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Tests.Features.Documents;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Components;

/// <summary>Security headers on every kind of response, and HTTPS behind a configured reverse proxy only.</summary>
public sealed class SecurityHeadersTests
{
    private const string AdminEmail = "admin@laichau.example";
    private const string AdminPassword = "Mat-khau-quan-tri-2020!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
    }

    [Fact]
    public async Task PagePdfAndHealth_CarryTheSecurityHeaders()
    {
        TestFonts.Require();
        await using var app = new CchcAppFactory();
        using var client = await app.SignedInClientAsync("tanphong");
        int reportId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct))
        {
            reportId = await db.Reports.Where(r => r.Unit!.Code == "PH-TAN-PHONG" && r.Period!.Kind == PeriodKind.SixMonth).Select(r => r.Id).SingleAsync(Ct);
        }

        foreach (var url in new[] { "/reports", DocumentLinks.UnitReport(reportId), "/health" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response);
        }
    }

    [Fact]
    public async Task Page_RendersNoInlineScript()
    {
        await using var app = new CchcAppFactory();
        using var client = await app.SignedInClientAsync("lanhdao");

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
    }

    private static CchcAppFactory ProductionBehindProxy()
    {
        var app = new CchcAppFactory { Environment = "Production", DemoEnabled = false };
        app.Settings["Admin:Email"] = AdminEmail;
        app.Settings["Admin:Password"] = AdminPassword;
        app.Settings["Proxy:KnownProxies:0"] = "10.0.0.5";
        app.Settings["Proxy:KnownNetworks:0"] = "10.1.0.0/16";
        return app;
    }

    private static async Task<HttpResponseMessage> SignInThroughAsync(CchcAppFactory app, string clientAddress)
    {
        var client = ClientAddress.From(app, clientAddress);
        client.DefaultRequestHeaders.Host = "cchc.laichau.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        return await HttpSignIn.PostLoginAsync(client, AdminEmail, AdminPassword);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.1.2.3")]
    public async Task BehindAConfiguredProxy_Https_MarksCookiesSecure_AndSendsHsts(string proxyAddress)
    {
        await using var app = ProductionBehindProxy();

        using var login = await SignInThroughAsync(app, proxyAddress);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cchc.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        AssertSecurityHeaders(login);
    }

    [Fact]
    public async Task FromAnUnknownAddress_ForwardedHeadersAreIgnored()
    {
        await using var app = ProductionBehindProxy();

        using var login = await SignInThroughAsync(app, "192.0.2.99");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cchc.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
    }
}
