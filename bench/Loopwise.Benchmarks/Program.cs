using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Loopwise.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
