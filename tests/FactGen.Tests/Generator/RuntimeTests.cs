using System.Reflection;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The mixed fact set compiled together with a small user program (<see cref="ProbeSource"/>) in a strict
/// compilation, emitted and loaded once for all tests of <see cref="RuntimeTests"/>.
/// </summary>
public sealed class MixedFactsProgram
{
    public MixedFactsProgram()
    {
        Run = StrictCompilation.Run(FactSets.Mixed(), FactSets.PublicOptions(), StrictCompilation.Create("Probe", new[] { RuntimeTests.ProbeSource }));
        if (Run.GeneratorDiagnostics.Length > 0 || Run.CompilationDiagnostics.Length > 0)
        {
            throw new InvalidOperationException("The probe program does not build cleanly:\n"
                + StrictCompilation.Describe(Run.GeneratorDiagnostics.Concat(Run.CompilationDiagnostics)));
        }
        Assembly = StrictCompilation.LoadTogether(("Probe", StrictCompilation.Emit(Run.Output)));
    }

    public GeneratorRun Run { get; }

    public Assembly Assembly { get; }

    public string Call(string method) => StrictCompilation.Call(Assembly, "Probe", method);
}

/// <summary>What user code sees at run time: values, typed links, lookups, order, dates, terms, reverse links.</summary>
public class RuntimeTests : IClassFixture<MixedFactsProgram>
{
    /// <summary>User code written against the generated API; each method prints what it observed, one item a line.</summary>
    public const string ProbeSource = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using Test.Facts;

        internal static class Probe
        {
            private static string Lines(params object?[] items) => string.Join("\n", items.Select(i => i switch
            {
                null => "(null)",
                bool b => b ? "true" : "false",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => i.ToString(),
            }));

            private static string Ids<T>(IEnumerable<T> facts) where T : Fact => string.Join(",", facts.Select(f => f.Id));

            private static string Escaped(string s) => s.Replace("\n", "\\n");

            public static string Values() => Lines(
                Officials.YamadaTaro.Id, Officials.YamadaTaro.Name, Officials.YamadaTaro.Romanized, Officials.YamadaTaro.Native,
                Officials.YamadaTaro.Country, string.Join("|", Officials.YamadaTaro.Aliases), Officials.YamadaTaro.Source?.Id,
                Officials.IngridBerg.Romanized, Officials.IngridBerg.Native, Ids(Officials.IngridBerg.Sources), Officials.IngridBerg.Aliases.Count,
                Organizations.MinistryOfTrade.Native, Organizations.MinistryOfTrade.Abbreviation, Organizations.HarbourCouncil.Abbreviation,
                Titles.TradeMinister.Name, Titles.TradeMinister.OneHolder, Titles.CouncilMember.OneHolder, Titles.Ambassador.Organization,
                Sources.Briefing.Title, Sources.Briefing.Published, Sources.Briefing.File, Sources.Briefing.Url, Sources.Briefing.Note, Sources.Almanac.Url,
                Quotes.YamadaOpenPorts.Text, Escaped(Quotes.BergFirstStep.Text), Agreements.HarbourAccord.Summary,
                Events.HarbourAccordSigning.Kind, Events.HarbourAccordSigning.Location, Events.HarbourAccordSigning.Evidence,
                Events.OsloTradeMission.IsSpan, Events.OsloTradeMission.From, Events.OsloTradeMission.To,
                Events.HarbourTalks.IsSpan, Events.HarbourTalks.To, string.Join(",", Events.All.Select(e => e.Kind)));

