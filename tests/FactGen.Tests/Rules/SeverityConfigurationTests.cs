using System.Collections.Immutable;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using static FactGen.Tests.Rules.RuleTestKit;

namespace FactGen.Tests.Rules;

/// <summary>
/// Rule severities configured the way a build configures them, emulated in memory on the compiler's own
/// code paths:
/// <list type="bullet">
/// <item><c>&lt;NoWarn&gt;</c>, <c>&lt;WarningsAsErrors&gt;</c>, <c>-warnaserror</c> become csc's <c>/nowarn</c>,
/// <c>/warnaserror</c>, i.e. <see cref="CompilationOptions.SpecificDiagnosticOptions"/> and
/// <see cref="CompilationOptions.GeneralDiagnosticOption"/>;</item>
/// <item>a <c>.globalconfig</c> (or any config with <c>is_global = true</c>) becomes, in csc, an
/// <see cref="AnalyzerConfigSet"/> whose <see cref="AnalyzerConfigSet.GlobalConfigOptions"/> feed the
/// compilation's <see cref="SyntaxTreeOptionsProvider"/> (<see cref="ConfigSetTreeOptions"/> mirrors csc's).</item>
/// </list>
/// Analyzer diagnostics are filtered by <c>CompilationWithAnalyzers</c> through
/// <c>CompilationOptions.FilterDiagnostic</c>; generator diagnostics by <c>GeneratorDriver</c>, which passes
/// each through the same <c>compilation.Options.FilterDiagnostic</c> of the compilation it runs on (csc runs
/// the driver on the compilation built with these options). So both are the real filters, not imitations.
/// </summary>
public class SeverityConfigurationTests
{
    /// <summary>Two premiers overlap by a day: FG0008 (warning, from the analyzer).</summary>
    private const string Overlap = """
        titles:
          - id: premier
            name: Premier of the State Council
            country: CN
            holders: one
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
                from: 2023-03-10
        """;

    /// <summary>One official defined twice: FG0005 (error, from the generator).</summary>
    private const string Duplicate = """
        officials:
          - id: li-qiang
            name: Li Qiang
            country: CN
          - id: li-qiang
            name: Li Qiang
            country: CN
        """;

    // ------------------------------------------------------------------ the defaults, for contrast

    [Fact]
    public void Defaults_FG0008IsAWarningAndFG0005AnError()
    {
        Assert.Equal(DiagnosticSeverity.Warning, AssertOnly(Build(Overlap, o => o), "FG0008").Severity);
        Assert.Equal(DiagnosticSeverity.Error, AssertOnly(Build(Duplicate, o => o), "FG0005").Severity);
    }

    // ------------------------------------------------------------------ .globalconfig

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public void GlobalConfig_SetsTheSeverityOfAnAnalyzerRule(string severity, DiagnosticSeverity expected)
    {
        var all = Build(Overlap, o => o.WithSyntaxTreeOptionsProvider(GlobalConfig($"dotnet_diagnostic.FG0008.severity = {severity}")));
        Diagnostic d = AssertOnly(all, "FG0008");
        Assert.Equal(expected, d.Severity);
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        AssertLocation(d.Location, "facts.yaml", 18, 9); // configuration changes the severity, nothing else
    }

    [Fact]
    public void GlobalConfig_NoneSilencesAnAnalyzerRule()
    {
        AssertClean(Build(Overlap, o => o.WithSyntaxTreeOptionsProvider(GlobalConfig("dotnet_diagnostic.FG0008.severity = none"))));
    }

    [Fact]
    public void GlobalConfig_DowngradesAGeneratorRuleToAWarning()
    {
        var all = Build(Duplicate, o => o.WithSyntaxTreeOptionsProvider(GlobalConfig("dotnet_diagnostic.FG0005.severity = warning")));
        Diagnostic d = AssertOnly(all, "FG0005");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        AssertLocation(d.Location, "facts.yaml", 5, 9);
        AssertLocation(Assert.Single(d.AdditionalLocations), "facts.yaml", 2, 9);
    }

    [Fact]
    public void GlobalConfig_NoneSilencesAGeneratorRule()
    {
        AssertClean(Build(Duplicate, o => o.WithSyntaxTreeOptionsProvider(GlobalConfig("dotnet_diagnostic.FG0005.severity = none"))));
    }

