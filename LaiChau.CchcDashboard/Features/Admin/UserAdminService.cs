using System.ComponentModel.DataAnnotations;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Admin;

public sealed record UserRow(string Id, string UserName, string FullName, string? Email, string? Role, int? UnitId, string? UnitName, bool IsLocked);

public sealed class UserForm
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    [MaxLength(64, ErrorMessage = "Tên đăng nhập tối đa 64 ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9._@-]+$", ErrorMessage = "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự . _ @ -")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
    [MaxLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập e-mail.")]
    [MaxLength(200, ErrorMessage = "E-mail tối đa 200 ký tự.")]
    [EmailAddress(ErrorMessage = "E-mail không đúng định dạng (ví dụ: canbo@laichau.gov.vn).")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    public string? Role { get; set; }

    public int? UnitId { get; set; }

    /// <summary>Required when creating; when editing, empty keeps the current password.</summary>
    [MaxLength(100, ErrorMessage = "Mật khẩu tối đa 100 ký tự.")]
    public string? Password { get; set; }

    public static UserForm From(UserRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new() { Id = row.Id, UserName = row.UserName, FullName = row.FullName, Email = row.Email ?? "", Role = row.Role, UnitId = row.UnitId };
    }
}

/// <summary>User administration. Each operation gets its own scope so no DbContext lives as long as a circuit.</summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes,
    IDbContextFactory<CchcDbContext> dbFactory,
    AuditLog audit,
    [FromKeyedServices(ClockExtensions.RealClock)] TimeProvider realClock)
{
    public async Task<IReadOnlyList<UserRow>> GetUsersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Lockout ends are real instants (Identity writes them from the real clock), also in demo mode.
        var now = realClock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.FullName, u.Email, u.UnitId, UnitName = u.Unit != null ? u.Unit.Name : null, u.LockoutEnd })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleByUser = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name);
        return [.. users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName, u.Email, roleByUser.GetValueOrDefault(u.Id), u.UnitId, u.UnitName,
            u.LockoutEnd is { } end && end > now))];
    }

    public async Task<SaveResult> SaveAsync(UserForm form, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        // Phòng Nội vụ manages accounts but must not be able to grant (or take over) administration.
        if (!actor.IsAdministrator && (form.Role == AppRoles.Administrator
            || (form.Id is not null && await IsAdministratorAsync(db, form.Id, ct))))
        {
            return SaveResult.Fail(nameof(UserForm.Role), "Chỉ Quản trị mới được cấp hoặc sửa tài khoản có vai trò Quản trị.");
        }
        if (form.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return SaveResult.Fail(nameof(UserForm.UnitId), "Đơn vị không tồn tại.");
        }

        var creating = form.Id is null;
        AppUser user;
        if (creating)
        {
            user = new AppUser { EmailConfirmed = true };
        }
        else
        {
            user = await users.FindByIdAsync(form.Id!) ?? throw new KeyNotFoundException($"User {form.Id} not found.");
        }
        // A new role or unit changes what the account may see: open sessions must sign in again.
        var accessChanged = !creating && user.UnitId != form.UnitId;
        user.UserName = form.UserName.Trim();
        user.Email = form.Email.Trim();
        user.FullName = form.FullName.Trim();
        user.UnitId = form.UnitId;

        var result = creating ? await users.CreateAsync(user, form.Password!) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return new SaveResult(MapIdentityErrors(result));
        }
        if (!creating && !string.IsNullOrEmpty(form.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, form.Password);
            if (!reset.Succeeded)
            {
                return new SaveResult(MapIdentityErrors(reset));
            }
        }

        var currentRoles = await users.GetRolesAsync(user);
        if (!currentRoles.SequenceEqual([form.Role!]))
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, form.Role!);
            accessChanged |= !creating;
        }
        if (accessChanged)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        // The password itself never reaches the audit log.
        audit.Record(db, actor.Id, actor.UserName, creating ? "user.create" : "user.update", nameof(AppUser), user.Id,
            $"{user.UserName}, vai trò {AppRoles.DisplayName(form.Role!)}, đơn vị {form.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}");
        await db.SaveChangesAsync(ct);
        form.Id = user.Id;
        form.Password = null;
        return SaveResult.Ok;
    }

    public async Task<SaveResult> SetLockedAsync(string userId, bool locked, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (locked && userId == actor.Id)
        {
            return SaveResult.Fail("", "Bạn không thể tự khóa tài khoản của mình.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        if (!actor.IsAdministrator && await IsAdministratorAsync(db, userId, ct))
        {
            return SaveResult.Fail("", "Chỉ Quản trị mới được khóa hoặc mở khóa tài khoản Quản trị.");
        }
        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"User {userId} not found.");
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? SessionCheck.AdministratorLockEnd : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        // A locked user's existing sign-in cookie stops working at its next validation.
        await users.UpdateSecurityStampAsync(user);
        audit.Record(db, actor.Id, actor.UserName, locked ? "user.lock" : "user.unlock", nameof(AppUser), user.Id, user.UserName);
        await db.SaveChangesAsync(ct);
        return SaveResult.Ok;
    }

    private static Task<bool> IsAdministratorAsync(CchcDbContext db, string userId, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where ur.UserId == userId && r.Name == AppRoles.Administrator
         select ur).AnyAsync(ct);

    private static Dictionary<string, string> Validate(UserForm form)
    {
        var errors = FormValidation.Validate(form);
        if (form.Role is not null && !AppRoles.All.Contains(form.Role))
        {
            errors.TryAdd(nameof(UserForm.Role), "Vai trò không hợp lệ.");
        }
        if (form.Role == AppRoles.Unit && form.UnitId is null)
        {
            errors.TryAdd(nameof(UserForm.UnitId), "Người dùng vai trò Đơn vị phải thuộc một đơn vị.");
        }
        if (form.Id is null && string.IsNullOrEmpty(form.Password))
        {
            errors.TryAdd(nameof(UserForm.Password), "Vui lòng đặt mật khẩu cho tài khoản mới.");
        }
        return errors;
    }

    private static Dictionary<string, string> MapIdentityErrors(IdentityResult result)
    {
        var errors = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => nameof(UserForm.UserName),
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => nameof(UserForm.Email),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(UserForm.Password),
                _ => "",
            };
            errors[field] = errors.TryGetValue(field, out var existing) ? existing + " " + error.Description : error.Description;
        }
        return errors;
    }
}
