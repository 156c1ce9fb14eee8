using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using FactGen.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactGen.Benchmarks.Infrastructure;

/// <summary>Runs FactGen over a corpus the way the compiler does: a generator driver over a compilation,
/// the fact files and source texts as AdditionalFiles.</summary>
public static class Generation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The corpus's files as AdditionalTexts (facts first, then source texts).</summary>
    public static List<AdditionalText> AdditionalTexts(FactCorpus corpus)
        => corpus.FactFiles.Concat(corpus.SourceTexts).Select(f => (AdditionalText)new InMemoryAdditionalText(corpus.PathOf(f), f.Text)).ToList();

    /// <summary>A compilation of <paramref name="sources"/> against the .NET 10 reference assemblies.</summary>
    public static CSharpCompilation Compilation(string name, OutputKind kind, OptimizationLevel optimization, params string[] sources)
        => CSharpCompilation.Create(
            name,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "/corpus/Code" + i + ".cs")),
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(kind, optimizationLevel: optimization, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts, bool track = false)
        => CSharpGeneratorDriver.Create(
            new[] { new FactGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            BenchOptionsProvider.Default,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Runs the generator over the corpus and returns the compilation with the generated sources added.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Result) Run(FactCorpus corpus, Compilation? compilation = null)
    {
        compilation ??= Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release);
        GeneratorDriver driver = Driver(AdditionalTexts(corpus)).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }

    /// <summary>Runs FactGen's fact-file analyzer over the corpus (as AdditionalFiles of <paramref name="compilation"/>) and returns its diagnostics.</summary>
    public static ImmutableArray<Diagnostic> Analyze(IEnumerable<AdditionalText> texts, Compilation compilation)
    {
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(texts.ToImmutableArray(), BenchOptionsProvider.Default);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Analyzers.FactFileAnalyzer()), options);
        return withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    /// <summary>Emits a compilation to bytes, failing with its errors when it does not compile.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }
        return stream.ToArray();
    }

    /// <summary>Fails when the generator reported anything (errors or warnings) for the corpus.</summary>
    public static void RequireClean(ImmutableArray<Diagnostic> diagnostics, string what)
    {
        if (diagnostics.Length > 0)
        {
            throw new InvalidOperationException(what + ": " + diagnostics.Length + " diagnostics, e.g.\n" + string.Join("\n", diagnostics.Take(10)));
        }
    }
}
