using System.Collections.Immutable;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>No pipeline model holds a symbol, syntax node, compilation, Location or AdditionalText.</summary>
public class ModelGraphTests
{
    private const string Broken = """
        officials:
          - id: stray
            name: Stray Official
            country: NO
            positions:
              - title: no-such-title
        events:
          - id: broken-event
            kind: meeting
            name: [unclosed
        """;

    [Fact]
    public void PipelineStepOutputsHoldNoRoslynObjects()
    {
        // Valid files, a file with a dangling reference and a malformed one, run twice (the second run
        // after an edit), so outputs include diagnostics, cached values and modified values.
        List<AdditionalText> files = FactSets.Mixed();
        files.Add(new TestAdditionalText("/project/facts/broken.yaml", Broken));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files, FactSets.PublicOptions());
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        driver = driver.RunGenerators(compilation);
        AdditionalText old = files.Single(f => f.Path == FactSets.EventsPath);
        driver = driver.ReplaceAdditionalText(old, new TestAdditionalText(FactSets.EventsPath, FactSets.Events.Replace("Quay opening", "Quay reopening")))
            .RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class C { }", GeneratorHarness.ParseOptions)));

        var walk = new ModelGraphWalker.Result();
        int outputs = 0;
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        // Our steps are the ones named in TrackingNames; the rest of TrackedSteps are Roslyn's own inputs
        // (AdditionalTexts, Compilation, …) and outputs, which legitimately hold Roslyn objects.
        foreach (var (name, steps) in result.TrackedSteps.Where(kv => IncrementalTests.StepNames.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            for (int i = 0; i < steps.Length; i++)
            {
                for (int j = 0; j < steps[i].Outputs.Length; j++)
                {
                    outputs++;
                    string root = $"{name}[{i}].Outputs[{j}]";
                    ModelGraphWalker.Walk(steps[i].Outputs[j].Value, root, AllowFactFileInput(name, root, isInput: false), walk);
                }
                // The inputs too: a Combine with the compilation (or a syntax provider) feeding one of our
                // steps holds the compilation even when the step's own output is plain data.
                for (int k = 0; k < steps[i].Inputs.Length; k++)
                {
                    var (source, index) = steps[i].Inputs[k];
                    string root = $"{name}[{i}].Inputs[{k}]";
                    ModelGraphWalker.Walk(source.Outputs[index].Value, root, AllowFactFileInput(name, root, isInput: true), walk);
                }
            }
        }
        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            for (int i = 0; i < steps.Length; i++)
            {
                foreach (var (source, index) in steps[i].Inputs)
                {
                    ModelGraphWalker.Walk(source.Outputs[index].Value, $"{name}[{i}].Input({source.Name})", allow: null, walk);
                }
            }
        }

