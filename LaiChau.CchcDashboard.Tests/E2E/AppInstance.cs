using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using LaiChau.CchcDashboard.Common.LiveUpdates;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// One instance of a several-server deployment: the app on its own Kestrel port with
/// <c>Database:Provider=Postgres</c> on a database that other instances share. It counts the
/// circuits it holds and logs the requests it answered, so a test can tell which instance served a
/// browser. Construct the first instance alone (it migrates and seeds), then the others.
/// </summary>
public sealed class AppInstance : CchcAppFactory
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public AppInstance(string name, string postgresConnectionString)
    {
        Name = name;
        Settings[DatabaseProviders.ProviderKey] = nameof(DatabaseProvider.Postgres);
        Settings[$"ConnectionStrings:{DataExtensions.ConnectionStringName}"] = postgresConnectionString;
        UseKestrel(0);
        StartServer();
    }

    /// <summary>"A", "B": for messages.</summary>
    public string Name { get; }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public int Port => ClientOptions.BaseAddress.Port;

    public CircuitCounter Circuits { get; } = new();

    public RequestLog Requests { get; } = new();

    public bool Disposed { get; private set; }

    public string Url(string path) => BaseUrl + path;

    /// <summary>
    /// Starts an instance and waits until it answers the sign-in page (the first render on a busy
    /// machine is slow) and its live-update listener has run LISTEN: a change another instance
    /// sends before that would not reach it.
    /// </summary>
    public static async Task<AppInstance> StartAsync(string name, string postgresConnectionString)
    {
        var instance = new AppInstance(name, postgresConnectionString);
        using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(120) })
        {
            using var response = await client.GetAsync(new Uri(instance.Url("/account/login")));
            response.EnsureSuccessStatusCode();
        }
        var listener = instance.Services.GetRequiredService<PostgresChangeListener>();
        var deadline = DateTime.UtcNow + Patience;
        while (listener.State != ChangeRelayState.Listening)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Instance {name}: the live-update listener is {listener.State}, not listening, after {Patience.TotalSeconds} s.");
            }
            await Task.Delay(20);
        }
        instance.Requests.Clear();
        return instance;
    }

    /// <summary>A signed-in user as the app's services see them (the same claims as a sign-in cookie).</summary>
    public async Task<UserInfo> UserAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        ClaimsPrincipal principal = await factory.CreateAsync(user);
        return UserInfo.From(principal) ?? throw new InvalidOperationException($"No user info for {userName}.");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<CircuitHandler>(Circuits);
        services.AddSingleton<IStartupFilter>(Requests);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Disposed)
        {
            return;
        }
        Disposed = true;
        await base.DisposeAsync();
    }

    /// <summary>Counts the Blazor circuits this instance opened and closed.</summary>
    public sealed class CircuitCounter : CircuitHandler
    {
        private int _opened;
        private int _closed;

        public int Opened => Volatile.Read(ref _opened);

        public int Open => Volatile.Read(ref _opened) - Volatile.Read(ref _closed);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// A request as the app saw it once its own middleware (forwarded headers first) had run;
    /// <see cref="WebSocket"/>: accepted as a WebSocket (101 Switching Protocols).
    /// </summary>
    public sealed record LoggedRequest(string Method, string Path, string Scheme, IPAddress? ClientAddress, bool WebSocket);

    /// <summary>
    /// The requests this instance answered. Each is logged when its response starts, so the scheme
    /// and client address are those the app worked with (after <c>UseForwardedHeaders</c>), and a
    /// WebSocket is logged when it is accepted, not when it closes.
    /// </summary>
    public sealed class RequestLog : IStartupFilter
    {
        private readonly ConcurrentQueue<LoggedRequest> _requests = new();

        public IReadOnlyList<LoggedRequest> Snapshot() => [.. _requests];

        /// <summary>Forgets what was logged so far (the start-up's own warm-up request).</summary>
        public void Clear() => _requests.Clear();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var method = context.Request.Method;
                var path = context.Request.Path.Value ?? "";
                var upgrade = context.Request.Headers.Upgrade.ToString();
                context.Response.OnStarting(() =>
                {
                    var webSocket = context.Response.StatusCode == StatusCodes.Status101SwitchingProtocols
                        && upgrade.Equals("websocket", StringComparison.OrdinalIgnoreCase);
                    _requests.Enqueue(new LoggedRequest(method, path, context.Request.Scheme, context.Connection.RemoteIpAddress, webSocket));
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Two instances of the app on one fresh PostgreSQL database: A starts first (it migrates and
/// seeds the demo), then B. Disposing stops whichever instance still runs and drops the database.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(PostgresDatabase database, AppInstance a, AppInstance b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public PostgresDatabase Database { get; }
    public AppInstance A { get; }
    public AppInstance B { get; }

    public static async Task<TwoInstances> StartAsync()
    {
        var database = await PostgresDatabase.CreateAsync();
        AppInstance? a = null;
        try
        {
            a = await AppInstance.StartAsync("A", database.ConnectionString);
            var b = await AppInstance.StartAsync("B", database.ConnectionString);
            return new TwoInstances(database, a, b);
        }
        catch
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}
