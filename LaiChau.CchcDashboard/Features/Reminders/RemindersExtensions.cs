using LaiChau.CchcDashboard.Common;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Features.Reminders;

public static class RemindersExtensions
{
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName)
            // The wording names the city as the City section does.
            .Configure<IOptions<CityOptions>>((options, city) => options.City = city.Value)
            // The binder appends configured list items to the defaults; configured steps replace them.
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                var steps = configuration.GetSection(ReminderOptions.SectionName + ":" + nameof(ReminderOptions.DaysBefore)).Get<List<int>>();
                if (steps is { Count: > 0 })
                {
                    options.DaysBefore = steps;
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IMailSender, MailSender>();
        builder.Services.AddSingleton<ReminderPlanner>();
        builder.Services.AddSingleton<ReminderDispatcher>();
        builder.Services.AddSingleton<ReminderService>();
        builder.Services.AddSingleton<ReminderHistory>();
        builder.Services.AddSingleton<EmailDeliveryService>();
        builder.Services.AddSingleton<WeeklyDigestService>();
        builder.Services.AddSingleton<NotificationService>();
        return builder;
    }
}
