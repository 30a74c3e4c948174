using System.Text;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Layout;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

public sealed class LayoutEngineTests : IDisposable
{
    private const string Sentence = "Tăng cường sự tham gia của người dân, tổ chức và doanh nghiệp trong việc thực hiện cải cách hành chính trên địa bàn thành phố Lai Châu.";
    private static readonly PageSetup Page = OfficialParts.Page;
    private readonly PdfTextMeasurer _measurer;

    public LayoutEngineTests()
    {
        TestFonts.Require();
        _measurer = new PdfTextMeasurer();
    }

    public void Dispose() => _measurer.Dispose();

    private static string Words(IEnumerable<TextLine> lines) =>
        string.Join(" ", lines.SelectMany(l => l.Pieces).Select(p => p.Text.Trim()));

    private double RightEdge(TextLine line) => line.Pieces[^1].X + _measurer.Width(line.Pieces[^1].Text.TrimEnd(), line.Pieces[^1].Font);

    private IReadOnlyList<IReadOnlyList<DrawOp>> Lay(params Block[] blocks) =>
        LayoutEngine.Lay(OfficialParts.Document("t", "a", DocumentSamples.Now, blocks), _measurer);

    private static Paragraph Filler(int lines) =>
        new([new Run(string.Join(" ", Enumerable.Range(1, lines).Select(i => $"Dòng{i:000} đệm trang đủ dài để chiếm trọn một dòng văn bản của trang giấy khổ A4 này")))],
            new ParagraphStyle(14, TextAlign.Left, SpaceAfter: 0, LineSpacing: 1.2));

    private static int PageOf(IReadOnlyList<IReadOnlyList<DrawOp>> pages, string text) =>
        pages.Select((ops, i) => (ops, i)).First(p => p.ops.OfType<TextOp>().Any(t => t.Text.Contains(text, StringComparison.Ordinal))).i;

    [Fact]
    public void Break_LongText_WrapsWithinTheWidthKeepingEveryWordInOrder()
    {
        var text = string.Join(" ", Enumerable.Repeat(Sentence, 4));
        var lines = TextLayout.Break([new Run(text)], new ParagraphStyle(14, TextAlign.Left), 200, _measurer);

        Assert.True(lines.Count > 5);
        Assert.All(lines, l => Assert.True(RightEdge(l) <= 200.01, $"line ends at {RightEdge(l)}"));
        Assert.Equal(text, Words(lines));
    }

    [Fact]
    public void Break_Justified_FillsEveryLineButTheLast()
    {
        var style = new ParagraphStyle(14, TextAlign.Justify, FirstLineIndent: 36);
        var lines = TextLayout.Break([new Run(string.Join(" ", Enumerable.Repeat(Sentence, 3)))], style, 400, _measurer);

        Assert.Equal(36, lines[0].Pieces[0].X, 3);
        Assert.All(lines.Take(lines.Count - 1), l => Assert.Equal(400, RightEdge(l), 0.5));
        Assert.True(RightEdge(lines[^1]) < 399);
        Assert.Equal(0, lines[1].Pieces[0].X, 3);
    }

    [Fact]
    public void Break_CentredAndBoldRuns_KeepTheirStyleAndSitInTheMiddle()
    {
        var lines = TextLayout.Break([new Run("a) Ưu điểm: ", Italic: true), new Run("Nội dung "), new Run("phong phú", Bold: true)],
            new ParagraphStyle(14, TextAlign.Center), 400, _measurer);

        var line = Assert.Single(lines);
        Assert.Equal(400 - RightEdge(line), line.Pieces[0].X, 0.5);
        Assert.True(line.Pieces.Single(p => p.Text.StartsWith("điểm", StringComparison.Ordinal)).Font.Italic);
        Assert.True(line.Pieces.Single(p => p.Text.StartsWith("phú", StringComparison.Ordinal)).Font.Bold);
    }

