using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.Features.Dashboard;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using static LaiChau.CchcDashboard.Tests.Features.Reports.ReportTestData;

namespace LaiChau.CchcDashboard.Tests.Features.Reports;

/// <summary>
/// The exports of a whole province: with 5,000 reporting units both .xlsx files are complete (one
/// row per unit, in the matrix's order) and open with the Open XML SDK, even when written forward
/// only into a stream that cannot seek (as a response body is).
/// </summary>
public sealed class ProvinceExportTests
{
    private const int Units = 5_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exports_OfAProvince_OpenWithOpenXmlAndHaveEveryUnit()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await ProvinceTestData.GrowToAsync(database, Units, Ct);
        var plan = await PlanTestData.PlanAsync(database.Factory);
        var matrix = await Tracking(database, TestClock.At(TestClock.Local(2020, 5, 26, 9))).GetMatrixAsync(HomeAffairs, plan.PlanId, Ct);
        Assert.Equal(Units, matrix.Rows.Count);
        var periodId = matrix.Periods[0].Id;
        var owing = matrix.CallList(periodId);
        Assert.InRange(owing.Count, 1, Units - 1);

        var matrixRows = ReadRows(Write(s => ReportExcel.WriteMatrix(s, matrix, "Kế hoạch 93/KH-UBND")));
        var callRows = ReadRows(Write(s => ReportExcel.WriteCallList(s, matrix, periodId)));

        // Title, time, header; one row per unit numbered 1..N in the matrix's order; a blank row; one rates row per period.
        Assert.Equal(3 + Units + 1 + matrix.Periods.Count, matrixRows.Count);
        Assert.Equal(matrix.Rows.Select((r, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.UnitName)),
            matrixRows.Skip(3).Take(Units).Select(r => (r["A"], r["B"])));
        var unitRows = matrixRows.Skip(3).Take(Units).ToList();
        for (var k = 0; k < matrix.Periods.Count; k++)
        {
            var stateColumn = ReportExcel.ColumnName(2 + 4 * k);
            var completenessColumn = ReportExcel.ColumnName(5 + 4 * k);
            Assert.Equal(matrix.Rows.Select(r => (r.Cells[k].State.Label(), $"{r.Cells[k].Completeness}%")),
                unitRows.Select(r => (r[stateColumn], r[completenessColumn])));
        }
        Assert.Equal($"Phải báo cáo: {matrix.Periods[0].Rates.Expected}", matrixRows[^matrix.Periods.Count]["B"]);
        Assert.Equal(3 + owing.Count, callRows.Count);
        Assert.Equal(owing.Select(e => (e.UnitName, e.Phone)), callRows.Skip(3).Select(r => (r["B"], r.GetValueOrDefault("D"))));
    }

    private static byte[] Write(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            write(forwardOnly);
        }
        return buffer.ToArray();
    }

    /// <summary>Every row of the only sheet, as column letter → text, read with the SDK's streaming reader.</summary>
    private static List<Dictionary<string, string>> ReadRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var rows = new List<Dictionary<string, string>>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                var row = (Row)reader.LoadCurrentElement()!;
                Assert.Equal((uint)rows.Count + 1, row.RowIndex!.Value);
                rows.Add(row.Elements<Cell>().ToDictionary(
                    c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()),
                    c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? ""));
            }
        }
        return rows;
    }

    /// <summary>A stream that can only be written forward, like a response body.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
