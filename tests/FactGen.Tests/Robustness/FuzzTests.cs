using System.Text;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.7: a deterministic mutation fuzzer over the repository's facts/*.yaml — bit and byte flips
/// (decoded as csc decodes), truncation, duplicated lines, random indentation, deletions, swapped lines,
/// inserted hostile fragments. Every mutant is parsed on its own (no exception, no "could not read this
/// file" from FactParser's last-resort catch, every location consistent with the text), and mutants go
/// through the generator in batches (no exception, no CS8785, no error or warning in the generated code)
/// and through every FactGen analyzer (no AD0001, every location right).
/// 2,000 iterations by default; set FACTGEN_FUZZ_ITERATIONS for a longer run, FACTGEN_FUZZ_SEED for others.
/// </summary>
public class FuzzTests
{
    private const int BatchSize = 100;

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : fallback;

    private sealed class Mutator
    {
        private readonly Random _random;

        public Mutator(int seed) => _random = new Random(seed);

        public int Next(int max) => _random.Next(max);

        /// <summary>One to three mutations of the text; the result as csc would read its bytes.</summary>
        public (SourceText Text, string Steps) Mutate(string original)
        {
            string text = original;
            var steps = new List<string>();
            byte[]? bytes = null;
            int count = 1 + _random.Next(3);
            for (int m = 0; m < count; m++)
            {
                int kind = _random.Next(8);
                steps.Add(kind switch { 0 => "flip-bits", 1 => "set-bytes", 2 => "truncate", 3 => "duplicate-lines", 4 => "indent", 5 => "delete", 6 => "swap-lines", _ => "insert" });
                if (kind <= 1)
                {
                    bytes = Encoding.UTF8.GetBytes(text);
                    if (bytes.Length == 0) continue;
                    for (int n = 1 + _random.Next(4); n > 0; n--)
                    {
                        int at = _random.Next(bytes.Length);
                        bytes[at] = kind == 0 ? (byte)(bytes[at] ^ (1 << _random.Next(8))) : (byte)_random.Next(256);
                    }
                    text = CompilerText.FromBytes(bytes).ToString();
                    continue;
                }
                bytes = null;
                text = kind switch
                {
                    2 => text.Substring(0, _random.Next(text.Length + 1)),
                    3 => DuplicateLines(text),
                    4 => Indent(text),
                    5 => Delete(text),
                    6 => SwapLines(text),
                    _ => text.Insert(_random.Next(text.Length + 1), Hostile.Fragments[_random.Next(Hostile.Fragments.Length)]),
                };
            }
            return (bytes is not null ? CompilerText.FromBytes(bytes) : SourceText.From(text, Encoding.UTF8), string.Join("+", steps));
        }

        private List<string> Lines(string text) => text.Split('\n').ToList();

        private string DuplicateLines(string text)
        {
            List<string> lines = Lines(text);
            int from = _random.Next(lines.Count), count = 1 + _random.Next(Math.Min(5, lines.Count - from));
            lines.InsertRange(_random.Next(lines.Count + 1), lines.GetRange(from, count));
            return string.Join('\n', lines);
        }

        private string Indent(string text)
        {
            List<string> lines = Lines(text);
            for (int n = 1 + _random.Next(5); n > 0; n--)
            {
                int i = _random.Next(lines.Count);
                string line = lines[i];
                lines[i] = _random.Next(4) switch
                {
                    0 => new string(' ', 1 + _random.Next(4)) + line,
                    1 => line.Substring(Math.Min(line.Length - line.TrimStart(' ').Length, 1 + _random.Next(4))),
                    2 => "\t" + line.TrimStart(' '),
                    _ => new string(' ', _random.Next(12)) + line.TrimStart(' '),
                };
            }
            return string.Join('\n', lines);
        }

        private string Delete(string text)
        {
            if (text.Length == 0) return text;
            int at = _random.Next(text.Length);
            return text.Remove(at, Math.Min(text.Length - at, 1 + _random.Next(50)));
        }

