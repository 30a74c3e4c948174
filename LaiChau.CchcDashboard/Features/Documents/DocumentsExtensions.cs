using System.Globalization;
using System.Text;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Documents.Fonts;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Net.Http.Headers;

namespace LaiChau.CchcDashboard.Features.Documents;

public static class DocumentsExtensions
{
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DocumentFonts>();
        builder.Services.AddTransient<DocumentDataService>();
        builder.Services.AddHealthChecks().AddCheck<DocumentFontsHealthCheck>("pdf-fonts");
        return builder;
    }

    /// <summary>
    /// The four documents of <see cref="DocumentLinks"/>: PDF opened inline in a new tab, and the
    /// same document as .docx at the same address (same handler, same access rules, same file name).
    /// GET and HEAD answer alike. Every route runs as the request's <see cref="CurrentUser"/>; a
    /// refusal is a 403 audited by <see cref="AccessGuard"/>.
    /// </summary>
    public static void MapDocumentEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/documents");
        foreach (var extension in new[] { "pdf", "docx" })
        {
            group.MapMethods($"/reports/{{reportId:int}}.{extension}", GetAndHead, GetUnitReportAsync).WithAccess("report");
            group.MapMethods($"/periods/{{periodId:int}}/outline.{extension}", GetAndHead, GetOutlineAsync).WithAccess("document");
            group.MapMethods($"/periods/{{periodId:int}}/consolidated.{extension}", GetAndHead, GetConsolidatedAsync)
                .WithAccess("document", AppPolicies.CityWide, "Báo cáo tổng hợp dành cho Phòng Nội vụ, Lãnh đạo và Quản trị.");
            group.MapMethods($"/plans/{{planId:int}}.{extension}", GetAndHead, GetPlanAsync).WithAccess("document");
        }
    }

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A unit's report: its own staff and the city-wide roles (<see cref="ReportService.FindReadableAsync"/>).</summary>
    public static async Task<IResult> GetUnitReportAsync(int reportId, CurrentUser currentUser, ReportService reports, DocumentDataService data,
        DocumentFonts fonts, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!await reports.FindReadableAsync(await currentUser.GetAsync(ct), reportId, Extension(http), ct))
        {
            return NotFound("Không tìm thấy báo cáo.");
        }
        var report = (await data.GetUnitReportAsync(reportId, ct))!;
        return Render(http, fonts, $"bao-cao-{report.Period.Slug}-{Slug(report.UnitName)}", () => UnitReportDocument.Build(report, clock.GetUtcNow()));
    }

    public static async Task<IResult> GetOutlineAsync(int periodId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        var period = await data.GetPeriodAsync(periodId, ct);
        return period is null
            ? NotFound("Không tìm thấy kỳ báo cáo.")
            : Render(http, fonts, $"de-cuong-bao-cao-{period.Slug}", () => BlankOutlineDocument.Build(period, clock.GetUtcNow()));
    }

    /// <summary>The city's consolidated report: <see cref="AppPolicies.CityWide"/> only.</summary>
    public static async Task<IResult> GetConsolidatedAsync(int periodId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var consolidated = await data.GetConsolidatedAsync(periodId, ct);
        return consolidated is null
            ? NotFound("Không tìm thấy kỳ báo cáo.")
            : Render(http, fonts, $"bao-cao-tong-hop-{consolidated.Period.Slug}", () => ConsolidatedReportDocument.Build(consolidated, clock.GetUtcNow()));
    }

    public static async Task<IResult> GetPlanAsync(int planId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        var plan = await data.GetPlanAsync(planId, ct);
        return plan is null
            ? NotFound("Không tìm thấy kế hoạch.")
            : Render(http, fonts, $"ke-hoach-{Slug(plan.Number)}-{plan.Year}", () => PlanDocument.Build(plan, clock.GetUtcNow()));
    }

    /// <summary>"pdf" or "docx": the kind of document the address asks for (and the word in an audited refusal).</summary>
    private static string Extension(HttpContext http) =>
        http.Request.Path.Value?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true ? "docx" : "pdf";

    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);

    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// One composition, two writers: the address's extension picks PDF (inline) or Word (a download
    /// to edit). Word needs the fonts too: they size the short rules under the header lines.
    /// </summary>
    private static IResult Render(HttpContext http, DocumentFonts fonts, string baseName, Func<DocumentSpec> compose)
    {
        if (fonts.TryGet() is null)
        {
            return Results.Text(DocumentFonts.MissingMessage, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        }
        var spec = compose();
        if (Extension(http) == "docx")
        {
            using var measurer = new PdfTextMeasurer();
            var word = DocxWriter.Write(spec, measurer);
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = baseName + ".docx" }.ToString();
            return Results.Bytes(word, WordContentType);
        }
        var bytes = PdfRenderer.Render(spec);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = baseName + ".pdf" }.ToString();
        return Results.Bytes(bytes, "application/pdf");
    }

    /// <summary>"Phường Tân Phong" → "phuong-tan-phong": ASCII, lowercase, dashes.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(char.ToLowerInvariant(ch));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().Trim('-');
    }
}

/// <summary>Degraded (not unhealthy) without a usable font: only the PDFs are unavailable.</summary>
public sealed class DocumentFontsHealthCheck(DocumentFonts fonts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(fonts.Probe.IsAvailable
            ? HealthCheckResult.Healthy($"PDF: {fonts.Probe.Fonts!.Name}")
            : HealthCheckResult.Degraded(DocumentFonts.MissingMessage));
}
