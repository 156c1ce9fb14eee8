using System.Text;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.2: inputs built to exhaust the build machine end in FG0016 after bounded work. The work is
/// measured by the reader's own counts (parser events read, nodes and value chars charged, aliases at
/// their expanded size) — never by the clock. Each limit is an MSBuild property; raising it takes effect.
/// </summary>
public class ResourceLimitTests
{
    private static List<DiagnosticInfo> Read(string text, ParseLimits limits, out YamlReadStats stats)
    {
        var diagnostics = new List<DiagnosticInfo>();
        YamlReader.Read("/project/facts/limits.yaml", text, limits, diagnostics, CancellationToken.None, out stats);
        return diagnostics;
    }

    private static DiagnosticInfo SingleLimit(List<DiagnosticInfo> diagnostics, string property)
    {
        DiagnosticInfo d = Assert.Single(diagnostics, x => x.Id == "FG0016");
        Assert.Equal(property, d.Arguments[3]);
        return d;
    }

    private static GeneratorRun RunChecked(string yaml, IReadOnlyDictionary<string, string>? properties = null)
    {
        AdditionalText file = Robust.Fact("limits.yaml", yaml);
        GeneratorRun run = Robust.Run(new[] { file }, Robust.Options(properties));
        // Everything but compiling: the big outputs here would make that the slow part of the test.
        List<string> problems = Robust.Problems(run, new[] { file }, compile: false);
        Assert.True(problems.Count == 0, Robust.Describe(problems));
        return run;
    }

    private static long GeneratedChars(GeneratorRun run) => run.Result.Results[0].GeneratedSources.Sum(s => (long)s.SourceText.Length);

    // ---- alias bombs ----------------------------------------------------------------------------

    /// <summary>Ten levels of ten aliases: 10^10 nodes if expanded; refused after reading the text once.</summary>
    private static string BillionLaughs(int levels = 10, int width = 10)
    {
        var sb = new StringBuilder();
        sb.Append("lol0: &l0 [").Append(string.Join(", ", Enumerable.Repeat("lol", width))).Append("]\n");
        for (int i = 1; i < levels; i++)
        {
            sb.Append("lol").Append(i).Append(": &l").Append(i).Append(" [")
              .Append(string.Join(", ", Enumerable.Repeat("*l" + (i - 1), width))).Append("]\n");
        }
        sb.Append("officials: *l").Append(levels - 1).Append('\n');
        return sb.ToString();
    }

    [Fact]
    public void BillionLaughsIsRefusedAfterReadingEachEventOnce()
    {
        const int levels = 10, width = 10;
        string text = BillionLaughs(levels, width);
        List<DiagnosticInfo> diagnostics = Read(text, ParseLimits.Default, out YamlReadStats stats);

        SingleLimit(diagnostics, ParseLimits.MaxNodesProperty);
        // The text holds levels × (key + sequence start/end + width items) + a handful of framing events.
        int eventsInText = (levels * (width + 3)) + 10;
        Assert.InRange(stats.Events, 1, eventsInText);
        // The budget is exceeded by at most one alias's expanded size (itself within the budget).
        Assert.InRange(stats.Nodes, ParseLimits.Default.MaxNodes + 1, 2L * ParseLimits.Default.MaxNodes);
    }

    [Fact]
    public void BillionLaughsThroughTheGeneratorEndsInFG0016()
    {
        GeneratorRun run = RunChecked(BillionLaughs());
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FG0016", d.Id);
        Assert.Contains("FactGenMaxNodes", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Robust.GeneratedCodeProblems(run));
    }

    [Fact]
    public void RaisingMaxNodesLetsAModestAliasFanOutThrough()
    {
        // 4 levels of 10: 11,111 nodes anchored, 22,222 with the final alias; over 5,000, within 30,000.
        string text = BillionLaughs(levels: 4);
        Assert.Contains(Read(text, ParseLimits.Default with { MaxNodes = 5_000 }, out _), d => d.Id == "FG0016");
        Assert.DoesNotContain(Read(text, ParseLimits.Default with { MaxNodes = 30_000 }, out _), d => d.Id == "FG0016");
        Assert.Contains(RunChecked(text, new Dictionary<string, string> { ["FactGenMaxNodes"] = "5000" }).GeneratorDiagnostics, d => d.Id == "FG0016");
        Assert.DoesNotContain(RunChecked(text, new Dictionary<string, string> { ["FactGenMaxNodes"] = "30000" }).GeneratorDiagnostics, d => d.Id == "FG0016");
    }

