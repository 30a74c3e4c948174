using System.Text;
using LaiChau.CchcDashboard.Features.Account;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LaiChau.CchcDashboard.Features.SignedCopies;

public static class SignedCopiesExtensions
{
    public static IHostApplicationBuilder AddSignedCopies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SignedCopyOptions>().BindConfiguration(SignedCopyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<IOptions<SignedCopyOptions>>().Value.Store == FileStoreKind.Database
            ? ActivatorUtilities.CreateInstance<DatabaseFileStore>(sp)
            : ActivatorUtilities.CreateInstance<DiskFileStore>(sp));
        builder.Services.AddTransient<SignedCopyService>();
        return builder;
    }

    public static void MapSignedCopyEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/documents").MapMethods("/signed-copies/{copyId:int}", [HttpMethods.Get, HttpMethods.Head], OpenAsync).WithAccess("signed-copy");
    }

    /// <summary>Inline in the browser for whoever may read the report; 403 (audited) for anyone else.</summary>
    private static async Task<IResult> OpenAsync(int copyId, CurrentUser currentUser, SignedCopyService service, HttpContext http, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (user is null)
        {
            return Results.Challenge();
        }
        var file = await service.OpenAsync(user, copyId, ct);
        if (file is null)
        {
            return Results.Text("Không tìm thấy bản ký.", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
        }
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = file.FileName }.ToString();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(file.Content, file.ContentType);
    }
}
