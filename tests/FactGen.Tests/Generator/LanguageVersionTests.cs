using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The int tables are a string constant, except when text and tables come near the 16 MB user-string heap and the
/// consumer has C# 11: then a UTF-8 literal (assembly data). Every shape compiles without a diagnostic and decodes
/// to the same facts.
/// </summary>
public class LanguageVersionTests
{
    private const string StringTables = "private const string Ints = \"";
    private const string Utf8Tables = "private static global::System.ReadOnlySpan<byte> Ints => \"";

    [Theory]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.Latest)]
    public void SmallFactSetsKeepTheTablesInAStringConstant(LanguageVersion version)
    {
        (Compilation output, string data) = Run(version, FactSets.Mixed());
        Assert.Contains(StringTables, data, StringComparison.Ordinal);
        Assembly assembly = GeneratorHarness.Load(output);
        Type officials = assembly.GetType("Test.Facts.Officials", throwOnError: true)!;
        var all = ((System.Collections.IEnumerable)officials.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();
        Assert.Equal(3, all.Count);
        foreach (object official in all)
        {
            Assert.Same(official, officials.GetMethod("Find")!.Invoke(null, new object?[] { GeneratorHarness.Prop(official, "Id") }));
        }
        Assert.Equal("Ingrid Berg", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", "IngridBerg"), "Name"));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, false)]
    [InlineData(LanguageVersion.CSharp11, true)]
    public void NearTheStringHeapLimitTheTablesBecomeAUtf8Literal(LanguageVersion version, bool utf8)
    {
        // Seven organizations with distinct 900,000-char names: 6.3 million chars of text.
        var (files, names) = SevenLargeOrganizations(i => "name: \"" + Long("Organization ", i) + "\"");
        Assert.True(names.Sum(n => n.Length) >= FactGen.Emit.Emitter.Utf8IntsFrom);

        (Compilation output, string data) = Run(version, files);
        Assert.Contains(utf8 ? Utf8Tables : StringTables, data, StringComparison.Ordinal);
        Assembly assembly = GeneratorHarness.Load(output);
        for (int i = 0; i < 7; i++)
        {
            object org = GeneratorHarness.Get(assembly, "Test.Facts.Organizations", "Org" + i)!;
            Assert.Equal(names[i], GeneratorHarness.Prop(org, "Name"));
        }
    }

    [Fact]
    public void ManySmallFilesKeepTheTablesInAStringConstant()
    {
        // The data file counts each file's values by an upper bound (their structure keeps it, see FileStructure): it
        // must stay close, or many small files look like megabytes of text and get the slower UTF-8 tables.
        var files = new List<AdditionalText>();
        for (int i = 0; i < 300; i++)
        {
            files.Add(new TestAdditionalText("/project/facts/org" + i + ".yaml",
                "organizations:\n  - id: org-" + i + "\n    name: Organization " + i + "\n    native: Организация " + i + "\n    country: NO\n"));
        }
        (Compilation output, string data) = Run(LanguageVersion.CSharp11, files);
        Assert.Contains(StringTables, data, StringComparison.Ordinal);
        Assert.Equal("Организация 299", GeneratorHarness.Prop(GeneratorHarness.Get(GeneratorHarness.Load(output), "Test.Facts.Organizations", "Org299"), "Native"));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, false)]
    [InlineData(LanguageVersion.CSharp11, true)]
    public void ValuesCountTowardTheStringHeapToo(LanguageVersion version, bool utf8)
    {
        // The same 6.3 million chars, as native names: values, which live in each file's chunk, not in the data file.
        var (files, natives) = SevenLargeOrganizations(i => "name: Organization " + i + "\n    native: \"" + Long("Organisasjon ", i) + "\"");
        (Compilation output, string data) = Run(version, files);
        Assert.Contains(utf8 ? Utf8Tables : StringTables, data, StringComparison.Ordinal);
        Assembly assembly = GeneratorHarness.Load(output);
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(natives[i], GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Organizations", "Org" + i), "Native"));
        }
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, false)]
    [InlineData(LanguageVersion.CSharp11, true)]
    public void FactGenUtf8TablesAlwaysAsksForUtf8TablesAtAnySize(LanguageVersion version, bool utf8)
    {
        var options = new TestOptionsProvider(new Dictionary<string, string>
        {
            ["FactGenNamespace"] = "Test.Facts",
            ["FactGenVisibility"] = "public",
            ["FactGenUtf8Tables"] = "Always",
        });
        (Compilation output, string data) = Run(version, FactSets.Mixed(), options);
        Assert.Contains(utf8 ? Utf8Tables : StringTables, data, StringComparison.Ordinal); // before C# 11 there are no UTF-8 literals
        Assembly assembly = GeneratorHarness.Load(output);
        object berg = GeneratorHarness.Get(assembly, "Test.Facts.Officials", "IngridBerg")!;
        Assert.Equal("Ingrid Berg", GeneratorHarness.Prop(berg, "Name"));
        Assert.Equal(2, ((System.Collections.ICollection)GeneratorHarness.Prop(berg, "Positions")!).Count);
    }

    /// <summary>A 900,000-char text, distinct per <paramref name="i"/>.</summary>
    private static string Long(string word, int i)
    {
        var text = new StringBuilder(900_000);
        while (text.Length < 900_000) text.Append(word).Append(i).Append(" of many words, ");
        return text.ToString();
    }

    /// <summary>Seven fact files of one organization each, with <paramref name="fields"/> (which holds one long text); and those texts.</summary>
    private static (List<AdditionalText> Files, List<string> Texts) SevenLargeOrganizations(Func<int, string> fields)
    {
        var files = new List<AdditionalText>();
        var texts = new List<string>();
        for (int i = 0; i < 7; i++)
        {
            string f = fields(i);
            int open = f.IndexOf('"');
            texts.Add(f.Substring(open + 1, f.Length - open - 2));
            files.Add(new TestAdditionalText("/project/facts/org" + i + ".yaml", "organizations:\n  - id: org-" + i + "\n    " + f + "\n    country: NO\n"));
        }
        return (files, texts);
    }

    private static (Compilation Output, string Data) Run(LanguageVersion version, List<AdditionalText> files, TestOptionsProvider? options = null)
    {
        var parseOptions = new CSharpParseOptions(version);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files, options ?? FactSets.PublicOptions(), parseOptions: parseOptions);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Probe { public static int Count => Test.Facts.Officials.All.Count; }", parseOptions));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string data = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("FactGen.Data.g.cs", StringComparison.Ordinal)).ToString();
        return (output, data);
    }
}
