using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace LaiChau.CchcDashboard.Features.Documents.Layout;

/// <summary>
/// Writes the same <see cref="DocumentSpec"/> the PDF renderer paints as an editable Word document:
/// each <see cref="ParagraphStyle"/> becomes a named paragraph style, columns become a borderless
/// table, tables repeat their header row, kept-together blocks are kept with the next paragraph,
/// and page numbers are a PAGE field in the header from the page the spec numbers from.
/// Word lays the text out itself; the measurer only sizes the short rules under header lines.
/// </summary>
public sealed class DocxWriter
{
    public const string FontFamily = "Times New Roman";

    private const int TwipsPerPoint = 20;

    /// <summary>A spacer paragraph's own text is this small (half-points) so its exact height rules.</summary>
    private const int TinyFontHalfPoints = 2;

    private readonly ITextMeasurer _measurer;
    private readonly Dictionary<ParagraphStyle, string> _styleIds = [];
    private readonly List<W.Style> _styles = [];
    private bool _pageBreakPending;
    private double _lastLineWidth;

    private DocxWriter(ITextMeasurer measurer) => _measurer = measurer;

    public static byte[] Write(DocumentSpec spec, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(measurer);
        using var stream = new MemoryStream();
        new DocxWriter(measurer).WriteTo(stream, spec);
        return stream.ToArray();
    }

    private void WriteTo(Stream stream, DocumentSpec spec)
    {
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = Nfc(spec.Title);
            document.PackageProperties.Creator = Nfc(spec.Author);
            document.PackageProperties.Created = spec.CreatedAt.UtcDateTime;
            document.PackageProperties.Language = "vi-VN";

            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            var elements = Blocks(spec.Blocks, spec.Page.ContentWidth, keep: false);
            body.Append(elements);
            if (elements.Count == 0 || elements[^1] is W.Table)
            {
                body.Append(new W.Paragraph());
            }
            body.Append(Section(main, spec));
            main.Document = new W.Document(body);

            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new W.Styles(DocDefaults(), NormalStyle());
            styles.Styles.Append(_styles);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new W.Settings(
                new W.DefaultTabStop { Val = 720 },
                new W.Compatibility(new W.CompatibilitySetting { Name = W.CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
        }
    }

    private List<OpenXmlElement> Blocks(IReadOnlyList<Block> blocks, double width, bool keep)
    {
        var result = new List<OpenXmlElement>();
        for (var i = 0; i < blocks.Count; i++)
        {
            // Inside a kept-together group every element but the group's last keeps with the next.
            var keepThis = keep && i < blocks.Count - 1;
            result.AddRange(Block(blocks[i], width, keepThis));
        }
        return result;
    }

    private IEnumerable<OpenXmlElement> Block(Block block, double width, bool keepWithNext) => block switch
    {
        Paragraph p => [Paragraph(p, width, keepWithNext)],
        Rule r => [RuleParagraph(r, width, keepWithNext)],
        DottedLines d => DottedParagraphs(d, width, keepWithNext),
        Spacer s => [SpacerParagraph(s.Height, keepWithNext)],
        PageBreak => PageBreakElements(),
        KeepTogether k => Blocks(k.Blocks, width, keep: true),
        Columns c => ColumnsTable(c, width, keepWithNext),
        Stamp s => StampTable(s),
        Table t => DataTable(t, width, keepWithNext),
        _ => throw new NotSupportedException(block.GetType().Name),
    };

    private W.Paragraph Paragraph(Paragraph p, double width, bool keepWithNext)
    {
        var properties = new W.ParagraphProperties(new W.ParagraphStyleId { Val = StyleId(p.Style) });
        ApplyPending(properties);
        if (keepWithNext && !p.Style.KeepWithNext)
        {
            properties.Append(new W.KeepNext(), new W.KeepLines());
        }
        var paragraph = new W.Paragraph(Order(properties));
        foreach (var run in p.Runs)
        {
            paragraph.Append(Run(run.Text, run.Bold, run.Italic));
        }
        _lastLineWidth = TextLayout.Break(p.Runs, p.Style, width, _measurer).Select(l => l.Width).DefaultIfEmpty(0).Max();
        return paragraph;
    }

    private static W.Run Run(string text, bool bold, bool italic, int? halfPoints = null)
    {
        var properties = new W.RunProperties();
        if (bold)
        {
            properties.Append(new W.Bold());
        }
        if (italic)
        {
            properties.Append(new W.Italic());
        }
        if (halfPoints is { } size)
        {
            properties.Append(new W.FontSize { Val = Str(size) }, new W.FontSizeComplexScript { Val = Str(size) });
        }
        var run = new W.Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }
        var lines = Nfc(text).Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new W.Break());
            }
            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>A top border on an empty paragraph, indented to the rule's length and centred under the previous line.</summary>
    private W.Paragraph RuleParagraph(Rule rule, double width, bool keepWithNext)
    {
        var length = Math.Min(width, _lastLineWidth * rule.Fraction);
        var indent = Twips((width - length) / 2);
        var properties = new W.ParagraphProperties(
            new W.ParagraphStyleId { Val = StyleId(SpacerStyle) },
            new W.ParagraphBorders(new W.TopBorder { Val = W.BorderValues.Single, Size = 6, Space = 0, Color = "000000" }),
            new W.SpacingBetweenLines { Before = Str(Twips(1.5)), After = "0", Line = Str(Twips(Math.Max(1, rule.SpaceAfter))), LineRule = W.LineSpacingRuleValues.Exact },
            new W.Indentation { Left = Str(indent), Right = Str(indent) });
        if (keepWithNext)
        {
            properties.Append(new W.KeepNext());
        }
        ApplyPending(properties);
        return new W.Paragraph(Order(properties));
    }

