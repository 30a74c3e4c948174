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
    /// The four documents of <see cref="DocumentLinks"/>, opened inline in a new tab. GET and HEAD
    /// answer alike. Every route runs as the request's <see cref="CurrentUser"/>; a refusal is a 403
    /// audited by <see cref="AccessGuard"/>.
    /// </summary>
    public static void MapDocumentEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/documents");
        group.MapMethods("/reports/{reportId:int}.pdf", GetAndHead, GetUnitReportPdfAsync).WithAccess("report");
        group.MapMethods("/periods/{periodId:int}/outline.pdf", GetAndHead, GetOutlinePdfAsync).WithAccess("document");
        group.MapMethods("/periods/{periodId:int}/consolidated.pdf", GetAndHead, GetConsolidatedPdfAsync)
            .WithAccess("document", AppPolicies.CityWide, "Báo cáo tổng hợp dành cho Phòng Nội vụ, Lãnh đạo và Quản trị.");
        group.MapMethods("/plans/{planId:int}.pdf", GetAndHead, GetPlanPdfAsync).WithAccess("document");
    }

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A unit's report: its own staff and the city-wide roles (<see cref="ReportService.FindReadableAsync"/>).</summary>
    public static async Task<IResult> GetUnitReportPdfAsync(int reportId, CurrentUser currentUser, ReportService reports, DocumentDataService data,
        DocumentFonts fonts, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!await reports.FindReadableAsync(await currentUser.GetAsync(ct), reportId, "pdf", ct))
        {
            return NotFound("Không tìm thấy báo cáo.");
        }
        var report = (await data.GetUnitReportAsync(reportId, ct))!;
        return Pdf(http, fonts, $"bao-cao-{report.Period.Slug}-{Slug(report.UnitName)}.pdf", () => UnitReportDocument.Build(report, clock.GetUtcNow()));
    }

    public static async Task<IResult> GetOutlinePdfAsync(int periodId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        var period = await data.GetPeriodAsync(periodId, ct);
        return period is null
            ? NotFound("Không tìm thấy kỳ báo cáo.")
            : Pdf(http, fonts, $"de-cuong-bao-cao-{period.Slug}.pdf", () => BlankOutlineDocument.Build(period, clock.GetUtcNow()));
    }

    /// <summary>The city's consolidated report: <see cref="AppPolicies.CityWide"/> only.</summary>
    public static async Task<IResult> GetConsolidatedPdfAsync(int periodId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var consolidated = await data.GetConsolidatedAsync(periodId, ct);
        return consolidated is null
            ? NotFound("Không tìm thấy kỳ báo cáo.")
            : Pdf(http, fonts, $"bao-cao-tong-hop-{consolidated.Period.Slug}.pdf", () => ConsolidatedReportDocument.Build(consolidated, clock.GetUtcNow()));
    }

    public static async Task<IResult> GetPlanPdfAsync(int planId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        var plan = await data.GetPlanAsync(planId, ct);
        return plan is null
            ? NotFound("Không tìm thấy kế hoạch.")
            : Pdf(http, fonts, $"ke-hoach-{Slug(plan.Number)}-{plan.Year}.pdf", () => PlanDocument.Build(plan, clock.GetUtcNow()));
    }

    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);

    // The one place a document is written to the response: 503 without a usable font, otherwise inline with an ASCII name.
    private static IResult Pdf(HttpContext http, DocumentFonts fonts, string fileName, Func<DocumentSpec> compose)
    {
        if (fonts.TryGet() is null)
        {
            return Results.Text(DocumentFonts.MissingMessage, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        }
        var bytes = PdfRenderer.Render(compose());
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = fileName }.ToString();
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
