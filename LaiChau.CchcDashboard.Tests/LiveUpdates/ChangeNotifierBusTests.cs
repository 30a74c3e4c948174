using LaiChau.CchcDashboard.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.LiveUpdates;

public sealed class ChangeNotifierBusTests
{
    private sealed class RecordingBus : IChangeBus
    {
        public List<ChangeEvent> Sent { get; } = [];

        public void Send(ChangeEvent change) => Sent.Add(change);
    }

    private readonly RecordingBus _bus = new();
    private readonly List<ChangeEvent> _heard = [];
    private readonly ChangeNotifier _notifier;

    public ChangeNotifierBusTests()
    {
        _notifier = new ChangeNotifier(NullLogger<ChangeNotifier>.Instance, _bus);
        _notifier.Subscribe(_heard.Add);
    }

    [Fact]
    public async Task Publish_DeliversLocallyOnce_AndSendsOnceToTheOtherInstances()
    {
        var change = new ChangeEvent(ChangeKind.ActivityChanged, 1, UserId: "u");

        await _notifier.PublishAsync(change);

        Assert.Equal([change], _heard);
        Assert.Equal([change], _bus.Sent);
    }

    [Fact]
    public void Deliver_ARemoteChange_ReachesLocalListeners_WithoutBeingSentBack()
    {
        var change = new ChangeEvent(ChangeKind.ReportChanged, 1, 2, 3);

        _notifier.Deliver(change);

        Assert.Equal([change], _heard);
        Assert.Empty(_bus.Sent);
    }

    [Fact]
    public async Task Publish_WhenAListenerFails_StillSendsToTheOtherInstances()
    {
        _notifier.Subscribe(_ => throw new InvalidOperationException("trang lỗi"));
        var change = new ChangeEvent(ChangeKind.PlanChanged, 1);

        await _notifier.PublishAsync(change);

        Assert.Equal([change], _bus.Sent);
        Assert.Equal([change], _heard);
    }
}
