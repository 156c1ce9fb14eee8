using BenchmarkDotNet.Attributes;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using FactGen.Benchmarks.Startup;

namespace FactGen.Benchmarks.Benchmarks;

/// <summary>
/// (6) Start-up, whole process: <c>dotnet app.dll</c> in a fresh process that touches every fact once —
/// compiled-in generated code vs. the same YAML loaded at run time with YamlDotNet's Deserializer; an empty app
/// shows the runtime's own start-up. Allocations are the child's, so MemoryDiagnoser shows only the parent's
/// bookkeeping; the child's own figures (time from Main to every fact, bytes allocated) come from
/// <c>dotnet run -c Release --project tests/FactGen.Benchmarks -- startup</c>, which is what the budget
/// (≥ 100× faster than runtime YAML) is judged on.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[SmokeCorpus("100/1")]
public class StartupBenchmarks
{
    private StartupApps _apps = null!;

    [Params("1000/10", "10000/100")]
    public string Corpus { get; set; } = "100/1";

    [GlobalSetup]
    public void Setup() => _apps = StartupApps.Build(FactCorpus.Get(Corpus));

    [GlobalCleanup]
    public void Cleanup() => _apps.Dispose();

    [Benchmark(Baseline = true)]
    public double RuntimeYamlProcess() => _apps.RunYaml().ProcessMilliseconds;

    [Benchmark]
    public double GeneratedProcess() => _apps.RunGenerated().ProcessMilliseconds;

    [Benchmark]
    public double EmptyProcess() => _apps.RunEmpty().ProcessMilliseconds;
}
