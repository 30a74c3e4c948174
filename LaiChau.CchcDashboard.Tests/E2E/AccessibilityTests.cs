using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LaiChau.CchcDashboard.Tests.E2E;

/// <summary>
/// Every page in the drawer, for each role, has no serious or critical axe-core finding
/// (WCAG 2.1 A/AA rules and axe's best practices). One sign-in per role; pages are visited in turn
/// through the drawer, as a person would.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser) : E2ETest(browser)
{
    public static TheoryData<string> Roles() => ["lanhdao", "noivu", "tanphong", "quantri"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryDrawerPage_HasNoSeriousOrCriticalAxeFinding(string userName)
    {
        await using var context = await NewContextAsync();
        var shell = await new LoginPage(await context.NewPageAsync(), Server.BaseUrl).SignInAsync(userName);
        var paths = await shell.NavMenu.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
        Assert.NotEmpty(paths);

        var findings = new StringBuilder();
        foreach (var path in paths)
        {
            if (new Uri(shell.Page.Url).AbsolutePath != path)
            {
                await MarkContentStaleAsync(shell.Page);
                await shell.NavMenu.Locator($"a[href='{path.TrimStart('/')}'], a[href='{path}']").First.ClickAsync();
                await shell.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
            }
            await WaitForContentAsync(shell.Page);
            var result = await shell.Page.RunAxe();
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                foreach (var node in violation.Nodes)
                {
                    var checks = string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
                    findings.AppendLine(CultureInfo.InvariantCulture, $"{path} [{violation.Impact}] {violation.Id}: {node.Html} — {checks}");
                }
            }
        }
        Assert.True(findings.Length == 0, $"axe-core findings for {userName}:\n{findings}");
    }

    /// <summary>The pages reached from the lists — an activity and a report — and the sign-in page.</summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public async Task DetailPages_HaveNoSeriousOrCriticalAxeFinding(string userName)
    {
        await using var context = await NewContextAsync();
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync(Server.BaseUrl + "/account/login");
        var findings = new StringBuilder();
        Collect(findings, "/account/login", await anonymous.RunAxe());
        await anonymous.CloseAsync();

        var shell = await new LoginPage(await context.NewPageAsync(), Server.BaseUrl).SignInAsync(userName);
        var paths = new List<string>();
        foreach (var (list, pattern) in new[] { ("/activities", "^/activities/\\d+$"), ("/reports", "^/reports/\\d+$") })
        {
            await shell.Page.GotoAsync(Server.BaseUrl + list);
            await WaitForContentAsync(shell.Page);
            // Found and read in one step in the page, retried until a row's link is there: the list may
            // still be loading, or re-render, after its first content shows.
            var link = await shell.Page.WaitForFunctionAsync(
                "pattern => [...document.querySelectorAll('a[href]')].map(a => new URL(a.href).pathname).find(p => new RegExp(pattern).test(p))",
                pattern);
            paths.Add(await link.JsonValueAsync<string>());
        }
        foreach (var path in paths)
        {
            await shell.Page.GotoAsync(Server.BaseUrl + path);
            await WaitForContentAsync(shell.Page);
            Collect(findings, path, await shell.Page.RunAxe());
        }
        Assert.True(findings.Length == 0, $"axe-core findings for {userName}:\n{findings}");
    }

    private static void Collect(StringBuilder findings, string path, AxeResult result)
    {
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            foreach (var node in violation.Nodes)
            {
                var checks = string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
                findings.AppendLine(CultureInfo.InvariantCulture, $"{path} [{violation.Impact}] {violation.Id}: {node.Html} — {checks}");
            }
        }
    }

    // The previous page's elements are marked, so the next page is known to be shown once none is left.
    private static async Task MarkContentStaleAsync(IPage page) =>
        await page.EvaluateAsync("() => document.querySelectorAll('.mud-main-content .mud-container > *').forEach(e => e.dataset.stale = 'true')");

    // A page has loaded when its own content is shown and no loading indicator is left.
    private static async Task WaitForContentAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.mud-main-content .mud-container > [data-stale]')"
            + " && (document.querySelector('.mud-main-content .mud-container')?.innerText.trim().length ?? 0) > 0"
            + " && !document.querySelector('.mud-progress-indeterminate, .mud-skeleton')");
}
