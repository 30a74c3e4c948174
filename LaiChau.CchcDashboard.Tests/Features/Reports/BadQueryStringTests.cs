using System.Net;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

/// <summary>Malformed query strings are ignored by pages and refused with 400 by endpoints, never 500.</summary>
public sealed class BadQueryStringTests(BadQueryStringTests.Host host) : IClassFixture<BadQueryStringTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("12", 12)]
    [InlineData("abc", null)]
    [InlineData("1.5", null)]
    [InlineData("-1", null)]
    [InlineData("0", null)]
    [InlineData("99999999999", null)]
    [InlineData(" 7", null)]
    [InlineData("../", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void QueryId_ParsesOnlyPositiveWholeNumbers(string? value, int? expected) =>
        Assert.Equal(expected, QueryId.Parse(value));

    [Theory]
    [InlineData("noivu", "/reports?unit=abc")]
    [InlineData("noivu", "/reports?period=abc")]
    [InlineData("noivu", "/reports?unit=1.5&period=99999999999")]
    [InlineData("lanhdao", "/activities?unit=1.5")]
    [InlineData("tanphong", "/activities?unit=abc")]
    [InlineData("tanphong", "/reports?unit=-1&period=%00")]
    public async Task Page_WithAMalformedQuery_OpensAsWithoutIt(string userName, string url)
    {
        using var client = await host.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/reports/export/matrix.xlsx?planId=abc")]
    [InlineData("/reports/export/matrix.xlsx?planId=1.5")]
    [InlineData("/reports/export/calls.xlsx?periodId=99999999999")]
    [InlineData("/reports/export/calls.xlsx")]
    public async Task Endpoint_WithAMalformedQuery_Answers400(string url)
    {
        using var client = await host.SignedInClientAsync("noivu");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