    /// <summary>Lines to write on: a tab to the right edge with a dotted leader, so they stay lines when edited.</summary>
    private IEnumerable<OpenXmlElement> DottedParagraphs(DottedLines d, double width, bool keepWithNext)
    {
        for (var i = 0; i < d.Count; i++)
        {
            var properties = new W.ParagraphProperties(
                new W.ParagraphStyleId { Val = StyleId(DottedStyle(d.FontSize)) },
                new W.Tabs(new W.TabStop { Val = W.TabStopValues.Right, Leader = W.TabStopLeaderCharValues.Dot, Position = Twips(width) - 10 }));
            if (i == d.Count - 1)
            {
                properties.Append(new W.SpacingBetweenLines { After = Str(Twips(6)) });
            }
            if (keepWithNext)
            {
                properties.Append(new W.KeepNext());
            }
            ApplyPending(properties);
            Order(properties);
            yield return new W.Paragraph(properties, new W.Run(new W.TabChar()));
        }
    }

    private W.Paragraph SpacerParagraph(double height, bool keepWithNext)
    {
        var properties = new W.ParagraphProperties(
            new W.ParagraphStyleId { Val = StyleId(SpacerStyle) },
            new W.SpacingBetweenLines { Before = "0", After = "0", Line = Str(Math.Max(Twips(height), 2)), LineRule = W.LineSpacingRuleValues.Exact });
        if (keepWithNext)
        {
            properties.Append(new W.KeepNext());
        }
        ApplyPending(properties);
        return new W.Paragraph(Order(properties));
    }

    private List<OpenXmlElement> PageBreakElements()
    {
        _pageBreakPending = true;
        return [];
    }

    private void ApplyPending(W.ParagraphProperties properties)
    {
        if (_pageBreakPending)
        {
            properties.Append(new W.PageBreakBefore());
            _pageBreakPending = false;
        }
    }