        private string SwapLines(string text)
        {
            List<string> lines = Lines(text);
            int a = _random.Next(lines.Count), b = _random.Next(lines.Count);
            (lines[a], lines[b]) = (lines[b], lines[a]);
            return string.Join('\n', lines);
        }
    }

    [Fact]
    public void MutatedFactsEndInDiagnosticsNeverInExceptionsOrBrokenCode()
    {
        int iterations = Setting("FACTGEN_FUZZ_ITERATIONS", 2_000);
        int seed = Setting("FACTGEN_FUZZ_SEED", 20261129);
        string[] originals = Directory.GetFiles(Repo.Facts, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        string[] texts = originals.Select(File.ReadAllText).ToArray();
        List<AdditionalText> seeds = Repo.RealFactsAndSeeds().Where(f => !f.Path.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        var mutator = new Mutator(seed);
        var failures = new List<string>();
        var batch = new List<AdditionalText>();
        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        int diagnostics = 0, batches = 0;

        for (int i = 0; i < iterations && failures.Count == 0; i++)
        {
            int source = i % originals.Length;
            var (text, how) = mutator.Mutate(texts[source]);
            string path = Path.Combine(Repo.Facts, "fuzz-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "-" + Path.GetFileName(originals[source]));
            var file = new TestAdditionalText(path, text);
            steps[path] = how;

            // On its own: the parser never falls back on its last-resort catch, every location is right.
            FactFile parsed = FactParser.Parse(path, text.ToString(), ParseLimits.Default, CancellationToken.None);
            var lines = new Dictionary<string, SourceText> { [path] = text };
            foreach (DiagnosticInfo d in parsed.Diagnostics)
            {
                Diagnostic diagnostic = d.ToDiagnostic();
                string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                if (message.Contains("FactGen could not read this file", StringComparison.Ordinal)) failures.Add(Describe(i, how, file, "FactParser caught a bug of its own: " + message));
                string? bad = Robust.CheckLocation(diagnostic.Location, lines);
                if (bad is not null) failures.Add(Describe(i, how, file, d.Id + " " + bad));
            }
            diagnostics += parsed.Diagnostics.Count;

            batch.Add(file);
            if (batch.Count == BatchSize || i == iterations - 1)
            {
                GeneratorRun run = Robust.Run(batch.Concat(seeds));
                List<AdditionalText> all = batch.Concat(seeds).ToList();
                foreach (string problem in Robust.Problems(run, all).Concat(Robust.AnalyzerProblems(Robust.Base, all)))
                {
                    failures.Add("batch ending at iteration " + i + ": " + problem);
                }
                if (failures.Count > 0) failures.AddRange(Culprits(batch, seeds, steps));
                batch.Clear();
                batches++;
            }
        }

        _output.WriteLine(iterations + " mutants (seed " + seed + "), " + diagnostics + " diagnostics, " + batches + " generator runs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    /// <summary>The mutants of a failing batch that fail alone, with their text, to keep as fixtures.</summary>
    private static IEnumerable<string> Culprits(List<AdditionalText> batch, List<AdditionalText> seeds, Dictionary<string, string> steps)
    {
        foreach (AdditionalText file in batch)
        {
            List<AdditionalText> files = seeds.Append(file).ToList();
            GeneratorRun alone = Robust.Run(files);
            List<string> problems = Robust.Problems(alone, files);
            problems.AddRange(Robust.AnalyzerProblems(Robust.Base, files));
            if (problems.Count > 0) yield return Describe(-1, steps[file.Path], file, string.Join("; ", problems.Take(3)));
        }
    }

    private static string Describe(int iteration, string how, AdditionalText file, string problem)
        => "mutant " + Path.GetFileName(file.Path) + (iteration >= 0 ? " (iteration " + iteration + ")" : string.Empty) + " [" + how + "]: " + problem
           + "\n--- text ---\n" + file.GetText()!.ToString() + "\n--- end ---";
}
