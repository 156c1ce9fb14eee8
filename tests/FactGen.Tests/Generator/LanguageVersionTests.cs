using System.Collections.Immutable;
using System.Reflection;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The int tables are a UTF-8 literal (assembly data) for C# 11 and later, and a string constant (user-string heap)
/// before: both shapes compile without a diagnostic and decode to the same facts.
/// </summary>
public class LanguageVersionTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp10, "private const string Ints = \"")]
    [InlineData(LanguageVersion.CSharp11, "private static global::System.ReadOnlySpan<byte> Ints => \"")]
    [InlineData(LanguageVersion.Latest, "private static global::System.ReadOnlySpan<byte> Ints => \"")]
    public void TheDataDecodesTheSameWithAndWithoutUtf8Literals(LanguageVersion version, string tables)
    {
        var parseOptions = new CSharpParseOptions(version);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new FactGenerator().AsSourceGenerator() }, FactSets.Mixed(), parseOptions, FactSets.PublicOptions());
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Probe { public static int Count => Test.Facts.Officials.All.Count; }", parseOptions));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string data = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("FactGen.Data.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(tables, data, StringComparison.Ordinal);

        Assembly assembly = GeneratorHarness.Load(output);
        Type officials = assembly.GetType("Test.Facts.Officials", throwOnError: true)!;
        var all = ((System.Collections.IEnumerable)officials.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();
        Assert.Equal(3, all.Count);
        foreach (object official in all)
        {
            string id = (string)GeneratorHarness.Prop(official, "Id")!;
            Assert.Same(official, officials.GetMethod("Find")!.Invoke(null, new object?[] { id }));
        }
        object berg = GeneratorHarness.Get(assembly, "Test.Facts.Officials", "IngridBerg")!;
        Assert.Equal("Ingrid Berg", GeneratorHarness.Prop(berg, "Name"));
    }
}