            public static string TypedLinks()
            {
                Position term = Officials.YamadaTaro.Positions[0];
                Event signing = Events.HarbourAccordSigning;
                return Lines(
                    term.Title.GetType().Name, ReferenceEquals(term.Title, Titles.TradeMinister), ReferenceEquals(term.Official, Officials.YamadaTaro),
                    term.From, term.To, Ids(term.Sources), term.Evidence,
                    ReferenceEquals(Titles.TradeMinister.Organization, Organizations.MinistryOfTrade), Ids(Organizations.MinistryOfTrade.Titles),
                    string.Join(",", Titles.TradeMinister.Terms.Select(t => t.Official.Id)),
                    string.Join(",", Officials.IngridBerg.Positions.Select(p => p.Title.Id + " " + p.From + ".." + p.To)),
                    string.Join(",", signing.Participants.Select(p => p.Actor.GetType().Name + ":" + p.Actor.Id + (p.As is null ? "" : " as " + p.As.Id))),
                    ReferenceEquals(signing.Participants[0].Official, Officials.YamadaTaro), signing.Participants[0].Organization,
                    ReferenceEquals(signing.Participants[2].Organization, Organizations.HarbourCouncil), signing.Participants[1],
                    Quotes.YamadaOpenPorts.Speaker is Official speaker && ReferenceEquals(speaker, Officials.YamadaTaro),
                    Quotes.YamadaOpenPorts.SpeakerAs?.Id, Quotes.YamadaOpenPorts.Event?.Id,
                    Quotes.CouncilWelcomes.Speaker.GetType().Name, Quotes.CouncilWelcomes.SpeakerAs, Quotes.BergFirstStep.Event,
                    string.Join(",", Agreements.HarbourAccord.Parties.Select(p => p.Country ?? "org:" + p.Organization!.Id)),
                    ReferenceEquals(Agreements.HarbourAccord.Parties[2].Organization, Organizations.HarbourCouncil),
                    string.Join(",", Agreements.HarbourAccord.Negotiators.Select(n => n.Actor.Id + (n.As is null ? "" : " as " + n.As.Id))),
                    ReferenceEquals(Agreements.HarbourAccord.Event, signing), Agreements.FisheriesMemorandum.Event,
                    ReferenceEquals(signing.PartOf, Events.OsloTradeMission), Events.OsloTradeMission.PartOf, Ids(Events.OsloTradeMission.Parts),
                    Ids(signing.Agreements), Ids(signing.Quotes));
            }

            public static string Lookup()
            {
                bool hit = Officials.TryGet("ingrid-berg", out Official? found);
                bool miss = Officials.TryGet("nobody", out Official? missing);
                bool none = Events.TryGet(null, out Event? nothing);
                return Lines(
                    ReferenceEquals(Officials.Find("yamada-taro"), Officials.YamadaTaro), Officials.Find("nobody"), Officials.Find(null),
                    Officials.Find(""), Officials.Find("Yamada-Taro"), Officials.Find("trade-minister"), Titles.Find("trade-minister")?.Name,
                    hit, found?.Name, miss, missing, none, nothing,
                    Officials.All.All(o => ReferenceEquals(Officials.Find(o.Id), o)), Organizations.All.All(o => ReferenceEquals(Organizations.Find(o.Id), o)),
                    Titles.All.All(o => ReferenceEquals(Titles.Find(o.Id), o)), Sources.All.All(o => ReferenceEquals(Sources.Find(o.Id), o)),
                    Events.All.All(o => ReferenceEquals(Events.Find(o.Id), o)), Agreements.All.All(o => ReferenceEquals(Agreements.Find(o.Id), o)),
                    Quotes.All.All(o => ReferenceEquals(Quotes.Find(o.Id), o)),
                    Officials.Ids.YamadaTaro, Events.Ids.OsloTradeMission, Quotes.Ids.BergFirstStep, Agreements.Find(Agreements.Ids.HarbourAccord)?.Name);
            }

            public static string Ordering() => Lines(
                Ids(Sources.All), Ids(Organizations.All), Ids(Titles.All), Ids(Officials.All), Ids(Events.All), Ids(Agreements.All), Ids(Quotes.All),
                Officials.All is Official[], Officials.All is ICollection<Official> c && c.IsReadOnly);

