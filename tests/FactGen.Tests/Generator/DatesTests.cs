using System.Collections;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// Events, agreements and quotes reach the program in two parts: their links in the data file (in generated order, by
/// id), their dates and chronological order in the dates file, paired by id file by file (<see cref="Emit.Dates"/>).
/// The pairing must hold when linking drops facts — or the generator throws and drops every file (CS8785) — and the
/// order must be the chronological one whatever order the files and facts come in.
/// </summary>
public class DatesTests
{
    // b.yaml sorts after a.yaml: its duplicate of a.yaml's event is the one linking drops.
    private const string A = """
        officials:
          - id: li-qiang
            name: Li Qiang
            country: CN
        events:
          - id: zeta-visit
            kind: visit
            name: Zeta visit
            date: 2021-05-02
            participants:
              - li-qiang
          - id: alpha-talks
            kind: talks
            name: Alpha talks
            from: 2022-01-10
            to: 2022-01-12
            participants:
              - li-qiang
          - id: alpha-talks
            kind: talks
            name: Alpha talks again
            date: 1999
          - id: mid-summit
            kind: summit
            name: Mid summit
            date: 2021-05
            participants:
              - li-qiang
        quotes:
          - id: a-lost-quote
            speaker: nobody-at-all
            text: Never generated.
            date: 1990
          - id: b-quote
            speaker: li-qiang
            text: Second.
            date: 2022-01-11
            event: alpha-talks
          - id: c-quote
            speaker: li-qiang
            text: First.
            date: 2021-05-02
        """;

    private const string B = """
        events:
          - id: mid-summit
            kind: summit
            name: Mid summit, again
            date: 1980
          - id: early-meeting
            kind: meeting
            name: Early meeting
            date: 2020-12-31
            participants:
              - li-qiang
        agreements:
          - id: later-accord
            name: Later accord
            date: 2022
            parties:
              - CN
            negotiators:
              - li-qiang
          - id: earlier-accord
            name: Earlier accord
            date: 2022-01
            parties:
              - CN
            negotiators:
              - li-qiang
        """;

    private static GeneratorRun Run(params (string Name, string Yaml)[] files)
        => GeneratorHarness.Run(files.Select(f => (Microsoft.CodeAnalysis.AdditionalText)new TestAdditionalText(GeneratorHarness.FactsDir + "/" + f.Name, f.Yaml)));

    private static List<string> Ids(object? list)
        => ((IEnumerable)list!).Cast<object>().Select(f => (string)GeneratorHarness.Prop(f, "Id")!).ToList();

    [Fact]
    public void DatesAndOrderHoldWhenLinkingDropsDuplicatesAndSpeakerlessQuotes()
    {
        GeneratorRun run = Run(("a.yaml", A), ("b.yaml", B));

        // The problems are reported, and nothing else: no CS8785 (a generator that threw).
        Assert.Equal(new[] { "FG0005", "FG0005", "FG0006" }, run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));

        var assembly = GeneratorHarness.Load(run.Output);
        object? Event(string member) => GeneratorHarness.Get(assembly, "Test.Facts.Events", member);
        Assert.Equal("2022-01-10", GeneratorHarness.Prop(Event("AlphaTalks"), "From")!.ToString());
        Assert.Equal("2022-01-12", GeneratorHarness.Prop(Event("AlphaTalks"), "To")!.ToString());
        Assert.Equal("Alpha talks", GeneratorHarness.Prop(Event("AlphaTalks"), "Name"));
        Assert.Equal("2021-05", GeneratorHarness.Prop(Event("MidSummit"), "Date")!.ToString());
        Assert.Equal("2020-12-31", GeneratorHarness.Prop(Event("EarlyMeeting"), "Date")!.ToString());
        Assert.Equal("2022-01-11", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Quotes", "BQuote"), "Date")!.ToString());
        Assert.Equal("2022-01", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Agreements", "EarlierAccord"), "Date")!.ToString());

        // Chronological everywhere a list of them is shown (a month before its first day; a year before its months).
        object? All(string kind) => assembly.GetType("Test.Facts." + kind)!.GetProperty("All")!.GetValue(null);
        Assert.Equal(new[] { "early-meeting", "mid-summit", "zeta-visit", "alpha-talks" }, Ids(All("Events")));
        Assert.Equal(new[] { "c-quote", "b-quote" }, Ids(All("Quotes")));
        Assert.Equal(new[] { "later-accord", "earlier-accord" }, Ids(All("Agreements")));
        object? li = GeneratorHarness.Get(assembly, "Test.Facts.Officials", "LiQiang");
        Assert.Equal(new[] { "early-meeting", "mid-summit", "zeta-visit", "alpha-talks" }, Ids(GeneratorHarness.Prop(li, "Events")));
        Assert.Equal(new[] { "c-quote", "b-quote" }, Ids(GeneratorHarness.Prop(li, "Quotes")));
        Assert.Equal(new[] { "later-accord", "earlier-accord" }, Ids(GeneratorHarness.Prop(li, "Agreements")));
        Assert.Equal(new[] { "b-quote" }, Ids(GeneratorHarness.Prop(Event("AlphaTalks"), "Quotes")));
    }

    [Fact]
    public void TheDatesFileIsTheSameWhateverOrderTheFilesComeIn()
    {
        static string Dates(GeneratorRun run) => run.Result.Results.Single().GeneratedSources.Single(s => s.HintName == Emit.Dates.HintName).SourceText.ToString();
        string forward = Dates(Run(("a.yaml", A), ("b.yaml", B)));
        Assert.Equal(forward, Dates(Run(("b.yaml", B), ("a.yaml", A))));
        Assert.Contains("private const string Dates = \"", forward);
    }
}
