using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.SignedCopies;

/// <summary>One signed copy in a report's history, newest first; the first is the current one.</summary>
public sealed record SignedCopyRow(int Id, string OfficialNumber, DateOnly IssuedOn, string ContentType, long Length, DateTimeOffset UploadedAt, string UploadedByName)
{
    public string Link => SignedCopyLinks.Copy(Id);

    public string Kind => ContentType switch
    {
        SignedCopyRules.Pdf => "PDF",
        SignedCopyRules.Jpeg => "JPEG",
        SignedCopyRules.Png => "PNG",
        _ => ContentType,
    };
}

/// <summary>A signed copy's bytes with what the browser needs to open it.</summary>
public sealed record SignedCopyFile(byte[] Content, string ContentType, string FileName);

public static class SignedCopyLinks
{
    /// <summary>Opens one signed copy (current or earlier) inline, for those who may read the report.</summary>
    public static string Copy(int copyId) => $"/documents/signed-copies/{copyId}";
}

/// <summary>
/// The signed and stamped copy of a submitted report: upload (checked by content, size and state),
/// history (replacing keeps the earlier ones) and download (same readers as the report, audited).
/// </summary>
public sealed class SignedCopyService(
    IDbContextFactory<CchcDbContext> dbFactory,
    IFileStore files,
    AuditLog audit,
    AccessGuard access,
    ChangeNotifier notifier,
    TimeProvider clock,
    IOptions<SignedCopyOptions> options,
    ILogger<SignedCopyService> logger)
{
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The unit's own staff send the signed copy, once the report counts as submitted.</summary>
    public static bool CanUpload(UserInfo user, int unitId, ReportState state) =>
        user.MayEditReportOf(unitId) && ReportRules.CountsAsSubmitted(state);

    public async Task<IReadOnlyList<SignedCopyRow>> GetHistoryAsync(UserInfo user, int reportId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitId = await db.Reports.Where(r => r.Id == reportId).Select(r => (int?)r.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null)
        {
            return [];
        }
        if (!user.MayRead(unitId.Value))
        {
            throw await DenyAsync(user, "history", reportId, ct);
        }
        var rows = await db.SignedCopies.AsNoTracking().Where(c => c.ReportId == reportId)
            .Select(c => new SignedCopyRow(c.Id, c.OfficialNumber, c.IssuedOn, c.ContentType, c.Length, c.UploadedAt, c.UploadedByName))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(c => c.UploadedAt).ThenByDescending(c => c.Id)];
    }

    /// <summary>
    /// Stores a signed copy. Refused with a message at the field: no number or date, a date in the
    /// future, an empty or too large file, a file that is not PDF/JPEG/PNG by its bytes, or a report
    /// not submitted. <paramref name="fileName"/> is only written to the audit log.
    /// </summary>
    public async Task<SaveResult> UploadAsync(UserInfo user, int reportId, byte[]? content, string? fileName, string? officialNumber, DateOnly? issuedOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.Include(r => r.Period).FirstOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new KeyNotFoundException($"Report {reportId} not found.");
        if (!user.MayEditReportOf(report.UnitId))
        {
            throw await DenyAsync(user, "upload", reportId, ct);
        }
        if (!ReportRules.CountsAsSubmitted(report.State))
        {
            return SaveResult.Fail("", "Chỉ gửi bản ký sau khi đã nộp báo cáo.");
        }
        var errors = new Dictionary<string, string>();
        var number = officialNumber?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            errors["OfficialNumber"] = "Vui lòng nhập số, ký hiệu của văn bản đã ký (ví dụ 12/BC-UBND).";
        }
        else if (number.Length > 50)
        {
            errors["OfficialNumber"] = "Số, ký hiệu tối đa 50 ký tự.";
        }
        if (issuedOn is not { } issued)
        {
            errors["IssuedOn"] = "Vui lòng chọn ngày ban hành văn bản đã ký.";
        }
        else if (issued > VietnamTime.Today(clock))
        {
            errors["IssuedOn"] = "Ngày ban hành không được sau ngày hôm nay.";
        }
        var contentType = CheckFile(content, errors);
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        var key = await files.SaveAsync(content!, ct);
        var now = clock.GetUtcNow();
        var copy = new SignedCopy
        {
            ReportId = report.Id,
            OfficialNumber = number!,
            IssuedOn = issuedOn!.Value,
            ContentType = contentType!,
            Length = content!.LongLength,
            StorageKey = key,
            UploadedAt = now,
            UploadedById = user.Id,
            UploadedByName = user.FullName,
        };
        db.SignedCopies.Add(copy);
        var replaces = await db.SignedCopies.AnyAsync(c => c.ReportId == report.Id, ct);
        audit.Record(db, user.Id, user.UserName, replaces ? "signed-copy.replace" : "signed-copy.upload", nameof(UnitReport), report.Id,
            $"Số {number}, ngày {VietnamTime.FormatDate(issuedOn.Value)}, {contentType}, {content.LongLength.ToString(CultureInfo.InvariantCulture)} byte, SHA-256 {key}"
            + (string.IsNullOrWhiteSpace(fileName) ? "" : $", tệp gửi lên \"{Path.GetFileName(fileName)}\""));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Signed copy of report {ReportId} stored by {User} ({Length} bytes, {ContentType}).", report.Id, user.UserName, content.LongLength, contentType);
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.ReportChanged, report.Period!.PlanId, report.PeriodId, report.UnitId, user.Id));
        return SaveResult.Ok;
    }

    /// <summary>The check the page runs before reading a whole file into memory.</summary>
    public string? CheckSize(long length) =>
        length <= 0 ? SignedCopyRules.EmptyMessage
        : length > MaxBytes ? SignedCopyRules.TooLargeMessage(MaxBytes)
        : null;

    private string? CheckFile(byte[]? content, Dictionary<string, string> errors)
    {
        if (CheckSize(content?.LongLength ?? 0) is { } sizeError)
        {
            errors["File"] = sizeError;
            return null;
        }
        var type = SignedCopyRules.Detect(content);
        if (type is null)
        {
            errors["File"] = SignedCopyRules.WrongKindMessage;
        }
        return type;
    }

    /// <summary>A signed copy for someone who may read its report; every download is audited.</summary>
    public async Task<SignedCopyFile?> OpenAsync(UserInfo user, int copyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var copy = await db.SignedCopies.AsNoTracking().Where(c => c.Id == copyId)
            .Select(c => new { c.Id, c.ReportId, c.Report!.UnitId, UnitName = c.Report.Unit!.Name, c.OfficialNumber, c.ContentType, c.StorageKey })
            .FirstOrDefaultAsync(ct);
        if (copy is null)
        {
            return null;
        }
        if (!user.MayRead(copy.UnitId))
        {
            throw await DenyAsync(user, "download", copy.ReportId, ct);
        }
        var content = await files.ReadAsync(copy.StorageKey, ct);
        if (content is null)
        {
            logger.LogError("Signed copy {CopyId}: file {Key} is missing from the store.", copy.Id, copy.StorageKey);
            return null;
        }
        audit.Record(db, user.Id, user.UserName, "signed-copy.download", nameof(UnitReport), copy.ReportId, $"Bản ký {copy.Id} (số {copy.OfficialNumber})");
        await db.SaveChangesAsync(ct);
        var name = $"ban-ky-{Documents.DocumentsExtensions.Slug(copy.UnitName)}-{Documents.DocumentsExtensions.Slug(copy.OfficialNumber)}.{SignedCopyRules.Extension(copy.ContentType)}";
        return new SignedCopyFile(content, copy.ContentType, name);
    }

    private Task<AccessDeniedException> DenyAsync(UserInfo user, string operation, int reportId, CancellationToken ct) =>
        access.RefuseAsync(user, "signed-copy", operation, nameof(UnitReport), reportId, "Bạn không có quyền với bản ký của báo cáo này.", ct);
}