    /// <summary>Side-by-side blocks (header blocks, "Nơi nhận" and signature): a borderless one-row table that never splits.</summary>
    private IEnumerable<OpenXmlElement> ColumnsTable(Columns c, double width, bool keepWithNext)
    {
        var total = c.Items.Sum(i => i.Fraction);
        var widths = c.Items.Select(i => width * i.Fraction / total).ToList();
        var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));
        for (var i = 0; i < c.Items.Count; i++)
        {
            _lastLineWidth = 0;
            var content = Blocks(c.Items[i].Blocks, widths[i], keep: true);
            if (content.Count == 0 || content[^1] is W.Table)
            {
                content.Add(new W.Paragraph());
            }
            var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = Str(Twips(widths[i])), Type = W.TableWidthUnitValues.Dxa }));
            cell.Append(content);
            row.Append(cell);
        }
        var table = new W.Table(TableProperties(width, borders: false, cellMarginTwips: 0), Grid(widths), row);
        _lastLineWidth = 0;
        return [table, SpacerParagraph(Math.Max(c.SpaceAfter, 0.5), keepWithNext)];
    }

    /// <summary>The "DỰ THẢO" box at the right edge.</summary>
    private IEnumerable<OpenXmlElement> StampTable(Stamp s)
    {
        var font = new FontKey(s.FontSize, Bold: true, Italic: false);
        var boxWidth = _measurer.Width(s.Text, font) + 16;
        var properties = TableProperties(boxWidth, borders: true, cellMarginTwips: Twips(4), borderEighths: 8);
        properties.GetFirstChild<W.TableWidth>()!.InsertAfterSelf(new W.TableJustification { Val = W.TableRowAlignmentValues.Right });
        var cell = new W.TableCell(
            new W.TableCellProperties(new W.TableCellWidth { Width = Str(Twips(boxWidth)), Type = W.TableWidthUnitValues.Dxa }),
            new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = StyleId(StampStyle(s.FontSize)) }), Run(s.Text, bold: true, italic: false)));
        return [new W.Table(properties, Grid([boxWidth]), new W.TableRow(cell)), SpacerParagraph(6, keepWithNext: false)];
    }

    /// <summary>A bordered table: the header row repeats on every page, rows move whole to the next page.</summary>
    private IEnumerable<OpenXmlElement> DataTable(Table t, double width, bool keepWithNext)
    {
        var totalWeight = t.Columns.Sum(c => c.Weight);
        var widths = t.Columns.Select(c => width * c.Weight / totalWeight).ToList();
        var headerStyle = CellStyle(t.FontSize, TextAlign.Center);
        var header = new W.TableRow(new W.TableRowProperties(new W.TableHeader(), new W.CantSplit()));
        for (var i = 0; i < t.Columns.Count; i++)
        {
            header.Append(Cell(widths[i], headerStyle, [new Run(t.Columns[i].Header)], bold: true, keepWithNext: true));
        }
        var table = new W.Table(TableProperties(width, borders: true, cellMarginTwips: Twips(TableLayout.CellPadding)), Grid(widths), header);
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));
            for (var i = 0; i < t.Columns.Count; i++)
            {
                var runs = i < t.Rows[r].Cells.Count ? t.Rows[r].Cells[i] : [];
                row.Append(Cell(widths[i], CellStyle(t.FontSize, t.Columns[i].Align), runs, t.Rows[r].Bold, keepWithNext && r < t.Rows.Count - 1));
            }
            table.Append(row);
        }
        _lastLineWidth = 0;
        return [table, SpacerParagraph(Math.Max(t.SpaceAfter, 0.5), keepWithNext)];
    }

    private W.TableCell Cell(double width, ParagraphStyle style, IReadOnlyList<Run> runs, bool bold, bool keepWithNext)
    {
        var properties = new W.ParagraphProperties(new W.ParagraphStyleId { Val = StyleId(style) });
        if (keepWithNext)
        {
            properties.Append(new W.KeepNext());
        }
        var paragraph = new W.Paragraph(Order(properties));
        foreach (var run in runs)
        {
            paragraph.Append(Run(run.Text, bold || run.Bold, run.Italic));
        }
        return new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = Str(Twips(width)), Type = W.TableWidthUnitValues.Dxa }), paragraph);
    }

    private static W.TableProperties TableProperties(double width, bool borders, int cellMarginTwips, uint borderEighths = 4)
    {
        T Border<T>() where T : W.BorderType, new() => borders
            ? new T { Val = W.BorderValues.Single, Size = borderEighths, Space = 0, Color = "000000" }
            : new T { Val = W.BorderValues.None, Size = 0, Space = 0 };
        return new W.TableProperties(
            new W.TableWidth { Width = Str(Twips(width)), Type = W.TableWidthUnitValues.Dxa },
            new W.TableBorders(Border<W.TopBorder>(), Border<W.LeftBorder>(), Border<W.BottomBorder>(), Border<W.RightBorder>(),
                Border<W.InsideHorizontalBorder>(), Border<W.InsideVerticalBorder>()),
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            new W.TableCellMarginDefault(
                new W.TopMargin { Width = Str(borders ? cellMarginTwips : 0), Type = W.TableWidthUnitValues.Dxa },
                new W.TableCellLeftMargin { Width = (short)cellMarginTwips, Type = W.TableWidthValues.Dxa },
                new W.BottomMargin { Width = Str(borders ? cellMarginTwips : 0), Type = W.TableWidthUnitValues.Dxa },
                new W.TableCellRightMargin { Width = (short)cellMarginTwips, Type = W.TableWidthValues.Dxa }),
            new W.TableLook { Val = "0000" });
    }

    private static W.TableGrid Grid(IEnumerable<double> widths) =>
        new([.. widths.Select(w => new W.GridColumn { Width = Str(Twips(w)) })]);

    /// <summary>A4 and the spec's margins; the page number in the header of every page but the first ones.</summary>
    private W.SectionProperties Section(MainDocumentPart main, DocumentSpec spec)
    {
        var page = spec.Page;
        var section = new W.SectionProperties();
        if (spec.PageNumbers is { } numbering)
        {
            var font = new FontKey(numbering.FontSize, Bold: false, Italic: false);
            var numbered = main.AddNewPart<HeaderPart>();
            var size = Str((int)Math.Round(numbering.FontSize * 2));
            numbered.Header = new W.Header(new W.Paragraph(
                new W.ParagraphProperties(new W.SpacingBetweenLines { Before = "0", After = "0" }, new W.Justification { Val = W.JustificationValues.Center }),
                FieldRun(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }, size),
                new W.Run(new W.RunProperties(new W.FontSize { Val = size }), new W.FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                FieldRun(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }, size),
                new W.Run(new W.RunProperties(new W.FontSize { Val = size }), new W.Text("2")),
                FieldRun(new W.FieldChar { FieldCharType = W.FieldCharValues.End }, size)));
            section.Append(new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) });
            if (numbering.FirstNumberedPage > 1)
            {
                var first = main.AddNewPart<HeaderPart>();
                first.Header = new W.Header(new W.Paragraph());
                section.Append(new W.HeaderReference { Type = W.HeaderFooterValues.First, Id = main.GetIdOfPart(first) });
            }
            section.Append(PageSize(page), Margins(page, Twips(numbering.Baseline - _measurer.Ascent(font))));
            if (numbering.FirstNumberedPage > 1)
            {
                section.Append(new W.TitlePage());
            }
        }
        else
        {
            section.Append(PageSize(page), Margins(page, Twips(page.Top / 2)));
        }
        return section;
    }

    private static W.Run FieldRun(W.FieldChar fieldChar, string size) => new(new W.RunProperties(new W.FontSize { Val = size }), fieldChar);

    private static W.PageSize PageSize(PageSetup page) => new() { Width = (uint)Twips(page.Width), Height = (uint)Twips(page.Height) };

    private static W.PageMargin Margins(PageSetup page, int header) => new()
    {
        Top = Twips(page.Top),
        Bottom = Twips(page.Bottom),
        Left = (uint)Twips(page.Left),
        Right = (uint)Twips(page.Right),
        Header = (uint)Math.Max(header, 0),
        Footer = (uint)Twips(page.Bottom / 2),
        Gutter = 0,
    };

    private static W.DocDefaults DocDefaults() => new(
        new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
            new W.RunFonts { Ascii = FontFamily, HighAnsi = FontFamily, ComplexScript = FontFamily, EastAsia = FontFamily },
            new W.FontSize { Val = "28" }, new W.FontSizeComplexScript { Val = "28" },
            new W.Languages { Val = "vi-VN" })),
        new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto })));

    private static W.Style NormalStyle() => new(new W.StyleName { Val = "Normal" }, new W.PrimaryStyle())
    {
        Type = W.StyleValues.Paragraph,
        StyleId = "Normal",
        Default = true,
    };

    private static ParagraphStyle DottedStyle(double size) => new(size, TextAlign.Left, SpaceAfter: 0, LineSpacing: 1.5, Name: "Dòng chấm");

    private static readonly ParagraphStyle SpacerStyle = new(1, TextAlign.Left, SpaceAfter: 0, LineSpacing: 1, Name: "Khoảng cách");

    private static ParagraphStyle CellStyle(double size, TextAlign align) =>
        new(size, align, SpaceAfter: 0, LineSpacing: TableLayout.LineSpacing, Name: "Bảng");

    private static ParagraphStyle StampStyle(double size) => new(size, TextAlign.Center, SpaceAfter: 0, LineSpacing: 1.2, Name: "Dấu dự thảo");

    /// <summary>One named paragraph style per distinct look: "Nội dung", "Đề mục", "Căn giữa", "Căn giữa 2" …</summary>
    private string StyleId(ParagraphStyle style)
    {
        if (_styleIds.TryGetValue(style, out var id))
        {
            return id;
        }
        var baseName = style.Name ?? "Đoạn văn";
        var sameName = _styleIds.Keys.Count(s => (s.Name ?? "Đoạn văn") == baseName);
        var name = sameName == 0 ? baseName : $"{baseName} {sameName + 1}";
        id = "Cchc" + string.Concat(DocumentsExtensions.Slug(name).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        _styleIds[style] = id;

        var size = Str((int)Math.Round(style.FontSize * 2));
        var paragraph = new W.StyleParagraphProperties();
        if (style.KeepWithNext)
        {
            paragraph.Append(new W.KeepNext());
        }
        paragraph.Append(new W.SpacingBetweenLines
        {
            Before = Str(Twips(style.SpaceBefore)),
            After = Str(Twips(style.SpaceAfter)),
            // "At least" the engine's line height: Word keeps tall Vietnamese capitals whole and the lines land where the PDF's do.
            Line = Str(Twips(style.FontSize * style.LineSpacing)),
            LineRule = W.LineSpacingRuleValues.AtLeast,
        });
        if (style.LeftIndent != 0 || style.FirstLineIndent != 0)
        {
            paragraph.Append(new W.Indentation { Left = Str(Twips(style.LeftIndent)), FirstLine = Str(Twips(style.FirstLineIndent)) });
        }
        paragraph.Append(new W.Justification
        {
            Val = style.Align switch
            {
                TextAlign.Center => W.JustificationValues.Center,
                TextAlign.Right => W.JustificationValues.Right,
                TextAlign.Justify => W.JustificationValues.Both,
                _ => W.JustificationValues.Left,
            },
        });
        _styles.Add(new W.Style(
            new W.StyleName { Val = name },
            new W.BasedOn { Val = "Normal" },
            new W.NextParagraphStyle { Val = id },
            new W.PrimaryStyle(),
            paragraph,
            new W.StyleRunProperties(new W.FontSize { Val = size }, new W.FontSizeComplexScript { Val = size }))
        {
            Type = W.StyleValues.Paragraph,
            StyleId = id,
            CustomStyle = true,
        });
        return id;
    }

    private static readonly Type[] ParagraphPropertyOrder =
    [
        typeof(W.ParagraphStyleId), typeof(W.KeepNext), typeof(W.KeepLines), typeof(W.PageBreakBefore), typeof(W.ParagraphBorders),
        typeof(W.Tabs), typeof(W.SpacingBetweenLines), typeof(W.Indentation), typeof(W.Justification),
    ];

    /// <summary>Puts paragraph properties in the order the schema requires (Word refuses a file otherwise).</summary>
    private static W.ParagraphProperties Order(W.ParagraphProperties properties)
    {
        var children = properties.ChildElements.OrderBy(c => Array.IndexOf(ParagraphPropertyOrder, c.GetType())).ToList();
        properties.RemoveAllChildren();
        properties.Append(children);
        return properties;
    }

    private static int Twips(double points) => (int)Math.Round(points * TwipsPerPoint);

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
