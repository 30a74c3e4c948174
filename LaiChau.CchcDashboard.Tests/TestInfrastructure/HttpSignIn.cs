using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token and all) over HTTP.</summary>
public static partial class HttpSignIn
{
    public const string DemoPassword = "Demo@2020";

    public static HttpClient NewClient(this CchcAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form; returns the response (302 on success, 200 with the form and an error otherwise).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
    }

    /// <summary>
    /// An antiforgery token for the client's current identity, read from the sign-in page (which
    /// renders one for anonymous and signed-in users alike).
    /// </summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        return AntiforgeryToken().Match(form).Groups[1].Value;
    }

    public static async Task<HttpClient> SignedInClientAsync(this CchcAppFactory factory, string userName, string password = DemoPassword)
    {
        var client = factory.NewClient();
        using var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed with {response.StatusCode}.");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
