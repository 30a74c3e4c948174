using System.Net;
using System.Security.Claims;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Tests.Features.Documents;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Account;

/// <summary>
/// One access path: the unit comes from the sign-in claims, the named policies say what the
/// <see cref="UserInfo"/> rules say, and a refusal over HTTP (page or PDF) is a 403 audited once.
/// </summary>
public sealed class AccessPathTests(AccessPathTests.Host host) : IClassFixture<AccessPathTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CchcDbContext> DbAsync() =>
        await host.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> SixMonthReportOfAsync(string unitCode)
    {
        await using var db = await DbAsync();
        return await db.Reports.Where(r => r.Unit!.Code == unitCode && r.Period!.Kind == PeriodKind.SixMonth).Select(r => r.Id).SingleAsync(Ct);
    }

    [Theory]
    [InlineData("tanphong", "PH-TAN-PHONG", "Phường Tân Phong")]
    [InlineData("noivu", "P-NOI-VU", "Phòng Nội vụ")]
    public async Task SignIn_CarriesTheUsersUnitInItsClaims(string userName, string unitCode, string unitName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        await using var db = await DbAsync();
        var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync(Ct);

        var user = UserInfo.From(await claims.CreateAsync((await users.FindByNameAsync(userName))!))!;

        Assert.Equal(unitId, user.UnitId);
        Assert.Equal(unitName, user.UnitName);
        Assert.Equal(userName, user.UserName);
    }

    [Fact]
    public async Task SignIn_WithoutAUnit_HasNoUnitClaim()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();

        var principal = await claims.CreateAsync((await users.FindByNameAsync("lanhdao"))!);

        Assert.Null(principal.FindFirst(AppClaims.UnitId));
        Assert.Equal("Trần Minh Đức", UserInfo.From(principal)!.FullName);
    }

    public static TheoryData<string, int?> Users => new()
    {
        { AppRoles.Leadership, null },
        { AppRoles.HomeAffairs, 2 },
        { AppRoles.Administrator, null },
        { AppRoles.Unit, 5 },
        { AppRoles.Unit, null },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Policies_DecideExactlyAsTheUserRules(string role, int? unitId)
    {
        var authorization = host.Services.GetRequiredService<IAuthorizationService>();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "u1"), new(ClaimTypes.Name, "u1"), new(ClaimTypes.Role, role) };
        if (unitId is { } unit)
        {
            claims.Add(new Claim(AppClaims.UnitId, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        var user = UserInfo.From(principal)!;

        Assert.Equal(user.IsCityWide, (await authorization.AuthorizeAsync(principal, AppPolicies.CityWide)).Succeeded);
        Assert.Equal(user.IsHomeAffairs, (await authorization.AuthorizeAsync(principal, AppPolicies.HomeAffairs)).Succeeded);
        Assert.Equal(user.IsAdministrator, (await authorization.AuthorizeAsync(principal, AppPolicies.Admin)).Succeeded);
        Assert.Equal(user.IsUnitMember, (await authorization.AuthorizeAsync(principal, AppPolicies.UnitMember)).Succeeded);
        Assert.Equal(user.MayManageUnitsAndUsers, (await authorization.AuthorizeAsync(principal, AppPolicies.ManageUnitsAndUsers)).Succeeded);
        Assert.Equal(role != AppRoles.Unit, user.IsCityWide);
        Assert.Equal(unitId is not null, user.IsUnitMember);
    }

    [Fact]
    public async Task RefusedPdf_And_RefusedPage_AreEachAuditedOnce()
    {
        TestFonts.Require();
        var other = await SixMonthReportOfAsync("P-TU-PHAP");
        using var client = await host.SignedInClientAsync("doanket");
        await using (var db = await DbAsync())
        {
            Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == "report.access-denied" && a.UserName == "doanket", Ct));
        }

        using var pdf = await client.GetAsync(new Uri(DocumentLinks.UnitReport(other), UriKind.Relative), Ct);
        using var page = await client.GetAsync(new Uri($"/reports/{other}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, pdf.StatusCode);
        Assert.Equal("Bạn không có quyền với báo cáo này.", await pdf.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        await using var after = await DbAsync();
        var entries = await after.AuditLog.Where(a => a.Action == "report.access-denied" && a.UserName == "doanket").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(other.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EntityId));
        Assert.StartsWith("pdf ", entries[0].Details, StringComparison.Ordinal);
        Assert.StartsWith("read ", entries[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedExport_IsAudited()
    {
        using var client = await host.SignedInClientAsync("daitt");

        using var response = await client.GetAsync(new Uri("/reports/export/matrix.xlsx?planId=1", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = await DbAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "tracking.access-denied" && a.UserName == "daitt", Ct));
    }

    [Fact]
    public async Task Head_OnPdfEndpoints_AnswersAsGetDoes()
    {
        TestFonts.Require();
        using var client = await host.SignedInClientAsync("tanphong");
        int planId;
        await using (var db = await DbAsync())
        {
            planId = await db.Plans.Where(p => p.Year == 2020).Select(p => p.Id).SingleAsync(Ct);
        }
        var own = await SixMonthReportOfAsync("PH-TAN-PHONG");
        var other = await SixMonthReportOfAsync("P-TU-PHAP");

        foreach (var url in new[] { DocumentLinks.Plan(planId), DocumentLinks.UnitReport(own), DocumentLinks.UnitReport(other), DocumentLinks.Plan(999999) })
        {
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)), Ct);
            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task JobsDashboard_RefusedUser_ReadsAccessDeniedInVietnamese()
    {
        using var client = await host.SignedInClientAsync("noivu");

        using var response = await client.GetAsync(new Uri("/jobs", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Không có quyền truy cập", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Không tìm thấy trang", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsStats_ForQuanTri_IsNeverAServerError()
    {
        using var client = await host.SignedInClientAsync("quantri");

        using var get = await client.GetAsync(new Uri("/jobs/stats", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Contains("POST", get.Content.Headers.Allow);
        using var other = await host.SignedInClientAsync("lanhdao");
        using var refused = await other.GetAsync(new Uri("/jobs/stats", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