            public static string Dates()
            {
                FactDate june = FactDate.Parse("2023-06"), fifteenth = FactDate.Parse("2023-06-15"), year = FactDate.Parse("2023");
                var list = new List<FactDate> { fifteenth, FactDate.Parse("2023-06-01"), year, june, FactDate.Parse("2022-12-31") };
                list.Sort();
                string parseError;
                try { FactDate.Parse("June 2023"); parseError = "no error"; }
                catch (FormatException) { parseError = "FormatException"; }
                return Lines(
                    june.Overlaps(fifteenth), fifteenth.Overlaps(june), june.Contains(fifteenth), fifteenth.Contains(june),
                    june.Overlaps(FactDate.Parse("2023-07-01")), year.Overlaps(june),
                    june.Start, june.End, year.Start, year.End, FactDate.Parse("2024-02").End, fifteenth.Start, fifteenth.End,
                    june.StartDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), june.EndDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    year.Precision, june.Precision, fifteenth.Precision, june.Year, june.Month, june.Day,
                    year, june, fifteenth, default(FactDate).ToString().Length,
                    june < fifteenth, june.CompareTo(FactDate.Parse("2023-06-01")) < 0, june == new FactDate(2023, 6), june != FactDate.Parse("2023-06-01"),
                    string.Join(",", list),
                    FactDate.TryParse("2023-02-30", out _), FactDate.TryParse("2023-13", out _), FactDate.TryParse("23-01", out _), FactDate.TryParse(null, out _),
                    FactDate.TryParse("2024-02-29", out FactDate leap), leap, parseError,
                    june.Contains(new DateOnly(2023, 6, 30)), june.Contains(new DateOnly(2023, 7, 1)), ((FactDate)new DateOnly(2023, 6, 15)) == fifteenth,
                    Events.CouncilStatement.Overlaps(fifteenth), Events.QuayOpening.Overlaps(fifteenth), Events.OsloTradeMission.Overlaps(FactDate.Parse("2024-03")));
            }

            public static string Terms()
            {
                Official berg = Officials.IngridBerg, yamada = Officials.YamadaTaro;
                Position? june = berg.PositionOn(FactDate.Parse("2023-06"));
                return Lines(
                    berg.TitleOn(FactDate.Parse("2018"))?.Id, berg.TitleOn(FactDate.Parse("2020"))?.Id, berg.TitleOn(FactDate.Parse("2023-05-31"))?.Id,
                    berg.TitleOn(FactDate.Parse("2023-06-01"))?.Id, berg.TitleOn(FactDate.Parse("2030"))?.Id,
                    june?.Title.Id, june?.From, june?.To,
                    yamada.TitleOn(FactDate.Parse("2022-08-09"))?.Id, yamada.TitleOn(FactDate.Parse("2022-08-10"))?.Id,
                    yamada.TitleOn(FactDate.Parse("2024-10-01"))?.Id, yamada.TitleOn(FactDate.Parse("2024-10-02"))?.Id,
                    Officials.Find("ole-hansen")!.TitleOn(FactDate.Parse("2024")),
                    Ids(Titles.TradeMinister.HoldersOn(FactDate.Parse("2023"))), Ids(Titles.Ambassador.HoldersOn(FactDate.Parse("2023-06"))),
                    Ids(Titles.CouncilMember.HoldersOn(FactDate.Parse("2024"))));
            }

            public static string ReverseLinks()
            {
                Official hansen = Officials.Find("ole-hansen")!;
                return Lines(
                    Ids(Officials.YamadaTaro.Events), Ids(Officials.IngridBerg.Events), Ids(hansen.Events),
                    Ids(Officials.YamadaTaro.Quotes), Ids(Officials.IngridBerg.Quotes), Ids(hansen.Quotes),
                    Ids(Officials.YamadaTaro.Agreements), Ids(Officials.IngridBerg.Agreements),
                    Ids(Organizations.HarbourCouncil.Events), Ids(Organizations.HarbourCouncil.Quotes), Ids(Organizations.HarbourCouncil.Agreements),
                    Ids(Organizations.MinistryOfTrade.Events), Ids(Events.CouncilStatement.Quotes), Ids(Events.QuayOpening.Quotes));
            }

