using Microsoft.Extensions.Options;
using Npgsql;

namespace LaiChau.CchcDashboard.Common.LiveUpdates;

public enum ChangeRelayState
{
    Starting = 0,
    Listening = 1,
    Reconnecting = 2,
    Stopped = 3,
}

/// <summary>
/// Relays changes between the instances that share one PostgreSQL database. A dedicated connection
/// holds <c>LISTEN</c> on the channel and hands other instances' changes to the local
/// <see cref="ChangeNotifier"/>; this instance's own changes (which it has already delivered) are
/// skipped by their instance id. A second loop sends the outbox with <c>pg_notify</c> over pooled
/// connections. A lost listening connection is opened again after a doubling wait (TimeProvider),
/// and every loss and recovery is logged. Changes sent while an instance was not listening are not
/// replayed: its pages catch up with the next change they follow.
/// </summary>
public sealed partial class PostgresChangeListener : BackgroundService
{
    private readonly PostgresChangeOutbox _outbox;
    private readonly ChangeNotifier _notifier;
    private readonly ChangeRelayOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresChangeListener> _logger;
    private readonly NpgsqlDataSource _listenSource;
    private readonly NpgsqlDataSource _sendSource;
    private int _state;
    private int _failures;
    private int _backendProcessId;
    private long _lostAtUtcTicks;

    public PostgresChangeListener(
        PostgresChangeOutbox outbox,
        ChangeNotifier notifier,
        IOptions<ChangeRelayOptions> options,
        TimeProvider clock,
        ILogger<PostgresChangeListener> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _notifier = notifier;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        var listen = new NpgsqlConnectionStringBuilder(_options.ConnectionString)
        {
            // One long-lived connection of its own, never returned to a pool; a keep-alive query
            // notices a dead server or network even though the connection only waits.
            Pooling = false,
        };
        if (listen.KeepAlive == 0)
        {
            listen.KeepAlive = 30;
        }
        listen.ApplicationName ??= "cchc-change-relay";
        _listenSource = NpgsqlDataSource.Create(listen);
        var send = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { MaxPoolSize = 2 };
        send.ApplicationName ??= "cchc-change-relay";
        _sendSource = NpgsqlDataSource.Create(send);
    }

    public ChangeRelayState State => (ChangeRelayState)Volatile.Read(ref _state);

    /// <summary>Failed connection attempts since the listening connection was lost (0 while listening).</summary>
    public int FailedAttempts => Volatile.Read(ref _failures);

    /// <summary>When the listening connection was lost, while it is not back.</summary>
    public DateTimeOffset? LostAt => Volatile.Read(ref _lostAtUtcTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The PostgreSQL backend that listens (pg_stat_activity.pid), 0 while not listening.</summary>
    public int BackendProcessId => Volatile.Read(ref _backendProcessId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
        }
        finally
        {
            Volatile.Write(ref _backendProcessId, 0);
            Volatile.Write(ref _state, (int)ChangeRelayState.Stopped);
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _listenSource.OpenConnectionAsync(ct);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {_options.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                var failures = Interlocked.Exchange(ref _failures, 0);
                Volatile.Write(ref _backendProcessId, connection.ProcessID);
                Volatile.Write(ref _lostAtUtcTicks, 0);
                // Logged before the state is published: whoever sees the state (health, tests) finds its log line written.
                if (failures > 0)
                {
                    LogListeningAgain(_options.Channel, failures);
                }
                else
                {
                    LogListening(_options.Channel);
                }
                Volatile.Write(ref _state, (int)ChangeRelayState.Listening);
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Volatile.Write(ref _backendProcessId, 0);
                Interlocked.CompareExchange(ref _lostAtUtcTicks, _clock.GetUtcNow().UtcTicks, 0);
                var failures = Interlocked.Increment(ref _failures);
                var delay = _options.DelayAfter(failures);
                LogConnectionLost(ex, failures, delay);
                Volatile.Write(ref _state, (int)ChangeRelayState.Reconnecting);
                try
                {
                    await Task.Delay(delay, _clock, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (!ChangePayload.TryRead(e.Payload, out var instance, out var change))
        {
            LogUnreadable(e.Payload.Length);
            return;
        }
        if (instance == _outbox.InstanceId)
        {
            return;
        }
        _notifier.Deliver(change);
    }

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var change in _outbox.Reader.ReadAllAsync(ct))
            {
                var payload = ChangePayload.Write(_outbox.InstanceId, change, out var widened);
                if (widened)
                {
                    LogWidened(change.Kind);
                }
                await SendOneAsync(change.Kind, payload, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SendOneAsync(ChangeKind kind, string payload, CancellationToken ct)
    {
        // Two tries: a pooled connection may have died with the server since it was last used.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = _sendSource.CreateCommand("SELECT pg_notify($1, $2)");
                command.Parameters.Add(new NpgsqlParameter { Value = _options.Channel });
                command.Parameters.Add(new NpgsqlParameter { Value = payload });
                await command.ExecuteNonQueryAsync(ct);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && ex is not OperationCanceledException)
            {
                if (attempt >= 2)
                {
                    LogSendFailed(ex, kind);
                    return;
                }
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _listenSource.Dispose();
        _sendSource.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on PostgreSQL channel {Channel} for changes from the other instances.")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on PostgreSQL channel {Channel} again after {Failures} failed attempt(s); changes made meanwhile on other instances show with the next change.")]
    private partial void LogListeningAgain(string channel, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL connection for live updates is lost (attempt {Failures}); trying again in {Delay}.")]
    private partial void LogConnectionLost(Exception exception, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification on the change channel could not be read ({Length} characters); ignored.")]
    private partial void LogUnreadable(int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} change is too long for NOTIFY; it was sent without its user id.")]
    private partial void LogWidened(ChangeKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} change could not be sent to the other instances.")]
    private partial void LogSendFailed(Exception exception, ChangeKind kind);
}
