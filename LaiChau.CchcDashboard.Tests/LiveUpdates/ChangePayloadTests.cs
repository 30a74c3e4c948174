using System.Text;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Common.LiveUpdates;

namespace LaiChau.CchcDashboard.Tests.LiveUpdates;

public sealed class ChangePayloadTests
{
    private static readonly Guid Instance = Guid.NewGuid();

    [Fact]
    public void WriteThenRead_GivesBackTheChangeAndTheInstance()
    {
        var change = new ChangeEvent(ChangeKind.ReportChanged, 3, 7, 42, "5d3f0c1e-8a7b-4c2d-9e10-0f1a2b3c4d5e");

        var payload = ChangePayload.Write(Instance, change, out var widened);

        Assert.False(widened);
        Assert.True(ChangePayload.TryRead(payload, out var instance, out var read));
        Assert.Equal(Instance, instance);
        Assert.Equal(change, read);
    }

    [Fact]
    public void Write_ChangeWithoutIds_StaysCompact()
    {
        var payload = ChangePayload.Write(Instance, new ChangeEvent(ChangeKind.NotificationCreated), out _);

        Assert.True(ChangePayload.TryRead(payload, out _, out var read));
        Assert.Equal(new ChangeEvent(ChangeKind.NotificationCreated), read);
        Assert.True(payload.Length < 80, payload);
    }

    [Fact]
    public void Write_UserIdTooLongInUtf8Bytes_IsSentWithoutIt_WithinTheLimit()
    {
        // 3000 characters are fewer than 8000, but not in bytes: the limit counts UTF-8 bytes.
        var change = new ChangeEvent(ChangeKind.NotificationCreated, 1, 2, 3, new string('ệ', 3000));

        var payload = ChangePayload.Write(Instance, change, out var widened);

        Assert.True(widened);
        Assert.True(Encoding.UTF8.GetByteCount(payload) <= ChangePayload.MaxBytes);
        Assert.True(ChangePayload.TryRead(payload, out _, out var read));
        Assert.Equal(change with { UserId = null }, read);
    }

    [Fact]
    public void Write_LongestUserIdThatFits_IsKept()
    {
        var empty = ChangePayload.Write(Instance, new ChangeEvent(ChangeKind.ReportChanged, 1, 2, 3, ""), out _);
        var change = new ChangeEvent(ChangeKind.ReportChanged, 1, 2, 3, new string('a', ChangePayload.MaxBytes - Encoding.UTF8.GetByteCount(empty)));

        var payload = ChangePayload.Write(Instance, change, out var widened);

        Assert.False(widened);
        Assert.Equal(ChangePayload.MaxBytes, Encoding.UTF8.GetByteCount(payload));
        Assert.True(ChangePayload.TryRead(payload, out _, out var read));
        Assert.Equal(change, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("{\"k\":1}")]
    [InlineData("{\"i\":\"00000000-0000-0000-0000-000000000000\",\"k\":1}")]
    [InlineData("{\"i\":\"5d3f0c1e-8a7b-4c2d-9e10-0f1a2b3c4d5e\",\"k\":99}")]
    [InlineData("{\"i\":\"5d3f0c1e-8a7b-4c2d-9e10-0f1a2b3c4d5e\",\"k\":1,\"p\":\"x\"}")]
    public void TryRead_SomethingElse_IsRefused(string? payload)
    {
        Assert.False(ChangePayload.TryRead(payload, out _, out _));
    }

    [Fact]
    public void DelayAfter_Doubles_UpToTheMaximum()
    {
        var options = new ChangeRelayOptions { ReconnectDelay = TimeSpan.FromSeconds(1), MaxReconnectDelay = TimeSpan.FromSeconds(30) };

        TimeSpan[] delays = [.. Enumerable.Range(1, 8).Select(options.DelayAfter)];

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays.Select(d => d.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), options.DelayAfter(int.MaxValue));
    }
}
