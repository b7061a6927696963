using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Loopwise.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Loopwise.Benchmarks.IngestionKernels).Assembly).Run(args);
