using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LaiChau.CchcDashboard.Common;

/// <summary>Where the reverse proxies in front of the app are; only they may set X-Forwarded-* headers.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. ["10.0.0.5"]. Loopback (a proxy on the same machine) is always trusted.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. ["10.0.0.0/24"].</summary>
    public IList<string> KnownNetworks { get; } = [];
}

/// <summary>
/// Proxy awareness, HSTS and the security headers every response carries (pages, PDFs, /health).
/// </summary>
public static class SecurityExtensions
{
    /// <summary>
    /// Blazor Server and MudBlazor work under this policy: scripts only from the app's own files
    /// (no inline script, no eval), the circuit's WebSocket to the same origin, MudBlazor's inline
    /// style attributes, no framing by any page.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var proxy = new ProxyOptions();
        builder.Configuration.GetSection(ProxyOptions.SectionName).Bind(proxy);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxy.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(address, out var ip) ? ip
                    : throw new InvalidOperationException($"Proxy:KnownProxies: \"{address}\" is not an IP address."));
            }
            foreach (var network in proxy.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var net) ? net
                    : throw new InvalidOperationException($"Proxy:KnownNetworks: \"{network}\" is not a network in CIDR notation (e.g. 10.0.0.0/24)."));
            }
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>First in the pipeline, so the scheme, client address and headers are right for everything after.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseRateLimiter();
        return app;
    }
}