    [Fact]
    public void EditorConfigSection_DoesNotReachDiagnosticsInFactFiles()
    {
        // A non-global .editorconfig configures diagnostics *in syntax trees* under its folder. A fact-file
        // diagnostic lies in an AdditionalFile (no syntax tree), so the compiler never consults the section
        // (dotnet/roslyn#31916, open): `dotnet_diagnostic.FGxxxx.severity` belongs in a .globalconfig.
        const string editorConfig = """
            root = true

            [*]
            dotnet_diagnostic.FG0008.severity = error
            dotnet_diagnostic.FG0005.severity = warning
            """;
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(editorConfig, "/project/.editorconfig")));
        Assert.Equal(ReportDiagnostic.Error, set.GetOptionsForSourcePath("/project/facts/facts.yaml").TreeOptions["FG0008"]); // the section does match the file…
        var provider = new ConfigSetTreeOptions(set);
        Assert.Equal(DiagnosticSeverity.Warning, AssertOnly(Build(Overlap, o => o.WithSyntaxTreeOptionsProvider(provider)), "FG0008").Severity); // …but is not applied
        Assert.Equal(DiagnosticSeverity.Error, AssertOnly(Build(Duplicate, o => o.WithSyntaxTreeOptionsProvider(provider)), "FG0005").Severity);
    }

    // ------------------------------------------------------------------ NoWarn, WarningsAsErrors, -warnaserror

    [Fact]
    public void WarningsAsErrors_MakesAnAnalyzerRuleAnError()
    {
        var all = Build(Overlap, o => o.WithSpecificDiagnosticOptions(Specific(("FG0008", ReportDiagnostic.Error))));
        Assert.Equal(DiagnosticSeverity.Error, AssertOnly(all, "FG0008").Severity);
    }

    [Fact]
    public void NoWarn_SilencesAnAnalyzerRule()
    {
        AssertClean(Build(Overlap, o => o.WithSpecificDiagnosticOptions(Specific(("FG0008", ReportDiagnostic.Suppress)))));
    }

    [Fact]
    public void SpecificOptions_DowngradeOrSilenceAGeneratorRule()
    {
        var warned = Build(Duplicate, o => o.WithSpecificDiagnosticOptions(Specific(("FG0005", ReportDiagnostic.Warn))));
        Assert.Equal(DiagnosticSeverity.Warning, AssertOnly(warned, "FG0005").Severity);
        AssertClean(Build(Duplicate, o => o.WithSpecificDiagnosticOptions(Specific(("FG0005", ReportDiagnostic.Suppress)))));
    }

    [Fact]
    public void WarnAsError_PromotesAnalyzerWarnings()
    {
        var all = Build(Overlap, o => o.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.Equal(DiagnosticSeverity.Error, AssertOnly(all, "FG0008").Severity);
    }

    [Fact]
    public void WarnAsError_PromotesAGeneratorRuleConfiguredAsWarning()
    {
        var all = Build(Duplicate, o => o
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithSyntaxTreeOptionsProvider(GlobalConfig("dotnet_diagnostic.FG0005.severity = warning")));
        Assert.Equal(DiagnosticSeverity.Error, AssertOnly(all, "FG0005").Severity);
    }

    // ------------------------------------------------------------------ plumbing

    /// <summary>
    /// One build over <c>/project/facts/facts.yaml</c>: the compilation gets the configured options, the
    /// generator runs on it (its diagnostics filtered by them), then the analyzer on the generator's output.
    /// </summary>
    private static ImmutableArray<Diagnostic> Build(string yaml, Func<CSharpCompilationOptions, CSharpCompilationOptions> configure)
    {
        var files = new[] { Yaml("facts.yaml", yaml) };
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        compilation = compilation.WithOptions(configure(compilation.Options));
        GeneratorRun run = GeneratorHarness.Run(files, compilation);
        Assert.Same(compilation.Options.SyntaxTreeOptionsProvider, run.Output.Options.SyntaxTreeOptionsProvider);
        return run.GeneratorDiagnostics.AddRange(AnalyzerHarness.Analyze(files, compilation: run.Output));
    }

    private static ImmutableDictionary<string, ReportDiagnostic> Specific(params (string Id, ReportDiagnostic Report)[] entries)
        => entries.ToImmutableDictionary(e => e.Id, e => e.Report);

    /// <summary>A <c>/project/.globalconfig</c> with the given lines, as csc would load it.</summary>
    private static SyntaxTreeOptionsProvider GlobalConfig(string lines)
    {
        string text = "is_global = true\n" + lines + "\n";
        AnalyzerConfig config = AnalyzerConfig.Parse(text, "/project/.globalconfig");
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config), out ImmutableArray<Diagnostic> problems);
        Assert.Empty(problems);
        return new ConfigSetTreeOptions(set);
    }

    /// <summary>
    /// What csc hands the compilation for its .editorconfig/.globalconfig files: per-tree options from the
    /// sections matching the tree's path, global options from the global configs.
    /// </summary>
    private sealed class ConfigSetTreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly AnalyzerConfigSet _set;

        public ConfigSetTreeOptions(AnalyzerConfigSet set) => _set = set;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}
