using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Layout;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

public sealed class SignerTitlesTests
{
    [Theory]
    [InlineData(UnitKind.Ward, "Chủ tịch", "TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH")]
    [InlineData(UnitKind.Commune, "Phó Chủ tịch", "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH")]
    [InlineData(UnitKind.Department, "Trưởng phòng", "TRƯỞNG PHÒNG")]
    [InlineData(UnitKind.Department, "phó trưởng phòng", "KT. TRƯỞNG PHÒNG|PHÓ TRƯỞNG PHÒNG")]
    [InlineData(UnitKind.PublicServiceUnit, "Giám đốc", "GIÁM ĐỐC")]
    [InlineData(UnitKind.Ward, "Ủy viên", "TM. ỦY BAN NHÂN DÂN|ỦY VIÊN")]
    [InlineData(UnitKind.Ward, null, "TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH")]
    public void Lines_FollowTheUnitsKindAndTheTitle(UnitKind kind, string? title, string expected) =>
        Assert.Equal(expected.Split('|'), SignerTitles.Lines(kind, title));

    [Fact]
    public void For_AWard_OffersTheChairAndTheDeputyForTheChair() =>
        Assert.Equal(["Chủ tịch (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH)", "Phó Chủ tịch (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"],
            SignerTitles.For(UnitKind.Ward).Select(t => t.Label));

    [Fact]
    public void UnitReport_DeputyChair_PdfAndWordPrintTheSameSignatureLines()
    {
        TestFonts.Require();
        var spec = UnitReportDocument.Build(DocumentSamples.UnitReport() with { SignerTitle = "Phó Chủ tịch" }, DocumentSamples.Now);
        using var measurer = new PdfTextMeasurer();

        using var pdf = new PdfReadBack(PdfRenderer.Render(spec));
        using var docx = new DocxReadBack(DocxWriter.Write(spec, measurer));

        string[] lines = ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Hà"];
        pdf.AssertInOrder(lines);
        docx.AssertInOrder(lines);
    }
}
