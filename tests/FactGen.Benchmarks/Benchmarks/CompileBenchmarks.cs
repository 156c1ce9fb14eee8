using BenchmarkDotNet.Attributes;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks.Benchmarks;

/// <summary>
/// (4) Compiling the generated code: parse the generated sources, bind and emit an assembly to a stream — the
/// part of a build that grows with the facts after the generator has run. Baseline: the same for the model types
/// alone (the generator's output for an empty corpus), the fixed cost every project pays.
/// Budget: 10,000 officials compile (Emit) in ≤ 2 s on 2 cores.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[SmokeCorpus("100/1")]
public class CompileBenchmarks
{
    private SourceText[] _generated = Array.Empty<SourceText>();
    private SourceText[] _modelOnly = Array.Empty<SourceText>();

    [Params(CorpusSpec.Real, "1000/10", "10000/100")]
    public string Corpus { get; set; } = "100/1";

    /// <summary>Debug, as <c>dotnet build</c> compiles by default; Release changes little for data tables.</summary>
    [Params(OptimizationLevel.Debug)]
    public OptimizationLevel Optimization { get; set; } = OptimizationLevel.Debug;

    /// <summary>
    /// How doc comments are read. <c>dotnet build</c> passes no <c>/doc</c> unless <c>GenerateDocumentationFile</c> is
    /// true, and then the compiler does not parse them (None; see dotnet/roslyn#41640); with the property set they
    /// are parsed and checked (Diagnose). The IDE parses them (Parse), but compiles on demand, not all at once.
    /// </summary>
    [Params(DocumentationMode.None, DocumentationMode.Diagnose)]
    public DocumentationMode Docs { get; set; } = DocumentationMode.None;

    [GlobalSetup]
    public void Setup()
    {
        var (_, diagnostics, result) = Generation.Run(FactCorpus.Get(Corpus));
        Generation.RequireClean(diagnostics, "corpus " + Corpus);
        _generated = result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText).ToArray();
        var (_, _, empty) = Generation.Run(new FactCorpus(new CorpusSpec(1, 1), CorpusGenerator.SyntheticRoot, Array.Empty<CorpusFile>(), Array.Empty<CorpusFile>(), new CorpusCounts(0, 0, 0, 0, 0, 0, 0)));
        _modelOnly = empty.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText).ToArray();
        Compile(_generated); // fail early if the output does not compile
    }

    [Benchmark(Baseline = true)]
    public long CompileModelOnly() => Compile(_modelOnly);

    [Benchmark]
    public long CompileGeneratedFacts() => Compile(_generated);

    private long Compile(SourceText[] sources)
    {
        var trees = new SyntaxTree[sources.Length];
        for (int i = 0; i < sources.Length; i++) trees[i] = CSharpSyntaxTree.ParseText(sources[i], Generation.ParseOptions.WithDocumentationMode(Docs), path: "/corpus/generated/" + i + ".g.cs");
        var compilation = CSharpCompilation.Create(
            "BenchFacts",
            trees,
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: Optimization, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success) throw new InvalidOperationException("generated code does not compile: " + emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        return stream.Length;
    }
}
