using Bunit;
using LaiChau.CchcDashboard.Components.Layout;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaiChau.CchcDashboard.Tests.Components;

public sealed class PageErrorBoundaryTests : ComponentTestBase
{
    public PageErrorBoundaryTests()
    {
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    [Fact]
    public void AFailingButton_ShowsAVietnameseMessageWithAReload_InsteadOfThePage()
    {
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<FailingButton>());

        boundary.Find("button.fail").Click();

        var message = boundary.Find("[data-testid=page-error]").TextContent;
        Assert.Contains("Trang này gặp lỗi và không thể tiếp tục.", message, StringComparison.Ordinal);
        Assert.Contains("Tải lại trang", boundary.Find("[data-testid=page-reload]").TextContent, StringComparison.Ordinal);
        Assert.Empty(boundary.FindAll("button.fail"));
    }

    [Fact]
    public void Reload_LoadsTheSamePageAgainFromTheServer()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/reports");
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<FailingButton>());
        boundary.Find("button.fail").Click();

        boundary.Find("[data-testid=page-reload] , [data-testid=page-reload] button").Click();

        Assert.EndsWith("/reports", navigation.Uri, StringComparison.Ordinal);
        var last = ((Bunit.TestDoubles.BunitNavigationManager)navigation).History.First();
        Assert.True(last.Options.ForceLoad);
    }

    private sealed class FailingButton : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "class", "fail");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, Fail));
            builder.AddContent(3, "Lưu");
            builder.CloseElement();
        }

        private static void Fail() => throw new InvalidOperationException("database is locked");
    }
}
