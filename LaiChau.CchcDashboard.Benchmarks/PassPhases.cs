using System.Diagnostics;
using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// Where the daily reminder pass spends its time and memory: the plan and the dispatch timed apart
/// (wall time and bytes allocated), and every SQL command EF executes summed by its first words
/// (from EF's <see cref="DiagnosticListener"/>), on the demo day, each run from the same database.
/// <code>dotnet run -c Release --project LaiChau.CchcDashboard.Benchmarks -- pass-phases [--db province-5000] [--periods 1|2] [--runs 3]</code>
/// </summary>
public static class PassPhases
{
    public static async Task<int> RunAsync(string[] args)
    {
        var database = CommandLine.Option(args, "--db") ?? ScaleHost.Province;
        var periods = int.Parse(CommandLine.Option(args, "--periods") ?? "2", CultureInfo.InvariantCulture);
        var runs = int.Parse(CommandLine.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        await using var host = await ScaleHost.StartAsync(database);
        if (periods == 2)
        {
            await host.OpenTwoPeriodsAsync();
        }
        var snapshot = host.Snapshot();
        using var commands = new CommandTotals();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(commands);
        for (var run = 0; run <= runs; run++)
        {
            host.Restore(snapshot);
            commands.Clear();
            var services = host.Services;
            var clock = services.GetRequiredService<TimeProvider>();
            var now = clock.GetUtcNow();
            var today = VietnamTime.LocalDate(now);
            await using var db = await services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var total = Stopwatch.StartNew();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var planned = await services.GetRequiredService<ReminderPlanner>().PlanAsync(db, today);
            var planTime = total.Elapsed;
            var planBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var reminders = planned.Select(p => new NewReminder(p.UnitId, p.PeriodId, p.Step, p.ScheduledFor, p.IsOverdue, false, null, "Hệ thống",
                new ReminderContent(p.UnitName, p.PeriodName, p.PeriodId, p.DueAt, p.Step, p.IsOverdue, null))).ToList();
            var sent = await services.GetRequiredService<ReminderDispatcher>().DispatchAsync(db, reminders, now, default);
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            total.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var emails = await db.EmailOutbox.CountAsync();
            Console.WriteLine(FormattableString.Invariant(
                $"// {(run == 0 ? "warm-up" : "run " + run)}: {planned.Count} due, {sent.Count} sent; total {total.ElapsedMilliseconds} ms (CPU {cpu.TotalMilliseconds:0} ms), {bytes / 1e6:0.0} MB; plan {planTime.TotalMilliseconds:0} ms, {planBytes / 1e6:0.0} MB; dispatch {(total.Elapsed - planTime).TotalMilliseconds:0} ms"));
            if (run == runs)
            {
                Console.WriteLine(FormattableString.Invariant($"// outbox rows now: {emails}"));
                foreach (var (key, (count, ms)) in commands.Totals.OrderByDescending(t => t.Value.Ms))
                {
                    Console.WriteLine(FormattableString.Invariant($"//   {count,5} × {key}: {ms:0} ms"));
                }
            }
        }
        return 0;
    }

    private sealed class CommandTotals : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private readonly Lock _lock = new();

        public Dictionary<string, (int Count, double Ms)> Totals { get; } = [];

        public void Clear()
        {
            lock (_lock)
            {
                Totals.Clear();
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandExecutedEventData executed)
            {
                var text = executed.Command.CommandText.TrimStart();
                var key = text[..Math.Min(60, text.Length)].ReplaceLineEndings(" ");
                lock (_lock)
                {
                    var (count, ms) = Totals.GetValueOrDefault(key);
                    Totals[key] = (count + 1, ms + executed.Duration.TotalMilliseconds);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            foreach (var s in _subscriptions)
            {
                s.Dispose();
            }
        }
    }
}
