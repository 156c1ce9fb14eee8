using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FactGen.Tests.UserCode.UserCodeTest;

namespace FactGen.Tests.UserCode;

/// <summary>
/// The FG1002 code fix. The framework applies each fix one at a time and then as Fix All in document, project
/// and solution scope, and checks that every resulting state compiles with the expected diagnostics.
/// </summary>
public sealed class UseTypedMemberCodeFixTests
{
    private static Task FixAsync(string code, string fixedCode, params DiagnosticResult[] expected)
    {
        var test = new UserCodeTest(code, fixedCode);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(FactIdAnalyzerTests.Kinds), MemberType = typeof(FactIdAnalyzerTests))]
    public Task FindBecomesTheTypedMemberForEveryKind(string cls, string id, string member, string nearMiss, string singular) => FixAsync($$"""
        using Test.Facts;
        class C
        {
            object? A() => {{cls}}.Find({|#0:"{{id}}"|});
        }
        """, $$"""
        using Test.Facts;
        class C
        {
            object? A() => {{cls}}.{{member}};
        }
        """, Typed(0, $"{cls}.{member}", id));

    [Fact]
    public Task FindKeepsTheReceiverAndTheSurroundingExpression() => FixAsync("""
        using Test.Facts;
        class C
        {
            const string Boss = "he-lifeng";
            string? A() => Officials.Find({|#0:Boss|})?.Name;
            string B() => Test.Facts.Officials.Find( {|#1:"wang-wentao"|} )!.Name;
            string D() => global::Test.Facts.Events.Find({|#2:"beijing-" + "trip"|}) /* trailing */ ?.Name ?? "";
            object? E() => Officials.Find({|#3:Officials.Ids.HeLifeng|});
            object? F() => Officials.Find({|#4:("wang-wentao")|});
        }
        """, """
        using Test.Facts;
        class C
        {
            const string Boss = "he-lifeng";
            string? A() => Officials.HeLifeng?.Name;
            string B() => Test.Facts.Officials.WangWentao!.Name;
            string D() => global::Test.Facts.Events.BeijingTrip /* trailing */ ?.Name ?? "";
            object? E() => Officials.HeLifeng;
            object? F() => Officials.WangWentao;
        }
        """,
        Typed(0, "Officials.HeLifeng", "he-lifeng"),
        Typed(1, "Officials.WangWentao", "wang-wentao"),
        Typed(2, "Events.BeijingTrip", "beijing-trip"),
        Typed(3, "Officials.HeLifeng", "he-lifeng"),
        Typed(4, "Officials.WangWentao", "wang-wentao"));

    [Fact]
    public Task FindThroughUsingStaticIsQualifiedThenSimplified() => FixAsync("""
        using static Test.Facts.Officials;
        class C
        {
            object? A() => Find({|#0:"he-lifeng"|});
        }
        """, """
        using static Test.Facts.Officials;
        class C
        {
            object? A() => HeLifeng;
        }
        """, Typed(0, "Officials.HeLifeng", "he-lifeng"));

    [Fact]
    public Task TryGetStatementsBecomeDeclarationsOrAssignments() => FixAsync("""
        using Test.Facts;
        class C
        {
            Official? field;
            void M(Official?[] array)
            {
                // declared with var
                Officials.TryGet({|#0:"he-lifeng"|}, out var first); // keeps comments
                Officials.TryGet({|#1:"wang-wentao"|}, out Official? second);
                Official? existing;
                Officials.TryGet({|#2:"he-lifeng"|}, out existing);
                Officials.TryGet({|#3:"he-lifeng"|}, out field);
                Officials.TryGet({|#4:"he-lifeng"|}, out array[0]);
                Events.TryGet(value: out var trip, id: {|#5:"beijing-trip"|});
                Officials.TryGet({|#6:"he-lifeng"|}, out _);
                System.Console.WriteLine(first!.Name + second!.Name + existing!.Name + trip!.Name);
            }
        }
        """, """
        using Test.Facts;
        class C
        {
            Official? field;
            void M(Official?[] array)
            {
                // declared with var
                var first = Officials.HeLifeng; // keeps comments
                Official? second = Officials.WangWentao;
                Official? existing;
                existing = Officials.HeLifeng;
                field = Officials.HeLifeng;
                array[0] = Officials.HeLifeng;
                var trip = Events.BeijingTrip;
                _ = Officials.HeLifeng;
                System.Console.WriteLine(first!.Name + second!.Name + existing!.Name + trip!.Name);
            }
        }
        """,
        Typed(0, "Officials.HeLifeng", "he-lifeng"),
        Typed(1, "Officials.WangWentao", "wang-wentao"),
        Typed(2, "Officials.HeLifeng", "he-lifeng"),
        Typed(3, "Officials.HeLifeng", "he-lifeng"),
        Typed(4, "Officials.HeLifeng", "he-lifeng"),
        Typed(5, "Events.BeijingTrip", "beijing-trip"),
        Typed(6, "Officials.HeLifeng", "he-lifeng"));

    [Fact]
    public Task TryGetGuardsBecomeDeclarations() => FixAsync("""
        using System;
        using Test.Facts;
        class C
        {
            string M()
            {
                if (!Officials.TryGet({|#0:"he-lifeng"|}, out var official)) return "";
                if (!Titles.TryGet({|#1:"vice-premier"|}, out Title? title))
                {
                    throw new InvalidOperationException("missing");
                }
                switch (official.Country)
                {
                    case "CN":
                        if (!Events.TryGet({|#2:"beijing-trip"|}, out var trip)) break;
                        return trip.Name;
                }
                return official.Name + title.Name;
            }
        }
        """, """
        using System;
        using Test.Facts;
        class C
        {
            string M()
            {
                var official = Officials.HeLifeng;
                Title? title = Titles.VicePremier;
                switch (official.Country)
                {
                    case "CN":
                        var trip = Events.BeijingTrip;
                        return trip.Name;
                }
                return official.Name + title.Name;
            }
        }
        """,
        Typed(0, "Officials.HeLifeng", "he-lifeng"),
        Typed(1, "Titles.VicePremier", "vice-premier"),
        Typed(2, "Events.BeijingTrip", "beijing-trip"));

    [Fact]
    public Task TopLevelStatementsAreFixed()
    {
        var test = new UserCodeTest("""
            using Test.Facts;
            Officials.TryGet({|#0:"he-lifeng"|}, out var official);
            System.Console.WriteLine(Officials.Find({|#1:"wang-wentao"|})?.Name + official?.Name);
            """, """
            using Test.Facts;
            var official = Officials.HeLifeng;
            System.Console.WriteLine(Officials.WangWentao?.Name + official?.Name);
            """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Typed(0, "Officials.HeLifeng", "he-lifeng"));
        test.ExpectedDiagnostics.Add(Typed(1, "Officials.WangWentao", "wang-wentao"));
        return test.RunAsync();
    }

    /// <summary>Where removing the call would change what the code says, the suggestion stays without a fix.</summary>
    [Fact]
    public Task TryGetIsNotRewrittenWhereItsResultMatters()
    {
        const string code = """
            using Test.Facts;
            class C
            {
                bool flag;
                string M(bool c)
                {
                    if (Officials.TryGet({|#0:"he-lifeng"|}, out var a)) return a.Name;
                    if (!Officials.TryGet({|#1:"he-lifeng"|}, out var b)) return ""; else flag = true;
                    bool ok = Officials.TryGet({|#2:"he-lifeng"|}, out var d);
                    if (c) Officials.TryGet({|#3:"he-lifeng"|}, out var e);
                    while (!Officials.TryGet({|#4:"he-lifeng"|}, out var f)) { }
                    if (!(Officials.TryGet({|#5:"he-lifeng"|}, out var g))) return "";
                    int _ = 0;
                    Officials.TryGet({|#6:"he-lifeng"|}, out var _);
                    return b.Name + d!.Name + g.Name + ok + flag + _;
                }
            }
            """;
        var test = new UserCodeTest(code, code);
        for (int i = 0; i <= 6; i++) test.ExpectedDiagnostics.Add(Typed(i, "Officials.HeLifeng", "he-lifeng"));
        return test.RunAsync();
    }

    [Fact]
    public Task ComparedStringsBecomeIdsConstants() => FixAsync("""
        using Test.Facts;
        class C
        {
            int M(Official o, Event e)
            {
                if (o.Id == {|#0:"he-lifeng"|} || {|#1:"wang-wentao"|} != o.Id) return 1;
                if (o is { Id: {|#2:"he-lifeng"|} }) return 2;
                switch (e.Id)
                {
                    case {|#3:"beijing-trip"|}:
                        return 3;
                }
                return o.Id switch { {|#4:"he-lifeng"|} or {|#5:"wang-wentao"|} => 4, _ => 0 };
            }
        }
        """, """
        using Test.Facts;
        class C
        {
            int M(Official o, Event e)
            {
                if (o.Id == Officials.Ids.HeLifeng || Officials.Ids.WangWentao != o.Id) return 1;
                if (o is { Id: Officials.Ids.HeLifeng }) return 2;
                switch (e.Id)
                {
                    case Events.Ids.BeijingTrip:
                        return 3;
                }
                return o.Id switch { Officials.Ids.HeLifeng or Officials.Ids.WangWentao => 4, _ => 0 };
            }
        }
        """,
        Typed(0, "Officials.Ids.HeLifeng", "he-lifeng"),
        Typed(1, "Officials.Ids.WangWentao", "wang-wentao"),
        Typed(2, "Officials.Ids.HeLifeng", "he-lifeng"),
        Typed(3, "Events.Ids.BeijingTrip", "beijing-trip"),
        Typed(4, "Officials.Ids.HeLifeng", "he-lifeng"),
        Typed(5, "Officials.Ids.WangWentao", "wang-wentao"));

    [Fact]
    public Task ComparedStringsWithoutAUsingGetTheQualifiedConstant() => FixAsync("""
        class C
        {
            bool M(Test.Facts.Official o) => o.Id == {|#0:"he-lifeng"|};
        }
        """, """
        class C
        {
            bool M(Test.Facts.Official o) => o.Id == Test.Facts.Officials.Ids.HeLifeng;
        }
        """, Typed(0, "Officials.Ids.HeLifeng", "he-lifeng"));

    /// <summary>Fix All over two documents (document, project and solution scope are each run by the framework); FG1001 stays.</summary>
    [Fact]
    public Task FixAllFixesEverySuggestionAndLeavesErrors()
    {
        var test = new UserCodeTest();
        test.TestState.Sources.Add(("/0/A.cs", """
            using Test.Facts;
            class A
            {
                object?[] M(Official o)
                {
                    Officials.TryGet({|#0:"he-lifeng"|}, out var x);
                    bool same = o.Id == {|#1:"wang-wentao"|};
                    return new object?[] { x, same, Sources.Find({|#2:"article"|}), Organizations.Find({|#3:"commerce-ministry"|}),
                        Titles.Find({|#4:"vice-premier"|}), Agreements.Find({|#5:"information-exchange"|}), Quotes.Find({|#6:"positive-efforts"|}),
                        Officials.Find({|#7:"he-lifng"|}) };
                }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using Test.Facts;
            class B
            {
                object? M() => (object?)Events.Find({|#8:"beijing-trip"|}) ?? Officials.Find({|#9:"wang-wentao"|});
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using Test.Facts;
            class A
            {
                object?[] M(Official o)
                {
                    var x = Officials.HeLifeng;
                    bool same = o.Id == Officials.Ids.WangWentao;
                    return new object?[] { x, same, Sources.Article, Organizations.CommerceMinistry,
                        Titles.VicePremier, Agreements.InformationExchange, Quotes.PositiveEfforts,
                        Officials.Find({|#0:"he-lifng"|}) };
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using Test.Facts;
            class B
            {
                object? M() => (object?)Events.BeijingTrip ?? Officials.WangWentao;
            }
            """));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Typed(0, "Officials.HeLifeng", "he-lifeng"),
            Typed(1, "Officials.Ids.WangWentao", "wang-wentao"),
            Typed(2, "Sources.Article", "article"),
            Typed(3, "Organizations.CommerceMinistry", "commerce-ministry"),
            Typed(4, "Titles.VicePremier", "vice-premier"),
            Typed(5, "Agreements.InformationExchange", "information-exchange"),
            Typed(6, "Quotes.PositiveEfforts", "positive-efforts"),
            Unknown(7, "he-lifng", "official", "; did you mean 'he-lifeng'?"),
            Typed(8, "Events.BeijingTrip", "beijing-trip"),
            Typed(9, "Officials.WangWentao", "wang-wentao"),
        });
        test.FixedState.ExpectedDiagnostics.Add(Unknown(0, "he-lifng", "official", "; did you mean 'he-lifeng'?"));
        return test.RunAsync();
    }
}
