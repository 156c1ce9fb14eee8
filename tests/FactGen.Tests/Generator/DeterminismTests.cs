using System.Globalization;
using System.Text;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>Same facts → byte-identical generated sources, whatever the AdditionalFiles order or the culture.</summary>
public class DeterminismTests
{
    private static Dictionary<string, byte[]> Generate(IEnumerable<AdditionalText> files)
    {
        GeneratorRun run = GeneratorHarness.Run(files, options: FactSets.PublicOptions());
        Assert.Empty(run.GeneratorDiagnostics);
        return run.Result.Results.Single().GeneratedSources.ToDictionary(
            s => s.HintName,
            s => Encoding.UTF8.GetBytes(s.SourceText.ToString()).Concat(s.SourceText.GetChecksum()).ToArray());
    }

    private static void AssertIdentical(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (hint, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[hint]), hint + " differs");
        }
    }

    [Fact]
    public void FileOrderDoesNotChangeTheOutput()
    {
        List<AdditionalText> files = FactSets.Mixed();
        var forward = Generate(files);
        var reversed = Generate(Enumerable.Reverse(files).ToList());
        var interleaved = Generate(files.Where((_, i) => i % 2 == 1).Concat(files.Where((_, i) => i % 2 == 0)).ToList());

        Assert.True(forward.Count >= 7, "expected the model, data, kinds and four member files");
        AssertIdentical(forward, reversed);
        AssertIdentical(forward, interleaved);
    }

    [Fact]
    public void FileOrderDoesNotChangeWhichDuplicateWins()
    {
        // Two files define the same id: the first by path wins whatever the order they arrive in.
        var first = new TestAdditionalText("/project/facts/a.yaml", "organizations:\n  - id: dup\n    name: From A\n    country: NO\n");
        var second = new TestAdditionalText("/project/facts/b.yaml", "organizations:\n  - id: dup\n    name: From B\n    country: NO\n");
        GeneratorRun ab = GeneratorHarness.Run(new AdditionalText[] { first, second }, options: FactSets.PublicOptions());
        GeneratorRun ba = GeneratorHarness.Run(new AdditionalText[] { second, first }, options: FactSets.PublicOptions());

        Assert.Equal(ab.Sources, ba.Sources);
        Assert.Contains("From A", ab.Sources["FactGen.Names.g.cs"]);
        Assert.DoesNotContain("From B", string.Concat(ab.Sources.Values));
        Assert.Equal(ab.GeneratorDiagnostics.Select(d => d.ToString()), ba.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Equal("/project/facts/b.yaml", Assert.Single(ab.GeneratorDiagnostics, d => d.Id == "FG0005").Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void CultureDoesNotChangeTheOutput(string culture)
    {
        var invariant = Generate(FactSets.Mixed());
        CultureInfo before = CultureInfo.CurrentCulture, beforeUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            // The culture really differs from the invariant one here (no invariant-globalization mode):
            // Turkish casing, or a non-Gregorian default calendar for years.
            Assert.True("i".ToUpper(CultureInfo.CurrentCulture) != "I" || new DateTime(2023, 6, 1).ToString("yyyy", CultureInfo.CurrentCulture) != "2023", culture + " behaves like the invariant culture");
            AssertIdentical(invariant, Generate(FactSets.Mixed()));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
