using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LaiChau.CchcDashboard.Common;

public static class HealthExtensions
{
    /// <summary>
    /// GET /health of this instance: 200 while the database answers (Healthy or Degraded), 503 when it
    /// does not. The body's first line is the overall status; then one line per check (the database,
    /// the PDF font, the job store and, on PostgreSQL, the live-update relay) with its status and what
    /// it found — never an exception's text or a connection string.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
    }

    /// <summary>The report as text: "Healthy" on the first line, then "name: Status — description" per check.</summary>
    public static string Format(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder().Append(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {entry.Status}");
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(" — ").Append(entry.Description);
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Format(report), context.RequestAborted);
    }
}
