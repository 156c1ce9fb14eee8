using System.Globalization;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Inputs that once broke FactGen (or that YamlDotNet wrongly accepts), kept in Robustness/Fixtures. Each
/// file's first line names the diagnostics it must get, exactly: <c># expect: FG0001@3:1 FG0004@1:1</c>
/// (1-based line:column) or <c># expect: none</c>. The file is read from its bytes the way csc reads it.
/// </summary>
public class RegressionFixtureTests
{
    public static string Folder => Path.Combine(Repo.Root, "tests", "FactGen.Tests", "Robustness", "Fixtures");

    public static IEnumerable<object[]> Fixtures()
        => Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => new object[] { n! });

    [Fact]
    public void FixturesArePresent() => Assert.NotEmpty(Fixtures());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FixtureGetsExactlyItsExpectedDiagnostics(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        var file = new TestAdditionalText(GeneratorHarness.FactsDir + "/" + name, CompilerText.FromBytes(bytes));
        string firstLine = file.GetText()!.Lines[0].ToString().TrimStart('\uFEFF');
        const string marker = "# expect:";
        Assert.True(firstLine.StartsWith(marker, StringComparison.Ordinal), name + " must start with '" + marker + "'");
        string[] expected = firstLine.Substring(marker.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e != "none").Order(StringComparer.Ordinal).ToArray();

        GeneratorRun run = Robust.Run(new[] { file });

        List<string> problems = Robust.Problems(run, new[] { file });
        problems.AddRange(Robust.AnalyzerProblems(run.Output, new[] { file }));
        Assert.True(problems.Count == 0, name + ": " + Robust.Describe(problems));
        string[] actual = run.GeneratorDiagnostics.Select(Format).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(actual),
            name + ": expected [" + string.Join(" ", expected) + "] but got [" + string.Join(" ", actual) + "]\n" + string.Join("\n", run.GeneratorDiagnostics));
    }

    private static string Format(Diagnostic d)
    {
        var p = d.Location.GetLineSpan().StartLinePosition;
        return d.Id + "@" + (p.Line + 1).ToString(CultureInfo.InvariantCulture) + ":" + (p.Character + 1).ToString(CultureInfo.InvariantCulture);
    }
}
