using System.Collections.Immutable;
using System.Globalization;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Rules;

/// <summary>
/// Fixtures and assertions for the rule tests: fact files as AdditionalFiles under <c>/project/facts</c>,
/// the real damaged article under <c>/project/seeds</c>, and every diagnostic one build would show
/// (generator + analyzer, <see cref="AnalyzerHarness.All"/>).
/// </summary>
internal static class RuleTestKit
{
    public const string ArticleFileName = "raimondo-beijing-2023-08-29.txt";

    /// <summary>Where the article lies in the in-memory project; a fact file under facts/ cites it as <c>../seeds/…</c>.</summary>
    public const string ArticlePath = "/project/seeds/" + ArticleFileName;

    private static readonly Lazy<string> s_article = new(() => File.ReadAllText(Path.Combine(Repo.Seeds, ArticleFileName)));

    /// <summary>The real article text (damaged: UTF-8 once read as Windows-874), exactly as the repository stores it.</summary>
    public static string ArticleText => s_article.Value;

    public static string PathOf(string name) => GeneratorHarness.FactsDir + "/" + name;

    public static AdditionalText Yaml(string name, string text) => new TestAdditionalText(PathOf(name), text);

    public static AdditionalText Article() => new TestAdditionalText(ArticlePath, ArticleText);

    /// <summary>A sources file that defines <c>raimondo-beijing</c> as the real article.</summary>
    public static AdditionalText ArticleSource() => Yaml("sources.yaml", """
        sources:
          - id: raimondo-beijing
            title: U.S. Commerce Secretary in Beijing to discuss trade
            file: ../seeds/raimondo-beijing-2023-08-29.txt
            published: 2023-08-29
        """);

    /// <summary>Every diagnostic of one build over the files (generator first, then the analyzer).</summary>
    public static ImmutableArray<Diagnostic> Diagnose(params AdditionalText[] files) => AnalyzerHarness.All(files);

    /// <summary>Diagnostics of one fact file <c>/project/facts/facts.yaml</c> (plus any extra files).</summary>
    public static ImmutableArray<Diagnostic> Diagnose(string yaml, params AdditionalText[] extra)
        => Diagnose(new[] { Yaml("facts.yaml", yaml) }.Concat(extra).ToArray());

    /// <summary>Diagnostics with global MSBuild properties beyond the defaults (e.g. a limit).</summary>
    public static ImmutableArray<Diagnostic> DiagnoseWith(IReadOnlyDictionary<string, string> properties, string yaml)
    {
        var all = GeneratorHarness.DefaultProperties();
        foreach (var kv in properties) all[kv.Key] = kv.Value;
        return AnalyzerHarness.All(new[] { Yaml("facts.yaml", yaml) }, new TestOptionsProvider(all));
    }

    public static string Message(this Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => "  " + d.ToString()).ToList();
        return lines.Count == 0 ? "(no diagnostics)" : string.Join("\n", lines);
    }

    /// <summary>Asserts that the build is clean: the near-miss fixtures must not trip any rule.</summary>
    public static void AssertClean(ImmutableArray<Diagnostic> diagnostics)
        => Assert.True(diagnostics.IsEmpty, "expected no diagnostics, got:\n" + Format(diagnostics));

    /// <summary>Asserts the only diagnostics are exactly one of <paramref name="id"/> and returns it.</summary>
    public static Diagnostic AssertOnly(ImmutableArray<Diagnostic> diagnostics, string id)
    {
        Assert.True(diagnostics.Length == 1 && diagnostics[0].Id == id, "expected exactly one " + id + ", got:\n" + Format(diagnostics));
        return diagnostics[0];
    }

    /// <summary>Asserts there is exactly one diagnostic of <paramref name="id"/> (others may exist) and returns it.</summary>
    public static Diagnostic AssertSingle(ImmutableArray<Diagnostic> diagnostics, string id)
    {
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, "expected one " + id + ", got:\n" + Format(diagnostics));
        return matching[0];
    }

    /// <summary>
    /// Asserts id, severity and the location as <c>dotnet build</c> prints it: <c>path(line,column)</c>, 1-based.
    /// </summary>
    public static void AssertAt(this Diagnostic d, string id, DiagnosticSeverity severity, string fileName, int line, int column)
    {
        Assert.Equal(id, d.Id);
        Assert.Equal(severity, d.Severity);
        AssertLocation(d.Location, fileName, line, column, d);
    }

    public static void AssertLocation(Location location, string fileName, int line, int column, Diagnostic? owner = null)
    {
        FileLinePositionSpan span = location.GetLineSpan();
        string where = span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")";
        string expected = (fileName.StartsWith('/') ? fileName : PathOf(fileName)) + "(" + line + "," + column + ")";
        Assert.True(expected == where, "expected at " + expected + ", was at " + where + (owner is null ? string.Empty : ": " + owner));
    }

    /// <summary>Asserts the formatted message contains each fragment (the offending value, the hint, …).</summary>
    public static void AssertMessage(this Diagnostic d, params string[] fragments)
    {
        string message = d.Message();
        foreach (string f in fragments)
        {
            Assert.True(message.Contains(f, StringComparison.Ordinal), "message lacks \"" + f + "\": " + message);
        }
    }

    /// <summary>The text the location covers in <paramref name="source"/> (checks the span, not just the start).</summary>
    public static string Covered(this Diagnostic d, string source) => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);

    public static Dictionary<string, string> Props(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
