using BenchmarkDotNet.Running;
using LaiChau.CchcDashboard.Benchmarks.Generation;

if (args.Length > 0 && args[0] == "generate")
{
    return await ScaleGenerator.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LaiChau.CchcDashboard.Benchmarks.DocumentBenchmarks).Assembly).Run(args);
return 0;