    /// <summary>One 1M-char value aliased as the deprecation reason of many officials.</summary>
    private static string LongValueAliased(int count)
    {
        var sb = new StringBuilder();
        sb.Append("big: &big \"").Append('x', 1_000_000).Append("\"\nofficials:\n");
        for (int i = 0; i < count; i++) sb.Append("  - {id: o").Append(i).Append(", name: N, country: US, deprecated: *big}\n");
        return sb.ToString();
    }

    [Fact]
    public void ALongValueAliasedManyTimesIsRefusedBeforeItMultiplies()
    {
        // Few nodes, but 200 × 1M chars expanded: every later step (hashing, comparing, one [Obsolete]
        // message per fact in the generated code) would multiply it.
        string text = LongValueAliased(200);
        List<DiagnosticInfo> diagnostics = Read(text, ParseLimits.Default, out YamlReadStats stats);
        SingleLimit(diagnostics, ParseLimits.MaxFileLengthProperty);
        Assert.InRange(stats.Chars, ParseLimits.Default.MaxFileLength + 1, ParseLimits.Default.MaxFileLength + 1_000_000L);

        GeneratorRun run = RunChecked(text);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FG0016");
        Assert.InRange(GeneratedChars(run), 0, 2L * text.Length);
    }

    // ---- size -----------------------------------------------------------------------------------

