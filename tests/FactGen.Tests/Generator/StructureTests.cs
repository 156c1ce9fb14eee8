using FactGen.Emit;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// A file's structure (what linking and the shared generated files depend on) ignores values and positions, and
/// keeps everything else: if it kept too little, an edit would leave stale shared files; too much, and every
/// keystroke would re-link and re-emit everything.
/// </summary>
public class StructureTests
{
    private static FileStructure StructureOf(string path, string yaml)
        => Structure.Of(FactParser.Parse(path, yaml, ParseLimits.Default, CancellationToken.None));

    public static TheoryData<string, string> ValueEdits() => new()
    {
        { "a longer summary moves every later line", FactSets.Events.Replace("in the council's hall.", "in the council's great and windy hall.") },
        { "comment lines before everything", "# reviewed\n# again\n\n" + FactSets.Events },
        { "a quote's text", FactSets.Events.Replace("We welcome every ship.", "We welcome every ship, large and small.") },
        { "a place", FactSets.Events.Replace("location: Oslo", "location: Oslo harbour") },
        { "an event's name", FactSets.Events.Replace("name: Signing of the Harbour Accord", "name: Signing of the Accord") },
        { "evidence", FactSets.Events.Replace("\"signed the Harbour Accord on 29 February\"", "\"the Harbour Accord\"") },
        { "a deprecation reason", FactSets.Events.Replace("Said by Ingrid Berg, not Ole Hansen.", "Misattributed.") },
        { "an agreement's summary", FactSets.Events.Replace("lower fees for \"green\" ships.", "lower fees.") },
        { "a note added", FactSets.Events.Replace("    event: council-statement\n", "    event: council-statement\n    note: from the minutes\n") },
    };

    [Theory]
    [MemberData(nameof(ValueEdits))]
    public void ValueEditsAndMovedTextLeaveTheStructureEqual(string edit, string edited)
    {
        Assert.NotEqual(FactSets.Events, edited);
        FileStructure before = StructureOf(FactSets.EventsPath, FactSets.Events);
        FileStructure after = StructureOf(FactSets.EventsPath, edited);
        Assert.True(before.Equals(after), edit);
        Assert.Empty(FactParser.Parse(FactSets.EventsPath, edited, ParseLimits.Default, CancellationToken.None).Diagnostics);
    }

    public static TheoryData<string, string, string> StructuralEdits() => new()
    {
        { "an id", FactSets.EventsPath, FactSets.Events.Replace("id: hansen-remark", "id: hansen-aside") },
        { "a participant", FactSets.EventsPath, FactSets.Events.Replace("  - organization: harbour-council\n    part_of", "  - organization: ministry-of-trade\n    part_of") },
        { "an event kind", FactSets.EventsPath, FactSets.Events.Replace("kind: meeting", "kind: talks") },
        { "a speaker's capacity", FactSets.EventsPath, FactSets.Events.Replace("as: trade-minister\n    text", "as: ambassador\n    text") },
        { "an alias", FactSets.OfficialsPath, FactSets.Officials.Replace("Yamada", "Yamada-san") },
    };

    public static TheoryData<string, string, string> NameEdits() => new()
    {
        { "an official's name (quote docs show it)", FactSets.OfficialsPath, FactSets.Officials.Replace("name: Ingrid Berg", "name: Ingrid M. Berg") },
        { "a source's title (every citing doc shows it)", FactSets.SourcesPath, FactSets.Sources.Replace("Civil service almanac, 2nd ed.", "Civil service almanac") },
        { "an organization's name (its titles' docs show it)", FactSets.OrganizationsPath, FactSets.Organizations.Replace("name: Harbour Council", "name: The Harbour Council") },
        { "a title's name (its holders' docs show it)", FactSets.OrganizationsPath, FactSets.Organizations.Replace("name: Minister of Trade", "name: Trade Minister") },
    };

