using System.ComponentModel.DataAnnotations;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Admin;

public sealed record UnitRow(int Id, string Code, string Name, UnitKind Kind, bool MustReport, int SortOrder,
    string? ContactName, string? Phone, string? Email, bool IsActive, int Version);

/// <summary>The unit form. Messages are what the user reads at the field.</summary>
public sealed class UnitForm
{
    public int Id { get; set; }
    public int Version { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập mã đơn vị.")]
    [MaxLength(30, ErrorMessage = "Mã đơn vị tối đa 30 ký tự.")]
    [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Mã đơn vị chỉ gồm chữ không dấu, số và dấu gạch ngang.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
    [MaxLength(200, ErrorMessage = "Tên đơn vị tối đa 200 ký tự.")]
    public string Name { get; set; } = "";

    public UnitKind Kind { get; set; } = UnitKind.Department;
    public bool MustReport { get; set; } = true;

    [Range(0, 100000, ErrorMessage = "Thứ tự phải từ 0 đến 100000.")]
    public int SortOrder { get; set; }

    [MaxLength(100, ErrorMessage = "Tên người liên hệ tối đa 100 ký tự.")]
    public string? ContactName { get; set; }

    [MaxLength(30, ErrorMessage = "Số điện thoại tối đa 30 ký tự.")]
    [RegularExpression(@"^[0-9+() .-]*$", ErrorMessage = "Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -")]
    public string? Phone { get; set; }

    [MaxLength(200, ErrorMessage = "E-mail tối đa 200 ký tự.")]
    [EmailAddress(ErrorMessage = "E-mail không đúng định dạng (ví dụ: phongnoivu@laichau.gov.vn).")]
    public string? Email { get; set; }

    public bool IsActive { get; set; } = true;

    public static UnitForm From(UnitRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new()
        {
            Id = row.Id,
            Version = row.Version,
            Code = row.Code,
            Name = row.Name,
            Kind = row.Kind,
            MustReport = row.MustReport,
            SortOrder = row.SortOrder,
            ContactName = row.ContactName,
            Phone = row.Phone,
            Email = row.Email,
            IsActive = row.IsActive,
        };
    }
}

public static class UnitKinds
{
    public static readonly IReadOnlyList<UnitKind> All = Enum.GetValues<UnitKind>();

    public static string Label(this UnitKind kind) => kind switch
    {
        UnitKind.Department => "Phòng, ban",
        UnitKind.PublicServiceUnit => "Đơn vị sự nghiệp",
        UnitKind.Ward => "Phường",
        UnitKind.Commune => "Xã",
        UnitKind.PartyBody => "Cơ quan Đảng",
        _ => kind.ToString(),
    };
}

public sealed class UnitAdminService(IDbContextFactory<CchcDbContext> dbFactory, AuditLog audit, ILogger<UnitAdminService> logger)
{
    public async Task<IReadOnlyList<UnitRow>> GetUnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.MustReport, u.SortOrder, u.ContactName, u.Phone, u.Email, u.IsActive, u.Version))
            .ToListAsync(ct);
    }

    /// <summary>Creates (Id 0) or updates a unit. Refuses invalid input, a duplicate code and a stale edit.</summary>
    public async Task<SaveResult> SaveAsync(UnitForm form, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        var code = form.Code.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Units.AnyAsync(u => u.Code == code && u.Id != form.Id, ct))
        {
            return SaveResult.Fail(nameof(UnitForm.Code), $"Mã đơn vị '{code}' đã được dùng cho đơn vị khác.");
        }

        Unit unit;
        if (form.Id == 0)
        {
            unit = new Unit();
            db.Units.Add(unit);
        }
        else
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == form.Id, ct)
                ?? throw new KeyNotFoundException($"Unit {form.Id} not found.");
            db.Entry(unit).Property(u => u.Version).OriginalValue = form.Version;
        }

        unit.Code = code;
        unit.Name = form.Name.Trim();
        unit.Kind = form.Kind;
        unit.MustReport = form.MustReport;
        unit.SortOrder = form.SortOrder;
        unit.ContactName = Clean(form.ContactName);
        unit.Phone = Clean(form.Phone);
        unit.Email = Clean(form.Email);
        unit.IsActive = form.IsActive;

        try
        {
            audit.Record(db, actor, form.Id == 0 ? "unit.create" : "unit.update", unit, $"{unit.Code} — {unit.Name}");
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Stale edit of unit {UnitId} refused.", form.Id);
            return SaveResult.Fail("", "Đã có người khác cập nhật đơn vị này. Hãy đóng và mở lại để xem bản mới nhất; nội dung bạn nhập vẫn còn trong biểu mẫu.");
        }
        form.Id = unit.Id;
        form.Version = unit.Version;
        return SaveResult.Ok;
    }

    private static Dictionary<string, string> Validate(UnitForm form)
    {
        var errors = FormValidation.Validate(form);
        if (!Enum.IsDefined(form.Kind))
        {
            errors.TryAdd(nameof(UnitForm.Kind), "Loại đơn vị không hợp lệ.");
        }
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
