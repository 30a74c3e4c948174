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

    /// <summary>The .xlsx exports, for the city-wide roles (<see cref="AppPolicies.CityWide"/>; others get an audited 403).</summary>
    public static void MapReportEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/reports/export").WithAccess("tracking", AppPolicies.CityWide, "Chỉ Phòng Nội vụ, Lãnh đạo và Quản trị tải được bảng theo dõi.");
        group.MapGet("/matrix.xlsx", GetMatrixXlsxAsync);
        group.MapGet("/calls.xlsx", GetCallListXlsxAsync);
    }

    /// <summary>GET /reports/export/matrix.xlsx?planId=: the tracking matrix of a plan.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> GetMatrixXlsxAsync(
        int planId, CurrentUser currentUser, ReportTrackingService tracking, IDbContextFactory<CchcDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Number, p.Year }).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return TypedResults.NotFound();
        }
        var matrix = await tracking.GetMatrixAsync((await currentUser.GetAsync(ct))!, planId, ct);
        var label = string.IsNullOrEmpty(plan.Number) ? $"Kế hoạch năm {plan.Year}" : $"Kế hoạch {plan.Number}";
        return Xlsx(stream => ReportExcel.WriteMatrix(stream, matrix, label), $"bang-theo-doi-bao-cao-{plan.Year}.xlsx");
    }

    /// <summary>GET /reports/export/calls.xlsx?periodId=: the units of a period still to report.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> GetCallListXlsxAsync(
        int periodId, CurrentUser currentUser, ReportTrackingService tracking, IDbContextFactory<CchcDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var planId = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => (int?)p.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null)
        {
            return TypedResults.NotFound();
        }
        var matrix = await tracking.GetMatrixAsync((await currentUser.GetAsync(ct))!, planId.Value, ct);
        return Xlsx(stream => ReportExcel.WriteCallList(stream, matrix, periodId), $"danh-sach-chua-nop-ky-{periodId}.xlsx");
    }

    /// <summary>
    /// The workbook is written to a temporary file (deleted when the response has been sent) and
    /// streamed from there: memory stays constant whatever the number of units, and the writer,
    /// which is synchronous, never blocks on the client.
    /// </summary>
    private static FileStreamHttpResult Xlsx(Action<Stream> write, string fileName)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "cchc-export-" + Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            write(file);
            file.Position = 0;
            return TypedResults.Stream(file, XlsxType, fileName);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static string MatrixXlsx(int planId) => $"/reports/export/matrix.xlsx?planId={planId}";

    public static string CallListXlsx(int periodId) => $"/reports/export/calls.xlsx?periodId={periodId}";
}
