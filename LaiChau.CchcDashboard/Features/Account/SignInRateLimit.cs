using System.Globalization;
using System.Threading.RateLimiting;
using LaiChau.CchcDashboard.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Account;

/// <summary>
/// Slows password guessing: each client address may post the sign-in form a few times per window
/// (<see cref="SessionOptions.SignInAttemptsPerWindow"/>). Behind a reverse proxy the address is the
/// forwarded one, read only from the configured proxies (see SecurityExtensions).
/// </summary>
public static class SignInRateLimit
{
    public const string ThrottledMessage = "Bạn đã thử đăng nhập quá nhiều lần từ địa chỉ này. Vui lòng đợi một phút rồi thử lại.";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SessionOptions>>((options, session) =>
        {
            var attempts = session.Value.SignInAttemptsPerWindow;
            var window = session.Value.SignInWindow;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = attempts, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteThrottledPageAsync;
        });
        return services;
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(AccountExtensions.LoginPath, StringComparison.OrdinalIgnoreCase);

    private static async ValueTask WriteThrottledPageAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        response.ContentType = "text/html; charset=utf-8";
        var title = System.Net.WebUtility.HtmlEncode(context.HttpContext.RequestServices.GetRequiredService<IOptions<CityOptions>>().Value.Title("Đăng nhập"));
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            + "<body style=\"font-family:sans-serif;max-width:32rem;margin:4rem auto\"><h1>Tạm dừng đăng nhập</h1>"
            + $"<p role=\"alert\" data-testid=\"login-throttled\">{ThrottledMessage}</p>"
            + $"<p><a href=\"{AccountExtensions.LoginPath}\">Quay lại trang đăng nhập</a></p></body></html>", ct);
    }
}
