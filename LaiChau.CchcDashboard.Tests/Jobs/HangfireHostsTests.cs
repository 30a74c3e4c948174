using System.Net;
using Hangfire;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Jobs;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireGlobalsCollection
{
    public const string Name = "hangfire-globals";
}

/// <summary>
/// Hangfire keeps its log provider in a process-wide static that each host overwrites. A host that
/// stopped must not break Hangfire in a host still running (tests run many hosts in one process).
/// Runs alone: other hosts starting in parallel would reset the static and hide the problem.
/// </summary>
[Collection(HangfireGlobalsCollection.Name)]
public sealed class HangfireHostsTests
{
    [Fact]
    public async Task NhacNhoPage_StillOpens_AfterAnotherHostInTheProcessHasStopped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var running = new CchcAppFactory();
        using var client = await running.SignedInClientAsync("noivu");
        _ = running.Services.GetRequiredService<IGlobalConfiguration>();

        var stopped = new CchcAppFactory();
        _ = stopped.Services.GetRequiredService<IGlobalConfiguration>();
        await stopped.DisposeAsync();

        // The page creates Hangfire's job client, which asks the (static) log provider for a logger.
        using var page = await client.GetAsync(new Uri("/reminders", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Nhắc nhở", System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(ct)), StringComparison.Ordinal);
    }
}
