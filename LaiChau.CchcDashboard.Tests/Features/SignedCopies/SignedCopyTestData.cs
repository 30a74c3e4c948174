using System.Text;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.SignedCopies;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Tests.Features.SignedCopies;

/// <summary>Files made in the test (a small PDF, a PNG, a renamed executable) and a service over a real store.</summary>
public static class SignedCopyTestData
{
    public static readonly DateOnly IssuedOn = new(2020, 5, 15);

    /// <summary>A one-page PDF, as a scanner writes it (enough for the browser and for the magic bytes).</summary>
    public static byte[] SmallPdf(string text = "Ban ky")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var stream = $"BT /F1 24 Tf 72 760 Td ({text}) Tj ET";
        objects[3] = $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] SmallPng() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>The start of a Windows executable ("MZ"), whatever it is named.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static DiskFileStore DiskStore(string folder) =>
        new(Options.Create(new SignedCopyOptions { Folder = folder }), new TestHostEnvironment(folder));

    public static SignedCopyService Service(TestDatabase db, TimeProvider clock, IFileStore store, ChangeNotifier? notifier = null) =>
        new(db.Factory, store, new AuditLog(clock), new AccessGuard(db.Factory, new AuditLog(clock), NullLogger<AccessGuard>.Instance),
            notifier ?? new ChangeNotifier(NullLogger<ChangeNotifier>.Instance), clock,
            Options.Create(new SignedCopyOptions()), NullLogger<SignedCopyService>.Instance);

    /// <summary>Stores a signed copy row directly, as if the unit had sent it.</summary>
    public static async Task AddSignedCopyAsync(TestDatabase db, int reportId)
    {
        await using var context = db.CreateContext();
        context.SignedCopies.Add(new SignedCopy
        {
            ReportId = reportId,
            OfficialNumber = "12/BC-UBND",
            IssuedOn = IssuedOn,
            ContentType = SignedCopyRules.Pdf,
            Length = 1,
            StorageKey = new string('0', 64),
            UploadedAt = TestClock.DemoStart,
            UploadedByName = "Nguyễn Văn An",
        });
        await context.SaveChangesAsync();
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "LaiChau.CchcDashboard";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
