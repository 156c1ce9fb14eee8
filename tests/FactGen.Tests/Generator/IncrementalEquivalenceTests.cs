using System.Text;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// Whatever the pipeline caches, a driver that has followed a run of edits must produce exactly what a fresh driver
/// produces from the same files: the same generated files, byte for byte, and the same diagnostics. The edits are
/// random (seeded) and of every sort the caches care about: a value, a name other facts' docs show, an id, a date,
/// a deleted line, a fact added, a file put back as it was. A cached output that missed one of its dependencies
/// (a doc showing a name from another file, a chunk number, an index) shows up here as a difference.
/// </summary>
public class IncrementalEquivalenceTests
{
    private static readonly string[] ValueKeys = { "name", "title", "text", "summary", "native", "romanized", "place", "note", "evidence", "abbreviation", "deprecated" };

    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (int seed in new[] { 1, 2, 3, 4 })
        {
            data.Add("mixed", seed);
            data.Add("repository", seed);
            data.Add("corpus", seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void AnEditedDriverProducesWhatAFreshOneDoes(string set, int seed)
    {
        // The mixed set and the repository's facts keep each kind in one file; the synthetic corpus spreads every kind
        // over four files, so an edit in one file moves indexes and names other files' generated files show.
        var (files, options) = set switch
        {
            "mixed" => (FactSets.Mixed(), (AnalyzerConfigOptionsProvider)FactSets.PublicOptions()),
            "repository" => (Repo.RealFactsAndSeeds(), FactSets.Options("Test.Facts", "public", Repo.Root + "/")),
            _ => (global::FactGen.Benchmarks.Infrastructure.Generation.AdditionalTexts(global::FactGen.Benchmarks.Corpus.FactCorpus.Get("100/4")), global::FactGen.Benchmarks.Infrastructure.BenchOptionsProvider.Default),
        };
        var random = new Random(seed);
        var compilation = GeneratorHarness.CreateCompilation();
        var originals = files.ToDictionary(f => f.Path, f => f.GetText()!.ToString());
        var current = files.ToList();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(current, options).RunGenerators(compilation);

        var log = new StringBuilder();
        for (int step = 0; step < 24; step++)
        {
            var factFiles = current.Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
            AdditionalText old = factFiles[random.Next(factFiles.Count)];
            string text = old.GetText()!.ToString();
            var (what, edited) = Edit(text, originals[old.Path], random, step);
            log.Append(step).Append(": ").Append(Path.GetFileName(old.Path)).Append(' ').Append(what).Append('\n');

            var replacement = new TestAdditionalText(old.Path, edited);
            current[current.IndexOf(old)] = replacement;
            driver = driver.ReplaceAdditionalText(old, replacement).RunGenerators(compilation);

            GeneratorDriver fresh = GeneratorHarness.CreateDriver(current, options, track: false).RunGenerators(compilation);
            AssertSameOutput(fresh.GetRunResult(), driver.GetRunResult(), log.ToString());
        }
    }

    [Fact]
    public void TheEditsReachEveryKindOfChange()
    {
        // The test above is only as good as its edits: over the seeds, each sort of edit is made at least once.
        var seen = new HashSet<string>();
        foreach (int seed in new[] { 1, 2, 3, 4 })
        {
            var random = new Random(seed);
            string text = FactSets.Officials;
            for (int step = 0; step < 24; step++)
            {
                var (what, edited) = Edit(text, FactSets.Officials, random, step);
                seen.Add(what.Split(' ')[0]);
                text = edited;
            }
        }
        Assert.Equal(new[] { "add", "date", "delete", "id", "restore", "value" }, seen.Order(StringComparer.Ordinal));
    }

    /// <summary>One random edit of <paramref name="text"/> (or the file put back as <paramref name="original"/>).</summary>
    private static (string What, string Text) Edit(string text, string original, Random random, int step)
    {
        string[] lines = text.Split('\n');
        int Pick(Func<string, bool> match)
        {
            var at = Enumerable.Range(0, lines.Length).Where(i => match(lines[i])).ToList();
            return at.Count == 0 ? -1 : at[random.Next(at.Count)];
        }
        static string Key(string line) => line.TrimStart(' ', '-').Split(':')[0];
        string Join() => string.Join('\n', lines);

        switch (random.Next(7))
        {
            case 0 when text != original:
                return ("restore", original);
            case 1:
            {
                int i = Pick(l => l.TrimStart().StartsWith("- id: ", StringComparison.Ordinal));
                if (i < 0) break;
                lines[i] += "-x" + step;
                return ("id " + lines[i].Trim(), Join());
            }
            case 2:
            {
                int i = Pick(l => Key(l) is "date" or "from" or "to" or "published" && l.Contains(": 20", StringComparison.Ordinal));
                if (i < 0) break;
                lines[i] = lines[i].Replace(": 20", ": 19", StringComparison.Ordinal);
                return ("date " + lines[i].Trim(), Join());
            }
            case 3:
            {
                int i = Pick(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal));
                if (i < 0) break;
                string removed = lines[i].Trim();
                lines = lines.Where((_, j) => j != i).ToArray();
                return ("delete " + removed, Join());
            }
            case 4:
            {
                int i = Pick(l => l is "officials:" or "organizations:" or "titles:");
                if (i < 0) break;
                string id = "added-" + step;
                string item = lines[i] switch
                {
                    "officials:" => "  - id: " + id + "\n    name: Added Person " + step + "\n    country: NO",
                    "organizations:" => "  - id: " + id + "\n    name: Added Office " + step + "\n    country: NO",
                    _ => "  - id: " + id + "\n    name: Added Title " + step + "\n    country: NO",
                };
                lines[i] += "\n" + item;
                return ("add " + lines[i].Split('\n')[0] + " " + id, Join());
            }
        }

        int v = Pick(l => ValueKeys.Contains(Key(l)) && l.TrimEnd().Length > Key(l).Length + 6 && !l.TrimEnd().EndsWith('|') && !l.TrimEnd().EndsWith('>'));
        if (v < 0) return ("value (none: appended a comment)", text + "\n# step " + step + "\n");
        string line = lines[v].TrimEnd();
        lines[v] = line.EndsWith('"') ? line[..^1] + " v" + step + "\"" : line + " v" + step;
        return ("value " + lines[v].Trim(), Join());
    }

    private static void AssertSameOutput(GeneratorDriverRunResult fresh, GeneratorDriverRunResult incremental, string log)
    {
        var expected = fresh.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var actual = incremental.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)),
            "generated files differ after the edits:\n" + log + "fresh: " + string.Join(", ", expected.Keys.Order(StringComparer.Ordinal))
            + "\nincremental: " + string.Join(", ", actual.Keys.Order(StringComparer.Ordinal)));
        // The errors too: where they are reported (the incremental run finds a link error's line in the parsed file, see
        // Structure.Relocate) and what they say.
        static List<string> Reported(GeneratorDriverRunResult run) => run.Results.Single().Diagnostics
            .Select(d => d.Id + " " + d.Location.GetLineSpan() + " [" + string.Join(", ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString())) + "] "
                + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Reported(fresh), Reported(incremental));
        foreach (var (hint, text) in expected)
        {
            if (text == actual[hint]) continue;
            int at = 0;
            while (at < text.Length && at < actual[hint].Length && text[at] == actual[hint][at]) at++;
            int lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
            Assert.Fail(hint + " differs after the edits:\n" + log + "first difference at char " + at + ":\nfresh:       "
                + Line(text, lineStart) + "\nincremental: " + Line(actual[hint], lineStart));
        }
        static string Line(string text, int start)
        {
            if (start >= text.Length) return "(end)";
            int end = text.IndexOf('\n', start);
            return end < 0 ? text[start..] : text[start..end];
        }
        static string[] Diagnostics(GeneratorDriverRunResult r)
            => r.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Diagnostics(fresh), Diagnostics(incremental));
    }
}
