using System.Collections.Concurrent;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Common.LiveUpdates;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace LaiChau.CchcDashboard.Tests.LiveUpdates;

/// <summary>Two app instances (two hosts with their own notifier and relay) on one real PostgreSQL database.</summary>
public sealed class PostgresChangeRelayTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ChangePublishedOnOneInstance_ReachesTheOtherOnce_AndItsOwnListenersOnce()
    {
        await using var a = await RelayInstance.StartAsync(database.ConnectionString, TimeProvider.System);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString, TimeProvider.System);
        await WaitUntilAsync(() => a.Listener.State == ChangeRelayState.Listening && b.Listener.State == ChangeRelayState.Listening, "both relays listen");
        var change = new ChangeEvent(ChangeKind.ReportChanged, 1, 2, 3, "user-on-a");
        var reply = new ChangeEvent(ChangeKind.PlanChanged, 9, UserId: "user-on-b");

        await a.Notifier.PublishAsync(change);
        await b.Heard.WaitForAsync(heard => heard.Contains(change));
        await b.Notifier.PublishAsync(reply);
        var atA = await a.Heard.WaitForAsync(heard => heard.Contains(reply));

        // A's own NOTIFY was committed before B's reply, so it reached A's listener first and was skipped.
        Assert.Equal([change, reply], atA);
        Assert.Equal([change, reply], b.Heard.Snapshot());
        Assert.Equal(HealthStatus.Healthy, await a.HealthAsync());
    }

    [Fact]
    public async Task ListenersConnectionKilled_ItReconnectsAfterTheBackOff_AndRelaysAgain()
    {
        var clock = TestClock.AtDemoStart();
        await using var a = await RelayInstance.StartAsync(database.ConnectionString, clock);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString, clock);
        await WaitUntilAsync(() => a.Listener.State == ChangeRelayState.Listening && b.Listener.State == ChangeRelayState.Listening, "both relays listen");
        var killed = b.Listener.BackendProcessId;

        await PostgresDatabase.ExecuteOnServerAsync("SELECT pg_terminate_backend($1)", killed);
        await WaitUntilAsync(() => b.Listener.State == ChangeRelayState.Reconnecting, "B notices the lost connection");

        Assert.Equal(HealthStatus.Degraded, await b.HealthAsync());
        Assert.Contains(b.Logs, log => log.Level == LogLevel.Warning && log.Message.Contains("connection for live updates is lost", StringComparison.Ordinal));
        // The back-off waits on TimeProvider: move the fake clock on in small steps until B listens again.
        await WaitUntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            return b.Listener.State == ChangeRelayState.Listening;
        }, "B listens again");
        Assert.NotEqual(killed, b.Listener.BackendProcessId);
        Assert.Equal(HealthStatus.Healthy, await b.HealthAsync());
        Assert.Contains(b.Logs, log => log.Message.Contains("again after 1 failed attempt", StringComparison.Ordinal));

        var change = new ChangeEvent(ChangeKind.ActivityChanged, 4, UserId: "user-on-a");
        await a.Notifier.PublishAsync(change);
        Assert.Equal([change], await b.Heard.WaitForAsync(heard => heard.Count > 0));
    }

    [Fact]
    public async Task DatabaseRefusesConnections_ListenerKeepsTryingDegraded_ThenListensWhenItIsBack()
    {
        var clock = TestClock.AtDemoStart();
        await using var a = await RelayInstance.StartAsync(database.ConnectionString, clock);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString, clock);
        await WaitUntilAsync(() => a.Listener.State == ChangeRelayState.Listening && b.Listener.State == ChangeRelayState.Listening, "both relays listen");

        await PostgresDatabase.ExecuteOnServerAsync($"ALTER DATABASE {database.Name} ALLOW_CONNECTIONS false");
        try
        {
            await PostgresDatabase.ExecuteOnServerAsync("SELECT pg_terminate_backend($1)", b.Listener.BackendProcessId);
            await WaitUntilAsync(() =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(250));
                return b.Listener.FailedAttempts >= 3;
            }, "B tries again and again");
            Assert.Equal(ChangeRelayState.Reconnecting, b.Listener.State);
            Assert.Equal(HealthStatus.Degraded, await b.HealthAsync());
        }
        finally
        {
            await PostgresDatabase.ExecuteOnServerAsync($"ALTER DATABASE {database.Name} ALLOW_CONNECTIONS true");
        }

        await WaitUntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            return b.Listener.State == ChangeRelayState.Listening;
        }, "B listens again");
        var change = new ChangeEvent(ChangeKind.UnitChanged, UnitId: 8);
        await a.Notifier.PublishAsync(change);
        Assert.Equal([change], await b.Heard.WaitForAsync(heard => heard.Count > 0));
    }

    [Fact]
    public async Task OversizedOrForeignNotifications_BreakNothing()
    {
        await using var a = await RelayInstance.StartAsync(database.ConnectionString, TimeProvider.System);
        await using var b = await RelayInstance.StartAsync(database.ConnectionString, TimeProvider.System);
        await WaitUntilAsync(() => a.Listener.State == ChangeRelayState.Listening && b.Listener.State == ChangeRelayState.Listening, "both relays listen");
        var oversized = new ChangeEvent(ChangeKind.NotificationCreated, UserId: new string('ệ', 5000));
        var next = new ChangeEvent(ChangeKind.ReportChanged, 1, 2, 3, "user-on-a");

        await a.Notifier.PublishAsync(oversized);
        await ExecuteAsync(database.ConnectionString, "NOTIFY cchc_changes, 'not a change'");
        await a.Notifier.PublishAsync(next);
        var atB = await b.Heard.WaitForAsync(heard => heard.Contains(next));

        // Sent without its user id (every bell re-counts: more pages refresh, none is missed).
        Assert.Equal([oversized with { UserId = null }, next], atB);
        Assert.Equal([oversized, next], a.Heard.Snapshot());
        Assert.Equal(ChangeRelayState.Listening, b.Listener.State);
        Assert.Contains(a.Logs, log => log.Message.Contains("too long for NOTIFY", StringComparison.Ordinal));
        Assert.Contains(b.Logs, log => log.Message.Contains("could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PayloadLimit_IsTheOnePostgresEnforces()
    {
        var connectionString = database.ConnectionString;

        await ExecuteAsync(connectionString, $"SELECT pg_notify('cchc_limit_probe', repeat('x', {ChangePayload.MaxBytes}))");
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connectionString, $"SELECT pg_notify('cchc_limit_probe', repeat('x', {ChangePayload.MaxBytes + 1}))"));

        Assert.Contains("too long", refused.MessageText, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(20);
        }
    }

    private sealed record LogEntry(LogLevel Level, string Message);

    /// <summary>One app instance's live-update plumbing, composed by the app's own extension.</summary>
    private sealed class RelayInstance : IAsyncDisposable
    {
        private readonly IHost _host;

        private RelayInstance(IHost host, ConcurrentQueue<LogEntry> logs)
        {
            _host = host;
            Logs = logs;
            Notifier = host.Services.GetRequiredService<ChangeNotifier>();
            Listener = host.Services.GetRequiredService<PostgresChangeListener>();
            Notifier.Subscribe(Heard.Add);
        }

        public ChangeNotifier Notifier { get; }
        public PostgresChangeListener Listener { get; }
        public Heard Heard { get; } = new();
        public ConcurrentQueue<LogEntry> Logs { get; }

        public static async Task<RelayInstance> StartAsync(string connectionString, TimeProvider clock)
        {
            var logs = new ConcurrentQueue<LogEntry>();
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddSingleton(clock);
            builder.Services.AddLogging(logging => logging.AddProvider(new QueueLoggerProvider(logs)));
            builder.AddPostgresChangeRelay(connectionString);
            var host = builder.Build();
            await host.StartAsync();
            return new RelayInstance(host, logs);
        }

        public async Task<HealthStatus> HealthAsync()
        {
            var report = await _host.Services.GetRequiredService<HealthCheckService>()
                .CheckHealthAsync(check => check.Name == LiveUpdatesExtensions.HealthCheckName);
            return report.Entries[LiveUpdatesExtensions.HealthCheckName].Status;
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
            Heard.Dispose();
        }
    }

    private sealed class Heard : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<ChangeEvent> _events = [];
        private readonly SemaphoreSlim _signal = new(0);

        public void Add(ChangeEvent change)
        {
            lock (_gate)
            {
                _events.Add(change);
            }
            _signal.Release();
        }

        public List<ChangeEvent> Snapshot()
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }

        public void Dispose() => _signal.Dispose();

        public async Task<List<ChangeEvent>> WaitForAsync(Func<List<ChangeEvent>, bool> until)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                var snapshot = Snapshot();
                if (until(snapshot))
                {
                    return snapshot;
                }
                try
                {
                    await _signal.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"Timed out; heard only: {string.Join(", ", snapshot)}");
                }
            }
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<LogEntry> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(logs);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<LogEntry> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue(new LogEntry(logLevel, formatter(state, exception)));
        }
    }
}
