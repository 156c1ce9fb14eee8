using FactGen.Emit;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The window of chars the generated Find hashes (with the id's length): the shortest that tells a kind's ids apart,
/// from the start or from the end, else the whole id; and the generated code finds every id and no other with it.
/// </summary>
public class IdHashTests
{
    private static string[] Numbered(string format, int count) => Enumerable.Range(0, count).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, i)).ToArray();

    /// <summary>Ids of one length that differ only at both ends: no window of at most eight chars sees both ends.</summary>
    private static string[] BothEnds() => new[] { "a-common-middle-part-a", "a-common-middle-part-b", "b-common-middle-part-a", "b-common-middle-part-b" };

    [Fact]
    public void IdsThatDifferAtTheEndAreToldApartByAWindowCountedFromTheEnd()
    {
        // one to three digits: neither the digits' start nor two chars tell official-10 from official-20 (same length)
        IdHash hash = IdHash.For(Numbered("official-{0}", 300));
        Assert.True(hash.FromEnd);
        Assert.Equal((0, 3), (hash.Offset, hash.Count));
        Assert.Equal("id.Length - 3", hash.StartCode);
    }

    [Fact]
    public void IdsThatDifferAtTheStartAreToldApartByAWindowCountedFromTheStart()
    {
        IdHash hash = IdHash.For(Numbered("x{0:00}-common-suffix", 100));
        Assert.False(hash.FromEnd);
        Assert.Equal((1, 2), (hash.Offset, hash.Count));
        Assert.Equal(("1", "2"), (hash.StartCode, hash.CountCode));
    }

    [Fact]
    public void TheLengthTellsIdsApartToo()
    {
        IdHash hash = IdHash.For(new[] { "wang-jian", "wang-jian-2", "wang-jian-22" });
        Assert.Equal((0, 1), (hash.Offset, hash.Count));
    }

    [Fact]
    public void IdsNoShortWindowTellsApartAreHashedWhole()
    {
        IdHash hash = IdHash.For(BothEnds());
        Assert.Equal(0, hash.Count);
        Assert.Equal(("0", "id.Length"), (hash.StartCode, hash.CountCode));
    }

    [Fact]
    public void TheWindowDoesNotDependOnTheOrderOfTheIds()
    {
        string[] ids = Numbered("k{0}-x", 50).Concat(Numbered("m{0}", 20)).ToArray();
        IdHash forward = IdHash.For(ids), backward = IdHash.For(ids.Reverse().ToArray());
        Assert.Equal((forward.Offset, forward.Count, forward.FromEnd), (backward.Offset, backward.Count, backward.FromEnd));
    }

    [Theory]
    [InlineData("suffix")]
    [InlineData("prefix")]
    [InlineData("whole")]
    public void GeneratedFindFindsEveryIdAndNoOther(string shape)
    {
        string[] ids = shape switch
        {
            "suffix" => Numbered("official-{0}", 300),
            "prefix" => Numbered("x{0}-official", 300),
            _ => BothEnds(),
        };
        // misses: the same length with one char changed inside and outside any window, longer, shorter
        string[] misses = ids.SelectMany(id => new[] { "z" + id.Substring(1), id.Substring(0, id.Length - 1) + "z", id.Substring(0, id.Length / 2) + "#" + id.Substring((id.Length / 2) + 1), id + "x", id.Substring(1) })
            .Where(m => !ids.Contains(m)).ToArray();
        var yaml = new System.Text.StringBuilder("officials:\n");
        foreach (string id in ids) yaml.Append("  - id: ").Append(id).Append("\n    name: Official ").Append(id).Append("\n    country: NO\n");
        string user = """
            using System.Linq;
            using Test.Facts;

            internal static class User
            {
                internal static string Run(string[] ids, string[] misses)
                    => ids.Count(id => Officials.Find(id)?.Id == id) + " " + misses.Count(m => Officials.Find(m) is null);
            }
            """;
        var (run, method) = StrictCompilation.BuildUser("Ids", "/project/facts/ids.yaml", yaml.ToString(), user);
        Assert.Contains("Hash(id, ", run.Sources["FactGen.Kinds.g.cs"]);
        Assert.Equal($"{ids.Length} {misses.Length}", method.Invoke(null, new object[] { ids, misses }));
    }
}
