using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>The app on a real Kestrel port with a fresh database, for the browser.</summary>
public sealed class E2EServer : CchcAppFactory
{
    public E2EServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
        UseKestrel(0);
        StartServer();
    }

    /// <summary>
    /// The first request to a fresh server renders the sign-in page for the first time; on a busy
    /// 2-core machine that outlasted a browser's sign-in wait. The test base pays it before any browser.
    /// </summary>
    public async Task WarmUpAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        using var response = await client.GetAsync(new Uri(BaseUrl + "/account/login"));
        response.EnsureSuccessStatusCode();
    }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');
}
