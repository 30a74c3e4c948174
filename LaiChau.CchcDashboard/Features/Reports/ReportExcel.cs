using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using LaiChau.CchcDashboard.Common;

namespace LaiChau.CchcDashboard.Features.Reports;

/// <summary>
/// The tracking matrix and the call list as .xlsx, written forward only in constant memory: the
/// sheet is streamed cell by cell with <see cref="OpenXmlWriter"/> (SAX style, no DOM of the cells)
/// into a zip entry, and the few small parts around it (content types, relationships, workbook,
/// styles) are written once. Texts are inline strings (Unicode survives as is, no shared-string
/// table to hold); instants are real Excel dates in Lai Châu local time.
/// </summary>
/// <remarks>
/// The zip is written by <see cref="ZipArchive"/> in create mode rather than through
/// <c>SpreadsheetDocument</c>: the SDK's package opens its zip in update mode, which keeps every
/// part uncompressed in memory until the end (Open-XML-SDK issue 807).
/// </remarks>
public static class ReportExcel
{
    private const uint HeaderStyle = 1;
    private const uint DateTimeStyle = 2;

    /// <summary>Writes the whole matrix of a plan, one row per unit, then the rates of each period.</summary>
    public static void WriteMatrix(Stream output, TrackingMatrix matrix, string planLabel)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(matrix);
        using var sheet = new SheetWriter(output, "Bảng theo dõi", [6, 40, .. matrix.Periods.SelectMany(_ => new double[] { 18, 18, 16, 12 })]);
        sheet.Row().Text($"Bảng theo dõi báo cáo — {planLabel}");
        sheet.Row().Text($"Lập lúc {VietnamTime.FormatDateTime(matrix.Now)}");
        var header = sheet.Row().Header("STT").Header("Đơn vị");
        foreach (var p in matrix.Periods)
        {
            header.Header($"{p.Name} — trạng thái").Header("Thời điểm nộp").Header("Đúng hạn / muộn").Header("Hoàn thành");
        }
        var i = 0;
        foreach (var row in matrix.Rows)
        {
            var line = sheet.Row().Number(++i).Text(row.UnitName);
            foreach (var cell in row.Cells)
            {
                line.Text(cell.State.Label())
                    .Date(cell.SubmittedAt)
                    .Text(cell.OnTime switch
                    {
                        true => "Đúng hạn",
                        false => $"Muộn {cell.DaysLate} ngày",
                        null => cell.DaysOverdue > 0 ? $"Quá hạn {cell.DaysOverdue} ngày" : "",
                    })
                    .Text($"{cell.Completeness}%");
            }
        }
        sheet.Row();
        foreach (var p in matrix.Periods)
        {
            sheet.Row().Text($"{p.Name} ({p.Deadline})").Text($"Phải báo cáo: {p.Rates.Expected}").Text($"Đã nộp: {p.Rates.Submitted}").Text($"Đúng hạn: {p.Rates.OnTime}")
                .Text($"Tỷ lệ báo cáo: {PeriodRates.Percent(p.Rates.ReportingRate)}").Text($"Tỷ lệ đúng hạn: {PeriodRates.Percent(p.Rates.TimelyRate)}");
        }
    }

    /// <summary>Writes the units of a period still to report, most overdue first.</summary>
    public static void WriteCallList(Stream output, TrackingMatrix matrix, int periodId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(matrix);
        var period = matrix.Periods.First(p => p.Id == periodId);
        using var sheet = new SheetWriter(output, "Danh sách gọi", [6, 40, 24, 16, 32, 18, 18]);
        sheet.Row().Text($"Danh sách đơn vị chưa nộp báo cáo — {period.Name}");
        sheet.Row().Text($"Hạn: {period.Deadline}; lập lúc {VietnamTime.FormatDateTime(matrix.Now)}");
        sheet.Row().Header("STT").Header("Đơn vị").Header("Người liên hệ").Header("Điện thoại").Header("E-mail").Header("Trạng thái").Header("Thời hạn");
        var i = 0;
        foreach (var entry in matrix.CallList(periodId))
        {
            sheet.Row().Number(++i).Text(entry.UnitName).Text(entry.ContactName).Text(entry.Phone).Text(entry.Email).Text(entry.State.Label()).Text(entry.Countdown);
        }
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>
    /// One worksheet in a workbook, written row by row; a row's cells go left to right, a null
    /// value leaves its cell out (as an empty cell). Disposing closes the sheet and the package.
    /// </summary>
    private sealed class SheetWriter : IDisposable
    {
        private const string SheetPath = "xl/worksheets/sheet1.xml";
        private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
        private const string OfficeRelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

        private static readonly OpenXmlAttribute InlineStringType = new("t", "", "inlineStr");
        private static readonly OpenXmlAttribute NumberType = new("t", "", "n");
        private static readonly OpenXmlAttribute HeaderStyleAttribute = new("s", "", HeaderStyle.ToString(CultureInfo.InvariantCulture));
        private static readonly OpenXmlAttribute DateStyleAttribute = new("s", "", DateTimeStyle.ToString(CultureInfo.InvariantCulture));
        private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

        // Element objects reused for every row and cell: the writer reads only their names.
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();
        private readonly OpenXmlAttribute[] _rowAttributes = new OpenXmlAttribute[1];
        private readonly List<OpenXmlAttribute> _cellAttributes = new(3);
        private readonly List<string> _columnNames = [];

        private readonly ZipArchive _zip;
        private readonly Stream _sheetStream;
        private readonly OpenXmlWriter _writer;
        private uint _rowIndex;
        private int _column;
        private bool _rowOpen;

        public SheetWriter(Stream output, string sheetName, IReadOnlyList<double> widths)
        {
            _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            WritePackageParts(sheetName);
            _sheetStream = _zip.CreateEntry(SheetPath, CompressionLevel.Optimal).Open();
            _writer = OpenXmlWriter.Create(_sheetStream, new UTF8Encoding(false));
            _writer.WriteStartDocument();
            _writer.WriteStartElement(new Worksheet());
            _writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
            _writer.WriteStartElement(new SheetData());
        }

        /// <summary>Starts the next row (an empty row is written as an empty row element, like before).</summary>
        public SheetWriter Row()
        {
            EndRow();
            _rowIndex++;
            _column = 0;
            _rowAttributes[0] = new OpenXmlAttribute("r", "", _rowIndex.ToString(CultureInfo.InvariantCulture));
            _writer.WriteStartElement(_row, _rowAttributes);
            _rowOpen = true;
            return this;
        }

        public SheetWriter Header(string text) => InlineText(text, HeaderStyleAttribute, preserve: false);

        public SheetWriter Text(string? text) => text is null ? Skip() : InlineText(text, null, preserve: true);

        public SheetWriter Number(int value)
        {
            StartCell(NumberType, null);
            Value(value.ToString(CultureInfo.InvariantCulture));
            return EndCell();
        }

        /// <summary>An instant as an Excel date-time in Lai Châu local time (dd/mm/yyyy hh:mm).</summary>
        public SheetWriter Date(DateTimeOffset? at)
        {
            if (at is not { } value)
            {
                return Skip();
            }
            StartCell(null, DateStyleAttribute);
            Value(VietnamTime.ToLocal(value).DateTime.ToOADate().ToString(CultureInfo.InvariantCulture));
            return EndCell();
        }

        private SheetWriter Skip()
        {
            _column++;
            return this;
        }

        private SheetWriter InlineText(string text, OpenXmlAttribute? style, bool preserve)
        {
            StartCell(InlineStringType, style);
            _writer.WriteStartElement(_inline);
            if (preserve)
            {
                _writer.WriteStartElement(_text, PreserveSpace);
            }
            else
            {
                _writer.WriteStartElement(_text);
            }
            _writer.WriteString(StoredText.Normalise(text));
            _writer.WriteEndElement();
            _writer.WriteEndElement();
            return EndCell();
        }

        private void StartCell(OpenXmlAttribute? type, OpenXmlAttribute? style)
        {
            _cellAttributes.Clear();
            while (_columnNames.Count <= _column)
            {
                _columnNames.Add(ColumnName(_columnNames.Count));
            }
            _cellAttributes.Add(new OpenXmlAttribute("r", "", _columnNames[_column] + _rowIndex.ToString(CultureInfo.InvariantCulture)));
            if (style is { } s)
            {
                _cellAttributes.Add(s);
            }
            if (type is { } t)
            {
                _cellAttributes.Add(t);
            }
            _writer.WriteStartElement(_cell, _cellAttributes);
        }

        private void Value(string text)
        {
            _writer.WriteStartElement(_value);
            _writer.WriteString(text);
            _writer.WriteEndElement();
        }

        private SheetWriter EndCell()
        {
            _writer.WriteEndElement();
            _column++;
            return this;
        }

        private void EndRow()
        {
            if (_rowOpen)
            {
                _writer.WriteEndElement();
                _rowOpen = false;
            }
        }

        public void Dispose()
        {
            EndRow();
            _writer.WriteEndElement(); // sheetData
            _writer.WriteEndElement(); // worksheet
            _writer.Close();
            _sheetStream.Dispose();
            _zip.Dispose();
        }

        /// <summary>The package around the sheet: content types, relationships, workbook and styles.</summary>
        private void WritePackageParts(string sheetName)
        {
            WriteXml("[Content_Types].xml", xml =>
            {
                xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
                Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
                Default(xml, "xml", "application/xml");
                Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
                Override(xml, "/" + SheetPath, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
                Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
                xml.WriteEndElement();
            });
            WriteXml("_rels/.rels", xml => Relationships(xml, ("rId1", "officeDocument", "xl/workbook.xml")));
            WriteXml("xl/_rels/workbook.xml.rels", xml => Relationships(xml, ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml")));
            WritePart("xl/workbook.xml", new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = sheetName })));
            WritePart("xl/styles.xml", Stylesheet());

            static void Default(XmlWriter xml, string extension, string type)
            {
                xml.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
                xml.WriteAttributeString("Extension", extension);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }

            static void Override(XmlWriter xml, string part, string type)
            {
                xml.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
                xml.WriteAttributeString("PartName", part);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }

            static void Relationships(XmlWriter xml, params (string Id, string Type, string Target)[] relationships)
            {
                xml.WriteStartElement("Relationships", RelationshipsNs);
                foreach (var (id, type, target) in relationships)
                {
                    xml.WriteStartElement("Relationship", RelationshipsNs);
                    xml.WriteAttributeString("Id", id);
                    xml.WriteAttributeString("Type", $"{OfficeRelationshipsNs}/{type}");
                    xml.WriteAttributeString("Target", target);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
        }

        private void WriteXml(string path, Action<XmlWriter> write)
        {
            using var stream = _zip.CreateEntry(path, CompressionLevel.Optimal).Open();
            using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument(true);
            write(xml);
            xml.WriteEndDocument();
        }

        private void WritePart(string path, OpenXmlPartRootElement root)
        {
            using var stream = _zip.CreateEntry(path, CompressionLevel.Optimal).Open();
            root.Save(stream);
        }
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 3 });
}
