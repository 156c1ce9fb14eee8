using System.Text.RegularExpressions;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.Snapshots;

/// <summary>The snapshot helper itself: it fails on a difference, says where, writes and cleans received files, accepts on request.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "factgen-snapshot-" + Guid.NewGuid().ToString("N"));

    public SnapshotHelperTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Verified(string name = "X.g") => Path.Combine(_dir, name + ".verified.cs");

    private string Received(string name = "X.g") => Path.Combine(_dir, name + ".received.cs");

    [Fact]
    public void MatchPassesAndRemovesAStaleReceivedFile()
    {
        File.WriteAllText(Verified(), "a\nb\n");
        File.WriteAllText(Received(), "old");
        Assert.Null(Snapshot.Check(Verified(), "a\nb\n", accept: false));
        Assert.False(File.Exists(Received()));
    }

    [Fact]
    public void MismatchFailsWithADiffAndWritesTheReceivedFile()
    {
        const string Expected = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n";
        const string Actual = "l1\nl2\nl3\nl4\nCHANGED\nl6\nl7\nl8\n";
        File.WriteAllText(Verified(), Expected);

        string? failure = Snapshot.Check(Verified(), Actual, accept: false);

        Assert.NotNull(failure);
        Assert.Contains("X.g.received.cs", failure);
        Assert.Contains("FACTGEN_ACCEPT=1", failure);
        Assert.Contains("first difference at line 5, column 1", failure);
        Assert.Contains("@@ -2,4 +2,4 @@\n  l2\n  l3\n  l4\n- l5\n+ CHANGED\n  l6\n  l7\n  l8\n", failure);
        Assert.Equal(Actual, File.ReadAllText(Received()));
        Assert.Equal(Expected, File.ReadAllText(Verified()));
    }

    [Fact]
    public void DiffShowsInsertedAndRemovedLinesAndCapsLongRuns()
    {
        string expected = "head\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => "old" + i)) + "\ntail\n";
        string actual = "head\nnew\ntail\n";
        string diff = Snapshot.Diff(expected, actual);
        Assert.StartsWith("first difference at line 2, column 1\n@@ -1,31 +1,2 @@\n  head\n- old0\n", diff);
        Assert.Contains("- old19\n- … 10 more lines\n+ new\n  tail\n", diff);
        Assert.DoesNotContain("old20", diff);
    }

    [Fact]
    public void DiffCutsLongLinesAroundTheFirstDifference()
    {
        string expected = new string('x', 4000) + "ABC" + new string('y', 4000);
        string actual = new string('x', 4000) + "ABD" + new string('y', 4000);
        string diff = Snapshot.Diff(expected, actual);
        Assert.Contains("column 4003", diff);
        string minus = diff.Split('\n').Single(l => l.StartsWith("- ", StringComparison.Ordinal));
        string plus = diff.Split('\n').Single(l => l.StartsWith("+ ", StringComparison.Ordinal));
        Assert.Contains("xABCy", minus);
        Assert.Contains("xABDy", plus);
        Assert.True(minus.Length < 250, minus.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DiffMakesInvisibleDifferencesVisible()
    {
        string diff = Snapshot.Diff("a\r\nb\n", "a\nb\n");
        Assert.Contains("- a\\u000D\n+ a\n", diff);
    }

    [Fact]
    public void MissingVerifiedFileFailsUnlessAccepted()
    {
        string? failure = Snapshot.Check(Verified(), "new\n", accept: false);
        Assert.NotNull(failure);
        Assert.Contains("no verified file yet", failure);
        Assert.Equal("new\n", File.ReadAllText(Received()));
        Assert.False(File.Exists(Verified()));

        Assert.Null(Snapshot.Check(Verified(), "new\n", accept: true));
        Assert.Equal("new\n", File.ReadAllText(Verified()));
        Assert.False(File.Exists(Received()));
    }

    [Fact]
    public void AcceptOverwritesTheVerifiedFileWithoutABom()
    {
        File.WriteAllText(Verified(), "old\n");
        Assert.Null(Snapshot.Check(Verified(), "new 山\n", accept: true));
        Assert.Equal("new 山\n"u8.ToArray(), File.ReadAllBytes(Verified()));
        Assert.Null(Snapshot.Check(Verified(), "new 山\n", accept: false));
    }

    [Fact]
    public void VerifiedFileCheckedOutWithCrlfStillMatches()
    {
        File.WriteAllText(Verified(), "a\r\nb\r\n");
        Assert.Null(Snapshot.Check(Verified(), "a\nb\n", accept: false));
    }

    [Fact]
    public void ADirectoryFailsOnStaleVerifiedFilesAndAcceptRemovesThem()
    {
        File.WriteAllText(Verified("Kept.g"), "k\n");
        File.WriteAllText(Verified("Gone.g"), "g\n");
        var sources = new Dictionary<string, string> { ["Kept.g.cs"] = "k\n", ["New.g.cs"] = "n\n" };

        List<string> failures = Snapshot.VerifyDirectory(_dir, sources, accept: false);
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("New.g.verified.cs", StringComparison.Ordinal) && f.Contains("no verified file yet", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Gone.g.verified.cs", StringComparison.Ordinal) && f.Contains("no generated source", StringComparison.Ordinal));

        Assert.Empty(Snapshot.VerifyDirectory(_dir, sources, accept: true));
        Assert.Equal(new[] { "Kept.g.verified.cs", "New.g.verified.cs" },
            Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Empty(Snapshot.VerifyDirectory(_dir, sources, accept: false));
    }

    [Fact]
    public void VerifiedFilesAreFoundInTheSourceTreeNotInBin()
    {
        Assert.StartsWith(Repo.Root, Snapshot.Root, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, Snapshot.Root, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Snapshot.Root, "SnapshotTests.cs")), "Snapshot.Root is not the folder of the snapshot tests: " + Snapshot.Root);
        foreach (string set in new[] { "MixedPublic", "MixedInternal", "RepositoryFacts", "NoFacts" })
        {
            Assert.True(File.Exists(Path.Combine(Snapshot.Root, set, "FactGen.Model.g.verified.cs")), set + " has no committed snapshot");
        }
    }

    [Fact]
    public void ReceivedFilesAreGitIgnored()
    {
        // Read the ignore rules that cover Snapshots/ (this folder's and the repository's) and check that a
        // received file matches one of them and a verified file matches none.
        var patterns = new[] { Path.Combine(Snapshot.Root, ".gitignore"), Path.Combine(Repo.Root, ".gitignore") }
            .Where(File.Exists)
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('!'))
            .ToList();
        static bool Matches(string pattern, string file) => Regex.IsMatch(file, "^" + Regex.Escape(pattern).Replace("\\*", "[^/]*").Replace("\\?", "[^/]") + "$");

        Assert.Contains(patterns, p => Matches(p, "FactGen.Data.g.received.cs"));
        Assert.DoesNotContain(patterns, p => Matches(p, "FactGen.Data.g.verified.cs"));
    }
}
