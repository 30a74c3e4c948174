using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

/// <summary>The four documents as Word files, written from the same composition as the PDFs.</summary>
public sealed class DocxDocumentTests
{
    public DocxDocumentTests() => TestFonts.Require();

    public static DocxReadBack Write(DocumentSpec spec, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        using var measurer = new PdfTextMeasurer();
        var bytes = DocxWriter.Write(spec, measurer);
        // Set CCHC_PDF_DUMP to a folder to look at the documents (soffice --headless --convert-to pdf).
        if (Environment.GetEnvironmentVariable("CCHC_PDF_DUMP") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".docx"), bytes);
        }
        return new DocxReadBack(bytes);
    }

    [Fact]
    public void UnitReport_IsAnOfficialWordDocumentInTheOrderOfThePdf()
    {
        using var docx = Write(UnitReportDocument.Build(DocumentSamples.UnitReport(), DocumentSamples.Now));

        docx.AssertOfficialLayout();
        docx.AssertInOrder(
            "UBND THÀNH PHỐ LAI CHÂU", "UBND PHƯỜNG TÂN PHONG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 12/BC-UBND", "Lai Châu, ngày 20 tháng 5 năm 2020",
            "BÁO CÁO", "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính 6 tháng đầu năm 2020",
            "1. Công tác tham mưu, ban hành văn bản chỉ đạo thực hiện", "Số, ký hiệu", "01/KH-UBND",
            "2. Nội dung, hình thức tuyên truyền", "số người (lượt người) tham gia: 1.250",
            "4. Đánh giá chung", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thị Hà");
        Assert.DoesNotContain("DỰ THẢO", docx.Text, StringComparison.Ordinal);
        Assert.Equal("UBND PHƯỜNG TÂN PHONG", docx.Creator);
        Assert.Contains("Phường Tân Phong", docx.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitReport_HeaderBlocks_AreABorderlessTableWithShortRulesAndAnItalicDate()
    {
        using var docx = Write(UnitReportDocument.Build(DocumentSamples.UnitReport(), DocumentSamples.Now));

        var header = docx.Body.Elements<W.Table>().First();
        Assert.All(header.GetFirstChild<W.TableProperties>()!.GetFirstChild<W.TableBorders>()!.ChildElements,
            b => Assert.Equal(W.BorderValues.None, ((W.BorderType)b).Val?.Value));
        var cells = header.Descendants<W.TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.StartsWith("UBND THÀNH PHỐ LAI CHÂU", cells[0].InnerText, StringComparison.Ordinal);
        Assert.StartsWith("CỘNG HÒA", cells[1].InnerText, StringComparison.Ordinal);
        // A short rule under the issuing body, a longer one under the motto (as wide as the motto).
        var rules = cells.Select(c => c.Descendants<W.TopBorder>().Single(b => b.Parent is W.ParagraphBorders)).ToList();
        var leftRuleIndent = cells[0].Descendants<W.Indentation>().Single().Left!.Value;
        var rightRuleIndent = cells[1].Descendants<W.Indentation>().Single().Left!.Value;
        Assert.Equal(2, rules.Count);
        Assert.True(int.Parse(leftRuleIndent!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(rightRuleIndent!, System.Globalization.CultureInfo.InvariantCulture) > 0);

        var date = docx.Body.Descendants<W.Run>().First(r => r.InnerText.StartsWith("Lai Châu, ngày", StringComparison.Ordinal));
        Assert.NotNull(date.RunProperties?.Italic);
        var title = docx.Body.Descendants<W.Run>().First(r => r.InnerText == "BÁO CÁO");
        Assert.NotNull(title.RunProperties?.Bold);
    }

    [Fact]
    public void UnitReport_NamedStyles_BodyIsTimes14JustifiedWithTheFirstLineIndent()
    {
        using var docx = Write(UnitReportDocument.Build(DocumentSamples.UnitReport(), DocumentSamples.Now));

        var body = docx.Main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleName?.Val?.Value == "Nội dung");
        Assert.Equal("28", body.StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal(W.JustificationValues.Both, body.StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("720", body.StyleParagraphProperties.Indentation!.FirstLine!.Value);
        var heading = docx.Main.StyleDefinitionsPart.Styles.Elements<W.Style>().Single(s => s.StyleName?.Val?.Value == "Đề mục");
        Assert.NotNull(heading.StyleParagraphProperties!.KeepNext);
        var intro = docx.Body.Descendants<W.Paragraph>().First(p => p.InnerText.StartsWith("Thực hiện Kế hoạch", StringComparison.Ordinal));
        Assert.Equal(body.StyleId!.Value, intro.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void UnitReport_TablesRepeatTheirHeaderRowAndTheSignatureIsKeptWithTheClosing()
    {
        using var docx = Write(UnitReportDocument.Build(DocumentSamples.UnitReport(documents: 50, textRepeat: 3), DocumentSamples.Now));

        var documents = docx.Body.Elements<W.Table>().Single(t => t.InnerText.Contains("Trích yếu", StringComparison.Ordinal));
        var rows = documents.Elements<W.TableRow>().ToList();
        Assert.Equal(51, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<W.TableHeader>()));
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<W.CantSplit>()));

        var closing = docx.Body.Elements<W.Paragraph>().Single(p => p.InnerText.StartsWith("Trên đây là báo cáo", StringComparison.Ordinal));
        Assert.NotNull(closing.ParagraphProperties?.KeepNext);
        var signature = docx.Body.Elements<W.Table>().Last();
        Assert.Contains("Nơi nhận:", signature.InnerText, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hà", signature.InnerText, StringComparison.Ordinal);
        Assert.NotNull(signature.Descendants<W.CantSplit>().Single());
        Assert.True(closing.IsBefore(signature));
    }

    [Fact]
    public void UnitReport_Draft_CarriesTheDraftBoxAtTheRight()
    {
        using var docx = Write(UnitReportDocument.Build(DocumentSamples.UnitReport(state: ReportState.Draft), DocumentSamples.Now));

        var stamp = docx.Body.Elements<W.Table>().First();
        Assert.Equal("DỰ THẢO", stamp.InnerText);
        Assert.Equal(W.TableRowAlignmentValues.Right, stamp.GetFirstChild<W.TableProperties>()!.GetFirstChild<W.TableJustification>()!.Val!.Value);
        docx.AssertOfficialLayout();
    }

    [Fact]
    public void BlankOutline_HasItsSectionsAndLinesToWriteOn()
    {
        using var docx = Write(BlankOutlineDocument.Build(DocumentSamples.SixMonths, DocumentSamples.Now));

        docx.AssertOfficialLayout();
        docx.AssertInOrder("BÁO CÁO", "1. Công tác tham mưu", "2. Nội dung, hình thức tuyên truyền", "3. Kết quả qua tuyên truyền", "4. Đánh giá chung", "Nơi nhận:");
        Assert.True(docx.Body.Descendants<W.TabStop>().Count(t => t.Leader?.Value == W.TabStopLeaderCharValues.Dot) >= 20);
    }

    [Fact]
    public void Consolidated_HasItsFiguresTableWithATotalRow()
    {
        using var docx = Write(ConsolidatedReportDocument.Build(DocumentSamples.Consolidated(30), DocumentSamples.Now));

        docx.AssertOfficialLayout();
        docx.AssertInOrder("PHÒNG NỘI VỤ", "Số: ……/BC-NV", "BÁO CÁO", "Kính gửi: Ủy ban nhân dân thành phố Lai Châu.",
            "I. TÌNH HÌNH BÁO CÁO", "II. KẾT QUẢ TUYÊN TRUYỀN", "Phường thử nghiệm 30", "Tổng cộng", "III. ĐỀ XUẤT", "Nơi nhận:");
        var total = docx.Body.Descendants<W.TableRow>().Single(r => r.InnerText.Contains("Tổng cộng", StringComparison.Ordinal));
        Assert.All(total.Descendants<W.Run>().Where(r => r.InnerText.Length > 0), r => Assert.NotNull(r.RunProperties?.Bold));
    }

    [Fact]
    public void Plan_HasItsTextAndAppendixOnANewPage()
    {
        using var docx = Write(PlanDocument.Build(DocumentSamples.Plan(), DocumentSamples.Now));

        docx.AssertOfficialLayout();
        docx.AssertInOrder("UBND TỈNH LAI CHÂU", "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", "Số: 93/KH-UBND", "Lai Châu, ngày 17 tháng 01 năm 2020", "KẾ HOẠCH",
            "I. MỤC ĐÍCH, YÊU CẦU", "Đoạn hai.", "Nơi nhận:", "Lương Chiến Công", "PHỤ LỤC", PlanDocument.AppendixTitle, "Xây dựng chuyên mục về CCHC", "Hội thi Dân vận khéo");
        var appendix = docx.Body.Descendants<W.Paragraph>().First(p => p.InnerText == "PHỤ LỤC");
        Assert.NotNull(appendix.ParagraphProperties?.PageBreakBefore);
    }
}
