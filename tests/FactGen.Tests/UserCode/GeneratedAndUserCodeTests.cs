using System.Collections.Immutable;
using FactGen.Analyzers.UserCode;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FactGen.Tests.UserCode;

/// <summary>
/// The analyzer as the compiler runs it: FactGenerator and user code in one compilation (GeneratorHarness), then
/// CompilationWithAnalyzers over the output — and over a second assembly that references the generated facts.
/// </summary>
public sealed class GeneratedAndUserCodeTests
{
    private const string UserCode = """
        using Test.Facts;

        public static class Briefing
        {
            public static string Lead() => Officials.Find("gina-raimond")?.Name ?? "";
            public static string? Vice() => Officials.Find("he-lifeng")?.Name;
            public static bool IsHe(Official o) => o.Id == "he-lifeng";
        }
        """;

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        => compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FactIdAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();

    /// <summary>"file(line): id at `reported text`: message".</summary>
    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        string text = d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {d.Id} at `{text}`: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    [Fact]
    public void RealFactsAndUserCodeInOneCompilation()
    {
        GeneratorRun run = GeneratorHarness.Run(Repo.RealFactsAndSeeds(), GeneratorHarness.CreateCompilation(sources: UserCode));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        string[] actual = Analyze(run.Output).Select(Describe).ToArray();

        Assert.Equal(new[]
        {
            "Code0.cs(5): FG1001 at `\"gina-raimond\"`: 'gina-raimond' is not the id of any official; did you mean 'gina-raimondo'?",
            "Code0.cs(6): FG1002 at `\"he-lifeng\"`: Use Officials.HeLifeng instead of the string id 'he-lifeng'",
            "Code0.cs(7): FG1002 at `\"he-lifeng\"`: Use Officials.Ids.HeLifeng instead of the string id 'he-lifeng'",
        }, actual);
    }

    [Fact]
    public void GeneratedCodeAloneGivesNoDiagnostics()
    {
        GeneratorRun run = GeneratorHarness.Run(Repo.RealFactsAndSeeds());
        Assert.True(run.Output.SyntaxTrees.Count() > 3);
        Assert.Empty(Analyze(run.Output));
    }

    [Fact]
    public void FactsInAReferencedAssemblyAreRecognised()
    {
        GeneratorRun library = GeneratorHarness.RunYaml(UserCodeTest.Facts, compilation: GeneratorHarness.CreateCompilation("FactsLibrary"),
            extra: new TestAdditionalText(GeneratorHarness.FactsDir + "/article.txt", "An article."));
        Assert.Empty(library.GeneratorDiagnostics);
        MetadataReference reference = MetadataReference.CreateFromImage(GeneratorHarness.Emit(library.Output));

        CSharpCompilation app = GeneratorHarness.CreateCompilation("App", OutputKind.DynamicallyLinkedLibrary, """
            using Test.Facts;

            public static class App
            {
                public static object? A() => Officials.Find("he-lifng");
                public static object? B() => Events.Find("beijing-trip");
                public static object? C() => Officials.Find("commerce-ministry");
                public static bool D(Quote q) => q.Id is "positive-effort";
            }
            """).AddReferences(reference);
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.Equal(new[]
        {
            "Code0.cs(5): FG1001 at `\"he-lifng\"`: 'he-lifng' is not the id of any official; did you mean 'he-lifeng'?",
            "Code0.cs(6): FG1002 at `\"beijing-trip\"`: Use Events.BeijingTrip instead of the string id 'beijing-trip'",
            "Code0.cs(7): FG1001 at `\"commerce-ministry\"`: 'commerce-ministry' is not the id of any official; it is an organization id (Organizations.CommerceMinistry)",
            "Code0.cs(8): FG1001 at `\"positive-effort\"`: 'positive-effort' is not the id of any quote; did you mean 'positive-efforts'?",
        }, Analyze(app).Select(Describe).ToArray());
    }

    /// <summary>
    /// Editing a fact file changes what the analyzer knows: the recognised kinds are cached per compilation, never
    /// across compilations.
    /// </summary>
    [Fact]
    public void AFactAddedToTheYamlIsKnownInTheNextCompilation()
    {
        const string code = """
            public static class C
            {
                public static object? A() => Test.Facts.Officials.Find("li-qiang");
            }
            """;
        var analyzer = new FactIdAnalyzer();
        string Run(string yaml)
        {
            GeneratorRun run = GeneratorHarness.RunYaml(yaml, compilation: GeneratorHarness.CreateCompilation(sources: code));
            ImmutableArray<Diagnostic> diagnostics = run.Output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer))
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return string.Join("\n", diagnostics.Select(Describe));
        }

        const string one = """
            officials:
              - id: he-lifeng
                name: He Lifeng
                country: CN
                positions: []
            """;
        Assert.Equal("Code0.cs(3): FG1001 at `\"li-qiang\"`: 'li-qiang' is not the id of any official", Run(one));
        Assert.Equal("Code0.cs(3): FG1002 at `\"li-qiang\"`: Use Officials.LiQiang instead of the string id 'li-qiang'", Run(one + """

              - id: li-qiang
                name: Li Qiang
                country: CN
                positions: []
            """));
    }
}
