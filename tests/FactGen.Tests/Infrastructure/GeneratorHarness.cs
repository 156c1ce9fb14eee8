using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactGen.Tests.Infrastructure;

/// <summary>The result of running the generator over a compilation.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources
        => Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Compiler diagnostics of the output compilation (warnings included), excluding hidden ones.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics
        => Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
}

/// <summary>Runs FactGen in memory against Basic.Reference.Assemblies.Net100; compiles and loads the output.</summary>
public static class GeneratorHarness
{
    public const string FactsDir = "/project/facts";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>A compilation of the given C# sources (or an empty library) against .NET 10 reference assemblies.</summary>
    public static CSharpCompilation CreateCompilation(string assemblyName = "TestProject", OutputKind kind = OutputKind.DynamicallyLinkedLibrary, params string[] sources)
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/project/Code{i}.cs")),
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    /// <summary>Default MSBuild properties: namespace Test.Facts, visibility public.</summary>
    public static Dictionary<string, string> DefaultProperties() => new()
    {
        ["FactGenNamespace"] = "Test.Facts",
        ["FactGenVisibility"] = "public",
    };

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, bool track = true, CSharpParseOptions? parseOptions = null)
        => CSharpGeneratorDriver.Create(
            new[] { new FactGenerator().AsSourceGenerator() },
            files,
            parseOptions ?? ParseOptions,
            options ?? new TestOptionsProvider(DefaultProperties()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Runs the generator once over <paramref name="files"/> and <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> files, Compilation? compilation = null, AnalyzerConfigOptionsProvider? options = null)
    {
        GeneratorDriver driver = CreateDriver(files, options);
        return Run(driver, compilation ?? CreateCompilation());
    }

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Convenience: one YAML text as <c>/project/facts/{name}</c>.</summary>
    public static GeneratorRun RunYaml(string yaml, string name = "facts.yaml", Compilation? compilation = null, AnalyzerConfigOptionsProvider? options = null, params AdditionalText[] extra)
        => Run(new AdditionalText[] { new TestAdditionalText(FactsDir + "/" + name, yaml) }.Concat(extra), compilation, options);

    /// <summary>Emits the compilation to memory, failing with the diagnostics when it does not compile.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return stream.ToArray();
    }

    /// <summary>Emits and loads the compilation into a collectible context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        var context = new AssemblyLoadContext("factgen-test-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(new MemoryStream(Emit(compilation)));
    }

    /// <summary>Reads a static property by type and member name from a loaded assembly.</summary>
    public static object? Get(Assembly assembly, string typeName, string member)
    {
        Type type = assembly.GetType(typeName, throwOnError: true)!;
        PropertyInfo property = type.GetProperty(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMemberException(typeName, member);
        return property.GetValue(null);
    }

    /// <summary>Reads an instance property (by name) of a generated object.</summary>
    public static object? Prop(object? instance, string member)
    {
        ArgumentNullException.ThrowIfNull(instance);
        PropertyInfo property = instance.GetType().GetProperty(member, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException(instance.GetType().Name + " has no public property " + member);
        return property.GetValue(instance);
    }
}
