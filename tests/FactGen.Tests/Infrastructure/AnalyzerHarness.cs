using System.Collections.Immutable;
using FactGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactGen.Tests.Infrastructure;

/// <summary>Runs the fact-file analyzer (and optionally the generator first) the way the compiler does.</summary>
public static class AnalyzerHarness
{
    /// <summary>Analyzer diagnostics over the files (the compilation is the generator's output, so user code sees facts).</summary>
    public static ImmutableArray<Diagnostic> Analyze(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, Compilation? compilation = null)
    {
        var list = files.ToImmutableArray();
        options ??= new TestOptionsProvider(GeneratorHarness.DefaultProperties());
        compilation ??= GeneratorHarness.CreateCompilation();
        var analyzerOptions = new AnalyzerOptions(list.CastArray<AdditionalText>(), options);
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new FactFileAnalyzer()),
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("FG", StringComparison.Ordinal) || d.Id == "AD0001")
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>Generator and analyzer diagnostics together, as one build would show them.</summary>
    public static ImmutableArray<Diagnostic> All(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null)
    {
        var list = files.ToList();
        GeneratorRun run = GeneratorHarness.Run(list, options: options);
        return run.GeneratorDiagnostics.AddRange(Analyze(list, options, run.Output));
    }
}
