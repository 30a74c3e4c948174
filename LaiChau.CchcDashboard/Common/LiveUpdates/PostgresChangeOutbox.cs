using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Common.LiveUpdates;

/// <summary>
/// This instance's side of the bus: <see cref="ChangeNotifier"/> queues each local change here and
/// returns at once; <see cref="PostgresChangeListener"/> sends the queue with NOTIFY. The instance id
/// goes into every payload so this instance can recognise (and skip) its own changes coming back.
/// </summary>
public sealed partial class PostgresChangeOutbox : IChangeBus
{
    private readonly Channel<ChangeEvent> _queue;
    private readonly ILogger<PostgresChangeOutbox> _logger;

    public PostgresChangeOutbox(IOptions<ChangeRelayOptions> options, ILogger<PostgresChangeOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _queue = Channel.CreateBounded<ChangeEvent>(
            new BoundedChannelOptions(options.Value.SendQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            },
            dropped => LogDropped(dropped.Kind));
    }

    /// <summary>Identifies this process among the instances that share the database.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    internal ChannelReader<ChangeEvent> Reader => _queue.Reader;

    public void Send(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _queue.Writer.TryWrite(change);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many changes wait for PostgreSQL; a {Kind} change was not relayed to the other instances.")]
    private partial void LogDropped(ChangeKind kind);
}
