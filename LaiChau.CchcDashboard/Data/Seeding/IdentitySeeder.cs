using System.Security.Cryptography;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Data.Seeding;

public sealed class AdminOptions
{
    public const string SectionName = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>Creates the roles and makes sure at least one administrator exists.</summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roleManager,
    UserManager<AppUser> userManager,
    Microsoft.Extensions.Options.IOptions<AdminOptions> adminOptions,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedRolesAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>
    /// The first administrator comes from configuration (Admin:Email, Admin:Password). Without it,
    /// one is created with a random password that is written to the log once: there is no default
    /// password in production.
    /// </summary>
    public async Task EnsureAdministratorAsync(CancellationToken ct = default)
    {
        if ((await userManager.GetUsersInRoleAsync(AppRoles.Administrator)).Count > 0)
        {
            return;
        }

        var options = adminOptions.Value;
        var email = string.IsNullOrWhiteSpace(options.Email) ? "admin@localhost" : options.Email.Trim();
        var generated = string.IsNullOrEmpty(options.Password);
        var password = generated ? GeneratePassword() : options.Password!;

        var user = await userManager.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Quản trị hệ thống" };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Cannot create the first administrator: " +
                    string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }
        await userManager.AddToRoleAsync(user, AppRoles.Administrator);

        if (generated)
        {
            // Written once, at creation; the password is not stored anywhere else in clear.
            logger.LogWarning("No Admin:Password configured. Created administrator {Email} with the one-time password {Password} — sign in and change it.", email, password);
        }
        else
        {
            logger.LogInformation("Created administrator {Email} from configuration.", email);
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
        return new string(chars) + "!7a";
    }
}