    [Fact]
    public void Break_DecomposedVietnamese_IsDrawnInNfc()
    {
        var decomposed = "Vie\u0302\u0323t Nam U\u0309Y BAN".Normalize(NormalizationForm.FormD);
        var lines = TextLayout.Break([new Run(decomposed)], new ParagraphStyle(14, TextAlign.Left), 400, _measurer);

        Assert.Equal("Việt Nam ỦY BAN", Words(lines));
        Assert.All(lines.SelectMany(l => l.Pieces), p => Assert.True(p.Text.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void Break_WordWiderThanTheLine_IsCutBetweenLetters()
    {
        var lines = TextLayout.Break([new Run("https://laichau.example/tuyen-truyen-cai-cach-hanh-chinh-nam-2020-thanh-pho")], new ParagraphStyle(12, TextAlign.Left), 100, _measurer);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(RightEdge(l) <= 100.01));
    }

    [Fact]
    public void Table_RowTallerThanAPage_IsSplitWithTheHeaderOnEachPart()
    {
        var tall = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Mục{i:000}"));
        var pages = Lay(new Table([new TableColumn("TT", 1), new TableColumn("Nội dung", 5)], [TableRow.Of("1", tall)]));

        Assert.True(pages.Count >= 3);
        Assert.All(pages, ops => Assert.Contains(ops.OfType<TextOp>(), t => t.Text.StartsWith("Nội", StringComparison.Ordinal) && t.Font.Bold));
        Assert.Equal(0, PageOf(pages, "Mục001"));
        Assert.True(PageOf(pages, "Mục120") >= 2);
        AssertInsideMargins(pages);
    }

    [Fact]
    public void Table_RowThatFitsAPageButNotTheRest_MovesWholeToTheNextPage()
    {
        var fiveLines = string.Join("\n", Enumerable.Range(1, 5).Select(i => $"Phần{i}"));
        var pages = Lay(Filler(34), new Table([new TableColumn("TT", 1), new TableColumn("Nội dung", 5)], [TableRow.Of("1", "Hàngđầu"), TableRow.Of("2", fiveLines)]));

        Assert.Equal(0, PageOf(pages, "Hàngđầu"));
        Assert.Equal(1, PageOf(pages, "Phần1"));
        Assert.Equal(1, PageOf(pages, "Phần5"));
        Assert.Contains(pages[1].OfType<TextOp>(), t => t.Text.StartsWith("Nội", StringComparison.Ordinal) && t.Font.Bold);
        AssertInsideMargins(pages);
    }

    [Fact]
    public void KeepTogether_NearTheBottom_MovesTheWholeBlockToTheNextPage()
    {
        Block Signature() => new KeepTogether([
            new Paragraph([new Run("TM. ỦY BAN NHÂN DÂN", Bold: true)], new ParagraphStyle(14, TextAlign.Center)),
            new Spacer(72),
            new Paragraph([new Run("Lương Chiến Công", Bold: true)], new ParagraphStyle(14, TextAlign.Center)),
        ]);
        var kept = Lay(Filler(34), Signature());
        var loose = Lay(Filler(34), ((KeepTogether)Signature()).Blocks[0], ((KeepTogether)Signature()).Blocks[1], ((KeepTogether)Signature()).Blocks[2]);

        Assert.Equal(1, PageOf(kept, "TM."));
        Assert.Equal(1, PageOf(kept, "Lương"));
        Assert.Equal(0, PageOf(loose, "TM."));
        Assert.Equal(1, PageOf(loose, "Lương"));
    }

    [Fact]
    public void Heading_LastOnAPage_MovesDownWithItsFirstLine()
    {
        var heading = new Paragraph([new Run("2. Nội dung, hình thức tuyên truyền", Bold: true)], new ParagraphStyle(14, KeepWithNext: true));
        var pages = Lay(Filler(36), heading, new Paragraph([new Run(Sentence)], new ParagraphStyle()));

        Assert.Equal(PageOf(pages, "Tăng"), PageOf(pages, "hình"));
    }

    [Fact]
    public void PageBreak_AndPageNumbers_NumberFromPageTwoCentredInTheTopMargin()
    {
        var pages = Lay(new Paragraph([new Run("Trang một")], new ParagraphStyle()), new PageBreak(), new Paragraph([new Run("Trang hai")], new ParagraphStyle()), new PageBreak(), new Paragraph([new Run("Trang ba")], new ParagraphStyle()));

        Assert.Equal(3, pages.Count);
        Assert.DoesNotContain(pages[0].OfType<TextOp>(), t => t.Baseline < Page.Top);
        for (var i = 1; i < 3; i++)
        {
            var number = Assert.Single(pages[i].OfType<TextOp>(), t => t.Baseline < Page.Top);
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
            Assert.Equal(Page.Left + (Page.ContentWidth / 2), number.X + (_measurer.Width(number.Text, number.Font) / 2), 0.5);
        }
    }

    [Fact]
    public void ConsolidatedForFiveHundredUnits_EveryDrawnThingStaysInsideTheMargins()
    {
        var pages = LayoutEngine.Lay(LaiChau.CchcDashboard.Features.Documents.ConsolidatedReportDocument.Build(DocumentSamples.Consolidated(500), DocumentSamples.Now), _measurer);

        Assert.True(pages.Count > 15);
        AssertInsideMargins(pages);
    }

    private static void AssertInsideMargins(IReadOnlyList<IReadOnlyList<DrawOp>> pages)
    {
        foreach (var (ops, i) in pages.Select((o, i) => (o, i)))
        {
            foreach (var op in ops)
            {
                var (top, bottom, left, right) = op switch
                {
                    TextOp t => (t.Baseline - (0.891 * t.Font.Size), t.Baseline, t.X, t.X),
                    RectOp r => (r.Y, r.Y + r.Height, r.X, r.X + r.Width),
                    LineOp l => (Math.Min(l.Y1, l.Y2), Math.Max(l.Y1, l.Y2), Math.Min(l.X1, l.X2), Math.Max(l.X1, l.X2)),
                    _ => throw new NotSupportedException(),
                };
                if (op is TextOp { } text && i > 0 && text.Baseline < Page.Top)
                {
                    continue; // the page number
                }
                Assert.True(top >= Page.Top - 0.01 && bottom <= Page.ContentBottom + 0.01, $"page {i + 1}: {op} crosses the top or bottom margin");
                Assert.True(left >= Page.Left - 0.01 && right <= Page.Width - Page.Right + 0.01, $"page {i + 1}: {op} crosses the side margins");
            }
        }
    }
}
