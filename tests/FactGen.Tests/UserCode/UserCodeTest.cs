using System.Collections.Concurrent;
using FactGen.Analyzers.UserCode;
using FactGen.CodeFixes;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.UserCode;

/// <summary>
/// Analyzer + code-fix test for user code over real generated facts: FactGenerator's output for a small fact set
/// is part of every state — the code before and after the fix, and each Fix All iteration — so each compiles
/// against the generated members.
/// Offline: reference assemblies from Basic.Reference.Assemblies (see shared/notes/toolchain.md).
/// </summary>
internal sealed class UserCodeTest : CSharpCodeFixTest<FactIdAnalyzer, UseTypedMemberCodeFix, DefaultVerifier>
{
    /// <summary>One or two facts of every kind; one deprecated official.</summary>
    public const string Facts = """
        sources:
          - id: article
            title: An article
            file: article.txt
            published: 2023-08-29
        organizations:
          - id: commerce-ministry
            name: Ministry of Commerce
            country: CN
        titles:
          - id: vice-premier
            name: Vice Premier
            country: CN
            holders: many
        officials:
          - id: he-lifeng
            name: He Lifeng
            country: CN
            positions:
              - title: vice-premier
                from: 2023-03
          - id: wang-wentao
            name: Wang Wentao
            country: CN
            positions:
              - title: vice-premier
          - id: old-minister
            name: Old Minister
            country: CN
            positions:
              - title: vice-premier
            deprecated: merged into wang-wentao
        events:
          - id: beijing-trip
            kind: trip
            name: Trip to Beijing
            date: 2023-08-28
            participants:
              - he-lifeng
        agreements:
          - id: information-exchange
            name: Information exchange
            date: 2023-08-28
            parties:
              - US
              - CN
        quotes:
          - id: positive-efforts
            speaker: he-lifeng
            text: make new positive efforts
            date: 2023-08-29
        """;

    private static readonly ConcurrentDictionary<(string, string, string), IReadOnlyList<(string Path, string Text)>> s_generated = new();

    private readonly IReadOnlyList<(string Path, string Text)> _generated;

    public UserCodeTest(string? code = null, string? fixedCode = null, string facts = Facts, string ns = "Test.Facts", string visibility = "public")
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        _generated = s_generated.GetOrAdd((facts, ns, visibility), key => Generate(key.Item1, key.Item2, key.Item3));
        if (code is not null) TestCode = code;
        if (fixedCode is not null) FixedCode = fixedCode;
    }

    /// <summary>
    /// Runs FactGenerator once per fact set (GeneratorHarness) and returns its sources. They are added to the test
    /// project as ordinary <c>.g.cs</c> documents rather than run as a generator by the framework: testing 1.1.4
    /// compiles generator output for the diagnostics but not into the workspace the code fix sees, where the
    /// simplifier then could not bind the generated names.
    /// </summary>
    private static IReadOnlyList<(string, string)> Generate(string facts, string ns, string visibility)
    {
        var properties = GeneratorHarness.DefaultProperties();
        properties["FactGenNamespace"] = ns;
        properties["FactGenVisibility"] = visibility;
        GeneratorRun run = GeneratorHarness.RunYaml(facts, options: new TestOptionsProvider(properties),
            extra: new TestAdditionalText(GeneratorHarness.FactsDir + "/article.txt", "An article."));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var sources = new List<(string, string)>();
        foreach (var source in run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            // Sources are parsed for test markup; generated code must not contain any.
            Assert.DoesNotContain("{|", source.Value);
            Assert.DoesNotContain("[|", source.Value);
            Assert.DoesNotContain("|]", source.Value);
            Assert.DoesNotContain("$$", source.Value);
            sources.Add(("/0/Generated/" + source.Key, source.Value));
        }
        return sources;
    }

    /// <summary>Adds the generated sources to the test state and, when there is one, the fixed state.</summary>
    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        TestState.Sources.AddRange(_generated.Select(s => (s.Path, SourceText.From(s.Text))));
        if (FixedState.Sources.Count > 0) FixedState.Sources.AddRange(_generated.Select(s => (s.Path, SourceText.From(s.Text))));
        return base.RunImplAsync(cancellationToken);
    }

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>FG1001 at markup location <paramref name="index"/> with its message arguments.</summary>
    public static DiagnosticResult Unknown(int index, string id, string kind, string hint = "")
        => new DiagnosticResult(UserCodeDescriptors.UnknownId).WithLocation(index).WithArguments(id, kind, hint);

    /// <summary>FG1002 at markup location <paramref name="index"/>.</summary>
    public static DiagnosticResult Typed(int index, string member, string id)
        => new DiagnosticResult(UserCodeDescriptors.UseTypedMember).WithLocation(index).WithArguments(member, id);

    /// <summary>Analyzer only: the diagnostics expected in <paramref name="code"/>.</summary>
    public static Task VerifyAsync(string code, params DiagnosticResult[] expected)
    {
        var test = new UserCodeTest(code);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
