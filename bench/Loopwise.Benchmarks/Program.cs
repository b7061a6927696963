using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Loopwise.Benchmarks.IngestionKernels).Assembly).Run(args);
