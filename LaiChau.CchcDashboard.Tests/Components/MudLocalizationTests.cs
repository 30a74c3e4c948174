using Bunit;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using MudBlazor;

namespace LaiChau.CchcDashboard.Tests.Components;

public sealed class MudLocalizationTests : ComponentTestBase
{
    [Fact]
    public void TablePager_RendersInVietnamese_WithoutBreakingItsOwnPlaceholders()
    {
        var items = Enumerable.Range(1, 25).ToList();

        var table = Render<MudTable<int>>(p => p
            .Add(t => t.Items, items)
            .Add(t => t.RowsPerPage, 10)
            .Add(t => t.RowTemplate, i => b => b.AddContent(0, i))
            .Add(t => t.PagerContent, b =>
            {
                b.OpenComponent<MudTablePager>(0);
                b.AddAttribute(1, nameof(MudTablePager.RowsPerPageString), "Số dòng mỗi trang:");
                b.AddAttribute(2, nameof(MudTablePager.InfoFormat), "{first_item}–{last_item} trong {all_items}");
                b.CloseComponent();
            }));

        Assert.Contains("1–10 trong 25", table.Markup, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Trang sau\"", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void DataGridPager_SpeaksVietnamese()
    {
        var grid = Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, Enumerable.Range(1, 25).ToList())
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.PagerContent, b => { b.OpenComponent<MudDataGridPager<int>>(0); b.CloseComponent(); }));

        var pager = grid.Find(".mud-table-pagination").TextContent;
        Assert.Contains("Số dòng mỗi trang:", pager, StringComparison.Ordinal);
        Assert.Contains("1–10 trong 25", pager, StringComparison.Ordinal);
    }
}
