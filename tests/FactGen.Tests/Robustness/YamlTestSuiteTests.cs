using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.1: every input of the YAML test suite (../shared/corpus/yaml-test-suite, 402 cases, 94 of them
/// invalid with an <c>error</c> file) fed to the generator as a fact file, and to every FactGen analyzer
/// over the generator's output.
/// </summary>
public class YamlTestSuiteTests
{
    public static string Corpus => Path.Combine(Repo.Shared, "corpus", "yaml-test-suite");

    public const string Missing = "(corpus folder missing)";

    /// <summary>Case names relative to the corpus: <c>229Q</c>, <c>2G84/00</c>, …</summary>
    public static IReadOnlyList<string> CaseNames()
    {
        if (!Directory.Exists(Corpus)) return Array.Empty<string>();
        return Directory.GetFiles(Corpus, "in.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Corpus, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<object[]> Cases()
    {
        IReadOnlyList<string> names = CaseNames();
        if (names.Count == 0) return new[] { new object[] { Missing } };
        return names.Select(n => new object[] { n });
    }

    [Fact]
    public void TheAnalyzersThisSuiteRunsReport()
    {
        Assert.Contains(Robust.Analyzers, a => a.GetType().Name == "FactFileAnalyzer");
        var file = Robust.Fact("unknown.yaml", "foo: 1\n");
        Assert.Contains(Robust.AnalyzerDiagnostics(Robust.Base, new[] { file }), d => d.Id == "FG0002");
    }

    [Fact]
    public void CorpusIsPresent()
    {
        Assert.True(Directory.Exists(Corpus), "The YAML test suite is expected at " + Corpus + " (../shared beside the checkout).");
        IReadOnlyList<string> names = CaseNames();
        Assert.Equal(402, names.Count);
        Assert.Equal(94, names.Count(n => File.Exists(Path.Combine(Corpus, n, "error"))));
    }

    internal static AdditionalText Load(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Corpus, name, "in.yaml"));
        return new TestAdditionalText(GeneratorHarness.FactsDir + "/" + name.Replace('/', '-') + ".yaml", CompilerText.FromBytes(bytes));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InputEndsInDiagnosticsOrCode(string name)
    {
        Assert.True(name != Missing, "The YAML test suite is missing: expected at " + Corpus);
        AdditionalText file = Load(name);
        bool invalid = File.Exists(Path.Combine(Corpus, name, "error"));

        GeneratorRun run = Robust.Run(new[] { file });

        List<string> problems = Robust.Problems(run, new[] { file });
        // The fact-file analyzer reads AdditionalFiles only, and no user code calls into the facts here: the
        // analyzers run over the empty base compilation, which keeps 402 runs quick.
        problems.AddRange(Robust.AnalyzerProblems(Robust.Base, new[] { file }));
        Assert.True(problems.Count == 0, name + ": " + Robust.Describe(problems));
        Assert.Null(run.Result.Results[0].Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");

        if (invalid)
        {
            Diagnostic? syntax = run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == "FG0001");
            Assert.True(syntax is not null, name + " is invalid YAML but got no FG0001; diagnostics: " + string.Join("; ", run.GeneratorDiagnostics));
            SourceText text = file.GetText()!;
            LinePosition start = syntax!.Location.GetLineSpan().StartLinePosition;
            Assert.InRange(start.Line, 0, text.Lines.Count - 1);
            Assert.InRange(start.Character, 0, text.Lines[start.Line].Span.Length);
        }
        else
        {
            // A valid YAML text either is a fact file (code generated) or is told why it is not: nothing is
            // ignored in silence. Without any diagnostic, every document must be empty or a mapping of
            // the fact lists only (sources:, officials:, …).
            bool generated = run.Result.Results[0].GeneratedSources.Any(s => s.HintName == "FactGen.Data.g.cs");
            Assert.True(generated, name + ": no data source generated");
            bool told = run.GeneratorDiagnostics.Any() || Robust.AnalyzerDiagnostics(Robust.Base, new[] { file }).Any(d => d.Id.StartsWith("FG", StringComparison.Ordinal));
            if (!told)
            {
                var diagnostics = new List<Model.DiagnosticInfo>();
                var documents = Parsing.YamlReader.Read(file.Path, file.GetText()!.ToString(), Parsing.ParseLimits.Default, diagnostics, CancellationToken.None);
                foreach (var document in documents)
                {
                    bool factFile = document is Parsing.YamlScalar { IsNull: true }
                        || (document is Parsing.YamlMapping map && map.Entries.All(e => Parsing.FactSchema.Lists.Any(l => l.List == e.Key.Value)));
                    Assert.True(factFile, name + ": valid YAML that is no fact file got no diagnostic");
                }
            }
        }
    }
}
