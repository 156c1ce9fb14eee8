using System.Globalization;
using System.Text.RegularExpressions;
using FactGen.Analyzers;
using FactGen.Tests.Infrastructure;
using FactGen.Validation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Rules;

/// <summary>
/// The rule ids are a public contract: every descriptor is documented (RULES.md section reached by its help
/// link), tracked in AnalyzerReleases.Unshipped.md with its category and severity, and reported by exactly
/// one of the generator (errors) and the analyzer (warnings).
/// </summary>
public class DescriptorCatalogTests
{
    private static string SourceFile(string name) => File.ReadAllText(Path.Combine(Repo.Root, "src", "FactGen", name));

    /// <summary>GitHub's anchor for a heading: lower case, spaces to hyphens, punctuation dropped.</summary>
    private static string Anchor(string heading)
        => Regex.Replace(heading.Trim().ToLowerInvariant().Replace(' ', '-'), "[^a-z0-9_-]", string.Empty);

    [Fact]
    public void TheCatalogHoldsFG0001ToFG0016InOrder()
    {
        string[] expected = Enumerable.Range(1, 16).Select(i => "FG" + i.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, Descriptors.All.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void EveryDescriptorHasTitleCategoryMessageAndAHelpLinkToItsRulesSection()
    {
        var anchors = Regex.Matches(SourceFile("RULES.md"), @"^## (.+)$", RegexOptions.Multiline)
            .Select(m => Anchor(m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        foreach (DiagnosticDescriptor d in Descriptors.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString(CultureInfo.InvariantCulture)), d.Id + " has no title");
            Assert.StartsWith("FactGen.", d.Category, StringComparison.Ordinal);
            Assert.Contains("{0}", d.MessageFormat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal); // names the offending value
            Assert.True(d.IsEnabledByDefault, d.Id + " is disabled by default");

            Assert.StartsWith("https://", d.HelpLinkUri, StringComparison.Ordinal);
            int hash = d.HelpLinkUri.IndexOf('#', StringComparison.Ordinal);
            Assert.True(hash > 0, d.Id + ": help link has no anchor: " + d.HelpLinkUri);
            Assert.EndsWith("/src/FactGen/RULES.md", d.HelpLinkUri[..hash], StringComparison.Ordinal);
            string anchor = d.HelpLinkUri[(hash + 1)..];
            Assert.Equal(Anchor(d.Id), anchor);
            Assert.True(anchors.Contains(anchor), d.Id + ": RULES.md has no '## " + d.Id + "' heading for #" + anchor);
        }
    }

    [Fact]
    public void RulesTableInRulesMdAgreesWithTheDescriptors()
    {
        // | [FG0008](#fg0008) | warning | FactGen.Consistency | … |
        var rows = Regex.Matches(SourceFile("RULES.md"), @"^\| \[(FG\d{4})\]\(#fg\d{4}\) \| (\w+) \| ([\w.]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Severity: m.Groups[2].Value, Category: m.Groups[3].Value));
        var all = Descriptors.All.AddRange(FactGen.Analyzers.UserCode.UserCodeDescriptors.All);
        Assert.Equal(all.Select(d => d.Id).Order(), rows.Keys.Order());
        foreach (DiagnosticDescriptor d in all)
        {
            Assert.Equal(d.DefaultSeverity.ToString().ToLowerInvariant(), rows[d.Id].Severity);
            Assert.Equal(d.Category, rows[d.Id].Category);
        }
    }

    [Fact]
    public void UnshippedReleaseListsExactlyTheDescriptorsWithTheirCategoryAndSeverity()
    {
        // Rule ID | Category | Severity | Notes
        var rows = Regex.Matches(SourceFile("AnalyzerReleases.Unshipped.md"), @"^(FG\d{4})\s*\|\s*([^|]+?)\s*\|\s*(\w+)\s*\|", RegexOptions.Multiline)
            .Select(m => (Id: m.Groups[1].Value, Category: m.Groups[2].Value, Severity: m.Groups[3].Value))
            .ToList();
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count()); // no id twice

        // The fact-file rules and the user-code rules (FG1xxx), each listed once.
        var all = Descriptors.All.AddRange(FactGen.Analyzers.UserCode.UserCodeDescriptors.All).ToDictionary(d => d.Id);
        Assert.Equal(all.Keys.Order(), rows.Select(r => r.Id).Order());
        foreach (var row in rows)
        {
            DiagnosticDescriptor d = all[row.Id];
            Assert.Equal(d.Category, row.Category);
            Assert.Equal(d.DefaultSeverity.ToString(), row.Severity);
        }
    }

    [Fact]
    public void ShippedReleaseDoesNotAlsoListTheUnshippedRules()
    {
        var shipped = Regex.Matches(SourceFile("AnalyzerReleases.Shipped.md"), @"^(FG\d{4})\s*\|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Empty(shipped.Intersect(Descriptors.All.Select(d => d.Id)));
    }

    [Fact]
    public void GeneratorReportsTheErrorsAndTheAnalyzerSupportsExactlyTheWarnings()
    {
        var analyzer = new FactFileAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order().ToArray();
        var warnings = Descriptors.All.Where(d => !Descriptors.IsReportedByGenerator(d.Id)).Select(d => d.Id).Order().ToArray();
        Assert.Equal(new[] { "FG0002", "FG0008", "FG0009", "FG0011", "FG0012", "FG0014", "FG0015" }, warnings);
        Assert.Equal(warnings, analyzer);
        Assert.All(Descriptors.All.Where(d => Descriptors.IsReportedByGenerator(d.Id)), d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
    }
}
