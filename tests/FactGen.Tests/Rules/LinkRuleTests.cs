using Microsoft.CodeAnalysis;
using Xunit;
using static FactGen.Tests.Rules.RuleTestKit;

namespace FactGen.Tests.Rules;

/// <summary>
/// Rules of consistency between and within facts, which the generator reports: FG0005, FG0006, FG0010, FG0013 (the link
/// step, all files together) and FG0007 (one fact's own dates, checked when its file is parsed).
/// </summary>
public class LinkRuleTests
{
    private const string Premier = """
        titles:
          - id: premier
            name: Premier of the State Council
            country: CN
            holders: one
        """;

    // ------------------------------------------------------------------ FG0005 duplicate id

    private const string FirstFile = """
        officials:
          - id: li-qiang
            name: Li Qiang
            country: CN
        """;

    private const string SecondFile = """
        officials:
          - id: he-lifeng
            name: He Lifeng
            country: CN
          - id: li-qiang
            name: Li Qiang (again)
            country: CN
        """;

    [Fact]
    public void FG0005_DuplicateAcrossFiles_IsReportedAtTheLaterOneWithTheFirstAsAdditionalLocation()
    {
        // Files arrive in reverse order: "first" is by path, not by arrival.
        var all = Diagnose(Yaml("b.yaml", SecondFile), Yaml("a.yaml", FirstFile));
        Diagnostic d = AssertOnly(all, "FG0005");
        d.AssertAt("FG0005", DiagnosticSeverity.Error, "b.yaml", 5, 9);
        Assert.Equal("li-qiang", d.Covered(SecondFile));
        Location first = Assert.Single(d.AdditionalLocations);
        AssertLocation(first, "a.yaml", 2, 9);
        Assert.Equal("li-qiang", FirstFile.Substring(first.SourceSpan.Start, first.SourceSpan.Length));
        d.AssertMessage("Official id 'li-qiang' is already defined at /project/facts/a.yaml(2,9)", "this one is left out");
    }

