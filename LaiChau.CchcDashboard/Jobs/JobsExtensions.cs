using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Reminders;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Jobs;

public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";

    /// <summary>The PostgreSQL schema of Hangfire's tables (provider Postgres).</summary>
    public const string PostgresJobsSchema = "hangfire";

    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The store is a DI singleton rather than Hangfire's static JobStorage.Current, so several
        // hosts in one process (the tests) each keep their own; tests replace it with in-memory storage.
        // With PostgreSQL the jobs live in the app's own database (schema "hangfire"), so every
        // instance's Hangfire server shares one queue and one set of recurring jobs.
        var provider = DatabaseProviders.FromConfiguration(builder.Configuration);
        services.AddSingleton<JobStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            if (provider == DatabaseProvider.Postgres)
            {
                var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(DataExtensions.ConnectionStringName)!;
                var storageOptions = new PostgreSqlStorageOptions
                {
                    SchemaName = PostgresJobsSchema,
                    QueuePollInterval = options.QueuePollInterval,
                    PrepareSchemaIfNecessary = true,
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
            }
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var path = Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(environment.ContentRootPath, options.SqlitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval });
        });
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs-storage");

        services.AddTransient<ReminderPassJob>();
        services.AddTransient<WeeklyDigestJob>();
        services.AddTransient<EmailDeliveryJob>();
        services.AddTransient<DatabaseBackupJob>();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<DatabaseBackupService>();
        services.AddTransient<EmailOutboxJob>();
        services.AddSingleton<IDeliveryQueue, HangfireDeliveryQueue>();
        return builder;
    }

    /// <summary>Registers the recurring jobs and maps the dashboard at /jobs (Quản trị only).</summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Once the app listens, not before: /health answers while the job store is written.
        app.Lifetime.ApplicationStarted.Register(() => JobSchedule.Register(app.Services.GetRequiredService<IRecurringJobManager>()));
        app.Use(GuardDashboardAsync);
        // Anonymous visitors meet the app's fallback policy first (sign-in redirect); signed-in users
        // other than Quản trị are refused by the dashboard filter with 403.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new JobsDashboardAuthorization()],
            AppPath = "/reminders",
            DashboardTitle = app.Services.GetRequiredService<IOptions<CityOptions>>().Value.Title("Tác vụ nền"),
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    /// <summary>
    /// Two gaps of Hangfire's dashboard: its /stats handler reads a form and throws (500) on a GET,
    /// so only POST reaches it (405 otherwise, for Quản trị; others get the dashboard's 403); and its 403 has no body, which the status-code page
    /// would turn into "Không tìm thấy trang", so it gets a Vietnamese access-denied page.
    /// </summary>
    private static async Task GuardDashboardAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(DashboardPath, out var rest))
        {
            await next(context);
            return;
        }
        if (rest.Equals("/stats", StringComparison.OrdinalIgnoreCase) && !HttpMethods.IsPost(context.Request.Method)
            && JobsDashboardAuthorization.IsAllowed(context.User))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = HttpMethods.Post;
            return;
        }
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status403Forbidden && !context.Response.HasStarted)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(AccessDeniedPage, context.RequestAborted);
        }
    }

    private const string AccessDeniedPage = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>Không có quyền truy cập</title></head>
        <body style="font-family: Roboto, Arial, sans-serif; margin: 3rem;">
        <h1 data-testid="access-denied">Không có quyền truy cập</h1>
        <p>Trang tác vụ nền chỉ dành cho Quản trị. <a href="/">Về trang Tổng quan</a>.</p>
        </body></html>
        """;
}
