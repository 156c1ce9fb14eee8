using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Shared machinery of the robustness tests: one base compilation for every run (its references are bound
/// once), a driver whose parse options diagnose XML doc comments, and <see cref="Problems"/>, the list of
/// everything that must never happen whatever the input: an exception escaping the generator (CS8785), a
/// diagnostic outside its file or at a line/column that does not match the file's text, an error in the
/// generated code.
/// </summary>
internal static class Robust
{
    /// <summary>Doc comments are diagnosed (as in a project with GenerateDocumentationFile), so broken XML shows.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>An empty library every run starts from; shared so reference binding is paid once.</summary>
    public static CSharpCompilation Base { get; } = CSharpCompilation.Create(
        "RobustnessProject",
        Array.Empty<SyntaxTree>(),
        Basic.Reference.Assemblies.Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static AnalyzerConfigOptionsProvider Options(IReadOnlyDictionary<string, string>? extra = null)
    {
        Dictionary<string, string> props = GeneratorHarness.DefaultProperties();
        if (extra is not null)
        {
            foreach (var kv in extra) props[kv.Key] = kv.Value;
        }
        return new TestOptionsProvider(props);
    }

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null)
        => CSharpGeneratorDriver.Create(
            new[] { new FactGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            options ?? Options(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    public static GeneratorRun Run(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, CancellationToken cancellationToken = default)
    {
        GeneratorDriver driver = CreateDriver(files, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(Base, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, cancellationToken);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    public static AdditionalText Fact(string name, string yaml) => new TestAdditionalText(GeneratorHarness.FactsDir + "/" + name, yaml);

    /// <summary>
    /// Everything wrong with a run (empty when it is sound), each problem as a readable line. With
    /// <paramref name="compile"/> false, the output compilation is left to the caller (who emits it anyway).
    /// </summary>
    public static List<string> Problems(GeneratorRun run, IEnumerable<AdditionalText> files, CancellationToken cancellationToken = default, bool compile = true)
    {
        var problems = new List<string>();
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (AdditionalText f in files) texts[f.Path] = f.GetText(cancellationToken)!;

        foreach (GeneratorRunResult r in run.Result.Results)
        {
            if (r.Exception is not null) problems.Add("generator threw " + r.Exception);
        }
        foreach (Diagnostic d in run.GeneratorDiagnostics)
        {
            if (d.Id == "CS8785" || !d.Id.StartsWith("FG", StringComparison.Ordinal))
            {
                problems.Add("unexpected diagnostic " + d);
                continue;
            }
            foreach (Location l in new[] { d.Location }.Concat(d.AdditionalLocations))
            {
                string? bad = CheckLocation(l, texts);
                if (bad is not null) problems.Add(d.Id + " " + bad + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        if (compile) problems.AddRange(GeneratedCodeProblems(run, cancellationToken));
        return problems;
    }

    /// <summary>Null when the location lies in one of the files and its line/column agree with the file's text.</summary>
    public static string? CheckLocation(Location location, IReadOnlyDictionary<string, SourceText> texts)
    {
        if (location.Kind != LocationKind.ExternalFile) return "is not located in a file (" + location.Kind + ")";
        FileLinePositionSpan span = location.GetLineSpan();
        if (!texts.TryGetValue(span.Path, out SourceText? text)) return "is located in an unknown file " + span.Path;
        TextSpan s = location.SourceSpan;
        if (s.Start < 0 || s.End > text.Length) return "span " + s + " lies outside the text of " + text.Length + " chars";
        LinePositionSpan expected = text.Lines.GetLinePositionSpan(s);
        if (expected != span.Span) return "reports " + span.Span + " but its span " + s + " is at " + expected;
        return null;
    }

    private static readonly ConcurrentDictionary<string, ImmutableArray<string>> s_compiled = new(StringComparer.Ordinal);

    /// <summary>
    /// Errors and warnings of the output compilation located in generated code (the base compilation is
    /// empty, so every error is). Compiling is the slow part; identical generated sources compile
    /// identically, so results are cached by a hash of the sources.
    /// </summary>
    public static ImmutableArray<string> GeneratedCodeProblems(GeneratorRun run, CancellationToken cancellationToken = default)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in run.Result.Results.SelectMany(r => r.GeneratedSources))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(s.HintName + "\0" + s.SourceText + "\0"));
        }
        string key = Convert.ToHexString(hash.GetHashAndReset());
        return s_compiled.GetOrAdd(key, _ => run.Output.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => "generated code: " + d)
            .ToImmutableArray());
    }

    /// <summary>Every analyzer FactGen ships (each [DiagnosticAnalyzer] type of its assembly).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(FactGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// Runs every FactGen analyzer over the compilation (by default the generator's output) with the files,
    /// as the compiler does; returns what must never happen: an analyzer exception (AD0001), a diagnostic
    /// outside its file or at a line/column that disagrees with the text.
    /// </summary>
    public static List<string> AnalyzerProblems(Compilation compilation, IReadOnlyList<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, CancellationToken cancellationToken = default)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (AdditionalText f in files) texts[f.Path] = f.GetText(cancellationToken)!;
        var problems = new List<string>();
        foreach (Diagnostic d in AnalyzerDiagnostics(compilation, files, options, cancellationToken))
        {
            if (d.Id == "AD0001" || !d.Id.StartsWith("FG", StringComparison.Ordinal))
            {
                problems.Add("analyzer: " + d);
                continue;
            }
            if (d.Location.Kind == LocationKind.SourceFile) continue; // user-code rules, in C# trees
            foreach (Location l in new[] { d.Location }.Concat(d.AdditionalLocations))
            {
                string? bad = CheckLocation(l, texts);
                if (bad is not null) problems.Add("analyzer " + d.Id + " " + bad + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return problems;
    }

    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation, IReadOnlyList<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, CancellationToken cancellationToken = default)
    {
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files.ToImmutableArray(), options ?? Options()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Emits the output to memory and loads it into a collectible context; null when it does not compile.</summary>
    public static System.Reflection.Assembly? EmitAndLoad(Compilation compilation, out ImmutableArray<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        diagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        if (!result.Success) return null;
        stream.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext("factgen-robust-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static string Describe(IEnumerable<string> problems, int max = 20)
    {
        var list = problems.ToList();
        return list.Count + " problem(s):\n" + string.Join("\n", list.Take(max)) + (list.Count > max ? "\n…" : string.Empty);
    }
}

/// <summary>Reads files the way csc reads AdditionalFiles.</summary>
internal static class CompilerText
{
    private static readonly Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// csc (EncodedStringText): a byte order mark decides the encoding; without one, strict UTF-8, and when
    /// that fails the machine's ANSI code page (1252 where there is none).
    /// </summary>
    public static SourceText FromBytes(byte[] bytes)
    {
        try
        {
            return SourceText.From(bytes, bytes.Length, s_strictUtf8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: true);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return SourceText.From(bytes, bytes.Length, Encoding.GetEncoding(1252), SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: true);
        }
    }

    /// <summary>The IDE-style read: BOM detection, else lenient UTF-8 (invalid bytes become U+FFFD).</summary>
    public static SourceText FromBytesLenient(byte[] bytes)
        => SourceText.From(bytes, bytes.Length, encoding: null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: true);
}
