using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Layout;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

/// <summary>Table measuring and pagination with the fake measurer: no installed font needed.</summary>
public sealed class TableLayoutTests
{
    private static readonly FakeTextMeasurer Measurer = new();

    private static readonly Table TwoColumns = new([new TableColumn("TT", 1, TextAlign.Center), new TableColumn("Nội dung", 3)], [TableRow.Of("1", "Một")], FontSize: 10);

    [Fact]
    public void Widths_AreSharedByWeight()
    {
        var layout = new TableLayout(TwoColumns, 400, Measurer);

        Assert.Equal([100.0, 300.0], layout.Widths);
        Assert.Equal(10 * TableLayout.LineSpacing, layout.LineHeight, 6);
    }

    [Fact]
    public void Header_IsBoldAndCentredInItsCell()
    {
        var layout = new TableLayout(TwoColumns, 400, Measurer);

        var line = Assert.Single(layout.Header.Cells[1]);
        var piece = line.Pieces[0];
        Assert.All(line.Pieces, p => Assert.True(p.Font.Bold));
        var textWidth = Measurer.Width("Nội dung", piece.Font);
        Assert.Equal((300 - (2 * TableLayout.CellPadding) - textWidth) / 2, piece.X, 6);
    }

    [Fact]
    public void Draw_PartOfATallRow_DrawsOnlyThoseLinesInBordersAsHighAsThePart()
    {
        var layout = new TableLayout(TwoColumns, 400, Measurer);
        var row = layout.Measure(TableRow.Of("1", "A\nB\nC\nD\nE"));

        var ops = layout.Draw(row, 1, 2, 50, 100).ToList();

        Assert.Equal(5, row.Lines);
        Assert.Equal(["B", "C"], ops.OfType<TextOp>().Where(t => t.X > 150).Select(t => t.Text));
        Assert.All(ops.OfType<RectOp>(), r => Assert.Equal(layout.Height(2), r.Height, 6));
        Assert.Equal(2, layout.LinesThatFit(layout.Height(2) + (layout.LineHeight / 2)));
    }

    [Fact]
    public void Engine_RowsOverflowingThePage_ContinueUnderARepeatedHeader()
    {
        var rows = Enumerable.Range(1, 80).Select(i => TableRow.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Hàng {i}")).ToList();
        var pages = LayoutEngine.Lay(OfficialParts.Document("t", "a", DocumentSamples.Now, [TwoColumns with { Rows = rows }]), Measurer);

        Assert.True(pages.Count >= 2);
        Assert.All(pages, ops => Assert.Contains(ops.OfType<TextOp>(), t => t.Text.StartsWith("Nội", StringComparison.Ordinal) && t.Font.Bold));
        var bottom = OfficialParts.Page.ContentBottom;
        Assert.All(pages.SelectMany(p => p).OfType<RectOp>(), r => Assert.True(r.Y + r.Height <= bottom + 0.01));
    }

    [Fact]
    public void Engine_PageNumbers_OnlyWhenTheDocumentAsksAndFromItsFirstNumberedPage()
    {
        Block[] blocks = [new Paragraph([new Run("Một")], new ParagraphStyle()), new PageBreak(), new Paragraph([new Run("Hai")], new ParagraphStyle()), new PageBreak(), new Paragraph([new Run("Ba")], new ParagraphStyle())];
        var plain = LayoutEngine.Lay(new DocumentSpec("t", "a", DocumentSamples.Now, blocks, OfficialParts.Page), Measurer);
        var fromThree = LayoutEngine.Lay(new DocumentSpec("t", "a", DocumentSamples.Now, blocks, OfficialParts.Page) { PageNumbers = new PageNumbering(12, 3, 30) }, Measurer);

        Assert.All(plain, ops => Assert.DoesNotContain(ops.OfType<TextOp>(), t => t.Baseline < OfficialParts.Page.Top));
        Assert.DoesNotContain(fromThree[1].OfType<TextOp>(), t => t.Baseline < OfficialParts.Page.Top);
        var number = Assert.Single(fromThree[2].OfType<TextOp>(), t => t.Baseline < OfficialParts.Page.Top);
        Assert.Equal("3", number.Text);
        Assert.Equal(30, number.Baseline);
    }
}
