using System.Diagnostics;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using LaiChau.CchcDashboard.Tests.E2E;
using UglyToad.PdfPig;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

/// <summary>
/// A Word file as another word processor lays it out: LibreOffice (Debian libreoffice-writer-nogui)
/// turns the .docx into a PDF, which must carry the same words on as many pages as the app's own PDF.
/// Without soffice the test is skipped locally and fails in CI.
/// </summary>
public sealed class DocxLibreOfficeTests
{
    private const string Soffice = "/usr/bin/soffice";

    public DocxLibreOfficeTests() => TestFonts.Require();

    [Fact]
    public async Task UnitReport_ConvertedByLibreOffice_HasThePdfsWordsAndPageCount()
    {
        RequireSoffice();
        var spec = UnitReportDocument.Build(DocumentSamples.UnitReport(documents: 6), DocumentSamples.Now);
        using var measurer = new PdfTextMeasurer();
        var docx = DocxWriter.Write(spec, measurer);
        var ownPdf = PdfRenderer.Render(spec);

        var converted = await ConvertAsync(docx);

        using var own = PdfDocument.Open(ownPdf);
        using var other = PdfDocument.Open(converted);
        Assert.Equal(own.NumberOfPages, other.NumberOfPages);
        Assert.Equal(Words(own), Words(other));
        // The page number is printed in the top margin of page 2 and not on page 1.
        Assert.DoesNotContain(other.GetPage(1).GetWords(), w => w.BoundingBox.Bottom > other.GetPage(1).Height - PdfReadBack.Mm(20));
        Assert.Contains(other.GetPage(2).GetWords(), w => w.Text == "2" && w.BoundingBox.Bottom > other.GetPage(2).Height - PdfReadBack.Mm(20));
    }

    /// <summary>The words of the body (page numbers left out), sorted: the same text, whatever the line breaks.</summary>
    private static List<string> Words(PdfDocument pdf) =>
        [.. pdf.GetPages()
            .SelectMany(p => p.GetWords().Where(w => w.BoundingBox.Bottom <= p.Height - PdfReadBack.Mm(20)))
            .SelectMany(w => w.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('…', '.'))
            .Where(w => w.Length > 0)
            .Order(StringComparer.Ordinal)];

    private static void RequireSoffice()
    {
        if (File.Exists(Soffice))
        {
            return;
        }
        if (BrowserFixture.InCi)
        {
            Assert.Fail($"LibreOffice not found at {Soffice}: CI installs libreoffice-writer-nogui.");
        }
        Assert.Skip($"LibreOffice not found at {Soffice}; install Debian's libreoffice-writer-nogui to run this test.");
    }

    private static async Task<byte[]> ConvertAsync(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("cchc-docx-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.docx");
            await File.WriteAllBytesAsync(input, docx, TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(Soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            // Its own profile folder: several conversions (or an open LibreOffice) never share one.
            foreach (var arg in new[] { $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder.FullName, input })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            Assert.True(File.Exists(pdf), $"soffice exited {process.ExitCode}: {await output} {await error}");
            if (Environment.GetEnvironmentVariable("CCHC_PDF_DUMP") is { Length: > 0 } dump)
            {
                File.Copy(pdf, Path.Combine(dump, "UnitReport_ConvertedByLibreOffice.pdf"), overwrite: true);
            }
            return await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
