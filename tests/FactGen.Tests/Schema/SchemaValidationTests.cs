using System.Text.Json;
using FactGen.Parsing;
using FactGen.Tests.Infrastructure;
using Json.Schema;
using Xunit;

namespace FactGen.Tests.Schema;

/// <summary>
/// factgen.schema.json (what the YAML language server uses for completion, hover and validation) against the
/// repository's facts and against documents the parser accepts or rejects: the two must agree.
/// </summary>
public class SchemaValidationTests
{
    public static TheoryData<string> RepositoryFactFiles()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(Repo.Facts, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void SchemaIsAValidDraft07Schema()
    {
        Assert.Equal("http://json-schema.org/draft-07/schema#", FactSchemaFile.Document["$schema"]!.GetValue<string>());
        using JsonDocument document = JsonDocument.Parse(FactSchemaFile.Text);
        EvaluationResults results = MetaSchemas.Draft7.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join(Environment.NewLine, (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
    }

    [Fact]
    public void TheRepositoryHasFactFiles() => Assert.NotEmpty(RepositoryFactFiles());

    [Theory]
    [MemberData(nameof(RepositoryFactFiles))]
    public void RepositoryFactFileIsValid(string name)
    {
        List<string> errors = FactSchemaFile.Validate(File.ReadAllText(Path.Combine(Repo.Facts, name)));
        Assert.True(errors.Count == 0, name + " does not validate:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(RepositoryFactFiles))]
    public void RepositoryFactFileNamesTheSchemaForTheYamlLanguageServer(string name)
    {
        string path = Path.Combine(Repo.Facts, name);
        string first = File.ReadLines(path).First();
        const string Prefix = "# yaml-language-server: $schema=";
        Assert.StartsWith(Prefix, first, StringComparison.Ordinal);
        string target = Path.GetFullPath(Path.Combine(Repo.Facts, first[Prefix.Length..].Trim()));
        Assert.Equal(Path.GetFullPath(FactSchemaFile.Path), target);
    }

    /// <summary>Documents the parser reads without a diagnostic: the schema must accept them too.</summary>
    public static TheoryData<string, string> Accepted() => new()
    {
        { "empty file", "" },
        { "comments only", "# nothing yet\n" },
        { "empty lists", "sources:\nofficials:\nquotes: []\n" },
        { "source", "sources:\n  - id: article\n    title: An article\n    file: ../seeds/a.txt\n    published: 2023-08-29\n    url:\n" },
        { "source at year precision", "sources:\n  - id: book\n    title: A book\n    file: b.txt\n    published: 2023\n    url: https://example.org/b\n" },
        { "organization", "organizations:\n  - id: mofcom\n    name: Ministry of Commerce\n    native: 商务部\n    abbreviation: MOFCOM\n    country: CN\n    source: a\n    evidence: the ministry\n    note: checked\n" },
        { "title", "titles:\n  - id: premier\n    name: Premier\n    organization: state-council\n    country: CN\n    holders: one\n  - id: adviser\n    name: Adviser\n    country: US\n" },
        { "official with positions", "officials:\n  - id: li-qiang\n    name: Li Qiang\n    romanized: Lǐ Qiáng\n    native: 李强\n    country: CN\n    aliases: [Premier Li, 2023]\n    positions:\n      - title: premier\n        from: 2023-03-11\n        source: background\n        evidence: became Premier\n      - title: party-secretary\n        from: 2017-10\n        to: 2022-10\n        sources: [a, b]\n        note: approximate\n    sources:\n      - a\n      - b\n    deprecated: use li-qiang-2\n" },
        { "event with a date and every participant form", "events:\n  - id: talks\n    kind: talks\n    name: Talks\n    date: 2023-08-28\n    location: Beijing\n    summary: They talked.\n    participants:\n      - he-lifeng\n      - official: gina-raimondo\n        as: secretary-of-commerce\n      - official: wang-wentao\n      - organization: mofcom\n    part_of: trip\n" },
        { "event spanning days", "events:\n  - id: trip\n    kind: trip\n    name: Trip\n    from: 2023-08-28\n    to: 2023-08-31\n  - id: open-trip\n    kind: visit\n    name: Visit\n    from: 2024\n" },
        { "agreement", "agreements:\n  - id: exchange\n    name: Exchange\n    date: 2023-08\n    parties: [US, CN, mofcom, {organization: doc}]\n    negotiators:\n      - gina-raimondo\n      - official: wang-wentao\n        as: minister-of-commerce\n    event: talks\n    summary: An exchange.\n" },
        { "quotes", "quotes:\n  - id: q1\n    speaker: gina-raimondo\n    text: We agreed.\n    date: 2023-08-29\n    event: talks\n  - id: q2\n    speaker:\n      official: gina-raimondo\n      as: secretary-of-commerce\n    text: \"Yes: 'quoted'\"\n    date: 2023\n  - id: q3\n    speaker: {organization: mofcom}\n    text: 2024\n    date: 2024-01-01\n" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void DocumentTheParserAcceptsIsValid(string name, string yaml)
    {
        Assert.Empty(ParserDiagnostics(yaml));
        List<string> errors = FactSchemaFile.Validate(yaml);
        Assert.True(errors.Count == 0, name + ": " + string.Join(Environment.NewLine, errors));
    }

    /// <summary>Documents the parser reports (with the rule it reports): the schema must reject them too.</summary>
    public static TheoryData<string, string, string> Rejected() => new()
    {
        { "unknown field", "officials:\n  - id: a\n    name: A\n    country: US\n    titel: x\n", "FG0002" },
        { "unknown top-level list", "people:\n  - id: a\n", "FG0002" },
        { "unknown field in a position", "officials:\n  - id: a\n    name: A\n    country: US\n    positions:\n      - title: t\n        since: 2020\n", "FG0002" },
        { "unknown field in a reference", "events:\n  - id: e\n    kind: talks\n    name: E\n    date: 2023\n    participants:\n      - official: a\n        role: host\n", "FG0002" },
        { "bad kind", "events:\n  - id: e\n    kind: meting\n    name: E\n    date: 2023\n", "FG0004" },
        { "bad holders", "titles:\n  - id: t\n    name: T\n    country: US\n    holders: several\n", "FG0004" },
        { "bad date: month 13", "events:\n  - id: e\n    kind: talks\n    name: E\n    date: 2023-13-01\n", "FG0004" },
        { "bad date: two-digit year", "agreements:\n  - id: a\n    name: A\n    date: 23-08-29\n    parties: [US]\n", "FG0004" },
        { "bad date: not ISO", "quotes:\n  - id: q\n    speaker: a\n    text: T\n    date: 29 August 2023\n", "FG0004" },
        { "bad date: year zero", "sources:\n  - id: s\n    title: S\n    file: s.txt\n    published: 0000\n", "FG0004" },
        { "map where a list belongs", "officials:\n  - id: a\n    name: A\n    country: US\n    aliases: {first: A}\n", "FG0004" },
        { "map where the top-level list belongs", "officials:\n  id: a\n  name: A\n", "FG0004" },
        { "list where text belongs", "organizations:\n  - id: o\n    name: [O, P]\n    country: US\n", "FG0004" },
        { "file is a list", "- id: a\n", "FG0004" },
        { "item is text", "officials:\n  - a\n", "FG0004" },
        { "id not kebab-case", "officials:\n  - id: He_Lifeng\n    name: He Lifeng\n    country: CN\n", "FG0004" },
        { "reference not an id", "titles:\n  - id: t\n    name: T\n    country: US\n    organization: Department Of State\n", "FG0004" },
        { "country in lower case", "organizations:\n  - id: o\n    name: O\n    country: us\n", "FG0004" },
        { "country not a code", "organizations:\n  - id: o\n    name: O\n    country: USA\n", "FG0004" },
        { "party not a country code", "agreements:\n  - id: a\n    name: A\n    date: 2023\n    parties: [U1]\n", "FG0004" },
        { "empty required text", "organizations:\n  - id: o\n    name: \"\"\n    country: US\n", "FG0004" },
        { "source and sources", "organizations:\n  - id: o\n    name: O\n    country: US\n    source: a\n    sources: [b]\n", "FG0004" },
        { "date and from", "events:\n  - id: e\n    kind: talks\n    name: E\n    date: 2023\n    from: 2023\n", "FG0004" },
        { "as on an organization", "events:\n  - id: e\n    kind: talks\n    name: E\n    date: 2023\n    participants:\n      - organization: o\n        as: t\n", "FG0004" },
        { "missing id", "officials:\n  - name: A\n    country: US\n", "FG0003" },
        { "missing country", "officials:\n  - id: a\n    name: A\n", "FG0003" },
        { "empty required field", "sources:\n  - id: s\n    title:\n    file: s.txt\n    published: 2023\n", "FG0003" },
        { "event without a date", "events:\n  - id: e\n    kind: talks\n    name: E\n", "FG0003" },
        { "event with to but no from", "events:\n  - id: e\n    kind: talks\n    name: E\n    to: 2023\n", "FG0003" },
        { "agreement without parties", "agreements:\n  - id: a\n    name: A\n    date: 2023\n", "FG0003" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void DocumentTheParserRejectsIsInvalid(string name, string yaml, string rule)
    {
        Assert.Contains(rule, ParserDiagnostics(yaml));
        Assert.True(FactSchemaFile.Validate(yaml).Count > 0, name + " validates against the schema, but the parser reports " + rule);
    }

    private static List<string> ParserDiagnostics(string yaml)
        => FactParser.Parse("/project/facts/test.yaml", yaml, ParseLimits.Default, CancellationToken.None).Diagnostics.Select(d => d.Id).ToList();
}
