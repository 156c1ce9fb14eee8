namespace FactGen.IntegrationTests.Consumers;

/// <summary>
/// A small, internally consistent fact set (every reference resolves, every excerpt is in the seed text)
/// used by several consumer projects, and the console program that prints from it.
/// </summary>
public static class Briefing
{
    public const string Seed = """
        Beijing, 28 August 2023. U.S. Commerce Secretary Gina Raimondo met Minister of Commerce Wang Wentao in
        Beijing on 28 August 2023. The two sides agreed to set up a working group on trade issues.
        Raimondo said: "We agreed to talk."

        """;

    public const string World = """
        sources:
          - id: briefing
            title: Raimondo meets Wang Wentao
            file: ../seeds/briefing.txt
            published: 2023-08-28

        organizations:
          - id: us-department-of-commerce
            name: United States Department of Commerce
            abbreviation: DOC
            country: US
          - id: mofcom
            name: Ministry of Commerce of the People's Republic of China
            native: 中华人民共和国商务部
            abbreviation: MOFCOM
            country: CN

        titles:
          - id: secretary-of-commerce
            name: United States Secretary of Commerce
            organization: us-department-of-commerce
            country: US
            holders: one
          - id: minister-of-commerce
            name: Minister of Commerce
            organization: mofcom
            country: CN
            holders: one

        officials:
          - id: gina-raimondo
            name: Gina Raimondo
            country: US
            positions:
              - title: secretary-of-commerce
                from: 2021-03-03
                to: 2025-01-20
            source: briefing
            evidence: "U.S. Commerce Secretary Gina Raimondo met"
          - id: wang-wentao
            name: Wang Wentao
            romanized: Wáng Wéntāo
            native: 王文涛
            country: CN
            positions:
              - title: minister-of-commerce
                from: 2020-12-26
            source: briefing

        """;

    public const string Events = """
        events:
          - id: raimondo-wang-talks
            kind: talks
            name: Raimondo and Wang Wentao hold talks
            date: 2023-08-28
            location: Beijing
            participants:
              - official: gina-raimondo
                as: secretary-of-commerce
              - official: wang-wentao
                as: minister-of-commerce
            source: briefing
            evidence: "met Minister of Commerce Wang Wentao"

        agreements:
          - id: trade-working-group
            name: Working group on trade issues
            date: 2023-08-28
            parties: [US, CN]
            negotiators:
              - gina-raimondo
              - wang-wentao
            event: raimondo-wang-talks
            source: briefing
            evidence: "agreed to set up a working group on trade issues"

        quotes:
          - id: raimondo-agreed-to-talk
            speaker: gina-raimondo
            text: We agreed to talk.
            date: 2023-08-28
            event: raimondo-wang-talks
            source: briefing

        """;

    /// <summary>The console program; <paramref name="ns"/> is the namespace the facts are generated into.</summary>
    public static string Program(string ns) => $$"""
        using System;
        using System.Linq;
        using {{ns}};

        Official raimondo = Officials.GinaRaimondo;
        Console.WriteLine($"official: {raimondo.Name} ({raimondo.Country})");
        Console.WriteLine($"title: {raimondo.Positions[0].Title.Name} at {raimondo.Positions[0].Title.Organization?.Name}");
        Official? wang = Officials.Find("wang-wentao");
        Console.WriteLine($"find: {wang?.Name} {wang?.Romanized} {wang?.Native}");
        // An id known only at run time (a constant unknown id is a build error, FG1001).
        string unknown = string.Concat("no", "body");
        Console.WriteLine($"find unknown: {(Officials.Find(unknown) is null ? "null" : "found")}");
        Event talks = Events.RaimondoWangTalks;
        Console.WriteLine($"event: {talks.Date} {talks.Kind} {talks.Name} in {talks.Location}");
        foreach (Participant p in talks.Participants) Console.WriteLine($"participant: {p.Official?.Id} as {p.As?.Id}");
        Agreement working = Agreements.TradeWorkingGroup;
        Console.WriteLine($"agreement: {working.Name}; at: {working.Event?.Id}; parties: {string.Join(",", working.Parties)}");
        Quote quote = Quotes.RaimondoAgreedToTalk;
        Console.WriteLine($"quote: {quote.Speaker.Name} said {quote.Text}");
        Console.WriteLine($"source: {raimondo.Source?.Title}");
        Console.WriteLine($"wang's events: {string.Join(",", wang!.Events.Select(e => e.Id))}");
        Console.WriteLine($"id constant: {Officials.Ids.WangWentao}");
        Console.WriteLine($"public types: {typeof(Official).IsPublic}");

        """;

    /// <summary>What <see cref="Program"/> prints for these facts.</summary>
    public static readonly string[] ExpectedOutput =
    {
        "official: Gina Raimondo (US)",
        "title: United States Secretary of Commerce at United States Department of Commerce",
        "find: Wang Wentao Wáng Wéntāo 王文涛",
        "find unknown: null",
        "event: 2023-08-28 Talks Raimondo and Wang Wentao hold talks in Beijing",
        "participant: gina-raimondo as secretary-of-commerce",
        "participant: wang-wentao as minister-of-commerce",
        "agreement: Working group on trade issues; at: raimondo-wang-talks; parties: US,CN",
        "quote: Gina Raimondo said We agreed to talk.",
        "source: Raimondo meets Wang Wentao",
        "wang's events: raimondo-wang-talks",
        "id constant: wang-wentao",
    };

    /// <summary>A console project referencing the package the way the README says.</summary>
    public static string Project(string extraProperties = "", string extraItems = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
        {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="FactGen" Version="$(FactGenTestVersion)" PrivateAssets="all" />
        {extraItems}
          </ItemGroup>
        </Project>

        """;
}