            public static string Between() => Lines(
                Ids(Events.Between(FactDate.Parse("2023-06"), FactDate.Parse("2023-06"))),
                Ids(Events.Between(FactDate.Parse("2023-06-15"), FactDate.Parse("2023-06-15"))),
                Ids(Events.Between(FactDate.Parse("2024-02-28"), FactDate.Parse("2024-02-28"))),
                Ids(Events.Between(FactDate.Parse("2024-03-01"), FactDate.Parse("2024-12"))),
                Ids(Events.Between(FactDate.Parse("2025"), FactDate.Parse("2026"))));

            public static string FromCountry() => Lines(
                Ids(Officials.FromCountry("NO")), Ids(Officials.FromCountry("jp")), Officials.FromCountry("US").Count,
                Ids(Organizations.FromCountry("JP")), Ids(Titles.FromCountry("NO")));
        }
        """;

    private readonly MixedFactsProgram _program;

    public RuntimeTests(MixedFactsProgram program) => _program = program;

    [Fact]
    public void ValuesReadBackAsWritten()
    {
        Assert.Equal("""
            yamada-taro
            Yamada Taro
            Yamada Tarō
            山田太郎
            JP
            Minister Yamada
            briefing
            (null)
            (null)
            briefing,almanac
            0
            貿易省
            MOT
            (null)
            Minister of Trade
            true
            false
            (null)
            Harbour Accord briefing & notes
            2024-03-02
            ../seeds/briefing.txt
            https://example.org/briefing
            Press briefing transcript.
            (null)
            Ports that stay open keep "prices" low & <steady>.
            A first step.\nMore will follow.
            Shared berths & lower fees for "green" ships.
            Meeting
            Oslo
            signed the Harbour Accord on 29 February
            true
            2024-02-27
            2024-03-01
            false
            2024-02-27
            Summit,Statement,Other,Visit,Announcement,Incident,Talks,Trip,Meeting
            """, _program.Call("Values"));
    }

    [Fact]
    public void LinksAreTypedObjects()
    {
        Assert.Equal("""
            Title
            true
            true
            2022-08-10
            2024-10-01
            almanac
            Yamada Taro, Minister of Trade from 10 August 2022
            true
            trade-minister
            yamada-taro
            ambassador 2019..2023-05,council-member 2023-06..
            Official:yamada-taro as trade-minister,Official:ingrid-berg as council-member,Organization:harbour-council
            true
            (null)
            true
            Ingrid Berg (Member of the Harbour Council)
            true
            trade-minister
            harbour-accord-signing
            Organization
            (null)
            (null)
            JP,NO,org:harbour-council
            true
            yamada-taro as trade-minister,ingrid-berg
            true
            (null)
            true
            (null)
            harbour-talks,harbour-accord-signing
            harbour-accord
            yamada-open-ports
            """, _program.Call("TypedLinks"));
    }

    [Fact]
    public void FindAndTryGetHitMissAndNull()
    {
        Assert.Equal("""
            true
            (null)
            (null)
            (null)
            (null)
            (null)
            Minister of Trade
            true
            Ingrid Berg
            false
            (null)
            false
            (null)
            true
            true
            true
            true
            true
            true
            true
            yamada-taro
            oslo-trade-mission
            berg-first-step
            Harbour Accord
            """, _program.Call("Lookup"));
    }

    [Fact]
    public void AllIsChronologicalForDatedKindsAndByIdOtherwise()
    {
        // Same-day harbour-talks and oslo-trade-mission tie on date and precision and fall back to id order;
        // the month 2023-06 sorts before the day 2023-06-01 (coarser first); the year 2023 before both.
        Assert.Equal("""
            almanac,briefing
            harbour-council,ministry-of-trade
            ambassador,council-member,trade-minister
            ingrid-berg,ole-hansen,yamada-taro
            northern-ports-summit,council-statement,quay-opening,berg-tokyo-visit,port-fees-announcement,ferry-collision,harbour-talks,oslo-trade-mission,harbour-accord-signing
            fisheries-memorandum,harbour-accord
            council-welcomes,berg-first-step,hansen-remark,yamada-open-ports
            false
            true
            """, _program.Call("Ordering"));
    }

    [Fact]
    public void FactDatesArePeriods()
    {
        Assert.Equal("""
            true
            true
            true
            false
            false
            true
            2023-06-01
            2023-06-30
            2023-01-01
            2023-12-31
            2024-02-29
            2023-06-15
            2023-06-15
            2023-06-01
            2023-06-30
            Year
            Month
            Day
            2023
            6
            0
            2023
            2023-06
            2023-06-15
            0
            true
            true
            true
            true
            2022-12-31,2023,2023-06,2023-06-01,2023-06-15
            false
            false
            false
            false
            true
            2024-02-29
            FormatException
            true
            false
            true
            true
            false
            true
            """, _program.Call("Dates"));
    }

    [Fact]
    public void TitleOnAndPositionOnFollowTheTerms()
    {
        Assert.Equal("""
            (null)
            ambassador
            ambassador
            council-member
            council-member
            council-member
            2023-06
            (null)
            (null)
            trade-minister
            trade-minister
            (null)
            (null)
            yamada-taro

            ingrid-berg
            """, _program.Call("Terms"));
    }

    [Fact]
    public void ReverseLinksAreChronological()
    {
        Assert.Equal("""
            harbour-talks,oslo-trade-mission,harbour-accord-signing
            northern-ports-summit,berg-tokyo-visit,harbour-talks,harbour-accord-signing

            yamada-open-ports
            berg-first-step
            hansen-remark
            harbour-accord
            harbour-accord
            council-statement,harbour-accord-signing
            council-welcomes
            harbour-accord
            port-fees-announcement
            council-welcomes

            """, _program.Call("ReverseLinks"));
    }

    [Fact]
    public void EventsBetweenOverlapsPeriods()
    {
        Assert.Equal("""
            northern-ports-summit,council-statement,quay-opening,berg-tokyo-visit
            northern-ports-summit,council-statement,berg-tokyo-visit
            oslo-trade-mission
            oslo-trade-mission

            """, _program.Call("Between"));
    }

    [Fact]
    public void FromCountryFiltersByCodeIgnoringCase()
    {
        Assert.Equal("""
            ingrid-berg,ole-hansen
            yamada-taro
            0
            ministry-of-trade
            ambassador,council-member
            """, _program.Call("FromCountry"));
    }
}

/// <summary>The build-time hash table behind Find/TryGet, with enough ids that probes collide and wrap around.</summary>
public class LookupTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(300)]
    public void EveryIdIsFoundAndOthersAreNot(int count)
    {
        var yaml = new System.Text.StringBuilder("officials:\n");
        for (int i = 0; i < count; i++) yaml.Append("  - id: official-").Append(i).Append("\n    name: Official ").Append(i).Append("\n    country: NO\n");
        const string User = """
            using System.Linq;
            using Test.Facts;

            internal static class User
            {
                internal static string Run(int count)
                {
                    int hits = Enumerable.Range(0, count).Count(i => Officials.Find("official-" + i)?.Name == "Official " + i);
                    int misses = Enumerable.Range(0, count).Count(i => Officials.Find("official-" + i + "-x") is null && Officials.Find("x-official-" + i) is null);
                    int ordered = Officials.All.Zip(Officials.All.Skip(1), (a, b) => string.CompareOrdinal(a.Id, b.Id) < 0).Count(x => x);
                    return hits + " " + misses + " " + ordered + " " + (Officials.Find(null) is null) + " " + (Officials.Find("") is null);
                }
            }
            """;
        MethodInfo method = StrictCompilation.BuildUser("Many", "/project/facts/many.yaml", yaml.ToString(), User).UserRun;
        Assert.Equal($"{count} {count} {count - 1} True True", method.Invoke(null, new object[] { count }));
    }
}