    /// <summary>
    /// Names are not structure: linking never reads them, so a rename links nothing again. They go to the file's
    /// <see cref="FileNames"/>, which the names file and the docs that show them are made from.
    /// </summary>
    [Theory]
    [MemberData(nameof(NameEdits))]
    public void NameEditsLeaveTheStructureEqualAndChangeTheFilesNames(string edit, string path, string edited)
    {
        string original = path == FactSets.OfficialsPath ? FactSets.Officials : path == FactSets.SourcesPath ? FactSets.Sources : FactSets.Organizations;
        AssertOutsideTheStructure(edit, path, original, edited, FileNames.Of);
    }

    /// <summary>
    /// The edit leaves the file's structure equal and changes what <paramref name="of"/> takes from the parsed file (the
    /// channel the edited text travels by instead), which compares equal for the same text parsed again.
    /// </summary>
    private static void AssertOutsideTheStructure<T>(string edit, string path, string original, string edited, Func<FactFile, T> of)
    {
        Assert.NotEqual(original, edited);
        Assert.True(StructureOf(path, original).Equals(StructureOf(path, edited)), edit);
        FactFile before = FactParser.Parse(path, original, ParseLimits.Default, CancellationToken.None);
        FactFile after = FactParser.Parse(path, edited, ParseLimits.Default, CancellationToken.None);
        Assert.Empty(after.Diagnostics);
        Assert.NotEqual(of(before), of(after));
        Assert.Equal(of(before), of(FactParser.Parse(path, original, ParseLimits.Default, CancellationToken.None)));
    }

    public static TheoryData<string, string> TermEdits() => new()
    {
        { "a term's start", FactSets.Officials.Replace("from: 2022-08-10", "from: 2022-08-11") },
        { "a term ends", FactSets.Officials.Replace("        from: 2023-06\n", "        from: 2023-06\n        to: 2025-01\n") },
        { "a term's evidence", FactSets.Officials.Replace("Minister of Trade from 10 August 2022", "Minister of Trade since 10 August 2022") },
        { "a term's note", FactSets.Officials.Replace("        from: 2019\n", "        from: 2019\n        note: first woman in the post\n") },
    };

    /// <summary>
    /// A term's dates, evidence and note are not structure (linking neither orders nor resolves by them): they go to the
    /// file's <see cref="FileTerms"/>, which the terms file is made from, so editing them links nothing again.
    /// </summary>
    [Theory]
    [MemberData(nameof(TermEdits))]
    public void TermEditsLeaveTheStructureEqualAndChangeTheFilesTerms(string edit, string edited)
        => AssertOutsideTheStructure(edit, FactSets.OfficialsPath, FactSets.Officials, edited, FileTerms.Of);

    public static TheoryData<string, string> DateEdits() => new()
    {
        { "an event's date (it moves in time)", FactSets.Events.Replace("name: Harbour talks\n    date: 2024-02-27", "name: Harbour talks\n    date: 2024-03-01") },
        { "an event's end", FactSets.Events.Replace("to: 2024-03-01", "to: 2024-03-02") },
        { "an event's date for a span", FactSets.Events.Replace("    date: 2023-11-14\n", "    from: 2023-11-14\n    to: 2023-11-16\n") },
        { "an agreement's date", FactSets.Events.Replace("name: Fisheries memorandum\n    date: 2023", "name: Fisheries memorandum\n    date: 2023-05") },
        { "a quote's date", FactSets.Events.Replace("date: 2024-02-27\n    deprecated", "date: 2024-02-26\n    deprecated") },
    };

    /// <summary>
    /// The dates of events, agreements and quotes are not structure (linking orders every kind by id; the dates file
    /// orders these chronologically): they go to the file's <see cref="FileDates"/>, so editing them links nothing again.
    /// </summary>
    [Theory]
    [MemberData(nameof(DateEdits))]
    public void DateEditsLeaveTheStructureEqualAndChangeTheFilesDates(string edit, string edited)
        => AssertOutsideTheStructure(edit, FactSets.EventsPath, FactSets.Events, edited, FileDates.Of);

