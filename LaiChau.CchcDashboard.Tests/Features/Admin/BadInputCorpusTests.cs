using System.Net;
using System.Text.RegularExpressions;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Tests.Features.Admin;

/// <summary>The bad-input corpus through every form's service and every endpoint.</summary>
public sealed partial class BadInputCorpusTests(BadInputCorpusTests.Host host) : IClassFixture<BadInputCorpusTests.Host>
{
    public sealed class Host : CchcAppFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();

    /// <summary>
    /// Refused with a Vietnamese message and the stored value untouched, or stored exactly as
    /// normalised; a text longer than the field's limit (<see cref="FieldLimits"/>) is always refused.
    /// </summary>
    private static void AssertRefusedOrStoredNormalised(SaveResult result, string input, int limit, string? before, string? after)
    {
        if (StoredText.Normalise(input).Length > limit)
        {
            Assert.False(result.Succeeded, $"A text of {input.Length} characters was accepted by a field of {limit}.");
        }
        if (result.Succeeded)
        {
            Assert.Equal(StoredText.Normalise(input), after);
        }
        else
        {
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors.Values, message => Assert.Matches(Vietnamese(), message));
            Assert.Equal(before, after);
        }
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private async Task<UserInfo> UserAsync(string userName, string role)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
        var user = await db.Users.Include(u => u.Unit).SingleAsync(u => u.UserName == userName, Ct);
        return new UserInfo(user.Id, userName, user.FullName, [role], user.UnitId, user.Unit?.Name);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.TextNames), MemberType = typeof(BadInputCorpus))]
    public async Task UnitForm_NameAndContact(string name)
    {
        var input = BadInputCorpus.Texts[name];
        var actor = await UserAsync("noivu", AppRoles.HomeAffairs);
        var before = (await InScopeAsync(sp => sp.GetRequiredService<UnitAdminService>().GetUnitsAsync(Ct))).Single(u => u.Code == "THANH-TRA");
        var form = await InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == before.Code, Ct);
            return new UnitForm { Id = unit.Id, Version = unit.Version, Code = unit.Code, Name = input, MustReport = unit.MustReport, SortOrder = unit.SortOrder, ContactName = input, Phone = unit.Phone, Email = unit.Email, IsActive = unit.IsActive };
        });

        var result = await InScopeAsync(sp => sp.GetRequiredService<UnitAdminService>().SaveAsync(form, actor, Ct));

        var after = (await InScopeAsync(sp => sp.GetRequiredService<UnitAdminService>().GetUnitsAsync(Ct))).Single(u => u.Code == before.Code);
        AssertRefusedOrStoredNormalised(result, input, FieldLimits.Of(() => form.Name), before.Name, after.Name);
        if (result.Succeeded)
        {
            // Put the name back for the other cases.
            form.Name = before.Name;
            form.Version = (await InScopeAsync(async sp =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
                return await db.Units.Where(u => u.Code == before.Code).Select(u => u.Version).SingleAsync(Ct);
            }));
            Assert.True((await InScopeAsync(sp => sp.GetRequiredService<UnitAdminService>().SaveAsync(form, actor, Ct))).Succeeded);
        }
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.TextNames), MemberType = typeof(BadInputCorpus))]
    public async Task UserForm_FullName(string name)
    {
        var input = BadInputCorpus.Texts[name];
        var actor = await UserAsync("quantri", AppRoles.Administrator);
        var row = (await InScopeAsync(sp => sp.GetRequiredService<UserAdminService>().GetUsersAsync(Ct))).Single(u => u.UserName == "daitt");
        var form = UserForm.From(row);
        form.FullName = input;

        var result = await InScopeAsync(sp => sp.GetRequiredService<UserAdminService>().SaveAsync(form, actor, Ct));

        var after = (await InScopeAsync(sp => sp.GetRequiredService<UserAdminService>().GetUsersAsync(Ct))).Single(u => u.UserName == "daitt");
        AssertRefusedOrStoredNormalised(result, input, FieldLimits.Of(() => form.FullName), row.FullName, after.FullName);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.TextNames), MemberType = typeof(BadInputCorpus))]
    public async Task ReportForm_TextsAndAudiences(string name)
    {
        var input = BadInputCorpus.Texts[name];
        var user = await UserAsync("tanphong", AppRoles.Unit);
        var service = (IServiceProvider sp) => sp.GetRequiredService<ReportService>();
        var periodId = await InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
            return await db.Periods.Where(p => p.Plan!.Year == 2020 && p.Kind == PeriodKind.SixMonth).Select(p => p.Id).SingleAsync(Ct);
        });
        var before = (await InScopeAsync(sp => service(sp).GetOwnForPeriodAsync(user, periodId, Ct)))!;
        var form = before.Form.Copy();
        form.Results = input;

        var saved = await InScopeAsync(sp => service(sp).SaveDraftAsync(user, form, Ct));

        var after = (await InScopeAsync(sp => service(sp).GetOwnForPeriodAsync(user, periodId, Ct)))!;
        AssertRefusedOrStoredNormalised(saved.Result, input, FieldLimits.Of(() => form.Results), before.Form.Results, after.Form.Results);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.TextNames), MemberType = typeof(BadInputCorpus))]
    public async Task ProgressForm_Description(string name)
    {
        var input = BadInputCorpus.Texts[name];
        var actor = await UserAsync("noivu", AppRoles.HomeAffairs);
        var activityId = await InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
            return await db.Activities.Where(a => a.LeadUnit!.Code == "P-NOI-VU").Select(a => a.Id).FirstAsync(Ct);
        });
        var before = (await InScopeAsync(sp => sp.GetRequiredService<ActivityService>().GetDetailAsync(activityId, Ct)))!.Updates.Count;

        var result = await InScopeAsync(sp => sp.GetRequiredService<ActivityService>().AddUpdateAsync(activityId,
            new ProgressForm { Date = new DateTime(2020, 5, 18), Description = input, Sessions = 1 }, actor, Ct));

        var updates = (await InScopeAsync(sp => sp.GetRequiredService<ActivityService>().GetDetailAsync(activityId, Ct)))!.Updates;
        if (StoredText.Normalise(input).Length > FieldLimits.Of(() => new ProgressForm().Description))
        {
            Assert.False(result.Succeeded, $"A text of {input.Length} characters was accepted as a progress note.");
        }
        if (result.Succeeded)
        {
            Assert.Contains(updates, u => u.Description == StoredText.Normalise(input));
        }
        else
        {
            Assert.All(result.Errors.Values, message => Assert.Matches(Vietnamese(), message));
            Assert.Equal(before, updates.Count);
        }
    }

    [Fact]
    public async Task ReportForm_OddCounts_AreRefusedInVietnamese_OrKeptAsTyped()
    {
        var user = await UserAsync("tanphong", AppRoles.Unit);
        var periodId = await InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
            return await db.Periods.Where(p => p.Plan!.Year == 2020 && p.Kind == PeriodKind.SixMonth).Select(p => p.Id).SingleAsync(Ct);
        });
        foreach (var count in BadInputCorpus.Counts)
        {
            var before = (await InScopeAsync(sp => sp.GetRequiredService<ReportService>().GetOwnForPeriodAsync(user, periodId, Ct)))!;
            var form = before.Form.Copy();
            form.SessionCount = count;

            var saved = await InScopeAsync(sp => sp.GetRequiredService<ReportService>().SaveDraftAsync(user, form, Ct));

            var after = (await InScopeAsync(sp => sp.GetRequiredService<ReportService>().GetOwnForPeriodAsync(user, periodId, Ct)))!;
            if (count < 0)
            {
                Assert.False(saved.Succeeded, $"{count} was accepted");
            }
            if (saved.Succeeded)
            {
                Assert.Equal(count, after.Form.SessionCount);
            }
            else
            {
                Assert.All(saved.Result.Errors.Values, message => Assert.Matches(Vietnamese(), message));
                Assert.Equal(before.Form.SessionCount, after.Form.SessionCount);
            }
        }
    }

    public static TheoryData<string> OddIdUrls()
    {
        var data = new TheoryData<string>();
        foreach (var id in BadInputCorpus.Ids)
        {
            foreach (var template in new[]
            {
                "/reports/{0}", "/reports/period/{0}", "/activities/{0}", "/reports?unit={0}&period={0}", "/activities?unit={0}",
                "/documents/reports/{0}.pdf", "/documents/periods/{0}/outline.pdf", "/documents/periods/{0}/consolidated.pdf", "/documents/plans/{0}.pdf",
                "/reports/export/matrix.xlsx?planId={0}", "/reports/export/calls.xlsx?periodId={0}",
            })
            {
                data.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OddIdUrls))]
    public async Task Endpoints_WithOddIds_NeverAnswer500(string url)
    {
        TestFontsIfPdf(url);
        using var client = await host.SignedInClientAsync("noivu");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        if (url.Contains(".pdf", StringComparison.Ordinal) || url.Contains(".xlsx", StringComparison.Ordinal))
        {
            // No document exists for any of these ids.
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static void TestFontsIfPdf(string url)
    {
        if (url.Contains(".pdf", StringComparison.Ordinal))
        {
            LaiChau.CchcDashboard.Tests.Features.Documents.TestFonts.Require();
        }
    }
}
