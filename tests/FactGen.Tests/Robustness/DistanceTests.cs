using CsCheck;
using FactGen.Parsing;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>The row-at-a-time edit distance agrees with the textbook full-table one.</summary>
public class DistanceTests
{
    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    [Fact]
    public void DistanceMatchesTheFullTable()
    {
        Gen<string> word = Gen.String[Gen.Char['a', 'e'], 0, 12];
        var pcg = new PCG(1, 20261129);
        for (int n = 0; n < 20_000; n++)
        {
            string a = word.Generate(pcg, null, out _), b = word.Generate(pcg, null, out _);
            int expected = Reference(a, b);
            int max = Math.Max(a.Length, b.Length) + 1;
            Assert.True(expected == FactSchema.Distance(a, b, max), a + " / " + b);
        }
    }

    [Fact]
    public void UnderACutOffDistanceIsExactAndAboveItIsOverTheCutOff()
    {
        // Closest asks for distances up to a third of the id: rows all over the cut-off stop the table early.
        Gen<string> word = Gen.String[Gen.Char['a', 'd'], 0, 10];
        var pcg = new PCG(2, 20261130);
        int under = 0, over = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string a = word.Generate(pcg, null, out _), b = word.Generate(pcg, null, out _);
            int max = n % 5;
            int expected = Reference(a, b), actual = FactSchema.Distance(a, b, max);
            if (expected <= max)
            {
                Assert.True(expected == actual, a + " / " + b + " within " + max);
                under++;
            }
            else
            {
                Assert.True(actual > max, a + " / " + b + ": " + actual + " is not over " + max);
                over++;
            }
        }
        Assert.True(under > 1000 && over > 1000, under + " under, " + over + " over");
    }
}
