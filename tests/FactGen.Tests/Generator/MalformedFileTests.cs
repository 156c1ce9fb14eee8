using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>A malformed fact file costs that file only: it gets a located FG0001, the others still generate.</summary>
public class MalformedFileTests
{
    private const string BadPath = "/project/facts/people/bad.yaml";

    private const string User = """
        using Test.Facts;

        internal static class User
        {
            internal static string Run() => string.Join("|",
                Officials.YamadaTaro.Native, Events.HarbourTalks.Name, Quotes.YamadaOpenPorts.Speaker.Id, Titles.TradeMinister.Name,
                Sources.Briefing.Title, Events.All.Count, Organizations.All.Count);
        }
        """;

    /// <summary>Malformed YAML, and where (1-based line, column) the error is reported.</summary>
    public static TheoryData<string, int, int, string> Cases => new()
    {
        // An unterminated double-quoted scalar: reported where the scalar starts.
        { "officials:\n  - id: bad-one\n    name: \"Bad One\n    country: NO\n", 3, 11, "double-quoted scalar" },
        // A repeated key: reported at the second occurrence.
        { "officials:\n  - id: bad-one\n    name: Bad One\n    name: Bad Two\n    country: NO\n", 4, 5, "duplicate key 'name'" },
        // A key indented less than its siblings.
        { "officials:\n  - id: bad-one\n    name: Bad One\n   country: NO\n", 4, 4, "did not find expected '-' indicator" },
        // An unclosed flow sequence: the parser notices at the end of the file.
        { "officials:\n  - id: bad-one\n    name: [Bad One\n", 4, 1, "did not find expected ',' or ']'" },
        // An alias to no anchor.
        { "officials:\n  - id: bad-one\n    name: *nowhere\n    country: NO\n", 3, 11, "alias '*nowhere' names no anchor" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedFileGetsALocatedFG0001AndTheOthersStillGenerate(string yaml, int line, int column, string message)
    {
        List<AdditionalText> files = FactSets.Mixed();
        files.Insert(2, new TestAdditionalText(BadPath, yaml));
        GeneratorRun run = StrictCompilation.Run(files, FactSets.PublicOptions(), StrictCompilation.Create("User", new[] { User }));

        // Exactly one FG0001; anything else reported (an alias to nothing also leaves a field missing) is
        // about the bad file too, never about its neighbours.
        Diagnostic error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FG0001");
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(BadPath, d.Location.GetLineSpan().Path));
        Assert.Equal("FG0001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        FileLinePositionSpan span = error.Location.GetLineSpan();
        Assert.Equal(BadPath, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains(message, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(LocationKind.ExternalFile, error.Location.Kind);

        // The valid files' members exist and work; the user code compiles without a diagnostic.
        Assert.True(run.CompilationDiagnostics.IsEmpty, StrictCompilation.Describe(run.CompilationDiagnostics));
        var assembly = StrictCompilation.LoadTogether(("User", StrictCompilation.Emit(run.Output)));
        Assert.Equal("山田太郎|Harbour talks|yamada-taro|Minister of Trade|Harbour Accord briefing & notes|9|2",
            StrictCompilation.Call(assembly, "User", "Run"));
    }

    [Fact]
    public void TheFixedFileIsGenerated()
    {
        // Control: fixed, the same file yields its fact and no diagnostic.
        List<AdditionalText> files = FactSets.Mixed();
        files.Insert(2, new TestAdditionalText(BadPath, "officials:\n  - id: bad-one\n    name: Bad One\n    country: NO\n"));
        GeneratorRun run = StrictCompilation.Run(files, FactSets.PublicOptions(), StrictCompilation.Create("User", new[] { User }));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("facts_people_bad.yaml.g.cs", run.Sources.Keys);
        var assembly = GeneratorHarness.Load(run.Output);
        Assert.Equal("Bad One", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", "BadOne"), "Name"));
    }
}
