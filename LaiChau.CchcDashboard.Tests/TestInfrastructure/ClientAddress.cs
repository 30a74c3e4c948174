using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// The test server has no network connection, so no client address. This gives each request the
/// address a test names in <see cref="Header"/> (as Kestrel would from the socket), before the
/// app's own middleware runs.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };

    public static HttpClient From(CchcAppFactory factory, string address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
