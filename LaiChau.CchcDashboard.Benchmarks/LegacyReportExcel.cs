using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LaiChau.CchcDashboard.Common;

using LaiChau.CchcDashboard.Features.Reports;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// The .xlsx writer as it was before the exports were streamed (a DOM of every cell, saved into a
/// SpreadsheetDocument on a MemoryStream), kept only as the "before" of <see cref="ExportWriterBenchmarks"/>.
/// </summary>
public static class LegacyReportExcel
{
    private const uint HeaderStyle = 1;
    private const uint DateTimeStyle = 2;

    public static byte[] Matrix(TrackingMatrix matrix, string planLabel)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"Bảng theo dõi báo cáo — {planLabel}" },
            new object?[] { $"Lập lúc {VietnamTime.FormatDateTime(matrix.Now)}" },
        };
        var header = new List<object?> { new Header("STT"), new Header("Đơn vị") };
        foreach (var p in matrix.Periods)
        {
            header.AddRange([new Header($"{p.Name} — trạng thái"), new Header("Thời điểm nộp"), new Header("Đúng hạn / muộn"), new Header("Hoàn thành")]);
        }
        rows.Add(header);
        var i = 0;
        foreach (var row in matrix.Rows)
        {
            var line = new List<object?> { ++i, row.UnitName };
            foreach (var cell in row.Cells)
            {
                line.Add(cell.State.Label());
                line.Add(cell.SubmittedAt);
                line.Add(cell.OnTime switch
                {
                    true => "Đúng hạn",
                    false => $"Muộn {cell.DaysLate} ngày",
                    null => cell.DaysOverdue > 0 ? $"Quá hạn {cell.DaysOverdue} ngày" : "",
                });
                line.Add($"{cell.Completeness}%");
            }
            rows.Add(line);
        }
        rows.Add([]);
        foreach (var p in matrix.Periods)
        {
            rows.Add([$"{p.Name} ({p.Deadline})", $"Phải báo cáo: {p.Rates.Expected}", $"Đã nộp: {p.Rates.Submitted}", $"Đúng hạn: {p.Rates.OnTime}",
                $"Tỷ lệ báo cáo: {PeriodRates.Percent(p.Rates.ReportingRate)}", $"Tỷ lệ đúng hạn: {PeriodRates.Percent(p.Rates.TimelyRate)}"]);
        }
        return Build("Bảng theo dõi", rows, [6, 40, .. matrix.Periods.SelectMany(_ => new double[] { 18, 18, 16, 12 })]);
    }

    public static byte[] CallList(TrackingMatrix matrix, int periodId)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var period = matrix.Periods.First(p => p.Id == periodId);
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"Danh sách đơn vị chưa nộp báo cáo — {period.Name}" },
            new object?[] { $"Hạn: {period.Deadline}; lập lúc {VietnamTime.FormatDateTime(matrix.Now)}" },
            new object?[] { new Header("STT"), new Header("Đơn vị"), new Header("Người liên hệ"), new Header("Điện thoại"), new Header("E-mail"), new Header("Trạng thái"), new Header("Thời hạn") },
        };
        var i = 0;
        foreach (var entry in matrix.CallList(periodId))
        {
            rows.Add([++i, entry.UnitName, entry.ContactName, entry.Phone, entry.Email, entry.State.Label(), entry.Countdown]);
        }
        return Build("Danh sách gọi", rows, [6, 40, 24, 16, 32, 18, 18]);
    }

    private sealed record Header(string Text);

    private static byte[] Build(string sheetName, List<IReadOnlyList<object?>> rows, IReadOnlyList<double> widths)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 0;
            foreach (var values in rows)
            {
                r++;
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Count; c++)
                {
                    if (Cell(values[c], ColumnName(c) + r) is { } cell)
                    {
                        row.Append(cell);
                    }
                }
                data.Append(row);
            }
            var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
            sheetPart.Worksheet = new Worksheet(columns, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell? Cell(object? value, string reference) => value switch
    {
        null => null,
        Header h => new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = HeaderStyle, InlineString = new InlineString(new Text(StoredText.Normalise(h.Text))) },
        string s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(StoredText.Normalise(s)) { Space = SpaceProcessingModeValues.Preserve }) },
        int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
        DateTimeOffset at => new Cell { CellReference = reference, StyleIndex = DateTimeStyle, CellValue = new CellValue(VietnamTime.ToLocal(at).DateTime.ToOADate()) },
        _ => throw new ArgumentException($"Unsupported cell value {value.GetType()}.", nameof(value)),
    };

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
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
