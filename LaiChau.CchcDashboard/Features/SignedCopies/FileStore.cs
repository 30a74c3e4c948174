using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.SignedCopies;

public enum FileStoreKind
{
    /// <summary>Files in a folder outside the web root (the SQLite deployment).</summary>
    Disk = 0,

    /// <summary>Files in the database (a deployment whose database is the only shared storage).</summary>
    Database = 1,
}

public sealed class SignedCopyOptions
{
    public const string SectionName = "SignedCopies";

    /// <summary>The largest signed copy accepted, in bytes (10 MB).</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public FileStoreKind Store { get; set; } = FileStoreKind.Disk;

    /// <summary>The disk store's folder, relative to the app folder unless rooted; never under wwwroot.</summary>
    [Required]
    public string Folder { get; set; } = "App_Data/files";
}

/// <summary>
/// Content-addressed storage: a file is kept under the SHA-256 of its bytes, never under a name a
/// user gave, so the same scan stored twice is stored once and a key cannot point outside the store.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes (once) and returns their key.</summary>
    Task<string> SaveAsync(byte[] content, CancellationToken ct = default);

    /// <summary>The bytes under a key, or null when there are none.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken ct = default);
}

public static partial class FileKeys
{
    public static string Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static bool IsValid(string key) => Sha256Hex().IsMatch(key);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}

/// <summary>Files under <c>App_Data/files/ab/abcdef…</c>: written to a temporary name, then moved in place.</summary>
public sealed class DiskFileStore : IFileStore
{
    private readonly string _root;

    public DiskFileStore(IOptions<SignedCopyOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _root = Path.GetFullPath(Path.IsPathRooted(options.Value.Folder) ? options.Value.Folder : Path.Combine(environment.ContentRootPath, options.Value.Folder));
        var webRoot = environment is IWebHostEnvironment web && !string.IsNullOrEmpty(web.WebRootPath) ? Path.GetFullPath(web.WebRootPath) : null;
        if (webRoot is not null && (_root + Path.DirectorySeparatorChar).StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"SignedCopies:Folder must be outside the web root ({webRoot}).");
        }
    }

    public string Root => _root;

    public async Task<string> SaveAsync(byte[] content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = FileKeys.Of(content);
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return key;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, ct);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone stored the same bytes at the same moment: the content is the same.
        }
        finally
        {
            File.Delete(temporary);
        }
        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct = default)
    {
        if (!FileKeys.IsValid(key))
        {
            return null;
        }
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    private string PathOf(string key) => Path.Combine(_root, key[..2], key);
}

/// <summary>Files as rows of <see cref="StoredFile"/>, for a deployment where the database is the only shared storage.</summary>
public sealed class DatabaseFileStore(IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock) : IFileStore
{
    public async Task<string> SaveAsync(byte[] content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = FileKeys.Of(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.StoredFiles.AnyAsync(f => f.Key == key, ct))
        {
            return key;
        }
        db.StoredFiles.Add(new StoredFile { Key = key, Content = content, Length = content.LongLength, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Stored by a concurrent upload of the same bytes; anything else is a real failure.
            if (!await StoredAsync(key, ct))
            {
                throw;
            }
        }
        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredFiles.AsNoTracking().Where(f => f.Key == key).Select(f => f.Content).FirstOrDefaultAsync(ct);
    }

    private async Task<bool> StoredAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredFiles.AnyAsync(f => f.Key == key, ct);
    }
}
