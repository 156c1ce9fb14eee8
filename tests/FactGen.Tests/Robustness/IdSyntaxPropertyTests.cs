using System.Text.RegularExpressions;
using CsCheck;
using FactGen.Parsing;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// <see cref="FactParser.IsValidId"/> is a hand-written matcher (it runs for every id and reference); it must
/// accept exactly what the id pattern of fact format v1 (and of the JSON schema) accepts, up to 200 chars.
/// </summary>
public class IdSyntaxPropertyTests
{
    private const ulong Seed = 20261129;

    private static readonly Regex s_pattern = new(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant);

    private static bool Expected(string id) => id.Length <= 200 && s_pattern.IsMatch(id);

    private static Gen<char> Pick(string chars) => Gen.Int[0, chars.Length - 1].Select(i => chars[i]);

    // Mostly chars the pattern is about, some just outside its ranges, line breaks, and any other char.
    private static readonly Gen<char> s_char = Gen.Frequency(
        (8, Pick("abz09-")),
        (3, Pick("AZ`{/:_ \n\ré\u0131\u212A\0")),
        (1, Gen.Char[char.MinValue, char.MaxValue]));

    private static readonly Gen<string> s_id = Gen.Frequency(
        (6, Gen.String[s_char, 0, 12]),
        (1, Gen.String[s_char, 190, 210]),
        // Long ids around the 200-char bound, valid or cut after a hyphen.
        (1, Gen.Int[190, 210].Select(n => ("a" + string.Concat(Enumerable.Repeat("-b1", 80))).Substring(0, n))));

    [Fact]
    public void AgreesWithTheIdPattern()
    {
        var pcg = new PCG(1, Seed);
        var failures = new List<string>();
        int valid = 0;
        for (int i = 0; i < 200_000; i++)
        {
            string id = s_id.Generate(pcg, null, out _);
            bool expected = Expected(id);
            if (expected) valid++;
            if (FactParser.IsValidId(id) != expected) failures.Add(Hostile.Show(id) + ": expected " + expected);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(valid > 1_000, "too few valid ids generated to mean anything: " + valid);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("a-b", true)]
    [InlineData("a1-2b-c3", true)]
    [InlineData("a-", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("a\n", false)]
    [InlineData("\u212Aa", false)]
    [InlineData("a\u0131", false)]
    public void Examples(string id, bool valid) => Assert.Equal(valid, FactParser.IsValidId(id));

    [Fact]
    public void TwoHundredCharsAtMost()
    {
        Assert.True(FactParser.IsValidId(new string('a', 200)));
        Assert.False(FactParser.IsValidId(new string('a', 201)));
    }
}
