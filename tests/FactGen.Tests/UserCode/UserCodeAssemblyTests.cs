using FactGen.Analyzers.UserCode;
using FactGen.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace FactGen.Tests.UserCode;

/// <summary>How the analyzer and its code fix are split across assemblies.</summary>
public sealed class UserCodeAssemblyTests
{
    /// <summary>RS1038: the compiler loads FactGen.dll without Workspaces, so the analyzer assembly must not need it.</summary>
    [Fact]
    public void TheAnalyzerAssemblyDoesNotReferenceWorkspaces()
    {
        string[] references = typeof(FactIdAnalyzer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.Contains("Microsoft.CodeAnalysis", references);
        Assert.DoesNotContain(references, r => r.Contains("Workspaces", StringComparison.Ordinal));
    }

    /// <summary>The fix uses only the analyzer's constants, so it loads without FactGen.dll; its ids are the analyzer's.</summary>
    [Fact]
    public void TheCodeFixNeedsOnlyWorkspacesAndFixesTheAnalyzersSuggestion()
    {
        string[] references = typeof(UseTypedMemberCodeFix).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain("FactGen", references);
        Assert.Contains("Microsoft.CodeAnalysis.Workspaces", references);

        var fix = new UseTypedMemberCodeFix();
        Assert.Equal(new[] { "FG1002" }, fix.FixableDiagnosticIds);
        Assert.Contains(new FactIdAnalyzer().SupportedDiagnostics, d => d.Id == "FG1002");
        Assert.Same(WellKnownFixAllProviders.BatchFixer, fix.GetFixAllProvider());
    }

    [Fact]
    public void DescriptorsLinkToTheirRulesSection()
    {
        Assert.Equal(Validation.Descriptors.HelpBase + "fg1001", UserCodeDescriptors.UnknownId.HelpLinkUri);
        Assert.Equal(Validation.Descriptors.HelpBase + "fg1002", UserCodeDescriptors.UseTypedMember.HelpLinkUri);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, UserCodeDescriptors.UnknownId.DefaultSeverity);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, UserCodeDescriptors.UseTypedMember.DefaultSeverity);
    }
}
