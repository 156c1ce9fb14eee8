using System.Collections.Immutable;
using System.Reflection;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>The pipeline caches: unrelated edits re-run nothing, an edit to one fact file re-parses only that file.</summary>
public class IncrementalTests
{
    /// <summary>Every step name in <see cref="TrackingNames"/>, read by reflection so a new step is covered automatically.</summary>
    public static string[] StepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var steps), "step '" + step + "' was not tracked; tracked: " + string.Join(", ", result.TrackedSteps.Keys));
        return steps.SelectMany(s => s.Outputs);
    }

    private static string Reasons(GeneratorRunResult result, string step)
        => string.Join(", ", Outputs(result, step).Select(o => o.Reason));

    [Fact]
    public void TrackingNamesListsTheSteps()
        => Assert.Equal(new[] { "AdditionalPaths", "AllFiles", "Dates", "Emit", "EmitDates", "EmitNames", "EmitShared", "EmitTerms", "FactFiles", "Link", "LinkDiagnostics", "NameTable", "Names", "OwnFiles", "Parse", "Plan", "Settings", "Structure", "Terms" }, StepNames);

    [Fact]
    public void UnrelatedCSharpChangeLeavesEveryStepCached()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(FactSets.Mixed(), FactSets.PublicOptions());
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult first = Result(driver);
        foreach (string step in StepNames)
        {
            Assert.All(Outputs(first, step), o => Assert.Equal(IncrementalStepRunReason.New, o.Reason));
        }

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions)));
        GeneratorRunResult second = Result(driver);
        foreach (string step in StepNames)
        {
            // Cached, not merely Unchanged: no step depends on the compilation, so none may even re-run
            // (a step that re-ran and produced an equal value would be Unchanged — work done on every keystroke).
            var outputs = Outputs(second, step).ToList();
            Assert.NotEmpty(outputs);
            Assert.True(outputs.All(o => o.Reason == IncrementalStepRunReason.Cached), step + ": " + Reasons(second, step));
        }
        Assert.NotEmpty(second.TrackedOutputSteps);
        Assert.All(second.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void EditingOneFactFileReparsesOnlyThatFile()
    {
        var (files, driver, compilation) = Warm();

        AdditionalText old = files.Single(f => f.Path == FactSets.OfficialsPath);
        var edited = new TestAdditionalText(FactSets.OfficialsPath, FactSets.Officials.Replace("name: Ingrid Berg", "name: Ingrid M. Berg"));
        driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);
        GeneratorRunResult result = Result(driver);

        var parse = Outputs(result, TrackingNames.Parse).ToList();
        Assert.Equal(4, parse.Count);
        var modified = Assert.Single(parse, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(FactSets.OfficialsPath, ((FactFile)modified.Value).Path);
        Assert.All(parse.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Contains(o.Reason, Reused));

        Assert.Single(Outputs(result, TrackingNames.FactFiles), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("Cached", Reasons(result, TrackingNames.Link)); // a name is not structure (see the next test)
        Assert.Contains(Outputs(result, TrackingNames.Settings).Single().Reason, Reused);
        Assert.Contains(Outputs(result, TrackingNames.AdditionalPaths).Single().Reason, Reused);
        Assert.Contains("Ingrid M. Berg", result.GeneratedSources.Single(s => s.HintName == "facts_people_officials.yaml.g.cs").SourceText.ToString());
    }

    [Fact]
    public void ARenameLinksNothingAndRemakesOnlyTheFilesThatShowTheName()
    {
        // An official's name is in the names file, in the official's doc comment and in the doc comments of the
        // quotes they said (events file): those files change. Names are not structure, so nothing is linked or
        // planned again, the shared files (model, data, lookups) do not even re-run, and of the fact files' own
        // files only the two that show the name are made again: the others' picked names compare equal.
        var (files, driver, compilation) = Warm();
        var before = Texts(Result(driver));

        AdditionalText old = files.Single(f => f.Path == FactSets.OfficialsPath);
        var edited = new TestAdditionalText(FactSets.OfficialsPath, FactSets.Officials.Replace("name: Ingrid Berg", "name: Ingrid M. Berg"));
        driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);
        GeneratorRunResult result = Result(driver);
        var after = Texts(result);

        var changed = Changed(before, after);
        Assert.Equal(new[] { "FactGen.Names.g.cs", "facts_events.yaml.g.cs", "facts_people_officials.yaml.g.cs" }, changed);
        Assert.Contains("Ingrid M. Berg", after["facts_events.yaml.g.cs"]);
        Assert.Contains("Ingrid M. Berg", after["FactGen.Names.g.cs"]);
        Assert.Single(Outputs(result, TrackingNames.Structure), o => o.Reason == IncrementalStepRunReason.Unchanged);
        foreach (string step in new[] { TrackingNames.Link, TrackingNames.Plan, TrackingNames.EmitShared })
        {
            Assert.True(Outputs(result, step).All(o => o.Reason == IncrementalStepRunReason.Cached), step + ": " + Reasons(result, step));
        }
        Assert.Equal("Modified", Reasons(result, TrackingNames.NameTable));
        var emit = EmitOutputs(result);
        Assert.Equal(before.Count - 1, emit.Count); // every generated file but the post-initialization attribute
        Assert.Equal(changed, Remade(emit));
        Assert.All(emit.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void AStructuralEditReAddsOnlyTheGeneratedFilesWhoseTextChanged()
    {
        // A term's title is structure (a link): everything is linked and planned again, and the shared files are made
        // again, but only the data file (the term's row) and the officials file's own file (its doc names the title) come
        // out different. The other fact files' own files are not even made again: each is made from its view of the plan
        // (its facts as linked, their places and member names), which this edit leaves equal.
        var (files, driver, compilation) = Warm();
        var before = Texts(Result(driver));

        AdditionalText old = files.Single(f => f.Path == FactSets.OfficialsPath);
        string text = FactSets.Officials.Replace("title: ambassador", "title: council-member");
        Assert.NotEqual(FactSets.Officials, text);
        driver = driver.ReplaceAdditionalText(old, new TestAdditionalText(FactSets.OfficialsPath, text)).RunGenerators(compilation);
        GeneratorRunResult result = Result(driver);
        var after = Texts(result);

        var changed = Changed(before, after);
        Assert.Equal(new[] { "FactGen.Data.g.cs", "facts_people_officials.yaml.g.cs" }, changed);
        Assert.Equal("Modified", Reasons(result, TrackingNames.Link));
        var emit = EmitOutputs(result);
        Assert.Equal(before.Count - 1, emit.Count);
        Assert.Equal(changed, Remade(emit));
        Assert.All(emit.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Contains(o.Reason, Reused)); // the names file: Cached
        var inputs = Outputs(result, TrackingNames.OwnFiles).ToList();
        Assert.Equal(FactSets.OfficialsPath, ((Emit.OwnFileInput)Assert.Single(inputs, o => o.Reason == IncrementalStepRunReason.Modified).Value).File.Path);
        Assert.All(inputs.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        var own = Outputs(result, TrackingNames.Emit).ToList();
        Assert.Equal("facts_people_officials.yaml.g.cs", ((Emit.GeneratedFile)Assert.Single(own, o => o.Reason == IncrementalStepRunReason.Modified).Value).HintName);
        Assert.All(own.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void AnEventsDateLinksNothingAndRemakesOnlyTheDatesFileAndItsOwnFile()
    {
        // The dates of events, agreements and quotes are not structure: linking orders every kind by id, and the dates
        // file orders them chronologically. So moving an event in time — here past the signing, so the order changes —
        // links and plans nothing and leaves the shared files cached: the dates file and the events file's own file (its
        // doc shows the date) change. And the program sees the new date and the new order, in All and in every list.
        var (files, driver, compilation) = Warm();
        var before = Texts(Result(driver));
        var assemblyBefore = GeneratorHarness.Load(GeneratorHarness.Run(driver, compilation).Output);
        Assert.Equal(new[] { "harbour-talks", "oslo-trade-mission", "harbour-accord-signing" }, EventIds(assemblyBefore, "Test.Facts.Officials", "YamadaTaro", "Events"));
        var allBefore = EventIds(assemblyBefore, "Test.Facts.Events", null, "All");
        Assert.True(allBefore.IndexOf("harbour-talks") < allBefore.IndexOf("oslo-trade-mission"));

        AdditionalText old = files.Single(f => f.Path == FactSets.EventsPath);
        string text = FactSets.Events.Replace("name: Harbour talks\n    date: 2024-02-27", "name: Harbour talks\n    date: 2024-03-01");
        Assert.NotEqual(FactSets.Events, text);
        driver = driver.ReplaceAdditionalText(old, new TestAdditionalText(FactSets.EventsPath, text));
        GeneratorRun run = GeneratorHarness.Run(driver, compilation);
        GeneratorRunResult result = Result(run.Driver);
        var after = Texts(result);

        AssertLinkedNothing(result, before, after, TrackingNames.Dates, "FactGen.Dates.g.cs", "facts_events.yaml.g.cs");
        Assert.Contains("2024-03-01: Harbour talks", after["facts_events.yaml.g.cs"]);

        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = GeneratorHarness.Load(run.Output);
        Assert.Equal("2024-03-01", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Events", "HarbourTalks"), "Date")!.ToString());
        Assert.Equal(new[] { "oslo-trade-mission", "harbour-accord-signing", "harbour-talks" }, EventIds(assembly, "Test.Facts.Officials", "YamadaTaro", "Events"));
        Assert.Equal(new[] { "harbour-accord-signing", "harbour-talks" }, EventIds(assembly, "Test.Facts.Events", "OsloTradeMission", "Parts"));
        var all = EventIds(assembly, "Test.Facts.Events", null, "All");
        Assert.Equal(allBefore.Where(id => id != "harbour-talks"), all.Where(id => id != "harbour-talks"));
        Assert.True(all.IndexOf("harbour-accord-signing") < all.IndexOf("harbour-talks"));
        Assert.True(all.IndexOf("oslo-trade-mission") < all.IndexOf("harbour-accord-signing"));
    }

    /// <summary>
    /// The edit left the edited file's structure equal: nothing was linked or planned again, the shared files and the
    /// name table did not even re-run; the edited file's record of the channel the edit went by (<paramref name="channel"/>)
    /// changed; and exactly the generated files <paramref name="changed"/> were made again, the others cached.
    /// </summary>
    private static void AssertLinkedNothing(GeneratorRunResult result, Dictionary<string, string> before, Dictionary<string, string> after, string channel, params string[] changed)
    {
        Assert.Equal(changed, Changed(before, after));
        Assert.Single(Outputs(result, TrackingNames.Structure), o => o.Reason == IncrementalStepRunReason.Unchanged);
        foreach (string step in new[] { TrackingNames.Link, TrackingNames.Plan, TrackingNames.EmitShared, TrackingNames.NameTable })
        {
            Assert.True(Outputs(result, step).All(o => o.Reason == IncrementalStepRunReason.Cached), step + ": " + Reasons(result, step));
        }
        Assert.Single(Outputs(result, channel), o => o.Reason == IncrementalStepRunReason.Modified);
        var emit = EmitOutputs(result);
        Assert.Equal(before.Count - 1, emit.Count); // every generated file but the post-initialization attribute
        Assert.Equal(changed, Remade(emit));
        Assert.All(emit.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    /// <summary>The ids of a list of facts: <paramref name="list"/> of the member <paramref name="member"/> of <paramref name="type"/>, or the static <paramref name="list"/> of <paramref name="type"/> when <paramref name="member"/> is null.</summary>
    private static List<string> EventIds(System.Reflection.Assembly assembly, string type, string? member, string list)
    {
        object? items = member is null
            ? assembly.GetType(type)!.GetProperty(list)!.GetValue(null)
            : GeneratorHarness.Prop(GeneratorHarness.Get(assembly, type, member), list);
        return ((System.Collections.IEnumerable)items!).Cast<object>().Select(e => (string)GeneratorHarness.Prop(e, "Id")!).ToList();
    }

    [Fact]
    public void ALinkErrorFollowsItsLineWhenTheTextAboveItMovesAndNothingIsLinkedAgain()
    {
        // A dangling reference (FG0006) is found by the structures' link, which numbers its locations instead of keeping
        // lines: comment lines added above it leave the structure equal, so nothing is linked again, and the error is
        // still reported at its reference — two lines further down — from the parsed file (Structure.Relocate).
        var (files, driver, compilation) = Warm();
        AdditionalText old = files.Single(f => f.Path == FactSets.EventsPath);
        string dangling = FactSets.Events.Replace("part_of: oslo-trade-mission\n    source: briefing", "part_of: oslo-trade-misson\n    source: briefing");
        Assert.NotEqual(FactSets.Events, dangling);
        var first = new TestAdditionalText(FactSets.EventsPath, dangling);
        driver = driver.ReplaceAdditionalText(old, first).RunGenerators(compilation);
        Diagnostic before = Assert.Single(Result(driver).Diagnostics, d => d.Id == "FG0006");
        Assert.Contains("did you mean 'oslo-trade-mission'", before.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        driver = driver.ReplaceAdditionalText(first, new TestAdditionalText(FactSets.EventsPath, "# reviewed\n# again\n" + dangling)).RunGenerators(compilation);
        GeneratorRunResult result = Result(driver);
        Diagnostic after = Assert.Single(result.Diagnostics, d => d.Id == "FG0006");
        Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 2, after.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(before.GetMessage(System.Globalization.CultureInfo.InvariantCulture), after.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(Outputs(result, TrackingNames.Structure), o => o.Reason == IncrementalStepRunReason.Unchanged);
        Assert.Equal("Cached", Reasons(result, TrackingNames.Link));
        Assert.Equal("Modified", Reasons(result, TrackingNames.LinkDiagnostics));
    }

    [Fact]
    public void TheGeneratorsParsedFilesKeepNoTextsForTheEncodingCheck()
    {
        // FG0011 (mojibake) is the analyzer's, which parses with the texts; the generator's parsed files, which the driver
        // keeps between runs, leave them out.
        var (_, driver, _) = Warm();
        var parsed = Outputs(Result(driver), TrackingNames.Parse).Select(o => (FactFile)o.Value).ToList();
        Assert.NotEmpty(parsed);
        Assert.All(parsed, f => Assert.Empty(f.Texts));
        Assert.NotEmpty(FactParser.Parse(FactSets.EventsPath, FactSets.Events, ParseLimits.Default, CancellationToken.None).Texts);
    }

    [Fact]
    public void ATermsDatesAndEvidenceLinkNothingAndRemakeOnlyTheTermsFileAndTheirOwnFile()
    {
        // A term's dates, evidence and note are not structure (linking neither orders nor resolves by them): editing
        // them — a term ends, a start is corrected — links and plans nothing and leaves the shared files cached. Two
        // files change: the terms file and the official's own file (its doc shows the dates). And the program sees them.
        var (files, driver, compilation) = Warm();
        var before = Texts(Result(driver));

        AdditionalText old = files.Single(f => f.Path == FactSets.OfficialsPath);
        string text = FactSets.Officials
            .Replace("from: 2022-08-10", "from: 2022-08-11")
            .Replace("        from: 2023-06\n", "        from: 2023-06\n        to: 2025-01-31\n        note: re-elected in 2024\n");
        Assert.Contains("to: 2025-01-31", text);
        driver = driver.ReplaceAdditionalText(old, new TestAdditionalText(FactSets.OfficialsPath, text));
        GeneratorRun run = GeneratorHarness.Run(driver, compilation);
        GeneratorRunResult result = Result(run.Driver);
        var after = Texts(result);

        AssertLinkedNothing(result, before, after, TrackingNames.Terms, "FactGen.Terms.g.cs", "facts_people_officials.yaml.g.cs");
        Assert.Contains("(from 2022-08-11 to 2024-10-01)", after["facts_people_officials.yaml.g.cs"]);

        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = GeneratorHarness.Load(run.Output);
        var yamada = ((System.Collections.IEnumerable)GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", "YamadaTaro"), "Positions")!).Cast<object>().Single();
        Assert.Equal("2022-08-11", GeneratorHarness.Prop(yamada, "From")!.ToString());
        Assert.Equal("Yamada Taro, Minister of Trade from 10 August 2022", GeneratorHarness.Prop(yamada, "Evidence"));
        var berg = ((System.Collections.IEnumerable)GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", "IngridBerg"), "Positions")!).Cast<object>().ToList();
        Assert.Equal("2025-01-31", GeneratorHarness.Prop(berg[1], "To")!.ToString());
        Assert.Equal("re-elected in 2024", GeneratorHarness.Prop(berg[1], "Note"));
        Assert.Null(GeneratorHarness.Prop(berg[0], "Note"));
    }

    [Fact]
    public void AValueEditReEmitsOnlyItsOwnFactFilesFileAndLinksNothing()
    {
        // A summary and a note are shown by their own fact only, and the longer text and the new line move every later
        // line of the file. The file's structure (ids, links, dates, the names other facts show; no values, no line
        // numbers) stays equal, so linking, the plan and the shared files (model, data, lookups) do not even re-run:
        // only the edited file's own generated file, which carries its values, is made again.
        var (files, driver, compilation) = Warm();
        var before = Texts(Result(driver));

        AdditionalText old = files.Single(f => f.Path == FactSets.EventsPath);
        string text = FactSets.Events.Replace("signed the accord in the council's hall.", "signed the accord in the council’s great hall.\n    note: checked against the briefing");
        Assert.NotEqual(FactSets.Events, text);
        driver = driver.ReplaceAdditionalText(old, new TestAdditionalText(FactSets.EventsPath, text));
        GeneratorRun run = GeneratorHarness.Run(driver, compilation);
        GeneratorRunResult result = Result(run.Driver);

        Assert.Single(Outputs(result, TrackingNames.Parse), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(Outputs(result, TrackingNames.Structure), o => o.Reason == IncrementalStepRunReason.Unchanged);
        foreach (string step in new[] { TrackingNames.Link, TrackingNames.Plan, TrackingNames.EmitShared })
        {
            Assert.True(Outputs(result, step).All(o => o.Reason == IncrementalStepRunReason.Cached), step + ": " + Reasons(result, step));
        }
        var emit = Outputs(result, TrackingNames.Emit).ToList();
        var remade = Assert.Single(emit, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("facts_events.yaml.g.cs", ((Emit.GeneratedFile)remade.Value).HintName);
        Assert.All(emit.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var after = Texts(result);
        Assert.Equal(new[] { "facts_events.yaml.g.cs" }, after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key));

        // And the program built from the mixed old and new files sees the new values.
        Assert.Empty(run.GeneratorDiagnostics);
        var signing = GeneratorHarness.Get(GeneratorHarness.Load(run.Output), "Test.Facts.Events", "HarbourAccordSigning");
        Assert.Equal("Yamada and Berg signed the accord in the council’s great hall.", GeneratorHarness.Prop(signing, "Summary"));
        Assert.Equal("checked against the briefing", GeneratorHarness.Prop(signing, "Note"));
        Assert.Equal("Oslo", GeneratorHarness.Prop(signing, "Location"));
    }

    [Fact]
    public void RemovingAndAddingFactFilesRenumbersTheChunksAndKeepsEveryValue()
    {
        // Each fact file's values are a numbered chunk in its own generated file; removing the middle file renumbers the
        // ones after it, so their files must be made again and the loader must read them in the new order.
        static TestAdditionalText File(string name, string id, string native)
            => new("/project/facts/" + name + ".yaml", "officials:\n  - id: " + id + "\n    name: " + id.Replace('-', ' ') + "\n    native: " + native + "\n    country: NO\n");
        var a = File("a", "anne-aas", "Anne Ås");
        var b = File("b", "bo-berg", "Bo Bærg");
        var c = File("c", "cecilie-dahl", "Cecilie Dåhl");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new AdditionalText[] { a, b, c }, FactSets.PublicOptions()).RunGenerators(compilation);

        GeneratorRun removed = GeneratorHarness.Run(driver.RemoveAdditionalTexts(ImmutableArray.Create<AdditionalText>(b)), compilation);
        Assert.Empty(removed.GeneratorDiagnostics);
        Assert.DoesNotContain("facts_b.yaml.g.cs", removed.Sources.Keys);
        Assert.Contains("Values1 = ", removed.Sources["facts_c.yaml.g.cs"]);
        var assembly = GeneratorHarness.Load(removed.Output);
        Assert.Equal("Anne Ås", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", "AnneAas"), "Native"));
        Assert.Equal("Cecilie Dåhl", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", "CecilieDahl"), "Native"));
        Assert.Null(assembly.GetType("Test.Facts.Officials")!.GetProperty("BoBerg"));

        GeneratorRun added = GeneratorHarness.Run(removed.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(b)), compilation);
        Assert.Empty(added.GeneratorDiagnostics);
        Assert.Contains("Values2 = ", added.Sources["facts_c.yaml.g.cs"]);
        assembly = GeneratorHarness.Load(added.Output);
        foreach (var (member, native) in new[] { ("AnneAas", "Anne Ås"), ("BoBerg", "Bo Bærg"), ("CecilieDahl", "Cecilie Dåhl") })
        {
            Assert.Equal(native, GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", member), "Native"));
        }
    }

    [Fact]
    public void AFactAddedBeforeOthersInTheirOrderRemakesOnlyItsOwnFile()
    {
        // Officials are ordered by id across files, so a new 'aaron-aal' in c.yaml moves every other official one index
        // on. Members read their fact by its place in their own file (FactData.OfficialAt(chunk, at)), not by that index,
        // so a.yaml's and b.yaml's files stay cached — and the program built from old and new files finds every fact.
        static TestAdditionalText File(string name, params string[] ids)
            => new("/project/facts/" + name + ".yaml", "officials:\n" + string.Concat(ids.Select(id => "  - id: " + id + "\n    name: " + id.Replace('-', ' ') + "\n    country: NO\n")));
        var a = File("a", "anne-aas", "bo-berg");
        var b = File("b", "cecilie-dahl", "dag-eng");
        var c = File("c", "erik-fjell");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new AdditionalText[] { a, b, c }, FactSets.PublicOptions()).RunGenerators(compilation);
        var before = Texts(Result(driver));

        var edited = File("c", "erik-fjell", "aaron-aal");
        GeneratorRun run = GeneratorHarness.Run(driver.ReplaceAdditionalText(c, edited), compilation);
        GeneratorRunResult result = Result(run.Driver);
        var after = Texts(result);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Modified", Reasons(result, TrackingNames.Link));
        Assert.Equal(new[] { "FactGen.Data.g.cs", "FactGen.Names.g.cs", "facts_c.yaml.g.cs" }, Changed(before, after)); // the lookups are in the data file
        var own = Outputs(result, TrackingNames.Emit).ToList();
        Assert.Equal("facts_c.yaml.g.cs", ((Emit.GeneratedFile)Assert.Single(own, o => o.Reason == IncrementalStepRunReason.Modified).Value).HintName);
        Assert.All(own.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var assembly = GeneratorHarness.Load(run.Output);
        foreach (var (member, id) in new[] { ("AaronAal", "aaron-aal"), ("AnneAas", "anne-aas"), ("BoBerg", "bo-berg"), ("CecilieDahl", "cecilie-dahl"), ("DagEng", "dag-eng"), ("ErikFjell", "erik-fjell") })
        {
            Assert.Equal(id, GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", member), "Id"));
        }
    }

    [Fact]
    public void AnEditThatChangesNoFactStopsAtParse()
    {
        // A trailing comment shifts no location: the file is re-parsed, its model compares equal, and
        // linking and emission are skipped. This is what value equality of the models buys.
        var (files, driver, compilation) = Warm();

        AdditionalText old = files.Single(f => f.Path == FactSets.EventsPath);
        driver = driver.ReplaceAdditionalText(old, new TestAdditionalText(FactSets.EventsPath, FactSets.Events + "\n# reviewed\n")).RunGenerators(compilation);
        GeneratorRunResult result = Result(driver);

        var parse = Outputs(result, TrackingNames.Parse).ToList();
        Assert.Single(parse, o => o.Reason == IncrementalStepRunReason.Unchanged);
        Assert.Equal(3, parse.Count(o => o.Reason == IncrementalStepRunReason.Cached));
        Assert.Single(Outputs(result, TrackingNames.FactFiles), o => o.Reason == IncrementalStepRunReason.Modified);
        foreach (string step in new[] { TrackingNames.AllFiles, TrackingNames.Link, TrackingNames.Settings, TrackingNames.AdditionalPaths })
        {
            Assert.True(Outputs(result, step).All(o => Reused.Contains(o.Reason)), step + ": " + Reasons(result, step));
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void NewOptionsWithTheSameValuesReparseNothing()
    {
        var (files, driver, compilation) = Warm();

        // A new provider instance with equal values (what an IDE hands over after any .editorconfig change).
        driver = driver.WithUpdatedAnalyzerConfigOptions(FactSets.PublicOptions()).RunGenerators(compilation);
        GeneratorRunResult same = Result(driver);
        foreach (string step in StepNames)
        {
            Assert.True(Outputs(same, step).All(o => Reused.Contains(o.Reason)), step + ": " + Reasons(same, step));
        }

        // Another namespace re-emits, but still parses and links nothing again.
        driver = driver.WithUpdatedAnalyzerConfigOptions(FactSets.PublicOptions("Other.Facts")).RunGenerators(compilation);
        GeneratorRunResult other = Result(driver);
        Assert.Equal("Modified", Reasons(other, TrackingNames.Settings));
        foreach (string step in new[] { TrackingNames.Parse, TrackingNames.AllFiles, TrackingNames.Link })
        {
            Assert.True(Outputs(other, step).All(o => Reused.Contains(o.Reason)), step + ": " + Reasons(other, step));
        }
        Assert.Contains("namespace Other.Facts", other.GeneratedSources.Single(s => s.HintName == "FactGen.Data.g.cs").SourceText.ToString());
    }

    /// <summary>The mixed fact set, a driver that has run over it once, and the compilation it ran on.</summary>
    private static (List<AdditionalText> Files, GeneratorDriver Driver, CSharpCompilation Compilation) Warm()
    {
        List<AdditionalText> files = FactSets.Mixed();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files, FactSets.PublicOptions()).RunGenerators(compilation);
        return (files, driver, compilation);
    }

    /// <summary>The hint names whose text differs between two runs, in ordinal order.</summary>
    private static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after)
        => after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>The outputs of every step that makes a generated file: the shared files, the names and terms files, the fact files' own files.</summary>
    private static List<(object Value, IncrementalStepRunReason Reason)> EmitOutputs(GeneratorRunResult result)
        => Outputs(result, TrackingNames.EmitShared).Concat(Outputs(result, TrackingNames.EmitNames)).Concat(Outputs(result, TrackingNames.EmitTerms))
            .Concat(Outputs(result, TrackingNames.EmitDates))
            .Concat(Outputs(result, TrackingNames.Emit)).ToList();

    /// <summary>The hint names of the generated files those outputs made again, in ordinal order.</summary>
    private static IEnumerable<string> Remade(List<(object Value, IncrementalStepRunReason Reason)> emit)
        => emit.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Emit.GeneratedFile)o.Value).HintName).OrderBy(k => k, StringComparer.Ordinal);

    private static Dictionary<string, string> Texts(GeneratorRunResult result)
        => result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}
