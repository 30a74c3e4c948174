namespace LaiChau.CchcDashboard.Features.SignedCopies;

/// <summary>What a signed copy may be, judged by its first bytes (magic numbers), never by its name.</summary>
public static class SignedCopyRules
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    public const string WrongKindMessage = "Chỉ nhận bản ký dạng PDF, JPEG hoặc PNG. Tệp này không phải một trong ba dạng đó (kiểm tra theo nội dung tệp, không theo tên).";
    public const string EmptyMessage = "Tệp rỗng. Vui lòng chọn tệp bản ký đã quét.";

    public static string TooLargeMessage(long maxBytes) => $"Tệp lớn hơn {maxBytes / (1024 * 1024)} MB. Vui lòng quét với độ phân giải thấp hơn hoặc nén tệp.";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type the bytes really are, or null for anything else (an .exe renamed .pdf stays an .exe).</summary>
    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfMagic) ? Pdf
        : content.StartsWith(JpegMagic) ? Jpeg
        : content.StartsWith(PngMagic) ? Png
        : null;

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => "pdf",
        Jpeg => "jpg",
        Png => "png",
        _ => "bin",
    };
}
