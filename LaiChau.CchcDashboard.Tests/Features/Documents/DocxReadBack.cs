using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LaiChau.CchcDashboard.Features.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

/// <summary>A .docx opened with OpenXml: its text in order, section settings, styles and header parts.</summary>
public sealed class DocxReadBack : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly WordprocessingDocument _document;

    public DocxReadBack(byte[] docx)
    {
        _stream = new MemoryStream(docx, writable: false);
        _document = WordprocessingDocument.Open(_stream, false);
        Main = _document.MainDocumentPart ?? throw new InvalidOperationException("No main part.");
        Body = Main.Document?.Body ?? throw new InvalidOperationException("No body.");
        Section = Body.Elements<W.SectionProperties>().Single();
    }

    public MainDocumentPart Main { get; }
    public W.Body Body { get; }
    public W.SectionProperties Section { get; }
    public string? Title => _document.PackageProperties.Title;
    public string? Creator => _document.PackageProperties.Creator;

    /// <summary>Every paragraph's text, body order (table cells row by row), joined by spaces.</summary>
    public string Text => Regex.Replace(string.Join(" ", Body.Descendants<W.Paragraph>().Select(p => p.InnerText)), " {2,}", " ");

    public W.Style? Style(string id) => Main.StyleDefinitionsPart?.Styles?.Elements<W.Style>().SingleOrDefault(s => s.StyleId == id);

    public W.Header HeaderOf(W.HeaderFooterValues type)
    {
        var reference = Section.Elements<W.HeaderReference>().Single(h => h.Type?.Value == type);
        return ((HeaderPart)Main.GetPartById(reference.Id!)).Header!;
    }

    /// <summary>Asserts the strings appear in this order.</summary>
    public void AssertInOrder(params string[] expected)
    {
        var text = Text;
        var at = 0;
        foreach (var s in expected)
        {
            var found = text.IndexOf(s, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{s}\" was not found after position {at} in:\n{text}");
            at = found + s.Length;
        }
    }

    /// <summary>
    /// Nghị định 30 in Word terms: A4, the margins of <see cref="OfficialParts.Page"/>, Times New Roman
    /// everywhere, a PAGE field centred in the header with a different (empty) first-page header.
    /// </summary>
    public void AssertOfficialLayout()
    {
        // Valid against the schema: Word refuses to open a file whose elements are out of order.
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));

        var size = Section.GetFirstChild<W.PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        var margins = Section.GetFirstChild<W.PageMargin>()!;
        Assert.Equal(Twips(22), margins.Top!.Value);
        Assert.Equal(Twips(22), margins.Bottom!.Value);
        Assert.Equal(Twips(31), (int)margins.Left!.Value);
        Assert.Equal(Twips(16), (int)margins.Right!.Value);

        var fonts = Main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<W.RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii?.Value);
        Assert.Equal("Times New Roman", fonts.HighAnsi?.Value);
        Assert.Equal("Times New Roman", fonts.ComplexScript?.Value);
        Assert.Empty(Body.Descendants<W.RunFonts>());

        Assert.NotNull(Section.GetFirstChild<W.TitlePage>());
        var numbered = HeaderOf(W.HeaderFooterValues.Default);
        Assert.Contains(numbered.Descendants<W.FieldCode>(), f => f.Text.Trim() == "PAGE");
        Assert.Equal(W.JustificationValues.Center, numbered.Descendants<W.Justification>().Single().Val?.Value);
        Assert.DoesNotContain(HeaderOf(W.HeaderFooterValues.First).Descendants<W.FieldCode>(), _ => true);

        // Every paragraph of the body has a named style that exists.
        foreach (var id in Body.Descendants<W.ParagraphStyleId>().Select(s => s.Val!.Value!).Distinct())
        {
            var style = Style(id);
            Assert.NotNull(style);
            Assert.False(string.IsNullOrWhiteSpace(style.StyleName?.Val?.Value));
        }
        Assert.DoesNotContain(Body.Descendants<W.Drawing>(), _ => true);
    }

    private static int Twips(double mm) => (int)Math.Round(mm * 72 / 25.4 * 20, MidpointRounding.AwayFromZero);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
