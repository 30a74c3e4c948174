using System.Security.Claims;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Account;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Reports;

public static class ReportsExtensions
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<ReportTrackingService>();
        return builder;
    }

    /// <summary>The .xlsx exports: GET /reports/export/matrix.xlsx?planId= and /reports/export/calls.xlsx?periodId=.</summary>
    public static void MapReportEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/reports/export");
        group.MapGet("/matrix.xlsx", async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound>> (
            int planId, HttpContext http, ReportTrackingService tracking, IDbContextFactory<CchcDbContext> dbFactory, CancellationToken ct) =>
        {
            var user = await UserAsync(http, dbFactory, ct);
            if (user is null || !ReportTrackingService.CanTrack(user))
            {
                return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Number, p.Year }).FirstOrDefaultAsync(ct);
            if (plan is null)
            {
                return TypedResults.NotFound();
            }
            var matrix = await tracking.GetMatrixAsync(user, planId, ct);
            var label = string.IsNullOrEmpty(plan.Number) ? $"Kế hoạch năm {plan.Year}" : $"Kế hoạch {plan.Number}";
            return TypedResults.File(ReportExcel.Matrix(matrix, label), XlsxType, $"bang-theo-doi-bao-cao-{plan.Year}.xlsx");
        });
        group.MapGet("/calls.xlsx", async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound>> (
            int periodId, HttpContext http, ReportTrackingService tracking, IDbContextFactory<CchcDbContext> dbFactory, CancellationToken ct) =>
        {
            var user = await UserAsync(http, dbFactory, ct);
            if (user is null || !ReportTrackingService.CanTrack(user))
            {
                return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var planId = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => (int?)p.PlanId).FirstOrDefaultAsync(ct);
            if (planId is null)
            {
                return TypedResults.NotFound();
            }
            var matrix = await tracking.GetMatrixAsync(user, planId.Value, ct);
            return TypedResults.File(ReportExcel.CallList(matrix, periodId), XlsxType, $"danh-sach-chua-nop-ky-{periodId}.xlsx");
        });
    }

    // Endpoints run outside a circuit, so the user comes from the request's principal, not CurrentUser.
    private static async Task<UserInfo?> UserAsync(HttpContext http, IDbContextFactory<CchcDbContext> dbFactory, CancellationToken ct)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.UserName, u.FullName, u.UnitId, UnitName = u.Unit != null ? u.Unit.Name : null }).FirstOrDefaultAsync(ct);
        return row is null ? null : new UserInfo(id, row.UserName ?? "", row.FullName, [.. http.User.FindAll(ClaimTypes.Role).Select(c => c.Value)], row.UnitId, row.UnitName);
    }

    public static string MatrixXlsx(int planId) => $"/reports/export/matrix.xlsx?planId={planId}";

    public static string CallListXlsx(int periodId) => $"/reports/export/calls.xlsx?periodId={periodId}";
}
