using System.Collections;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// Terms of office reach the program in two parts: their links (official, title, sources) in the data file, their
/// dates, evidence and notes in the terms file, paired by the linked terms' order (<see cref="Emit.Terms.Match"/>).
/// The pairing must hold when linking drops terms or officials — or the generator throws and drops every file (CS8785).
/// </summary>
public class TermsTests
{
    private const string Yaml = """
        titles:
          - id: premier
            name: Premier
            country: CN
          - id: vice-premier
            name: Vice Premier
            country: CN
        officials:
          - id: li-qiang
            name: Li Qiang
            country: CN
            positions:
              - title: no-such-title
                from: 2020
                note: dropped with its title
              - title: premier
                from: 2023-03-11
                to: 2023-03-01
                note: reversed on purpose
              - title: no-such-title
                from: 2021
              - title: premier
                from: 2024
                evidence: "took office again"
          - id: li-qiang
            name: Li Qiang the second
            country: CN
            positions:
              - title: vice-premier
                from: 1999
          - id: zhao-le
            name: Zhao Le
            country: CN
          - id: zhao-le
            name: Zhao Le again
            country: CN
            positions:
              - title: vice-premier
                from: 2001
          - id: ding-xuexiang
            name: Ding Xuexiang
            country: CN
            positions:
              - title: vice-premier
                from: 2023-03-12
        """;

    private static List<object> Terms(System.Reflection.Assembly assembly, string member)
        => ((IEnumerable)GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", member), "Positions")!).Cast<object>().ToList();

    [Fact]
    public void TermsKeepTheirDatesAndNotesWhenLinkingDropsTermsAndDuplicateOfficials()
    {
        GeneratorRun run = GeneratorHarness.RunYaml(Yaml);

        // The problems are reported, and nothing else: no CS8785 (a generator that threw).
        Assert.Equal(new[] { "FG0005", "FG0005", "FG0006", "FG0006", "FG0007" }, run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));

        var assembly = GeneratorHarness.Load(run.Output);
        var li = Terms(assembly, "LiQiang");
        Assert.Equal(2, li.Count);
        Assert.Equal("2023-03-11", GeneratorHarness.Prop(li[0], "From")!.ToString());
        Assert.Equal("2023-03-01", GeneratorHarness.Prop(li[0], "To")!.ToString());
        Assert.Equal("reversed on purpose", GeneratorHarness.Prop(li[0], "Note"));
        Assert.Null(GeneratorHarness.Prop(li[0], "Evidence"));
        Assert.Equal("2024", GeneratorHarness.Prop(li[1], "From")!.ToString());
        Assert.Null(GeneratorHarness.Prop(li[1], "To"));
        Assert.Equal("took office again", GeneratorHarness.Prop(li[1], "Evidence"));
        Assert.Null(GeneratorHarness.Prop(li[1], "Note"));

        // The first of a duplicated id is the one kept, terms and all: none for Zhao Le.
        Assert.Empty(Terms(assembly, "ZhaoLe"));
        var ding = Assert.Single(Terms(assembly, "DingXuexiang"));
        Assert.Equal("2023-03-12", GeneratorHarness.Prop(ding, "From")!.ToString());

        // The doc shows the kept terms' dates, from the parsed file.
        Assert.Contains("Premier (from 2023-03-11 to 2023-03-01); Premier (from 2024).", run.Sources["facts.yaml.g.cs"]);
    }

    [Fact]
    public void FG0007_IsReportedForATermWhoseTitleNamesNoFact()
    {
        // Checked when the file is parsed, before linking drops the term for its title.
        GeneratorRun run = GeneratorHarness.RunYaml(Yaml.Replace("- title: no-such-title\n        from: 2021", "- title: no-such-title\n        from: 2021\n        to: 2020"));
        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "FG0007"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }
}
