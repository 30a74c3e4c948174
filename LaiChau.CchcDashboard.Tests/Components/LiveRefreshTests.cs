using Bunit;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Components.Shared;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LaiChau.CchcDashboard.Tests.Components;

public sealed class LiveRefreshTests : ComponentTestBase
{
    private readonly FakeTimeProvider _clock = TestClock.AtDemoStart();
    private readonly ChangeNotifier _notifier = new(NullLogger<ChangeNotifier>.Instance);
    private int _refreshes;

    public LiveRefreshTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_notifier);
    }

    private static readonly ChangeEvent Report = new(ChangeKind.ReportChanged, 1);

    private IRenderedComponent<LiveRefresh> RenderRefresh(Func<Task> refresh) =>
        Render<LiveRefresh>(p => p
            .Add(r => r.When, change => change.Kind == ChangeKind.ReportChanged)
            .Add(r => r.Refresh, EventCallback.Factory.Create(this, refresh)));

    [Fact]
    public async Task ABurstOfChanges_ReReadsOnceAtOnce_ThenOnceMoreAfterTheInterval()
    {
        RenderRefresh(() => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; });

        for (var i = 0; i < 50; i++)
        {
            await _notifier.PublishAsync(Report);
        }
        await _notifier.PublishAsync(new ChangeEvent(ChangeKind.NotificationCreated));

        WaitForState(() => _refreshes == 1);
        _clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(1, _refreshes);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        WaitForState(() => _refreshes == 2);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public async Task Publish_ReturnsAtOnce_WhileAPageIsStillReReading()
    {
        var release = new TaskCompletionSource();
        RenderRefresh(async () => { Interlocked.Increment(ref _refreshes); await release.Task; });

        var publish = _notifier.PublishAsync(Report);

        Assert.True(publish.IsCompleted);
        WaitForState(() => _refreshes == 1);
        release.SetResult();
    }

    [Fact]
    public async Task Publish_DoesNotRunAReReadThatNeverYields_OnThePublishersThread()
    {
        // With SQLite the "async" reads complete synchronously, so a page's whole re-read and render
        // can run without yielding once; a unit's save must not carry it. The re-read waits (at most
        // 10 s, only so that a failure ends) for the publisher to have returned, and says whether it had.
        var published = false;
        bool? ranAfterPublishReturned = null;
        RenderRefresh(() =>
        {
            ranAfterPublishReturned = SpinWait.SpinUntil(() => Volatile.Read(ref published), TimeSpan.FromSeconds(10));
            Interlocked.Increment(ref _refreshes);
            return Task.CompletedTask;
        });

        await _notifier.PublishAsync(Report);
        Volatile.Write(ref published, true);

        WaitForState(() => _refreshes == 1);
        Assert.True(ranAfterPublishReturned);
    }

    [Fact]
    public async Task AFailedReRead_GoesToThePagesErrorBoundary()
    {
        var boundary = Render<ErrorBoundary>(p => p
            .Add(b => b.ChildContent, (RenderFragment)(builder =>
            {
                builder.OpenComponent<LiveRefresh>(0);
                builder.AddComponentParameter(1, nameof(LiveRefresh.When), (Func<ChangeEvent, bool>)(_ => true));
                builder.AddComponentParameter(2, nameof(LiveRefresh.Refresh), EventCallback.Factory.Create(this, () =>
                {
                    Interlocked.Increment(ref _refreshes);
                    return Task.FromException(new InvalidOperationException("đọc lỗi"));
                }));
                builder.CloseComponent();
            }))
            .Add(b => b.ErrorContent, (RenderFragment<Exception>)(ex => builder => builder.AddMarkupContent(0, $"<p data-testid=\"error\">{ex.Message}</p>"))));

        await _notifier.PublishAsync(Report);

        boundary.WaitForAssertion(() => Assert.Equal("đọc lỗi", boundary.Find("[data-testid=error]").TextContent));
        Assert.Equal(1, _refreshes);
    }

    [Fact]
    public async Task AClosedComponent_StopsListening_AndIsNotCalledAgain()
    {
        var rendered = RenderRefresh(() => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; });
        Assert.Equal(1, _notifier.ListenerCount);

        await DisposeComponentsAsync();
        await _notifier.PublishAsync(Report);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _notifier.ListenerCount);
        Assert.Equal(0, _refreshes);
        Assert.NotNull(rendered);
    }

    // The refresh runs on the renderer's dispatcher, after PublishAsync has returned.
    private static void WaitForState(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The refresh did not happen.");
            Thread.Sleep(10);
        }
    }
}
