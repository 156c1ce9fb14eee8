using Microsoft.CodeAnalysis;
using Xunit;
using static FactGen.Tests.Rules.RuleTestKit;

namespace FactGen.Tests.Rules;

/// <summary>Cross-file consistency warnings of the analyzer: FG0008 (terms), FG0009 (capacity), FG0015 (part_of).</summary>
public class ConsistencyRuleTests
{
    /// <summary>Two premiers: Li Keqiang to the handover day, Li Qiang from <paramref name="liQiangFrom"/>.</summary>
    private static string Premiers(string liQiangFrom, string holders = "one") => $"""
        titles:
          - id: premier
            name: Premier of the State Council
            country: CN
            holders: {holders}
        officials:
          - id: li-keqiang
            name: Li Keqiang
            country: CN
            positions:
              - title: premier
                from: 2013-03-15
                to: 2023-03-11
          - id: li-qiang
            name: Li Qiang
            country: CN
            positions:
              - title: premier
                from: {liQiangFrom}
        """;

    // ------------------------------------------------------------------ FG0008 overlapping terms

    [Fact]
    public void FG0008_TwoHoldersOfAOneHolderTitle_AreReportedAtTheLaterTerm()
    {
        string yaml = Premiers("2023-03-10");
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0008");
        d.AssertAt("FG0008", DiagnosticSeverity.Warning, "facts.yaml", 18, 9);
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 11, 9);
        d.AssertMessage(
            "'li-qiang' and 'li-keqiang' both hold 'premier', which has one holder at a time",
            "2023-03-10..(open) overlaps 2013-03-15..2023-03-11",
            "correct the 'from'/'to' dates");
    }

    [Fact]
    public void FG0008_OneOfficialHoldingATitleTwiceAtOnce_IsReportedEvenForManyHolders()
    {
        const string yaml = """
            titles:
              - id: vice-premier
                name: Vice Premier of the State Council
                country: CN
                holders: many
            officials:
              - id: he-lifeng
                name: He Lifeng
                country: CN
                positions:
                  - title: vice-premier
                    from: 2023-03-12
                  - title: vice-premier
                    from: 2024
                    to: 2025
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0008");
        d.AssertAt("FG0008", DiagnosticSeverity.Warning, "facts.yaml", 13, 9);
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 11, 9);
        d.AssertMessage("'he-lifeng' holds 'vice-premier' twice at once: 2024..2025 overlaps 2023-03-12..(open)");
    }

    [Theory]
    [InlineData("2023-03-11", "one")]   // the handover day shared: succession, not overlap
    [InlineData("2023-03-12", "one")]   // the day after
    [InlineData("2023-03", "one")]      // March 2023 surely began by 31 March, after the handover: not a certain overlap
    [InlineData("2023-03-10", "many")]  // overlapping holders of a many-holder title
    public void FG0008_Quiet_ForSuccessionUncertainOverlapAndManyHolders(string from, string holders)
    {
        AssertClean(Diagnose(Premiers(from, holders)));
    }

    // ------------------------------------------------------------------ FG0009 outside the term of office

    private const string LiQiangPremier = """
        titles:
          - id: premier
            name: Premier of the State Council
            country: CN
            holders: one
          - id: vice-premier
            name: Vice Premier of the State Council
            country: CN
            holders: many
        officials:
          - id: li-qiang
            name: Li Qiang
            country: CN
            positions:
              - title: premier
                from: 2023-03-11
        """;

    [Fact]
    public void FG0009_ParticipantAsPremierBeforeTheTerm_IsReportedAtAs()
    {
        const string yaml = LiQiangPremier + "\n" + """
            events:
              - id: li-shanghai-visit
                kind: visit
                name: Li Qiang receives a delegation in Shanghai
                date: 2022-05-10
                participants:
                  - official: li-qiang
                    as: premier
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0009");
        d.AssertAt("FG0009", DiagnosticSeverity.Warning, "facts.yaml", 24, 13);
        Assert.Equal("premier", d.Covered(yaml));
        d.AssertMessage(
            "Participant 'li-qiang' of event 'li-shanghai-visit' is dated 2022-05-10",
            "outside every term of 'premier' held by 'li-qiang' (terms 2023-03-11..(open))",
            "correct the date, the 'as:' title or the official's positions");
    }

    [Fact]
    public void FG0009_SpeakerAsATitleNeverHeld_SaysThereIsNoTerm()
    {
        const string yaml = LiQiangPremier + "\n" + """
            quotes:
              - id: li-new-efforts
                speaker: {official: li-qiang, as: vice-premier}
                text: make new positive efforts
                date: 2023-08-29
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0009");
        d.AssertAt("FG0009", DiagnosticSeverity.Warning, "facts.yaml", 19, 39);
        d.AssertMessage("Speaker 'li-qiang' of quote 'li-new-efforts' is dated 2023-08-29", "'vice-premier' held by 'li-qiang' (no recorded term)");
    }

    [Fact]
    public void FG0009_NegotiatorOutsideTheTerm_IsReported()
    {
        const string yaml = LiQiangPremier + "\n" + """
            agreements:
              - id: old-accord
                name: An accord before Li Qiang was premier
                date: 2020
                parties: [US, CN]
                negotiators:
                  - {official: li-qiang, as: premier}
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0009");
        d.AssertAt("FG0009", DiagnosticSeverity.Warning, "facts.yaml", 23, 34);
        d.AssertMessage("Negotiator 'li-qiang' of agreement 'old-accord' is dated 2020");
    }

    [Theory]
    [InlineData("date: 2023-08-29")]              // inside the term
    [InlineData("date: 2023-03-11")]              // the first day of the term
    [InlineData("date: 2023-03")]                 // a month that overlaps the term's first days
    [InlineData("from: 2023-03-01\n    to: 2023-03-11")] // a span ending on the first day
    public void FG0009_Quiet_WhenTheDateTouchesTheTerm(string dates)
    {
        string yaml = LiQiangPremier + "\n" + $"""
            events:
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                {dates}
                participants:
                  - official: li-qiang
                    as: premier
            """;
        AssertClean(Diagnose(yaml));
    }

    [Fact]
    public void FG0009_Quiet_WithoutAs()
    {
        // Without 'as:' the fact does not say in which capacity: nothing to check.
        const string yaml = LiQiangPremier + "\n" + """
            events:
              - id: li-shanghai-visit
                kind: visit
                name: Li Qiang receives a delegation in Shanghai
                date: 2022-05-10
                participants:
                  - li-qiang
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0015 outside the parent event

    private static string Trip(string dayDates) => $"""
        events:
          - id: raimondo-china-trip
            kind: trip
            name: Raimondo's trip to China
            from: 2023-08-28
            to: 2023-08-31
          - id: raimondo-shanghai-day
            kind: visit
            name: Raimondo in Shanghai
            {dayDates}
            part_of: raimondo-china-trip
        """;

    [Fact]
    public void FG0015_DayAfterTheTripEnded_IsReportedAtPartOfWithTheParent()
    {
        string yaml = Trip("date: 2023-09-01");
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0015");
        d.AssertAt("FG0015", DiagnosticSeverity.Warning, "facts.yaml", 11, 14);
        Assert.Equal("raimondo-china-trip", d.Covered(yaml));
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 2, 9);
        d.AssertMessage("Event 'raimondo-shanghai-day' (2023-09-01) lies outside 'raimondo-china-trip' (2023-08-28..2023-08-31)", "correct the dates or the part_of reference");
    }

    [Fact]
    public void FG0015_CoarserPeriodReachingOutsideTheParent_IsReported()
    {
        // "August 2023" is a period: it reaches before the 28th.
        Diagnostic d = AssertOnly(Diagnose(Trip("date: 2023-08")), "FG0015");
        d.AssertMessage("Event 'raimondo-shanghai-day' (2023-08) lies outside");
    }

    [Theory]
    [InlineData("date: 2023-08-30")]
    [InlineData("date: 2023-08-31")]
    [InlineData("from: 2023-08-28\n    to: 2023-08-31")]
    public void FG0015_Quiet_InsideTheParent(string dayDates)
    {
        AssertClean(Diagnose(Trip(dayDates)));
    }
}
