using System.Collections.Immutable;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static FactGen.Tests.Rules.RuleTestKit;

namespace FactGen.Tests.Rules;

/// <summary>
/// A data error that makes the generator leave a fact out must show, in the same build output, beside the
/// CS error it causes in user code: the explaining FG diagnostic comes from the generator itself (the
/// compiler's list is generator diagnostics + compilation diagnostics), not from an analyzer.
/// </summary>
public class UserCodeDiagnosticsTests
{
    private const string UserCode = """
        namespace App;

        public static class Briefing
        {
            public static string Premier() => Test.Facts.Officials.LiQiang.Name;

            public static string VicePremier() => Test.Facts.Officials.HeLifeng.Name;
        }
        """;

    public static TheoryData<string, string, int, int, string> BrokenFacts => new()
    {
        {
            """
            officials:
              - id: he-lifeng
                name: He Lifeng
                country: CN
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  - title: premier
                    from: 2023-02-30
            titles:
              - id: premier
                name: Premier of the State Council
                country: CN
            """,
            "FG0004", 10, 15, "Invalid value '2023-02-30' for 'from'"
        },
        {
            """
            officials:
              - id: he-lifeng
                name: He Lifeng
                country: CN
              - id: li-qiang
                name: Li Qiang
            """,
            "FG0003", 5, 5, "Official 'li-qiang' has no 'country' field"
        },
        {
            """
            officials:
              - id: he-lifeng
                name: He Lifeng
                country: CN
              - id: li-qiang
                name: Li Qiang
                country: cn
            """,
            "FG0004", 7, 14, "write 'CN'"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFacts))]
    public void FactLeftOutByTheGenerator_ShowsItsFGErrorBesideTheCS0117(string yaml, string id, int line, int column, string message)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Yaml("facts.yaml", yaml) }, GeneratorHarness.CreateCompilation(sources: UserCode));
        ImmutableArray<Diagnostic> build = run.GeneratorDiagnostics.AddRange(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // Exactly two errors: the FG one at the YAML, the CS0117 at the user's code.
        Assert.True(build.Length == 2, Format(build));
        Diagnostic fg = AssertSingle(build, id);
        fg.AssertAt(id, DiagnosticSeverity.Error, "facts.yaml", line, column);
        fg.AssertMessage(message);

        Diagnostic cs = AssertSingle(build, "CS0117");
        Assert.Equal(DiagnosticSeverity.Error, cs.Severity);
        FileLinePositionSpan span = cs.Location.GetLineSpan();
        Assert.Equal("/project/Code0.cs", span.Path);
        Assert.Equal(5, span.StartLinePosition.Line + 1);
        Assert.Contains("'Officials' does not contain a definition for 'LiQiang'", cs.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidFacts_CompileTheSameUserCodeCleanly()
    {
        const string yaml = """
            officials:
              - id: he-lifeng
                name: He Lifeng
                country: CN
              - id: li-qiang
                name: Li Qiang
                country: CN
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { Yaml("facts.yaml", yaml) }, GeneratorHarness.CreateCompilation(sources: UserCode));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationDiagnostics.IsEmpty, Format(run.CompilationDiagnostics));
    }
}
