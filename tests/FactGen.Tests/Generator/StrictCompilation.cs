using System.Reflection;
using System.Runtime.Loader;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactGen.Tests.Generator;

/// <summary>
/// Compilations as strict as a careful consumer's build: nullable enabled, every warning wave
/// (warning level 9999), and documentation comments parsed and checked (<see cref="DocumentationMode.Diagnose"/>,
/// which is what turns on CS1591 for undocumented public members). The generator's trees are parsed with
/// the same options, because the driver parses generated sources with its own parse options.
/// </summary>
public static class StrictCompilation
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose, preprocessorSymbols: Net10Symbols());

    /// <summary>The same without the target framework symbols: what a consumer sees whose build defines none (netstandard2.0-like).</summary>
    public static CSharpParseOptions ParseOptionsWithoutFrameworkSymbols { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The preprocessor symbols the .NET SDK defines for net10.0 (NET6_0_OR_GREATER guards FactDate's DateOnly members).</summary>
    public static string[] Net10Symbols()
    {
        var symbols = new List<string> { "NET", "NET10_0", "NETCOREAPP" };
        for (int v = 5; v <= 10; v++) symbols.Add($"NET{v}_0_OR_GREATER");
        foreach (string v in new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" }) symbols.Add($"NETCOREAPP{v}_OR_GREATER");
        return symbols.ToArray();
    }

    public static CSharpCompilationOptions Options(OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        => new(kind, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999, deterministic: true);

    public static CSharpCompilation Create(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null, CSharpParseOptions? parseOptions = null)
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions ?? ParseOptions, path: $"/project/{assemblyName}.Code{i}.cs")),
            Basic.Reference.Assemblies.Net100.References.All.Concat(references ?? Enumerable.Empty<MetadataReference>()),
            Options());

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider options, CSharpParseOptions? parseOptions = null)
        => CSharpGeneratorDriver.Create(
            new[] { new FactGenerator().AsSourceGenerator() },
            files,
            parseOptions ?? ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs FactGen over <paramref name="compilation"/> with the strict parse options.</summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider options, Compilation compilation, CSharpParseOptions? parseOptions = null)
        => GeneratorHarness.Run(Driver(files, options, parseOptions), compilation);

    /// <summary>Every diagnostic of the output compilation that is not hidden, as readable lines.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
        => string.Join("\n", diagnostics.Select(d => d.ToString()));

    /// <summary>
    /// Runs the generator over one fact file (public test options) with a user source declaring <c>User.Run</c>, asserts
    /// the run and the build are clean, and returns the run and <c>User.Run</c> of the loaded assembly.
    /// </summary>
    public static (GeneratorRun Run, MethodInfo UserRun) BuildUser(string assemblyName, string factPath, string yaml, string userSource)
    {
        GeneratorRun run = Run(new AdditionalText[] { new TestAdditionalText(factPath, yaml) }, FactSets.PublicOptions(), Create(assemblyName, new[] { userSource }));
        Xunit.Assert.Empty(run.GeneratorDiagnostics);
        Xunit.Assert.True(run.CompilationDiagnostics.IsEmpty, Describe(run.CompilationDiagnostics));
        Assembly assembly = LoadTogether((assemblyName, Emit(run.Output)));
        return (run, assembly.GetType("User", throwOnError: true)!.GetMethod("Run", BindingFlags.NonPublic | BindingFlags.Static)!);
    }

    /// <summary>Calls a static string-returning method of the loaded assembly.</summary>
    public static string Call(Assembly assembly, string typeName, string method)
    {
        Type type = assembly.GetType(typeName, throwOnError: true)!;
        MethodInfo info = type.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(typeName, method);
        return (string)info.Invoke(null, null)!;
    }

    /// <summary>Loads assemblies (in order, dependencies first) into one collectible context that resolves them by name.</summary>
    public static Assembly LoadTogether(params (string Name, byte[] Image)[] images)
    {
        var context = new NamedContext();
        Assembly? last = null;
        foreach (var (name, image) in images)
        {
            last = context.LoadFromStream(new MemoryStream(image));
            context.Loaded[name] = last;
        }
        return last!;
    }

    /// <summary>Emits to bytes; fails with every diagnostic when the compilation has errors.</summary>
    public static byte[] Emit(Compilation compilation) => GeneratorHarness.Emit(compilation);

    private sealed class NamedContext : AssemblyLoadContext
    {
        public NamedContext() : base("factgen-strict-" + Guid.NewGuid().ToString("N"), isCollectible: true) { }

        public Dictionary<string, Assembly> Loaded { get; } = new(StringComparer.Ordinal);

        protected override Assembly? Load(AssemblyName name) => name.Name is { } n && Loaded.TryGetValue(n, out Assembly? a) ? a : null;
    }
}