        Assert.True(walk.Findings.Count == 0, "Roslyn objects in pipeline models:\n" + string.Join("\n", walk.Findings));
        // Without the allowance the FactFiles outputs show their AdditionalTexts: the walk does see them.
        var strict = result.TrackedSteps[TrackingNames.FactFiles].SelectMany(s => s.Outputs)
            .SelectMany((o, i) => ModelGraphWalker.Walk(o.Value, $"FactFiles.Outputs[{i}]").Findings).ToList();
        Assert.Equal(5, strict.Count);
        Assert.All(strict, f => Assert.EndsWith(".Item1", f.Path));
        // Settings, AdditionalPaths, AllFiles, Link, Plan, LinkDiagnostics and NameTable once; FactFiles, Parse, Structure,
        // Names, Terms and Dates once per fact file (five); OwnFiles once per fact file but the one that is not valid YAML (observed:
        // the driver records no step of parsed.Combine(plan) for it — nor did it before OwnFiles existed; it has no facts, so
        // nothing to emit either way); EmitShared, EmitNames, EmitTerms, EmitDates and Emit once per generated file (all but the
        // post-initialization attribute).
        int emitted = new[] { TrackingNames.EmitShared, TrackingNames.EmitNames, TrackingNames.EmitTerms, TrackingNames.EmitDates, TrackingNames.Emit }.Sum(step => result.TrackedSteps[step].Sum(s => s.Outputs.Length));
        Assert.Equal(result.GeneratedSources.Length - 1, emitted);
        Assert.Equal(4, result.TrackedSteps[TrackingNames.OwnFiles].Sum(s => s.Outputs.Length));
        Assert.Equal(7 + (6 * 5) + 4 + emitted, outputs);
        // The walk reached the bottom of the models, not just their top-level objects.
        foreach (Type deep in new[] { typeof(FactFile), typeof(LinkedFacts), typeof(Emit.NameTable), typeof(Emit.OwnFileInput), typeof(Emit.FileNames), typeof(Emit.FileTerms), typeof(Emit.TermValues), typeof(Emit.FileDates), typeof(Emit.FactDates), typeof(LocationInfo), typeof(DiagnosticInfo), typeof(FactRef), typeof(PositionFact), typeof(LocatedDate), typeof(FactDateValue), typeof(Provenance) })
        {
            Assert.Contains(deep, walk.TypesSeen);
        }
    }

    /// <summary>
    /// The FactFiles step hands the input file to the Parse step, which must read its text: its input and
    /// output, and so Parse's input, are (AdditionalText, …) pairs. The AdditionalText — the driver's own
    /// instance, compared by reference — is allowed there, as the pair's first item, and nowhere else:
    /// everything Parse produces and everything after it must be plain data.
    /// </summary>
    private static Func<string, object, bool>? AllowFactFileInput(string step, string root, bool isInput)
        => step == TrackingNames.FactFiles || (step == TrackingNames.Parse && isInput)
            ? (path, value) => value is AdditionalText && path == root + ".Item1"
            : null;

    // ---- the walker itself ----------------------------------------------------------------------

    private sealed record Inner(string Name, (int Number, object? Payload) Pair);

    private sealed record Outer(EquatableArray<Inner> Items, ImmutableArray<object> Boxes, Dictionary<string, object> Map);

    private sealed class Cycle
    {
        public Cycle? Next { get; set; }

        public object? Payload { get; set; }
    }

    private static Location PlantedLocation()
        => Location.Create("/project/facts/x.yaml", new TextSpan(0, 1), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 1)));

    private static Outer Graph(object? payload, object? box = null, object? mapValue = null) => new(
        new EquatableArray<Inner>(new[] { new Inner("a", (1, "text")), new Inner("b", (2, payload)) }),
        ImmutableArray.Create<object>(1, box ?? "plain"),
        new Dictionary<string, object> { ["k"] = mapValue ?? 3 });

    [Fact]
    public void WalkerFindsALocationInsideATupleInsideAnEquatableArray()
    {
        var walk = ModelGraphWalker.Walk(Graph(PlantedLocation()), "root");
        ModelGraphWalker.Finding finding = Assert.Single(walk.Findings);
        Assert.Equal("root.Items._items[1].Pair.Item2", finding.Path);
        Assert.True(typeof(Location).IsAssignableFrom(finding.Type));
    }

    [Fact]
    public void WalkerFindsForbiddenObjectsInImmutableArraysDictionariesAndCycles()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText("class C { }");
        var walk = ModelGraphWalker.Walk(Graph(payload: null, box: tree.GetRoot(), mapValue: new TestAdditionalText("/a.yaml", "")), "root");
        Assert.Equal(2, walk.Findings.Count);
        Assert.Contains(walk.Findings, f => typeof(SyntaxNode).IsAssignableFrom(f.Type) && f.Path.StartsWith("root.Boxes", StringComparison.Ordinal));
        Assert.Contains(walk.Findings, f => f.Type == typeof(TestAdditionalText) && f.Path.StartsWith("root.Map", StringComparison.Ordinal));

        var a = new Cycle();
        var b = new Cycle { Next = a };
        a.Next = b;
        b.Payload = GeneratorHarness.CreateCompilation();
        Assert.Equal("a.Next.Payload", Assert.Single(ModelGraphWalker.Walk(a, "a").Findings).Path);
    }

    [Fact]
    public void WalkerPassesAGraphOfPlainData()
    {
        var walk = ModelGraphWalker.Walk(Graph(payload: new LocationInfo("/x.yaml", 0, 1, 0, 0, 0, 1)), "root");
        Assert.Empty(walk.Findings);
        Assert.Contains(typeof(LocationInfo), walk.TypesSeen);
        Assert.Contains(typeof(Inner), walk.TypesSeen);
    }

    [Fact]
    public void WalkerAllowsOnlyWhatItIsTold()
    {
        var file = new TestAdditionalText("/a.yaml", "");
        var pair = (File: file, Limits: 1);
        Assert.Empty(ModelGraphWalker.Walk(pair, "r", AllowFactFileInput(TrackingNames.FactFiles, "r", isInput: false)).Findings);
        Assert.Empty(ModelGraphWalker.Walk(pair, "r", AllowFactFileInput(TrackingNames.Parse, "r", isInput: true)).Findings);
        Assert.Single(ModelGraphWalker.Walk(pair, "r", AllowFactFileInput(TrackingNames.Parse, "r", isInput: false)).Findings);
        Assert.Single(ModelGraphWalker.Walk(pair, "r", AllowFactFileInput(TrackingNames.Link, "r", isInput: true)).Findings);
        Assert.Single(ModelGraphWalker.Walk((pair, 2), "r", AllowFactFileInput(TrackingNames.FactFiles, "r", isInput: false)).Findings);
    }
}