    /// <summary>A term's title and sources are links: they stay in the structure.</summary>
    [Theory]
    [InlineData("title: ambassador", "title: council-member")]
    [InlineData("source: almanac\n        evidence", "source: briefing\n        evidence")]
    public void ATermsTitleAndSourcesAreStructure(string from, string to)
    {
        string edited = FactSets.Officials.Replace(from, to);
        Assert.NotEqual(FactSets.Officials, edited);
        Assert.False(StructureOf(FactSets.OfficialsPath, FactSets.Officials).Equals(StructureOf(FactSets.OfficialsPath, edited)));
    }

    [Theory]
    [MemberData(nameof(StructuralEdits))]
    public void EditsToIdsLinksKindsAndAliasesChangeTheStructure(string edit, string path, string edited)
    {
        string original = path == FactSets.EventsPath ? FactSets.Events : FactSets.Officials;
        Assert.NotEqual(original, edited);
        Assert.False(StructureOf(path, original).Equals(StructureOf(path, edited)), edit);
    }

    [Fact]
    public void AStructureHasNoValuesAndNoLinePositions()
    {
        FactFile parsed = FactParser.Parse(FactSets.EventsPath, FactSets.Events, ParseLimits.Default, CancellationToken.None);
        FactFile structure = Structure.Of(parsed).Facts;
        Assert.Equal(parsed.Quotes.Count, structure.Quotes.Count);
        Assert.All(structure.Quotes, q => Assert.Equal(string.Empty, q.Text.Value));
        Assert.All(structure.Events, e => Assert.Null(e.Summary));
        // Locations are numbers in the order the structure meets them (Length -1), not positions in the text.
        var ids = structure.Events.Select(e => e.Header.IdLocation).ToList();
        Assert.All(ids, l => Assert.Equal((FactSets.EventsPath, -1, l.Start), (l.Path, l.Length, l.StartLine)));
        Assert.Equal(ids.Count, ids.Select(l => l.Start).Distinct().Count());
        Assert.Empty(structure.Texts);
        Assert.Equal(parsed.Events.Select(e => e.Header.Id), structure.Events.Select(e => e.Header.Id));
    }

    public static TheoryData<string, string> BrokenLinks() => new()
    {
        { "clean", "" },
        { "FG0005 duplicate id", "  - id: yamada-taro\n    name: Taro Yamada\n    country: JP\n" },
        { "FG0006 dangling title", "  - id: new-one\n    name: New One\n    country: NO\n    positions:\n      - title: no-such-title\n" },
        { "FG0010 name clash", "  - id: x-1a\n    name: X\n    country: NO\n  - id: x1a\n    name: X\n    country: NO\n" },
    };

    /// <summary>
    /// The generator links the parsed files again for real locations only when the structures' link reports something:
    /// that is right only if both report the same problems.
    /// </summary>
    [Theory]
    [MemberData(nameof(BrokenLinks))]
    public void StructuresLinkWithTheSameProblemsAsTheParsedFiles(string name, string extraOfficials)
    {
        var texts = new Dictionary<string, string>
        {
            [FactSets.SourcesPath] = FactSets.Sources,
            [FactSets.OrganizationsPath] = FactSets.Organizations,
            [FactSets.OfficialsPath] = FactSets.Officials.TrimEnd('\n') + "\n" + extraOfficials,
            [FactSets.EventsPath] = FactSets.Events,
        };
        var parsed = texts.Select(kv => FactParser.Parse(kv.Key, kv.Value, ParseLimits.Default, CancellationToken.None)).ToList();
        Assert.All(parsed, p => Assert.Empty(p.Diagnostics));
        string[] paths = texts.Keys.Concat(new[] { FactSets.BriefingPath }).ToArray(); // the almanac is missing: FG0013
        var full = Linker.Link(parsed, paths, CancellationToken.None).Diagnostics;
        var structural = Linker.Link(parsed.Select(p => Structure.Of(p).Facts), paths, CancellationToken.None).Diagnostics;
        Assert.Contains(full, d => d.Id == "FG0013");
        if (name != "clean") Assert.Contains(full, d => d.Id == name.Substring(0, 6));
        // The same problems, and once relocated the very same diagnostics: locations, related locations, messages.
        Assert.Equal(full.Select(d => d.Id).Order(StringComparer.Ordinal), structural.Select(d => d.Id).Order(StringComparer.Ordinal));
        var relocated = Structure.Relocate(structural, parsed);
        Assert.Equal(full.Select(Describe), relocated.Select(Describe));
        Assert.Equal(full, relocated);
    }

