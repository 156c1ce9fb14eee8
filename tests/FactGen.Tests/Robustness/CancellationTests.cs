using System.Collections.Immutable;
using System.Text;
using FactGen.Emit;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.8: the parser, the generator and the analyzers stop promptly when their CancellationToken is
/// cancelled — measured in work done after the cancellation (parser events, items, files read), never in
/// time. Cancellation is made deterministic by cancelling from inside the work: after the N-th parser event
/// or item (<see cref="ParseProgress"/>), or when the N-th file's text is requested.
/// </summary>
public class CancellationTests
{
    private const int Items = 100_000;

    private static readonly Lazy<string> s_large = new(() => Officials(Items, "o"));
    private static readonly Lazy<string> s_largeBlock = new(() => Officials(Items, "o", block: true));

    /// <summary>
    /// Items as flow mappings (<c>- {id: …}</c>: read by YamlDotNet), or in block style (read by the block
    /// scanner). Either way 8 events an item.
    /// </summary>
    private static string Officials(int count, string prefix, bool block = false)
    {
        var sb = new StringBuilder("officials:\n", count * 48);
        for (int i = 0; i < count; i++)
        {
            if (block) sb.Append("  - id: ").Append(prefix).Append(i).Append("\n    name: Official ").Append(i).Append("\n    country: US\n");
            else sb.Append("  - {id: ").Append(prefix).Append(i).Append(", name: Official ").Append(i).Append(", country: US}\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The block scanner reads the flow file's first 5 events (up to its first '{') before it hands the file
    /// to YamlDotNet, which reads it from the start: those 5 are work done too.
    /// </summary>
    public static TheoryData<bool, int> Styles() => new() { { false, 5 }, { true, 0 } };

    private const string Path = "/project/facts/large.yaml";

    [Theory]
    [MemberData(nameof(Styles))]
    public void ParsingStopsAtTheEventItWasCancelledAt(bool block, int abandoned)
    {
        // A 100,000-item file is 800,009 events; cancelled after the 1,000th, not one more is handled.
        using var cts = new CancellationTokenSource();
        var progress = new ParseProgress(p => { if (p.Events == 1_000) cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => FactParser.Parse(Path, block ? s_largeBlock.Value : s_large.Value, ParseLimits.Default, cts.Token, progress));
        Assert.Equal(1_000, progress.Events);
        // Items are bound as they are read: the ones complete by then (5 events open the list, 8 make an item).
        Assert.Equal((1_000 - abandoned - 5) / 8, progress.Items);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void BindingStopsAtTheItemItWasCancelledAt(bool block, int abandoned)
    {
        using var cts = new CancellationTokenSource();
        var progress = new ParseProgress(p => { if (p.Items == 5_000) cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => FactParser.Parse(Path, block ? s_largeBlock.Value : s_large.Value, ParseLimits.Default, cts.Token, progress));
        Assert.Equal(5_000, progress.Items);
        // Reading stopped with the event that completed the 5,000th item, far from the file's 800,009.
        Assert.Equal(abandoned + 5 + (5_000 * 8), progress.Events);
    }

    [Fact]
    public void AParseAlreadyCancelledDoesNoWork()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var progress = new ParseProgress();
        Assert.ThrowsAny<OperationCanceledException>(() => FactParser.Parse(Path, s_large.Value, ParseLimits.Default, cts.Token, progress));
        Assert.Equal(0, progress.Events);

        // Uncancelled, the same parse runs to the end: the counts above are not what any parse does.
        var full = new ParseProgress();
        FactFile file = FactParser.Parse(Path, s_large.Value, ParseLimits.Default, CancellationToken.None, full);
        Assert.Equal(Items, full.Items);
        Assert.Equal(Items, file.Officials.Count);
    }

    [Fact]
    public void LinkingAndEmittingHonourACancelledToken()
    {
        FactFile file = FactParser.Parse(Path, s_large.Value, ParseLimits.Default, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Linker.Link(new[] { file }, new[] { Path }, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Structure.Link(new[] { Structure.Of(file) }, new[] { Path }, cts.Token));
        var (facts, valueChars) = Structure.Link(new[] { Structure.Of(file) }, new[] { Path }, CancellationToken.None);
        EmitPlan plan = EmitPlan.Create(facts, valueChars, EmitSettings.Default);
        Assert.ThrowsAny<OperationCanceledException>(() => Emitter.EmitShared(plan, cts.Token));
        NameTable names = NameTable.Create(System.Collections.Immutable.ImmutableArray.Create(FileNames.Of(file)), plan);
        Assert.ThrowsAny<OperationCanceledException>(() => Emitter.EmitNames(names, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => FileEmitter.Emit(OwnFileInput.Create(file, plan, names), cts.Token));
    }

    /// <summary>An AdditionalFiles entry that counts reads and cancels the source when the N-th file is read.</summary>
    private sealed class CancellingText : AdditionalText
    {
        private readonly SourceText _text;
        private readonly Shared _shared;

        public CancellingText(string path, string text, Shared shared)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
            _shared = shared;
        }

        public sealed class Shared
        {
            public int CancelAt { get; init; }

            public CancellationTokenSource Source { get; } = new();

            public int Reads;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _shared.Reads) == _shared.CancelAt) _shared.Source.Cancel();
            return _text;
        }
    }

    private static List<AdditionalText> Corpus(CancellingText.Shared shared, int files)
        => Enumerable.Range(0, files)
            .Select(i => (AdditionalText)new CancellingText(GeneratorHarness.FactsDir + "/part" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + ".yaml", Officials(500, "p" + i + "o"), shared))
            .ToList();

    [Fact]
    public void TheGeneratorStopsAtTheFileItWasCancelledAt()
    {
        // 200 files of 500 officials; the token is cancelled as the 50th file is read.
        var shared = new CancellingText.Shared { CancelAt = 50 };
        List<AdditionalText> files = Corpus(shared, 200);
        GeneratorDriver driver = Robust.CreateDriver(files);
        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGeneratorsAndUpdateCompilation(Robust.Base, out _, out _, shared.Source.Token));
        Assert.Equal(50, shared.Reads);
        shared.Source.Dispose();
    }

    [Fact]
    public async Task TheAnalyzersStopAtTheFileTheyWereCancelledAt()
    {
        var shared = new CancellingText.Shared { CancelAt = 50 };
        List<AdditionalText> files = Corpus(shared, 200);
        var withAnalyzers = Robust.Base.WithAnalyzers(Robust.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files.ToImmutableArray(), Robust.Options()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(shared.Source.Token));
        Assert.Equal(50, shared.Reads);
        shared.Source.Dispose();

        // Uncancelled, the analyzers read every file (so 50 above is where they stopped, not all they do).
        var all = new CancellingText.Shared { CancelAt = int.MaxValue };
        List<AdditionalText> again = Corpus(all, 200);
        var complete = Robust.Base.WithAnalyzers(Robust.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(again.ToImmutableArray(), Robust.Options()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        Assert.DoesNotContain(await complete.GetAnalyzerDiagnosticsAsync(), d => d.Id == "AD0001");
        Assert.InRange(all.Reads, 200, int.MaxValue);
        all.Source.Dispose();
    }
}
