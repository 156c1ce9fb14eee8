using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks.Benchmarks;

/// <summary>
/// (3) FactGen's fact-file analyzer (<see cref="Analyzers.FactFileAnalyzer"/>: the warning rules, per file and at
/// compilation end) over the corpus, as a build runs it: a new CompilationWithAnalyzers over a compilation whose
/// AdditionalFiles are the corpus. Baseline: the full generator run over the same files.
/// Budget: analyzers ≤ 1× the generator run (they must not parse again).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[SmokeCorpus("100/1")]
public class AnalyzerBenchmarks
{
    private ImmutableArray<AdditionalText> _additionalTexts;
    private Compilation _compilation = null!;

    [Params(CorpusSpec.Real, "1000/10", "10000/100")]
    public string Corpus { get; set; } = "100/1";

    [GlobalSetup]
    public void Setup()
    {
        FactCorpus corpus = FactCorpus.Get(Corpus);
        _additionalTexts = Generation.AdditionalTexts(corpus).ToImmutableArray();
        _compilation = Generation.Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release);
        Generation.RequireClean(Generation.Analyze(_additionalTexts, _compilation), "analyzer on corpus " + Corpus);
    }

    [Benchmark(Baseline = true)]
    public int FullGeneratorRun()
        => Generation.Driver(_additionalTexts).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int FactFileAnalyzer() => Generation.Analyze(_additionalTexts, _compilation).Length;
}
