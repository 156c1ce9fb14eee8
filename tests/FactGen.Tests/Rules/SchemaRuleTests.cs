using Microsoft.CodeAnalysis;
using Xunit;
using static FactGen.Tests.Rules.RuleTestKit;

namespace FactGen.Tests.Rules;

/// <summary>Rules of one file's syntax and shape: FG0001 (YAML), FG0002/3/4 (schema), FG0016 (limits).</summary>
public class SchemaRuleTests
{
    // ------------------------------------------------------------------ FG0001 not valid YAML

    [Fact]
    public void FG0001_UnterminatedQuote_IsReportedWhereTheParserGaveUp()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: "Li Qiang
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0001");
        d.AssertAt("FG0001", DiagnosticSeverity.Error, "facts.yaml", 3, 11);
        d.AssertMessage("Fact file is not valid YAML: ", "quoted scalar", "fix the syntax at this position");
    }

    [Fact]
    public void FG0001_DuplicateKey_IsReportedAtTheSecondKeyWithTheFirst()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                name: Lee Chang
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0001");
        d.AssertAt("FG0001", DiagnosticSeverity.Error, "facts.yaml", 5, 5);
        Assert.Equal("name", d.Covered(yaml));
        d.AssertMessage("duplicate key 'name'", "(first at /project/facts/facts.yaml(3,5))");
    }

    [Fact]
    public void FG0001_AliasWithoutAnchor_IsReportedAtTheAlias()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: *premier
                country: CN
            """;
        Diagnostic d = AssertSingle(Diagnose(yaml), "FG0001");
        d.AssertAt("FG0001", DiagnosticSeverity.Error, "facts.yaml", 3, 11);
        d.AssertMessage("alias '*premier' names no anchor");
    }

    [Fact]
    public void FG0001_Quiet_ForValidYamlWithQuotesFlowListsBlockScalarsAndAnchors()
    {
        const string yaml = """
            # Colons inside quotes, flow lists, folded scalars and a used anchor are all plain YAML.
            officials:
              - id: li-qiang
                name: "Li Qiang"
                country: &cn 'CN'
                aliases: [Premier Li, "Li: the premier"]
                note: >-
                  The article calls him "Premier Li":
                  China's no. 2 leader.
              - id: he-lifeng
                name: He Lifeng
                country: *cn
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0002 unknown field

    [Fact]
    public void FG0002_MisspeltField_SuggestsTheKnownOne()
    {
        const string yaml = """
            events:
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                date: 2023-08-29
                summray: Talks on export controls.
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0002");
        d.AssertAt("FG0002", DiagnosticSeverity.Warning, "facts.yaml", 6, 5);
        Assert.Equal("summray", d.Covered(yaml));
        d.AssertMessage("Unknown field 'summray' in an event", "did you mean 'summary'?", "remove it or correct its name");
    }

    [Fact]
    public void FG0002_MisspeltRequiredField_AlsoReportsTheMissingOne()
    {
        // The issue's own example: `titel:` in a source. The source is left out (FG0003) and the warning says why.
        const string yaml = """
            sources:
              - id: raimondo-beijing
                titel: U.S. Commerce Secretary in Beijing to discuss trade
                file: ../seeds/raimondo-beijing-2023-08-29.txt
                published: 2023-08-29
            """;
        var all = Diagnose(yaml, Article());
        Assert.Equal(new[] { "FG0002", "FG0003" }, all.Select(d => d.Id).Order().ToArray());
        Diagnostic d = AssertSingle(all, "FG0002");
        d.AssertAt("FG0002", DiagnosticSeverity.Warning, "facts.yaml", 3, 5);
        d.AssertMessage("Unknown field 'titel' in a source", "did you mean 'title'?");
    }

    [Fact]
    public void FG0002_FieldLikeNothingKnown_HasNoSuggestion()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                favourite-colour: red
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0002");
        d.AssertAt("FG0002", DiagnosticSeverity.Warning, "facts.yaml", 5, 5);
        d.AssertMessage("Unknown field 'favourite-colour' in an official");
        Assert.DoesNotContain("did you mean", d.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void FG0002_UnknownKeyInAReference_IsReported()
    {
        const string yaml = """
            titles:
              - id: premier
                name: Premier of the State Council
                country: CN
                holders: one
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
                  - official: li-qiang
                    ass: premier
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0002");
        d.AssertAt("FG0002", DiagnosticSeverity.Warning, "facts.yaml", 20, 9);
        d.AssertMessage("Unknown field 'ass' in a reference", "did you mean 'as'?");
    }

    [Fact]
    public void FG0002_Quiet_WhenEveryFieldOfEveryKindIsKnown()
    {
        const string yaml = """
            organizations:
              - id: mofcom
                name: Ministry of Commerce of the People's Republic of China
                native: 中华人民共和国商务部
                abbreviation: MOFCOM
                country: CN
                note: Named in the article.
            titles:
              - id: premier
                name: Premier of the State Council
                country: CN
                holders: one
              - id: minister-of-commerce
                name: Minister of Commerce
                organization: mofcom
                country: CN
                holders: one
            officials:
              - id: li-qiang
                name: Li Qiang
                romanized: Lǐ Qiáng
                native: 李强
                country: CN
                aliases: [Premier Li]
                positions:
                  - title: premier
                    from: 2023-03-11
                    note: Term from the background text.
              - id: wang-wentao
                name: Wang Wentao
                country: CN
                positions:
                  - title: minister-of-commerce
                    from: 2020-12-26
            events:
              - id: raimondo-china-trip
                kind: trip
                name: Raimondo's trip to China
                from: 2023-08-28
                to: 2023-08-31
                location: China
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                summary: Talks on export controls.
                date: 2023-08-29
                location: Beijing
                participants:
                  - official: li-qiang
                    as: premier
                  - organization: mofcom
                part_of: raimondo-china-trip
                deprecated: Kept for a test of every field.
            agreements:
              - id: export-control-information-exchange
                name: Information exchange on export controls
                date: 2023-08-28
                parties: [US, CN, mofcom]
                negotiators:
                  - official: wang-wentao
                    as: minister-of-commerce
                event: raimondo-china-trip
                summary: An information exchange on U.S. export controls.
            quotes:
              - id: li-new-efforts
                speaker:
                  official: li-qiang
                  as: premier
                text: make new positive efforts
                date: 2023-08-29
                event: raimondo-meets-li
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0003 required field missing

    [Fact]
    public void FG0003_OfficialWithoutCountry_IsReportedAtTheItem()
    {
        const string yaml = """
            officials:
              - id: gina-raimondo
                name: Gina Raimondo
                country: US
              - id: li-qiang
                name: Li Qiang
                aliases: [Premier Li]
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0003");
        d.AssertAt("FG0003", DiagnosticSeverity.Error, "facts.yaml", 5, 5);
        Assert.Equal("id: li-qiang\n    name: Li Qiang\n    aliases: [Premier Li]", d.Covered(yaml).ReplaceLineEndings("\n")); // the whole item
        d.AssertMessage("Official 'li-qiang' has no 'country' field", "add it");
    }

    [Fact]
    public void FG0003_ItemWithoutId_NamesItsKind()
    {
        const string yaml = """
            officials:
              - name: Li Qiang
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0003");
        d.AssertAt("FG0003", DiagnosticSeverity.Error, "facts.yaml", 2, 5);
        d.AssertMessage("Official '(no id)' has no 'id' field");
    }

    [Fact]
    public void FG0003_EventWithoutDateOrFrom_AsksForDate()
    {
        const string yaml = """
            events:
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                to: 2023-08-29
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0003");
        d.AssertAt("FG0003", DiagnosticSeverity.Error, "facts.yaml", 2, 5);
        d.AssertMessage("Event 'raimondo-meets-li' has no 'from' field");
    }

    [Fact]
    public void FG0003_EventWithAnEmptyDate_IsReportedNotGeneratedWithoutADate()
    {
        // An empty value is no value: the event has no date and must be left out with a diagnostic
        // (generating it would hand the linker an event without a start).
        const string yaml = """
            events:
              - id: raimondo-meets-li
                kind: meeting
                name: Raimondo meets Premier Li
                date:
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0003");
        d.AssertAt("FG0003", DiagnosticSeverity.Error, "facts.yaml", 2, 5);
        d.AssertMessage("Event 'raimondo-meets-li' has no 'date' field");
    }

    [Fact]
    public void FG0003_EventWithAnInvalidFrom_IsReportedOnceAsInvalidNotAsMissing()
    {
        const string yaml = """
            events:
              - id: raimondo-china-trip
                kind: trip
                name: Raimondo's trip to China
                from: 2023-08-32
                to: 2023-08-31
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0004");
        d.AssertAt("FG0004", DiagnosticSeverity.Error, "facts.yaml", 5, 11);
        d.AssertMessage("Invalid value '2023-08-32' for 'from'");
    }

    [Fact]
    public void FG0003_Quiet_ForAnEventWithFromInsteadOfDateAndAnOfficialWithOnlyRequiredFields()
    {
        const string yaml = """
            events:
              - id: raimondo-china-trip
                kind: trip
                name: Raimondo's trip to China
                from: 2023-08-28
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0004 invalid value

    public static TheoryData<string, int, int, string, string[]> InvalidValues => new()
    {
        {
            // a date that does not exist
            """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  - title: premier
                    from: 2023-02-30
            """,
            7, 15, "2023-02-30", new[] { "Invalid value '2023-02-30' for 'from'", "ISO 8601", "must exist" }
        },
        {
            // not ISO 8601
            """
            agreements:
              - id: information-exchange
                name: Information exchange on export controls
                date: 28/08/2023
                parties: [US, CN]
            """,
            4, 11, "28/08/2023", new[] { "Invalid value '28/08/2023' for 'date'", "'2023-08-29'" }
        },
        {
            // an id that is not kebab-case
            """
            officials:
              - id: He_Lifeng
                name: He Lifeng
                country: CN
            """,
            2, 9, "He_Lifeng", new[] { "Invalid value 'He_Lifeng' for 'id'", "kebab-case", "'he-lifeng'" }
        },
        {
            // a lower-case country code gets the upper-case hint
            """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: cn
            """,
            4, 14, "cn", new[] { "Invalid value 'cn' for 'country'", "write 'CN'" }
        },
        {
            // an unknown country code
            """
            organizations:
              - id: atlantis-council
                name: Council of Atlantis
                country: XX
            """,
            4, 14, "XX", new[] { "Invalid value 'XX' for 'country'", "ISO 3166-1 alpha-2" }
        },
        {
            // an unknown event kind, with did-you-mean
            """
            events:
              - id: raimondo-meets-li
                kind: meetting
                name: Raimondo meets Premier Li
                date: 2023-08-29
            """,
            3, 11, "meetting", new[] { "Invalid value 'meetting' for 'kind'", "did you mean 'meeting'?" }
        },
        {
            // an unknown holders value
            """
            titles:
              - id: premier
                name: Premier of the State Council
                country: CN
                holders: two
            """,
            5, 14, "two", new[] { "Invalid value 'two' for 'holders'", "one, many" }
        },
        {
            // a mapping where a list belongs
            """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  title: premier
            """,
            6, 7, "title: premier", new[] { "for 'positions'", "expected a list of mappings", "found a mapping" }
        },
        {
            // a list where a text value belongs
            """
            officials:
              - id: li-qiang
                name: [Li, Qiang]
                country: CN
            """,
            3, 11, "[Li, Qiang]", new[] { "for 'name'", "expected a text value, found a list" }
        },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void FG0004_InvalidValue_IsReportedAtTheValue(string yaml, int line, int column, string covered, string[] message)
    {
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0004");
        d.AssertAt("FG0004", DiagnosticSeverity.Error, "facts.yaml", line, column);
        Assert.Equal(covered, d.Covered(yaml));
        d.AssertMessage(message);
    }

    [Fact]
    public void FG0004_Quiet_ForLeapDayPartialDatesAndValidChoices()
    {
        const string yaml = """
            titles:
              - id: premier
                name: Premier of the State Council
                country: CN
                holders: many
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  - title: premier
                    from: 2024-02-29
                    to: 2025
            events:
              - id: g20-bali-summit
                kind: summit
                name: G20 summit in Bali
                date: 2022-11
            """;
        AssertClean(Diagnose(yaml));
    }

    // ------------------------------------------------------------------ FG0016 input limit exceeded

    [Fact]
    public void FG0016_ValueLongerThanTheConfiguredLimit_IsReportedAtTheValue()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Premier Li Q
                country: CN
            """;
        var all = DiagnoseWith(Props(("FactGenMaxScalarLength", "10")), yaml);
        Diagnostic d = AssertOnly(all, "FG0016");
        d.AssertAt("FG0016", DiagnosticSeverity.Error, "facts.yaml", 3, 11);
        Assert.Equal("Premier Li Q", d.Covered(yaml));
        d.AssertMessage("A value of 12 chars exceeds the limit of 10 chars (value length)", "FactGenMaxScalarLength");
    }

    [Fact]
    public void FG0016_Quiet_ForAValueExactlyAtTheLimit()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Premier Li
                country: CN
            """;
        AssertClean(DiagnoseWith(Props(("FactGenMaxScalarLength", "10")), yaml));
    }

    [Fact]
    public void FG0016_NestingDeeperThanTheConfiguredDepth_IsReportedAtTheTooDeepNode()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                positions:
                  - title: premier
            titles:
              - id: premier
                name: Premier of the State Council
                country: CN
            """;
        // Depth: root mapping 1, officials list 2, item 3, positions list 4, position mapping 5.
        Diagnostic d = AssertOnly(DiagnoseWith(Props(("FactGenMaxDepth", "4")), yaml), "FG0016");
        d.AssertAt("FG0016", DiagnosticSeverity.Error, "facts.yaml", 6, 9);
        d.AssertMessage("Nesting deeper than 4 levels", "FactGenMaxDepth");
        AssertClean(DiagnoseWith(Props(("FactGenMaxDepth", "5")), yaml));
    }

    [Fact]
    public void FG0016_AliasBomb_StopsAtTheDefaultNodeBudget()
    {
        // "Billion laughs": each line multiplies by ten; the sixth would expand to 1,111,111 nodes.
        const string yaml = """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0016");
        // 123,463 nodes up to the '[' of line 6; each *e adds 111,111: the 8th (column 36) crosses 1,000,000.
        d.AssertAt("FG0016", DiagnosticSeverity.Error, "facts.yaml", 6, 36);
        Assert.Equal("*e", d.Covered(yaml));
        d.AssertMessage("node count (aliases expanded) exceeds the limit of 1,000,000 nodes", "FactGenMaxNodes");
    }

    [Fact]
    public void FG0016_FileLongerThanTheConfiguredLength_IsReportedAtTheFileStart()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
            """;
        Diagnostic d = AssertOnly(DiagnoseWith(Props(("FactGenMaxFileLength", "20")), yaml), "FG0016");
        d.AssertAt("FG0016", DiagnosticSeverity.Error, "facts.yaml", 1, 1);
        d.AssertMessage("The file's length " + yaml.Length + " chars exceeds the limit of 20 chars", "FactGenMaxFileLength");
        AssertClean(DiagnoseWith(Props(("FactGenMaxFileLength", yaml.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))), yaml));
    }
}
