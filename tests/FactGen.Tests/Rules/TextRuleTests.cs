using Microsoft.CodeAnalysis;
using Xunit;
using static FactGen.Tests.Rules.RuleTestKit;

namespace FactGen.Tests.Rules;

/// <summary>
/// Text rules on the real damaged article (seeds/raimondo-beijing-2023-08-29.txt: UTF-8 once decoded as
/// Windows-874): FG0011 (mojibake), FG0012 (evidence not in the source), FG0014 (name vs romanized).
/// </summary>
public class TextRuleTests
{
    [Fact]
    public void TheArticleReallyCarriesTheDamagedStringsTheseTestsUse()
    {
        Assert.Contains("Chinese Premier Lว Qiรกng ๆๅผบ", ArticleText, StringComparison.Ordinal);
        Assert.Contains("โinformation exchangeโ", ArticleText, StringComparison.Ordinal);
        Assert.Contains("Vice Premier Hรฉ Lรฌfฤng ไฝ็ซๅณฐ", ArticleText, StringComparison.Ordinal);
        Assert.Contains("โmake new positive effortsโ", ArticleText, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ FG0011 mojibake

    [Fact]
    public void FG0011_DamagedRomanizedFromTheArticle_IsFlaggedWithTheRepair()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                romanized: Lว Qiรกng
                native: 李强
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0011");
        d.AssertAt("FG0011", DiagnosticSeverity.Warning, "facts.yaml", 4, 16);
        Assert.Equal("Lว Qiรกng", d.Covered(yaml));
        d.AssertMessage(
            "'Lว Qiรกng' looks like UTF-8 read as Windows-874 (Thai) mojibake",
            "repaired it reads 'L\uFFFD Qiáng'",
            "1 character lost after \"L\"",
            "ǐ",
            "replace the text with the repaired form");
    }

    [Fact]
    public void FG0011_DamagedName_IsFlaggedToo()
    {
        const string yaml = """
            officials:
              - id: he-lifeng
                name: Hรฉ Lรฌfฤng
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0011");
        d.AssertAt("FG0011", DiagnosticSeverity.Warning, "facts.yaml", 3, 11);
        d.AssertMessage("'Hรฉ Lรฌfฤng' looks like UTF-8 read as Windows-874 (Thai) mojibake", "repaired it reads 'Hé Lìf\uFFFDng'");
    }

    [Fact]
    public void FG0011_DamageLateInALongNote_ShowsThatPartAndItsRepair()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                note: "The article calls him Premier Li and China's no. 2 leader; its first sentence names him Chinese Premier Lว Qiรกng ๆๅผบ."
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0011");
        d.AssertAt("FG0011", DiagnosticSeverity.Warning, "facts.yaml", 5, 11);
        d.AssertMessage("'…Chinese Premier Lว Qiรกng ๆๅผบ.'", "repaired it reads '…Chinese Premier L\uFFFD Qiáng \uFFFD强.'");
    }

    [Fact]
    public void FG0011_QuoteTextCopiedWithTheArticlesDamagedQuotes_IsFlagged()
    {
        // The quote is in the article byte for byte (no FG0012), but a quote's text is generated text, not evidence.
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
            quotes:
              - id: li-new-efforts
                speaker: li-qiang
                text: โmake new positive effortsโ
                date: 2023-08-29
                source: raimondo-beijing
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml, ArticleSource(), Article()), "FG0011");
        d.AssertAt("FG0011", DiagnosticSeverity.Warning, "facts.yaml", 8, 11);
        d.AssertMessage("looks like UTF-8 read as Windows-874 (Thai) mojibake", "make new positive efforts");
    }

    [Fact]
    public void FG0011_Latin1Mojibake_IsFlaggedWithTheRepair()
    {
        const string yaml = """
            officials:
              - id: he-lifeng
                name: He Lifeng
                romanized: HÃ© LÃ¬fÄ“ng
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0011");
        d.AssertAt("FG0011", DiagnosticSeverity.Warning, "facts.yaml", 4, 16);
        d.AssertMessage("UTF-8 read as Windows-1252/Latin-1", "repaired it reads 'Hé Lìfēng'");
    }

    [Fact]
    public void FG0011_Quiet_ForCleanPinyinHanziRealThaiAndDamagedEvidence()
    {
        const string yaml = """
            organizations:
              - id: bangkok-metropolitan-administration
                name: Bangkok Metropolitan Administration
                native: กรุงเทพมหานคร
                country: TH
            officials:
              - id: li-qiang
                name: Li Qiang
                romanized: Lǐ Qiáng
                native: 李强
                country: CN
                aliases: [Premier Li, 李总理]
                source: raimondo-beijing
                evidence: "Chinese Premier Lว Qiรกng ๆๅผบ"
              - id: he-lifeng
                name: He Lifeng
                romanized: Hé Lìfēng
                native: 何立峰
                country: CN
                source: raimondo-beijing
                evidence: "Vice Premier Hรฉ Lรฌfฤng ไฝ็ซๅณฐ"
              - id: srettha-thavisin
                name: Srettha Thavisin
                native: เศรษฐา ทวีสิน
                country: TH
            """;
        AssertClean(Diagnose(yaml, ArticleSource(), Article()));
    }

    // ------------------------------------------------------------------ FG0012 evidence not in the source

    [Fact]
    public void FG0012_ExcerptTheArticleDoesNotContain_IsReportedAtTheExcerpt()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                source: raimondo-beijing
                evidence: "Premier Li Qiang met Raimondo in Shanghai"
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml, ArticleSource(), Article()), "FG0012");
        d.AssertAt("FG0012", DiagnosticSeverity.Warning, "facts.yaml", 6, 15);
        Assert.Equal("\"Premier Li Qiang met Raimondo in Shanghai\"", d.Covered(yaml));
        d.AssertMessage(
            "Evidence 'Premier Li Qiang met Raimondo in Shanghai' is not found in the text of source 'raimondo-beijing'",
            "copy the excerpt from the source or cite the right source");
    }

    [Fact]
    public void FG0012_DamagedExcerptWithAWrongWord_IsReported()
    {
        // Copied from the damaged article, then "Chinese" changed to "Chinas": no longer in the article.
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                source: raimondo-beijing
                evidence: "Chinas Premier Lว Qiรกng ๆๅผบ"
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml, ArticleSource(), Article()), "FG0012");
        d.AssertAt("FG0012", DiagnosticSeverity.Warning, "facts.yaml", 6, 15);
        d.AssertMessage("Evidence 'Chinas Premier Lว Qiรกng ๆๅผบ' is not found");
    }

    [Fact]
    public void FG0012_QuoteTextNotInTheCitedSource_IsReported()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
            quotes:
              - id: li-new-efforts
                speaker: li-qiang
                text: “make new negative efforts”
                date: 2023-08-29
                source: raimondo-beijing
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml, ArticleSource(), Article()), "FG0012");
        d.AssertAt("FG0012", DiagnosticSeverity.Warning, "facts.yaml", 8, 11);
        d.AssertMessage("Quote text '“make new negative efforts”' is not found in the text of source 'raimondo-beijing'");
    }

    [Fact]
    public void FG0012_PositionEvidenceNotInTheSource_IsReported()
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
                    source: raimondo-beijing
                    evidence: Li Qiang became Premier on 11 March 2023.
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml, ArticleSource(), Article()), "FG0012");
        d.AssertAt("FG0012", DiagnosticSeverity.Warning, "facts.yaml", 14, 19);
        d.AssertMessage("Evidence 'Li Qiang became Premier on 11 March 2023.' is not found");
    }

    [Fact]
    public void FG0012_Quiet_ForExactDamagedExcerptsAndCleanTextOfTheSamePassages()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                source: raimondo-beijing
                evidence: "Chinese Premier Lว Qiรกng ๆๅผบ"
              - id: he-lifeng
                name: He Lifeng
                country: CN
                source: raimondo-beijing
                evidence: "Vice Premier Hé Lìfēng 何立峰"
            agreements:
              - id: export-control-information-exchange
                name: Information exchange on export controls
                date: 2023-08-28
                parties: [US, CN]
                source: raimondo-beijing
                evidence: the two governments agreed to launch an “information exchange” on U.S. technology export controls
              - id: tourism-summit
                name: 14th China-U.S. Tourism Leadership Summit
                date: 2023-08-29
                parties: [US, CN]
                source: raimondo-beijing
                evidence: "reached an agreement for the 14th China-U.S. Tourism Leadership Summit to take place in China next year โ a sign"
            quotes:
              - id: li-new-efforts
                speaker: li-qiang
                text: "“make new positive efforts”"
                date: 2023-08-29
                source: raimondo-beijing
              - id: li-concrete-actions
                speaker: li-qiang
                text: "\"concrete actions\""
                date: 2023-08-29
                source: raimondo-beijing
            """;
        AssertClean(Diagnose(yaml, ArticleSource(), Article()));
    }

    [Fact]
    public void FG0012_Quiet_WhenNoSourceIsCited()
    {
        const string yaml = """
            officials:
              - id: li-qiang
                name: Li Qiang
                country: CN
                evidence: "Anything at all: no source is cited, so there is nothing to check against"
            """;
        AssertClean(Diagnose(yaml, ArticleSource(), Article()));
    }

    // ------------------------------------------------------------------ FG0014 name vs romanized

    [Fact]
    public void FG0014_NameThatIsNotTheAsciiFormOfRomanized_GivesTheExpectedName()
    {
        const string yaml = """
            officials:
              - id: he-lifeng
                name: He Lifen
                romanized: Hé Lìfēng
                country: CN
            """;
        Diagnostic d = AssertOnly(Diagnose(yaml), "FG0014");
        d.AssertAt("FG0014", DiagnosticSeverity.Warning, "facts.yaml", 3, 11);
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 4, 16);
        d.AssertMessage("Official name 'He Lifen' is not the ASCII form 'He Lifeng' of romanized 'Hé Lìfēng'", "make 'name' 'He Lifeng'");
    }

    [Fact]
    public void FG0014_Quiet_WhenNameIsRomanizedWithoutTones()
    {
        const string yaml = """
            officials:
              - id: he-lifeng
                name: He Lifeng
                romanized: Hé Lìfēng
                country: CN
              - id: xi-jinping
                name: Xi Jinping
                romanized: Xí Jìnpíng
                country: CN
              - id: wang-wentao
                name: Wang Wentao
                romanized: Wáng Wéntāo
                country: CN
              - id: li-qiang
                name: Li Qiang
                romanized: Lǐ Qiáng
                country: CN
              - id: gina-raimondo
                name: Gina Raimondo
                country: US
            """;
        AssertClean(Diagnose(yaml));
    }
}
