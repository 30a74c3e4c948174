using System.Globalization;
using System.Security.Claims;
using System.Text;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Documents.Fonts;
using LaiChau.CchcDashboard.Features.Documents.Layout;
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

    /// <summary>The four documents of <see cref="DocumentLinks"/>, opened inline in a new tab.</summary>
    public static void MapDocumentEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/documents").RequireAuthorization();

        group.MapGet("/reports/{reportId:int}.pdf", async (int reportId, ClaimsPrincipal user, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var unitId = await data.UnitOfReportAsync(reportId, ct);
            if (unitId is null)
            {
                return NotFound("Không tìm thấy báo cáo.");
            }
            if (!IsCityLevel(user) && await data.UnitOfUserAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct) != unitId)
            {
                return Forbidden("Bạn chỉ được in báo cáo của đơn vị mình.");
            }
            var report = (await data.GetUnitReportAsync(reportId, ct))!;
            return Pdf(http, fonts, $"bao-cao-{report.Period.Slug}-{Slug(report.UnitName)}.pdf", () => UnitReportDocument.Build(report, clock.GetUtcNow()));
        });

        group.MapGet("/periods/{periodId:int}/outline.pdf", async (int periodId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var period = await data.GetPeriodAsync(periodId, ct);
            return period is null
                ? NotFound("Không tìm thấy kỳ báo cáo.")
                : Pdf(http, fonts, $"de-cuong-bao-cao-{period.Slug}.pdf", () => BlankOutlineDocument.Build(period, clock.GetUtcNow()));
        });

        group.MapGet("/periods/{periodId:int}/consolidated.pdf", async (int periodId, ClaimsPrincipal user, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (!IsCityLevel(user))
            {
                return Forbidden("Báo cáo tổng hợp dành cho Phòng Nội vụ, Lãnh đạo và Quản trị.");
            }
            var consolidated = await data.GetConsolidatedAsync(periodId, ct);
            return consolidated is null
                ? NotFound("Không tìm thấy kỳ báo cáo.")
                : Pdf(http, fonts, $"bao-cao-tong-hop-{consolidated.Period.Slug}.pdf", () => ConsolidatedReportDocument.Build(consolidated, clock.GetUtcNow()));
        });

        group.MapGet("/plans/{planId:int}.pdf", async (int planId, DocumentDataService data, DocumentFonts fonts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var plan = await data.GetPlanAsync(planId, ct);
            return plan is null
                ? NotFound("Không tìm thấy kế hoạch.")
                : Pdf(http, fonts, $"ke-hoach-{Slug(plan.Number)}-{plan.Year}.pdf", () => PlanDocument.Build(plan, clock.GetUtcNow()));
        });
    }

    private static bool IsCityLevel(ClaimsPrincipal user) =>
        user.IsInRole(AppRoles.HomeAffairs) || user.IsInRole(AppRoles.Leadership) || user.IsInRole(AppRoles.Administrator);

    private static IResult Forbidden(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);

    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);

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
