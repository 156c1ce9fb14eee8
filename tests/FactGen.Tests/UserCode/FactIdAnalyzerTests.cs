using Xunit;
using static FactGen.Tests.UserCode.UserCodeTest;

namespace FactGen.Tests.UserCode;

/// <summary>FG1001/FG1002 diagnostics over code that uses facts generated in the same test run.</summary>
public sealed class FactIdAnalyzerTests
{
    public static TheoryData<string, string, string, string, string> Kinds() => new()
    {
        // class, a known id, its member, a near miss, the singular
        { "Sources", "article", "Article", "artcle", "source" },
        { "Organizations", "commerce-ministry", "CommerceMinistry", "commerce-ministy", "organization" },
        { "Titles", "vice-premier", "VicePremier", "vice-premeir", "title" },
        { "Officials", "he-lifeng", "HeLifeng", "he-lifng", "official" },
        { "Events", "beijing-trip", "BeijingTrip", "beijing-trp", "event" },
        { "Agreements", "information-exchange", "InformationExchange", "information-exhange", "agreement" },
        { "Quotes", "positive-efforts", "PositiveEfforts", "positive-effort", "quote" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task NearMissInFindAndTryGetIsAnErrorWithASuggestion(string cls, string id, string member, string nearMiss, string singular) => VerifyAsync($$"""
        using Test.Facts;
        class C
        {
            object? A() => {{cls}}.Find({|#0:"{{nearMiss}}"|});
            bool B() => {{cls}}.TryGet({|#1:"{{nearMiss}}"|}, out var value);
        }
        """,
        Unknown(0, nearMiss, singular, $"; did you mean '{id}'?"),
        Unknown(1, nearMiss, singular, $"; did you mean '{id}'?"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task KnownIdInFindAndTryGetSuggestsTheTypedMember(string cls, string id, string member, string nearMiss, string singular) => VerifyAsync($$"""
        using Test.Facts;
        class C
        {
            object? A() => {{cls}}.Find({|#0:"{{id}}"|});
            bool B() => {{cls}}.TryGet({|#1:"{{id}}"|}, out var value);
        }
        """,
        Typed(0, $"{cls}.{member}", id),
        Typed(1, $"{cls}.{member}", id));

    [Fact]
    public Task ConstFieldsAndConstantExpressionsAreChecked() => VerifyAsync("""
        using Test.Facts;
        static class MyIds
        {
            public const string Boss = "he-lifng";
            public const string Prefix = "he-";
            public const string Known = "wang-wentao";
        }
        class C
        {
            const string Local = "wang-wentoa";
            void M()
            {
                const string inMethod = "he-lifeng";
                _ = Officials.Find({|#0:MyIds.Boss|});
                _ = Officials.Find({|#1:Local|});
                _ = Officials.Find({|#2:MyIds.Prefix + "lifng"|});
                _ = Officials.Find({|#3:"he-" + "lifeng"|});
                _ = Officials.Find({|#4:MyIds.Known|});
                _ = Officials.Find({|#5:inMethod|});
                _ = Officials.Find({|#6:("wang-wentao")|});
            }
        }
        """,
        Unknown(0, "he-lifng", "official", "; did you mean 'he-lifeng'?"),
        Unknown(1, "wang-wentoa", "official", "; did you mean 'wang-wentao'?"),
        Unknown(2, "he-lifng", "official", "; did you mean 'he-lifeng'?"),
        Typed(3, "Officials.HeLifeng", "he-lifeng"),
        Typed(4, "Officials.WangWentao", "wang-wentao"),
        Typed(5, "Officials.HeLifeng", "he-lifeng"),
        Typed(6, "Officials.WangWentao", "wang-wentao"));

    [Fact]
    public Task InterpolatedAndNonConstantStringsAreNotChecked() => VerifyAsync("""
        using Test.Facts;
        class C
        {
            const string P = "he";
            void M(string id, string? maybe)
            {
                _ = Officials.Find($"{P}-lifng");
                _ = Officials.Find(id);
                _ = Officials.Find(maybe);
                _ = Officials.Find(null);
                _ = Officials.Find(id + "-x");
                _ = Officials.TryGet(id, out _);
            }
        }
        """);

    [Fact]
    public Task TheHintPrefersLetterCaseThenMemberNameThenAnotherKind() => VerifyAsync("""
        using Test.Facts;
        class C
        {
            void M()
            {
                _ = Officials.Find({|#0:"He-Lifeng"|});
                _ = Officials.Find({|#1:"HeLifeng"|});
                _ = Officials.Find({|#2:"he-life-ng"|});
                _ = Officials.Find({|#3:"commerce-ministry"|});
                _ = Organizations.Find({|#4:"he-lifeng"|});
                _ = Titles.Find({|#5:"article"|});
                _ = Officials.Find({|#6:"nobody-at-all"|});
                _ = Officials.Find({|#7:""|});
                _ = Officials.Find({|#8:Organizations.Ids.CommerceMinistry|});
            }
        }
        """,
        Unknown(0, "He-Lifeng", "official", "; did you mean 'he-lifeng'?"),
        Unknown(1, "HeLifeng", "official", "; did you mean 'he-lifeng'?"),
        Unknown(2, "he-life-ng", "official", "; did you mean 'he-lifeng'?"),
        Unknown(3, "commerce-ministry", "official", "; it is an organization id (Organizations.CommerceMinistry)"),
        Unknown(4, "he-lifeng", "organization", "; it is an official id (Officials.HeLifeng)"),
        Unknown(5, "article", "title", "; it is a source id (Sources.Article)"),
        Unknown(6, "nobody-at-all", "official"),
        Unknown(7, "", "official"),
        Unknown(8, "commerce-ministry", "official", "; it is an organization id (Organizations.CommerceMinistry)"));

    [Fact]
    public Task NamedArgumentsAreFollowedToTheIdParameter() => VerifyAsync("""
        using Test.Facts;
        class C
        {
            bool M() => Officials.TryGet(value: out var official, id: {|#0:"he-lifng"|});
        }
        """, Unknown(0, "he-lifng", "official", "; did you mean 'he-lifeng'?"));

    [Fact]
    public Task DeprecatedFactsAreKnownButNotSuggested() => VerifyAsync("""
        using Test.Facts;
        class C
        {
            object? M(Official o) => o.Id == "old-minister" ? Officials.Find("old-minister") : null;
        }
        """);

    [Fact]
    public Task UnrelatedFindMethodsAreIgnored() => VerifyAsync("""
        using System.Collections.Generic;
        namespace Mine
        {
            static class Officials
            {
                public static object? Find(string id) => null;
                public static bool TryGet(string id, out object? value) { value = null; return false; }
                public static class Ids { public const string X = "x"; }
                public static object X => new object();
            }

            [System.CodeDom.Compiler.GeneratedCode("SomethingElse", "1.0")]
            static class Titles
            {
                public static object? Find(string id) => null;
                public static class Ids { public const string X = "x"; }
            }

            [System.CodeDom.Compiler.GeneratedCode("FactGen", "1.0")]
            static class Quotes
            {
                public static object? Find(int id) => null;
                public static object? Find(string id, bool strict) => null;
            }

            class Repository
            {
                public object? Find(string id) => null;
                public static object? Other(string id) => null;
            }

            class C
            {
                void M(List<string> list, Repository repository)
                {
                    _ = list.Find(s => s == "he-lifng");
                    _ = Officials.Find("he-lifng");
                    _ = Officials.TryGet("he-lifng", out _);
                    _ = Titles.Find("he-lifng");
                    _ = Quotes.Find(1);
                    _ = Quotes.Find("he-lifng", true);
                    _ = repository.Find("he-lifng");
                    _ = Repository.Other("he-lifng");
                    _ = Test.Facts.Officials.FromCountry("XX");
                }
            }
        }
        """);

    [Fact]
    public Task StringsComparedWithAFactsIdAreChecked() => VerifyAsync("""
        using Test.Facts;
        class C
        {
            const string Mine = "he-lifeng";
            void M(Official o, Official? maybe, Event e, Title t)
            {
                _ = o.Id == {|#0:"he-lifng"|};
                _ = {|#1:"wang-wentoa"|} != o.Id;
                _ = maybe?.Id == {|#2:"he-lifng"|};
                _ = o.Id is {|#3:"he-lifng"|} or {|#4:"wang-wentao"|};
                _ = o.Id is not {|#5:"x"|};
                _ = o is { Id: {|#6:"he-lifng"|} };
                _ = e.Id switch { {|#7:"beijing-trp"|} => 1, _ => 0 };
                switch (t.Id)
                {
                    case {|#8:"vice-premeir"|}:
                    case {|#9:"vice-premier"|}:
                        break;
                }
                _ = o.Id == Officials.Ids.HeLifeng;
                _ = o.Id == Mine;
                _ = o.Name == "he-lifng";
                _ = o.Id.Length == 3;
            }
        }
        """,
        Unknown(0, "he-lifng", "official", "; did you mean 'he-lifeng'?"),
        Unknown(1, "wang-wentoa", "official", "; did you mean 'wang-wentao'?"),
        Unknown(2, "he-lifng", "official", "; did you mean 'he-lifeng'?"),
        Unknown(3, "he-lifng", "official", "; did you mean 'he-lifeng'?"),
        Typed(4, "Officials.Ids.WangWentao", "wang-wentao"),
        Unknown(5, "x", "official"),
        Unknown(6, "he-lifng", "official", "; did you mean 'he-lifeng'?"),
        Unknown(7, "beijing-trp", "event", "; did you mean 'beijing-trip'?"),
        Unknown(8, "vice-premeir", "title", "; did you mean 'vice-premier'?"),
        Typed(9, "Titles.Ids.VicePremier", "vice-premier"));

    [Fact]
    public Task ComparisonsThroughTheAbstractBaseTypesAreNotChecked() => VerifyAsync("""
        using Test.Facts;
        class C
        {
            bool M(Fact f, Actor a, string s) => f.Id == "nothing" || a.Id == "nothing" || s == "nothing";
        }
        """);

    [Fact]
    public async Task WorksInTheConfiguredNamespaceWithInternalVisibility()
    {
        var test = new UserCodeTest("""
            using My.Company.Data;
            class C
            {
                object? A() => Officials.Find({|#0:"he-lifng"|});
                object? B() => My.Company.Data.Events.Find({|#1:"beijing-trip"|});
                bool D(Official o) => o.Id == {|#2:"he-lifeng"|};
            }
            """, ns: "My.Company.Data", visibility: "internal");
        test.ExpectedDiagnostics.Add(Unknown(0, "he-lifng", "official", "; did you mean 'he-lifeng'?"));
        test.ExpectedDiagnostics.Add(Typed(1, "Events.BeijingTrip", "beijing-trip"));
        test.ExpectedDiagnostics.Add(Typed(2, "Officials.Ids.HeLifeng", "he-lifeng"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AKindWithoutFactsRejectsEveryId()
    {
        var test = new UserCodeTest("""
            using Test.Facts;
            class C
            {
                object? A() => Quotes.Find({|#0:"anything"|});
            }
            """, facts: """
            officials:
              - id: he-lifeng
                name: He Lifeng
                country: CN
                positions: []
            """);
        test.ExpectedDiagnostics.Add(Unknown(0, "anything", "quote"));
        await test.RunAsync();
    }
}
