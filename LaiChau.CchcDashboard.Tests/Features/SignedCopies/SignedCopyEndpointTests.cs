using System.Net;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.SignedCopies;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.SignedCopies;

/// <summary>The signed copy opens for the same people who can read the report; every download is audited.</summary>
public sealed class SignedCopyEndpointTests : IClassFixture<SignedCopyEndpointTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private readonly Host _factory;

    public SignedCopyEndpointTests(Host host) => _factory = host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Đài Truyền thanh (submitted in the demo data) sends its signed copy through the service.</summary>
    private async Task<int> SignedCopyOfDaiAsync()
    {
        var dbFactory = _factory.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(Ct);
        var report = await db.Reports.Where(r => r.Unit!.Code == "DAI-TT" && r.Period!.Kind == PeriodKind.SixMonth).Select(r => new { r.Id, r.UnitId }).SingleAsync(Ct);
        var existing = await db.SignedCopies.Where(c => c.ReportId == report.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(Ct);
        if (existing is { } id)
        {
            return id;
        }
        var user = await db.Users.Where(u => u.UserName == "daitt").Select(u => u.Id).SingleAsync(Ct);
        using var scope = _factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<SignedCopyService>();
        var result = await service.UploadAsync(new UserInfo(user, "daitt", "Phạm Quốc Tuấn", [Common.AppRoles.Unit], report.UnitId, null),
            report.Id, SignedCopyTestData.SmallPdf(), "scan.pdf", "12/BC-DV", SignedCopyTestData.IssuedOn, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return await db.SignedCopies.Where(c => c.ReportId == report.Id).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<int> DownloadsAsync()
    {
        var dbFactory = _factory.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(Ct);
        return await db.AuditLog.CountAsync(a => a.Action == "signed-copy.download", Ct);
    }

    [Theory]
    [InlineData("daitt")]
    [InlineData("noivu")]
    [InlineData("lanhdao")]
    [InlineData("quantri")]
    public async Task Open_ByTheReportsReaders_IsTheStoredPdfInline(string userName)
    {
        var id = await SignedCopyOfDaiAsync();
        var before = await DownloadsAsync();
        using var client = await _factory.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri(SignedCopyLinks.Copy(id), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(SignedCopyTestData.SmallPdf(), await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(before + 1, await DownloadsAsync());
    }

    [Fact]
    public async Task Open_ByAnotherUnit_IsForbidden_AndAnonymousIsSentToSignIn()
    {
        var id = await SignedCopyOfDaiAsync();
        using var otherUnit = await _factory.SignedInClientAsync("tanphong");
        using var anonymous = _factory.NewClient();

        using var refused = await otherUnit.GetAsync(new Uri(SignedCopyLinks.Copy(id), UriKind.Relative), Ct);
        using var signIn = await anonymous.GetAsync(new Uri(SignedCopyLinks.Copy(id), UriKind.Relative), Ct);
        using var missing = await otherUnit.GetAsync(new Uri(SignedCopyLinks.Copy(99_999), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