    private static string Describe(DiagnosticInfo d)
        => d.Id + " " + d.Location + " [" + string.Join(", ", d.AdditionalLocations.Select(l => l.ToString())) + "] " + string.Join(" | ", d.Arguments);

    [Fact]
    public void RelocatedStructureDiagnosticsKeepTheHintAndFindTheRealLine()
    {
        // A mistyped reference in a file whose text then moves (a comment on top): the structure is equal, and its
        // numbered location still finds the reference's line in the moved text.
        string officials = FactSets.Officials.TrimEnd('\n') + "\n  - id: new-one\n    name: New One\n    country: NO\n    positions:\n      - title: trade-ministr\n";
        var files = new List<FactFile>
        {
            FactParser.Parse(FactSets.OfficialsPath, officials, ParseLimits.Default, CancellationToken.None),
            FactParser.Parse(FactSets.OrganizationsPath, FactSets.Organizations, ParseLimits.Default, CancellationToken.None),
            FactParser.Parse(FactSets.SourcesPath, FactSets.Sources, ParseLimits.Default, CancellationToken.None),
        };
        string[] paths = { FactSets.OfficialsPath, FactSets.OrganizationsPath, FactSets.SourcesPath };
        static bool Mistyped(DiagnosticInfo d) => d.Id == "FG0006" && d.Arguments[0] == "trade-ministr";
        var structural = Structure.Link(files.Select(Structure.Of).ToList(), paths, CancellationToken.None).Facts.Diagnostics;
        var moved = new List<FactFile>(files)
        {
            [0] = FactParser.Parse(FactSets.OfficialsPath, "# reviewed\n# twice\n" + officials, ParseLimits.Default, CancellationToken.None),
        };
        Assert.Equal(Structure.Of(files[0]), Structure.Of(moved[0]));

        DiagnosticInfo before = Assert.Single(Structure.Relocate(structural, files), Mistyped);
        DiagnosticInfo after = Assert.Single(Structure.Relocate(structural, moved), Mistyped);
        Assert.Equal("; did you mean 'trade-minister'?", after.Arguments[2]);
        Assert.Equal(before.Location.StartLine + 2, after.Location.StartLine);
        Assert.Equal(Assert.Single(Linker.Link(moved, paths, CancellationToken.None).Diagnostics, Mistyped), after);
    }

    [Fact]
    public void ANumberedLocationWithoutItsParsedFileFallsBackToTheFilesStart()
    {
        // Cannot happen (the structures and the parsed files come from the same texts), but a numbered location must
        // never reach the compiler: its length is -1, which Location.Create refuses.
        FactFile parsed = FactParser.Parse(FactSets.OfficialsPath, FactSets.Officials, ParseLimits.Default, CancellationToken.None);
        LocationInfo numbered = Structure.Of(parsed).Facts.Officials[0].Header.IdLocation;
        Assert.Equal(-1, numbered.Length);
        var diagnostic = DiagnosticInfo.Create(FactGen.Validation.Descriptors.DanglingReference, numbered, "x", "official", string.Empty);
        DiagnosticInfo relocated = Assert.Single(Structure.Relocate(new EquatableArray<DiagnosticInfo>(new[] { diagnostic }), new List<FactFile>()));
        Assert.Equal(LocationInfo.FileStart(FactSets.OfficialsPath), relocated.Location);
        Assert.Equal(parsed.Officials[0].Header.IdLocation, Assert.Single(Structure.Relocate(new EquatableArray<DiagnosticInfo>(new[] { diagnostic }), new[] { parsed })).Location);
    }
}