    [Fact]
    public void FG0005_DuplicateInOneFile_PointsBackAtTheFirstItem()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
              - id: li-qiang
                name: Li Qiang
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0005");
        d.AssertAt("FG0005", DiagnosticSeverity.Error, "facts.yaml", 5, 9);
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 2, 9);
    }

    [Fact]
    public void FG0005_Quiet_WhenFactsOfDifferentKindsShareAnId()
    {
        const string yaml = """
            sources:
              - id: raimondo-beijing
                title: U.S. Commerce Secretary in Beijing to discuss trade
                file: ../seeds/raimondo-beijing-2023-08-29.txt
                published: 2023-08-29
            events:
              - id: raimondo-beijing
                kind: trip
                name: Raimondo in Beijing
                from: 2023-08-28
                to: 2023-08-30
            """;
        AssertClean(Diagnose(yaml, Article()));
    }

    // ------------------------------------------------------------------ FG0006 dangling reference

    [Fact]
    public void FG0006_MisspeltParticipant_SuggestsTheOfficial()
    {
        const string yaml = Premier + "\n" + """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
            events:
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                date: 2023-08-29
                participants:
                  - li-qaing
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0006");
        d.AssertAt("FG0006", DiagnosticSeverity.Error, "facts.yaml", 16, 9);
        Assert.Equal("li-qaing", d.Covered(yaml));
        d.AssertMessage("'li-qaing' names no official or organization", "did you mean 'li-qiang'?", "correct the id or add the fact");
    }

    [Fact]
    public void FG0006_MisspeltTitleInAPositionAndInAs_AreEachReported()
    {
        const string yaml = Premier + "\n" + """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  - title: premeir
                    from: 2023-03-11
            quotes:
              - id: li-new-efforts
                speaker: {official: li-qiang, as: premiere}
                text: make new positive efforts
                date: 2023-08-29
            """;
        var all = Diagnose(yaml);
        Assert.True(all.Length == 2 && all.All(d => d.Id == "FG0006"), Format(all));
        all[0].AssertAt("FG0006", DiagnosticSeverity.Error, "facts.yaml", 11, 16);
        all[0].AssertMessage("'premeir' names no title", "did you mean 'premier'?");
        all[1].AssertAt("FG0006", DiagnosticSeverity.Error, "facts.yaml", 15, 39);
        all[1].AssertMessage("'premiere' names no title", "did you mean 'premier'?");
    }

    [Fact]
    public void FG0006_ReferenceLikeNoId_HasNoSuggestion()
    {
        const string yaml = """
            quotes:
              - id: li-new-efforts
                speaker: nobody-we-know
                text: make new positive efforts
                date: 2023-08-29
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0006");
        d.AssertAt("FG0006", DiagnosticSeverity.Error, "facts.yaml", 3, 14);
        d.AssertMessage("'nobody-we-know' names no official or organization;");
        Assert.DoesNotContain("did you mean", d.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void FG0006_Quiet_ForOfficialsOrganizationsCountriesAndTitlesThatExist()
    {
        const string yaml = Premier + "\n" + """
            organizations:
              - id: mofcom
                name: Ministry of Commerce
                country: CN
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  - title: premier
                    from: 2023-03-11
            events:
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                date: 2023-08-29
                participants:
                  - mofcom
                  - {organization: mofcom}
                  - {official: li-qiang, as: premier}
            agreements:
              - id: information-exchange
                name: Information exchange on export controls
                date: 2023-08-28
                parties: [US, mofcom]
                event: raimondo-meets-li
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0007 reversed range

    private const string ReversedTerm = Premier + "\n" + """
        officials:
          - id: li-qiang
            name: Li Qiang
            country: CN
            positions:
              - title: premier
                from: 2023-06
                to: 2023-05-31
        """;

    [Fact]
    public void FG0007_PositionEndingBeforeItStarts_IsReportedAtTo()
    {
        const string yaml = ReversedTerm;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0007");
        d.AssertAt("FG0007", DiagnosticSeverity.Error, "facts.yaml", 13, 13);
        Assert.Equal("2023-05-31", d.Covered(yaml));
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 12, 15);
        d.AssertMessage("'to' 2023-05-31 is before 'from' 2023-06", "swap or correct the dates");
    }

    [Fact]
    public void FG0007_IsReportedWhenTheFileIsParsed_NotByLinking()
    {
        // A range is one fact's own affair: the parser reports it, with its real location, and linking does not read
        // terms' dates at all (they are not in the structures it links; see Structure).
        var parsed = FactGen.Parsing.FactParser.Parse("/p/facts.yaml", ReversedTerm, FactGen.Parsing.ParseLimits.Default, CancellationToken.None);
        var reported = Assert.Single(parsed.Diagnostics);
        Assert.Equal("FG0007", reported.Id);
        Assert.Empty(FactGen.Linking.Linker.Link(new[] { parsed }, Array.Empty<string>(), CancellationToken.None).Diagnostics);
    }

    [Fact]
    public void FG0007_EventEndingBeforeItStarts_IsReported()
    {
        const string yaml = """
            events:
              - id: raimondo-china-trip
                kind: trip
                name: Raimondo's trip to China
                from: 2023-08-31
                to: 2023-08-28
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0007");
        d.AssertAt("FG0007", DiagnosticSeverity.Error, "facts.yaml", 6, 9);
        d.AssertMessage("'to' 2023-08-28 is before 'from' 2023-08-31");
    }

    [Fact]
    public void FG0007_Quiet_WhenRangesAreComparedAsPeriods()
    {
        // The 15th lies inside June; a one-day span and a year that contains its end are fine too.
        const string yaml = Premier + "\n" + """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  - title: premier
                    from: 2023-06
                    to: 2023-06-15
            events:
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                from: 2023-08-29
                to: 2023-08-29
              - id: raimondo-china-trip
                kind: trip
                name: Raimondo's trip to China
                from: 2023-08-28
                to: 2023
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0010 unusable C# name

    [Fact]
    public void FG0010_TwoIdsWithOneCSharpName_ReportsTheLaterOne()
    {
        const string yaml = """
            events:
              - id: x-1a
                kind: other
                name: First
                date: 2023
              - id: x1a
                kind: other
                name: Second
                date: 2023
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0010");
        d.AssertAt("FG0010", DiagnosticSeverity.Error, "facts.yaml", 6, 9);
        Assert.Equal("x1a", d.Covered(yaml));
        d.AssertMessage("Event 'x1a': ids 'x1a' and 'x-1a' (at /project/facts/facts.yaml(2,9)) both map to the C# name Events.X1a", "choose another id");
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 2, 9); // the id it clashes with
    }

    [Theory]
    [InlineData("all", "Officials.All")]
    [InlineData("find", "Officials.Find")]
    [InlineData("ids", "Officials.Ids")]
    [InlineData("to-string", "Officials.ToString")]
    public void FG0010_IdClashingWithAGeneratedMember_IsReported(string id, string member)
    {
        string yaml = $"""
            officials:
              - id: {id}
                name: Someone
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0010");
        d.AssertAt("FG0010", DiagnosticSeverity.Error, "facts.yaml", 2, 9);
        d.AssertMessage("Official '" + id + "'", "clashes with the generated member " + member);
    }

    [Fact]
    public void FG0010_IdNamingTheClassItself_IsReported()
    {
        const string yaml = """
            titles:
              - id: titles
                name: Titles
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0010");
        d.AssertAt("FG0010", DiagnosticSeverity.Error, "facts.yaml", 2, 9);
        d.AssertMessage("Title 'titles': its C# name 'Titles' is the name of the class Titles itself");
    }

    [Fact]
    public void FG0010_Quiet_ForDistinctNamesAndKeywordLikeIds()
    {
        // X1a and X1b differ; 'class' and 'event' become Class and Event, which are not keywords.
        const string yaml = """
            events:
              - id: x-1a
                kind: other
                name: First
                date: 2023
              - id: x1b
                kind: other
                name: Second
                date: 2023
              - id: class
                kind: other
                name: Third
                date: 2023
              - id: event
                kind: other
                name: Fourth
                date: 2023
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0013 source file missing

    [Fact]
    public void FG0013_SourceFileNotAmongAdditionalFiles_IsReportedAtFileWithTheResolvedPath()
    {
        const string yaml = """
            sources:
              - id: raimondo-shanghai
                title: Raimondo in Shanghai
                file: ../seeds/raimondo-shanghai-2023-08-30.txt
                published: 2023-08-30
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml, Article()), "FG0013");
        d.AssertAt("FG0013", DiagnosticSeverity.Error, "facts.yaml", 4, 11);
        Assert.Equal("../seeds/raimondo-shanghai-2023-08-30.txt", d.Covered(yaml));
        d.AssertMessage(
            "Source 'raimondo-shanghai' names file '../seeds/raimondo-shanghai-2023-08-30.txt'",
            "/project/seeds/raimondo-shanghai-2023-08-30.txt",
            "not among the compilation's AdditionalFiles",
            "<AdditionalFiles Include=\"/project/seeds/raimondo-shanghai-2023-08-30.txt\" FactGenKind=\"source\" />");
    }

    [Fact]
    public void FG0013_Quiet_WhenTheFileIsAnAdditionalFileRelativeToTheFactFile()
    {
        AssertClean(Diagnose(ArticleSource(), Article()));
    }
}
