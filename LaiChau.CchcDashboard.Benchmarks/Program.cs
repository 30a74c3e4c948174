using BenchmarkDotNet.Running;
using LaiChau.CchcDashboard.Benchmarks.Generation;

namespace LaiChau.CchcDashboard.Benchmarks;

// A named entry point: the app's own top-level Program is the one WebApplicationFactory starts.
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "generate")
        {
            return await ScaleGenerator.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "circuits")
        {
            return await CircuitMemory.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "coldstart")
        {
            return await ColdStart.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] is "latency" or "latency-serve")
        {
            return await LiveLatency.RunAsync(args);
        }
        if (args.Length > 0 && args[0] == "serve")
        {
            return await CircuitMemory.ServeAsync(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
