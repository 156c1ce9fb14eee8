using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FactGen.Tests.Generator;

/// <summary>
/// Representative fact sets for the generator tests and snapshots. The items are written out of order on
/// purpose (events newest first, officials not by id, facts spread over files whose path order is not the
/// id order), so sorting in the generator is exercised rather than inherited from the input.
/// </summary>
public static class FactSets
{
    public const string ProjectDir = "/project/";

    public const string SourcesPath = "/project/facts/sources.yaml";
    public const string OrganizationsPath = "/project/facts/organizations.yaml";
    public const string OfficialsPath = "/project/facts/people/officials.yaml";
    public const string EventsPath = "/project/facts/events.yaml";
    public const string BriefingPath = "/project/seeds/briefing.txt";
    public const string AlmanacPath = "/project/seeds/almanac.txt";

    public const string Sources = """
        # Sources: a briefing transcript and an almanac (both in seeds/).
        sources:
          - id: briefing
            title: "Harbour Accord briefing & notes"
            file: ../seeds/briefing.txt
            published: 2024-03-02
            url: https://example.org/briefing
            note: Press briefing transcript.
          - id: almanac
            title: Civil service almanac, 2nd ed.
            file: ../seeds/almanac.txt
            published: 2023
        """;

    public const string Organizations = """
        organizations:
          - id: ministry-of-trade
            name: Ministry of Trade
            native: 貿易省
            abbreviation: MOT
            country: JP
            source: almanac
          - id: harbour-council
            name: Harbour Council
            country: NO
            source: briefing
        titles:
          - id: trade-minister
            name: Minister of Trade
            organization: ministry-of-trade
            country: JP
            holders: one
          - id: council-member
            name: Member of the Harbour Council
            organization: harbour-council
            country: NO
            holders: many
          - id: ambassador
            name: Ambassador to Japan
            country: NO
            holders: one
        """;

    public const string Officials = """
        officials:
          - id: yamada-taro
            name: Yamada Taro
            romanized: Yamada Tarō
            native: 山田太郎
            country: JP
            aliases:
              - Minister Yamada
            positions:
              - title: trade-minister
                from: 2022-08-10
                to: 2024-10-01
                source: almanac
                evidence: "Yamada Taro, Minister of Trade from 10 August 2022"
            source: briefing
          - id: ole-hansen
            name: Ole Hansen
            country: NO
            deprecated: Misidentified in the briefing; the speaker was Ingrid Berg
            source: briefing
          - id: ingrid-berg
            name: Ingrid Berg
            country: NO
            positions:
              - title: ambassador
                from: 2019
                to: 2023-05
              - title: council-member
                from: 2023-06
            sources:
              - briefing
              - almanac
        """;

    public const string Events = """
        events:
          - id: harbour-accord-signing
            kind: meeting
            name: Signing of the Harbour Accord
            summary: Yamada and Berg signed the accord in the council's hall.
            date: 2024-02-29
            location: Oslo
            participants:
              - official: yamada-taro
                as: trade-minister
              - official: ingrid-berg
                as: council-member
              - organization: harbour-council
            part_of: oslo-trade-mission
            source: briefing
            evidence: "signed the Harbour Accord on 29 February"
          - id: oslo-trade-mission
            kind: trip
            name: Trade mission to Oslo
            from: 2024-02-27
            to: 2024-03-01
            location: Oslo, Norway
            participants:
              - yamada-taro
          - id: harbour-talks
            kind: talks
            name: Harbour talks
            date: 2024-02-27
            participants:
              - yamada-taro
              - ingrid-berg
            part_of: oslo-trade-mission
          - id: ferry-collision
            kind: incident
            name: Ferry collision in the harbour
            date: 2023-11-14
          - id: port-fees-announcement
            kind: announcement
            name: Announcement of lower port fees
            date: 2023-09
            participants:
              - organization: ministry-of-trade
          - id: council-statement
            kind: statement
            name: Council statement on shipping to the U.S.
            date: 2023-06
            participants:
              - organization: harbour-council
          - id: quay-opening
            kind: other
            name: Quay opening
            date: 2023-06-01
          - id: berg-tokyo-visit
            kind: visit
            name: Ingrid Berg's visit to Tokyo
            date: 2023-06-15
            location: Tokyo
            participants:
              - official: ingrid-berg
                as: council-member
          - id: northern-ports-summit
            kind: summit
            name: Northern ports summit
            date: 2023
            participants:
              - ingrid-berg
        agreements:
          - id: harbour-accord
            name: Harbour Accord
            date: 2024-02-29
            parties:
              - JP
              - NO
              - harbour-council
            negotiators:
              - official: yamada-taro
                as: trade-minister
              - ingrid-berg
            event: harbour-accord-signing
            summary: Shared berths & lower fees for "green" ships.
            source: briefing
          - id: fisheries-memorandum
            name: Fisheries memorandum
            date: 2023
            parties:
              - JP
              - NO
        quotes:
          - id: yamada-open-ports
            speaker:
              official: yamada-taro
              as: trade-minister
            text: "Ports that stay open keep \"prices\" low & <steady>."
            date: 2024-02-29
            event: harbour-accord-signing
            source: briefing
          - id: council-welcomes
            speaker:
              organization: harbour-council
            text: We welcome every ship.
            date: 2023-06
            event: council-statement
          - id: berg-first-step
            speaker: ingrid-berg
            text: "A first step.\nMore will follow."
            date: 2024-02-27
          - id: hansen-remark
            speaker: ole-hansen
            text: Nothing to add.
            date: 2024-02-27
            deprecated: Said by Ingrid Berg, not Ole Hansen.
        """;

    public const string Briefing = "Yamada and Berg signed the Harbour Accord on 29 February in Oslo.\n";

    public const string Almanac = "Yamada Taro, Minister of Trade from 10 August 2022.\n";

    /// <summary>The mixed set: every kind of fact, every event kind, <c>as:</c> participants, span events, deprecated facts, four fact files in two folders and two source texts.</summary>
    public static List<AdditionalText> Mixed() => new()
    {
        new TestAdditionalText(EventsPath, Events),
        new TestAdditionalText(OfficialsPath, Officials),
        new TestAdditionalText(OrganizationsPath, Organizations),
        new TestAdditionalText(SourcesPath, Sources),
        new TestAdditionalText(BriefingPath, Briefing),
        new TestAdditionalText(AlmanacPath, Almanac),
    };

    /// <summary>MSBuild properties for the mixed set: public, namespace Test.Facts, ProjectDir /project/.</summary>
    public static TestOptionsProvider PublicOptions(string ns = "Test.Facts") => Options(ns, "public");

    public static TestOptionsProvider Options(string ns, string visibility, string projectDir = ProjectDir)
        => new(new Dictionary<string, string>
        {
            ["FactGenNamespace"] = ns,
            ["FactGenVisibility"] = visibility,
            ["ProjectDir"] = projectDir,
        });
}
