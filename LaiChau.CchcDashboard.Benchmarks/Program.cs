using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(LaiChau.CchcDashboard.Benchmarks.DocumentBenchmarks).Assembly).Run(args);
