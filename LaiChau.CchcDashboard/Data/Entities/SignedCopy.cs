namespace LaiChau.CchcDashboard.Data.Entities;

/// <summary>
/// The signed and stamped copy of a submitted report, as the unit sent it, with the number and date
/// it was issued under. Replacing it adds a new row; earlier rows stay as the report's history.
/// </summary>
public sealed class SignedCopy
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public UnitReport? Report { get; set; }

    /// <summary>"12/BC-UBND": the official number the signed copy carries.</summary>
    public string OfficialNumber { get; set; } = "";
    public DateOnly IssuedOn { get; set; }

    /// <summary>Detected from the content, never from the name: application/pdf, image/jpeg or image/png.</summary>
    public string ContentType { get; set; } = "";
    public long Length { get; set; }

    /// <summary>The file's SHA-256 in hex: its key in the file store.</summary>
    public string StorageKey { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
}

/// <summary>A stored file's bytes, for the database file store (the PostgreSQL deployment).</summary>
public sealed class StoredFile
{
    /// <summary>SHA-256 of the content in lowercase hex.</summary>
    public string Key { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public long Length { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
