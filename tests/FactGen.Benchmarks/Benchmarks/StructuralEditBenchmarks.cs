using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using FactGen.Emit;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Parsing;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks.Benchmarks;

/// <summary>
/// Where a structural edit's time goes (issue 7's one-file edit budget, the class it still misses): the baseline is
/// <see cref="IncrementalBenchmarks.AddOneOfficialInOneFile"/>'s edit (an official added to the middle file of a warm
/// driver); the others are the steps it runs again over every file, each alone on the edited corpus — linking the
/// structures, the plan, the shared files (the data file; the model and kinds files are a few KB), and the name table
/// with the names, terms and dates files. What is left of the baseline is the driver: the edited file's parse,
/// structure and own file, and comparing each step's output with the last run's.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[SmokeCorpus("100/100")]
public class StructuralEditBenchmarks
{
    private Compilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _original = null!;
    private AdditionalText _addedOfficial = null!;
    private List<FactFile> _files = new();
    private List<FileStructure> _structures = new();
    private List<string> _paths = new();
    private (LinkedFacts Facts, long ValueChars) _linked;
    private EmitPlan _plan = null!;
    private ImmutableArray<FileNames> _names;
    private ImmutableArray<FileTerms> _terms;
    private ImmutableArray<FileDates> _dates;
    private readonly EmitSettings _settings = new("Bench.Facts", true, "/corpus/");

    [Params("1000/100", "10000/100")]
    public string Corpus { get; set; } = "100/100";

    [GlobalSetup]
    public void Setup()
    {
        FactCorpus corpus = FactCorpus.Get(Corpus);
        if (corpus.FactFiles.Count < 2) throw new InvalidOperationException("a one-file edit needs a corpus split over several files");
        List<AdditionalText> texts = Generation.AdditionalTexts(corpus);
        _compilation = Generation.Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release);
        _warm = Generation.Driver(texts).RunGenerators(_compilation);
        Generation.RequireClean(_warm.GetRunResult().Diagnostics, "corpus " + Corpus);
        _original = texts[corpus.FactFiles.Count / 2];
        _addedOfficial = new InMemoryAdditionalText(_original.Path, IncrementalBenchmarks.AddOneOfficial(_original.GetText()!.ToString()));
        Generation.RequireClean(WholeEdit().Diagnostics, "official added corpus " + Corpus);

        // The edited corpus, step by step, as the driver sees it after the edit.
        _paths = texts.Select(t => t.Path).ToList();
        foreach (AdditionalText text in texts.Take(corpus.FactFiles.Count))
        {
            AdditionalText file = ReferenceEquals(text, _original) ? _addedOfficial : text;
            _files.Add(FactParser.Parse(file.Path, file.GetText()!.ToString(), ParseLimits.Default, CancellationToken.None, texts: false));
        }
        _structures = _files.ConvertAll(Structure.Of);
        // each file's names, terms and dates: the driver keeps them per file, so the edit makes the edited file's alone
        _names = _files.Select(FileNames.Of).ToImmutableArray();
        _terms = _files.Select(FileTerms.Of).ToImmutableArray();
        _dates = _files.Select(FileDates.Of).ToImmutableArray();
        _linked = Link();
        _plan = MakePlan();
        if (_linked.Facts.Officials.Count != corpus.Counts.Officials + 1) throw new InvalidOperationException("the added official was not linked");
    }

    /// <summary>The whole edit: <c>ReplaceAdditionalText</c> on the warm driver, then a run (as IncrementalBenchmarks).</summary>
    [Benchmark(Baseline = true)]
    public int WholeEditThroughTheDriver() => WholeEdit().GeneratedTrees.Length;

    private GeneratorDriverRunResult WholeEdit() => _warm.ReplaceAdditionalText(_original, _addedOfficial).RunGenerators(_compilation).GetRunResult();

    /// <summary>Linking every file's structure (ids, references, duplicates, names; every kind sorted by id).</summary>
    [Benchmark]
    public int LinkTheStructures() => Link().Facts.Officials.Count;

    private (LinkedFacts Facts, long ValueChars) Link() => Structure.Link(_structures, _paths, CancellationToken.None);

    /// <summary>The plan: each fact's index, the lookups' hash parameters, each file's chunk, view and shown names.</summary>
    [Benchmark]
    public int PlanTheFacts() => MakePlan().Files.Count;

    private EmitPlan MakePlan() => EmitPlan.Create(_linked.Facts, _linked.ValueChars, _settings);

    /// <summary>The shared files from the plan: the data file (rows, reverse links, lookup tables), the model and kinds files.</summary>
    [Benchmark]
    public int SharedFiles() => Emitter.EmitShared(_plan, CancellationToken.None).Sum(f => f.Source.Length);

    /// <summary>The name table and the names, terms and dates files, which follow the plan (from each file's names, terms and dates, made before).</summary>
    [Benchmark]
    public int NamesTermsAndDates()
        => Emitter.EmitNames(NameTable.Create(_names, _plan), CancellationToken.None).Source.Length
            + Terms.Emit(_terms, _plan, CancellationToken.None).Source.Length
            + Dates.Emit(_dates, _plan, CancellationToken.None).Source.Length;
}
