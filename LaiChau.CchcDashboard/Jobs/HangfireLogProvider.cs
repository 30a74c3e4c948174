using HangfireLogLevel = Hangfire.Logging.LogLevel;
using IHangfireLog = Hangfire.Logging.ILog;
using IHangfireLogProvider = Hangfire.Logging.ILogProvider;

namespace LaiChau.CchcDashboard.Jobs;

/// <summary>
/// Hangfire's log provider is a process-wide static that every host overwrites when it configures
/// Hangfire. With several hosts in one process (the test suite, or a host rebuilt in place), the
/// provider can outlive the host whose logger factory it holds; Hangfire's own provider then throws
/// ObjectDisposedException from inside unrelated requests. This one stops logging instead.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : IHangfireLogProvider
{
    public IHangfireLog GetLogger(string name)
    {
        try
        {
            return new ForwardingLog(loggerFactory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class ForwardingLog(ILogger logger) : IHangfireLog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => LogLevel.Trace,
                HangfireLogLevel.Debug => LogLevel.Debug,
                HangfireLogLevel.Info => LogLevel.Information,
                HangfireLogLevel.Warn => LogLevel.Warning,
                HangfireLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }
                if (!logger.IsEnabled(level))
                {
                    return false;
                }
                // Hangfire hands over finished messages, not templates.
                logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : IHangfireLog
    {
        public static readonly Silent Instance = new();

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
