using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/RoezanGhl.Benchmarks -- --filter *Ingest*
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
