using BenchmarkDotNet.Attributes;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;

namespace FactGen.Benchmarks.Benchmarks;

/// <summary>
/// (1) A full generator run — fresh driver, nothing cached: what a command-line build pays — against the floor,
/// YamlDotNet's low-level <see cref="Parser"/> reading every event of the same YAML text.
/// Budget: ≤ 1.5× parse-only at 10,000 officials; allocation ≤ 3× the input size.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[SmokeCorpus("100/1")]
public class GenerationBenchmarks
{
    private string[] _yaml = Array.Empty<string>();
    private List<AdditionalText> _additionalTexts = new();
    private Compilation _compilation = null!;

    [Params(CorpusSpec.Real, "1000/10", "10000/1", "10000/100")]
    public string Corpus { get; set; } = "100/1";

    [GlobalSetup]
    public void Setup()
    {
        FactCorpus corpus = FactCorpus.Get(Corpus);
        _yaml = corpus.FactFiles.Select(f => f.Text).ToArray();
        _additionalTexts = Generation.AdditionalTexts(corpus);
        _compilation = Generation.Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release);
        var (_, diagnostics, _) = Generation.Run(corpus, _compilation);
        Generation.RequireClean(diagnostics, "corpus " + Corpus);
    }

    /// <summary>Every YAML event of every fact file, read with YamlDotNet's low-level parser and dropped.</summary>
    [Benchmark(Baseline = true)]
    public int YamlParseOnly()
    {
        int events = 0;
        foreach (string text in _yaml)
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext()) events++;
        }
        return events;
    }

    /// <summary>
    /// The same events read by the generator's own reader, <see cref="FactGen.Parsing.BlockYamlScanner"/> (fact
    /// files are in its subset; any other text goes to YamlDotNet), and dropped: how far below the floor reading starts.
    /// </summary>
    [Benchmark]
    public int BlockScannerOnly()
    {
        var events = new EventCounter();
        foreach (string text in _yaml)
        {
            if (!FactGen.Parsing.BlockYamlScanner.Read(text, 0, events, CancellationToken.None, out _)) throw new InvalidOperationException("the corpus left the block scanner's subset");
        }
        return events.Count;
    }

    /// <summary>Parse, link and emit every file with a new driver, as a command-line build does.</summary>
    [Benchmark]
    public int FullGeneratorRun()
    {
        GeneratorDriver driver = Generation.Driver(_additionalTexts).RunGenerators(_compilation);
        return driver.GetRunResult().GeneratedTrees.Length;
    }
}
