using Hangfire;
using Hangfire.Storage.SQLite;
using LaiChau.CchcDashboard.Features.Reminders;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Jobs;

public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";

    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The store is a DI singleton rather than Hangfire's static JobStorage.Current, so several
        // hosts in one process (the tests) each keep their own; tests replace it with in-memory storage.
        services.AddSingleton<JobStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
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

        services.AddTransient<ReminderPassJob>();
        services.AddTransient<WeeklyDigestJob>();
        services.AddTransient<EmailDeliveryJob>();
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
        // Anonymous visitors meet the app's fallback policy first (sign-in redirect); signed-in users
        // other than Quản trị are refused by the dashboard filter with 403.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new JobsDashboardAuthorization()],
            AppPath = "/reminders",
            DashboardTitle = "Tác vụ nền — CCHC Lai Châu",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}