    private static string Officials(int count, int minLength = 0)
    {
        var sb = new StringBuilder("officials:\n", Math.Max(minLength, count * 48) + 64);
        for (int i = 0; (i < count || sb.Length < minLength); i++)
        {
            sb.Append("  - {id: o").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
              .Append(", name: Official ").Append(i).Append(", country: US}\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void AFiftyMegabyteFileIsRefusedWithoutBeingParsed()
    {
        string text = Officials(0, minLength: 50 * 1024 * 1024);
        List<DiagnosticInfo> diagnostics = Read(text, ParseLimits.Default, out YamlReadStats stats);
        DiagnosticInfo d = SingleLimit(diagnostics, ParseLimits.MaxFileLengthProperty);
        Assert.Equal(0, d.Location.Start);
        Assert.Equal(0, stats.Events);

        GeneratorRun run = RunChecked(text);
        Assert.Equal("FG0016", Assert.Single(run.GeneratorDiagnostics).Id);

        // Raised by MSBuild property, the file is read — until the node budget stops it.
        GeneratorRun raised = RunChecked(text, new Dictionary<string, string> { ["FactGenMaxFileLength"] = "60000000" });
        Diagnostic nodes = Assert.Single(raised.GeneratorDiagnostics);
        Assert.Equal("FG0016", nodes.Id);
        Assert.Contains("FactGenMaxNodes", nodes.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ATenMegabyteValueIsRefusedUnlessTheLimitIsRaised()
    {
        string text = "officials:\n  - id: he-lifeng\n    name: \"" + new string('a', 10_000_000) + "\"\n    country: CN\n";
        List<DiagnosticInfo> diagnostics = Read(text, ParseLimits.Default, out YamlReadStats stats);
        SingleLimit(diagnostics, ParseLimits.MaxScalarLengthProperty);
        Assert.InRange(stats.Events, 1, 12);

        Assert.Equal("FG0016", Assert.Single(RunChecked(text).GeneratorDiagnostics).Id);

        GeneratorRun raised = RunChecked(text, new Dictionary<string, string> { ["FactGenMaxScalarLength"] = "20000000" });
        Assert.Empty(raised.GeneratorDiagnostics);
        Assert.True(raised.Sources["FactGen.Names.g.cs"].Length > 10_000_000);
    }

    [Theory]
    [InlineData("flow")]
    [InlineData("block")]
    public void TenThousandLevelsOfNestingAreRefusedAtTheDepthLimit(string style)
    {
        const int depth = 10_000;
        string text = style == "flow"
            ? "officials: " + new string('[', depth) + new string(']', depth) + "\n"
            : "officials:\n" + string.Concat(Enumerable.Repeat("- ", depth)) + "x\n";
        List<DiagnosticInfo> diagnostics = Read(text, ParseLimits.Default, out YamlReadStats stats);
        SingleLimit(diagnostics, ParseLimits.MaxDepthProperty);
        Assert.InRange(stats.Events, 1, ParseLimits.Default.MaxDepth + 8);

        Assert.Equal("FG0016", Assert.Single(RunChecked(text).GeneratorDiagnostics).Id);

        // Raised, the whole depth is read (the reader keeps its own stack, so no stack overflow), and the
        // file is then told it holds no officials. (YamlDotNet's flow scanner costs more per level, so the
        // flow case is raised over 2,000 levels to keep the test quick.)
        if (style == "flow") text = "officials: " + new string('[', 2_000) + new string(']', 2_000) + "\n";
        GeneratorRun raised = RunChecked(text, new Dictionary<string, string> { ["FactGenMaxDepth"] = "20000" });
        Assert.DoesNotContain(raised.GeneratorDiagnostics, d => d.Id == "FG0016");
        Assert.Contains(raised.GeneratorDiagnostics, d => d.Id == "FG0004");
    }

    [Fact]
    public void AHundredThousandItemsInOneListAreAcceptedWithinTheDefaults()
    {
        // 100,000 officials are 700,003 nodes and ~4.8 M chars: inside the defaults (1 M nodes, 10 M chars),
        // because a large curated corpus is a legitimate input; the work is linear in the items.
        const int count = 100_000;
        string text = Officials(count);
        List<DiagnosticInfo> diagnostics = Read(text, ParseLimits.Default, out YamlReadStats stats);
        Assert.Empty(diagnostics);
        Assert.Equal(3 + (count * 7), stats.Nodes);
        Assert.Equal((count * 8) + 9, stats.Events); // per item: mapping start and end, 6 scalars

        // Through the generator: every item becomes a member. (Compiling 100,000 members takes the C#
        // compiler minutes on this machine — the cost of asking for 100,000 typed members, not FactGen's —
        // so this test stops at the generated source; smaller corpora are compiled everywhere else.)
        GeneratorRun run = RunChecked(text);
        Assert.Empty(run.GeneratorDiagnostics);
        string members = run.Sources["limits.yaml.g.cs"];
        Assert.Equal(count, members.Split('\n').Count(l => l.TrimStart().StartsWith("public static Official_ ", StringComparison.Ordinal)));
    }

    // ---- superlinear corners ----------------------------------------------------------------------

    [Fact]
    public void DidYouMeanHintsCostBoundedWorkForManyMissesAgainstManyIds()
    {
        // 20,000 misses against 20,000 ids would be 400 M edit distances; the budget caps the table cells.
        List<string> ids = Enumerable.Range(0, 20_000).Select(i => "official-number-" + i).ToList();
        var budget = new SuggestionBudget();
        int hinted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            if (FactSchema.Closest("officials-numbers-" + i, ids, budget) is not null) hinted++;
        }
        Assert.InRange(budget.Spent, 1, SuggestionBudget.DefaultCells);
        Assert.InRange(hinted, 1, 19_999);
        Assert.Equal("official-number-7", FactSchema.Closest("officials-number-7", ids, new SuggestionBudget()));
    }

    [Fact]
    public void ThousandsOfDanglingReferencesAgainstThousandsOfIdsAreAllReported()
    {
        // Before the budget this 300 KB file kept the generator busy for minutes (3,000 × 3,000 distances).
        const int count = 3_000;
        var text = new StringBuilder("officials:\n");
        for (int i = 0; i < count; i++) text.Append("  - {id: official-number-").Append(i).Append(", name: N, country: US}\n");
        text.Append("events:\n  - id: meeting\n    kind: meeting\n    name: E\n    date: 2023\n    participants:\n");
        for (int i = 0; i < count; i++) text.Append("      - officials-numbers-").Append(i).Append('\n');

        GeneratorRun run = RunChecked(text.ToString());
        List<Diagnostic> dangling = run.GeneratorDiagnostics.Where(d => d.Id == "FG0006").ToList();
        Assert.Equal(count, dangling.Count);
        Assert.Equal(count, run.GeneratorDiagnostics.Length);
        Assert.Contains("did you mean 'official-number-0'", dangling[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DuplicateKeysAreFoundInOnePassOverAHugeMapping()
    {
        // 100,000 keys in one mapping, the last a repeat: a pairwise scan would be 5·10^9 comparisons.
        var text = new StringBuilder("officials:\n  - id: he-lifeng\n    name: He Lifeng\n    country: CN\n");
        for (int i = 0; i < 100_000; i++) text.Append("    k").Append(i).Append(": v\n");
        text.Append("    k7: again\n");
        List<DiagnosticInfo> diagnostics = Read(text.ToString(), ParseLimits.Default, out YamlReadStats stats);
        DiagnosticInfo duplicate = Assert.Single(diagnostics);
        Assert.Equal("FG0001", duplicate.Id);
        Assert.Equal(100_004, duplicate.Location.StartLine);
        Assert.Equal(2 + 1 + 1 + 6 + (2 * 100_001), stats.Nodes);
    }
}
