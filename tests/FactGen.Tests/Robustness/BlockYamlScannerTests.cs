using System.Text;
using FactGen.Benchmarks.Corpus;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Tests.Infrastructure;
using Xunit;
using YamlDotNet.Core;

namespace FactGen.Tests.Robustness;

/// <summary>
/// <see cref="BlockYamlScanner"/> reads the block subset of YAML without YamlDotNet, and must give exactly
/// the events YamlDotNet's parser gives — same kinds, offsets, values and styles — or give up. Compared
/// over every input there is: the YAML test suite, the repository's facts, the benchmark corpus, hand-made
/// edge cases, and thousands of seeded mutations of real fact files. And the reader must build the same
/// tree, diagnostics and counts whichever parser it used.
/// </summary>
public class BlockYamlScannerTests
{
    private const string Path = "/project/facts/scan.yaml";

    /// <summary>YamlDotNet's events, converted as the reader converts them; null with the reason if it rejects the text.</summary>
    private static List<YamlEvent>? YamlDotNetEvents(string text, out string? rejected)
    {
        rejected = null;
        int offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var parser = new Parser(new StringReader(text.Substring(offset)));
        var events = new List<YamlEvent>();
        try
        {
            while (parser.MoveNext()) events.Add(YamlReader.Convert(parser.Current!, offset, text.Length));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            rejected = e.GetType().Name + ": " + e.Message;
            return null;
        }
        return events;
    }

    private static string Show(in YamlEvent e)
        => $"{e.Kind} [{e.Start},{e.End})" + (e.Kind == YamlEventKind.Scalar ? $" {e.Style} '{e.Value}'" : "")
            + (e.Flow ? " flow" : "") + (e.Implicit ? " implicit" : "") + (e.Anchor is null ? "" : " &" + e.Anchor);

    /// <summary>What the reader reads of an event: whatever differs here would change a node, a location or a diagnostic.</summary>
    private static bool Same(in YamlEvent a, in YamlEvent b)
    {
        if (a.Kind != b.Kind || a.Anchor != b.Anchor) return false;
        return a.Kind switch
        {
            YamlEventKind.Scalar => a.Start == b.Start && a.End == b.End && a.Value == b.Value && a.Style == b.Style,
            YamlEventKind.MappingStart or YamlEventKind.SequenceStart => a.Start == b.Start && a.End == b.End && a.Flow == b.Flow,
            YamlEventKind.DocumentStart => a.Implicit == b.Implicit && (a.Implicit || (a.Start == b.Start && a.End == b.End)), // an explicit start's end bounds the directives check
            YamlEventKind.DocumentEnd => a.Implicit == b.Implicit,
            YamlEventKind.Alias => a.Value == b.Value,
            _ => true,
        };
    }

    /// <summary>Null if the scanner gave up or agrees with YamlDotNet; else the first difference. <paramref name="scanned"/>: whether it read the text.</summary>
    private static string? Disagreement(string text, out bool scanned)
    {
        int offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        YamlEvent[]? fast = BlockYamlScanner.Scan(text, offset, CancellationToken.None, out int count);
        scanned = fast is not null;
        if (fast is null) return null;
        List<YamlEvent>? slow = YamlDotNetEvents(text, out string? rejected);
        if (slow is null) return "the scanner read a text YamlDotNet rejects (" + rejected + ")";
        for (int i = 0; i < Math.Max(count, slow.Count); i++)
        {
            if (i >= count) return $"event {i}: scanner ended, YamlDotNet has {Show(slow[i])}";
            if (i >= slow.Count) return $"event {i}: YamlDotNet ended, scanner has {Show(fast[i])}";
            if (!Same(fast[i], slow[i])) return $"event {i}: scanner {Show(fast[i])}, YamlDotNet {Show(slow[i])}";
        }
        return null;
    }

    private static void AssertAgrees(string text, bool mustScan, string name)
    {
        string? problem = Disagreement(text, out bool scanned);
        Assert.True(problem is null, name + ": " + problem + "\n--- text ---\n" + text);
        if (mustScan) Assert.True(scanned, name + ": the scanner gave up on a text in its subset\n--- text ---\n" + text);
    }

    public static IEnumerable<object[]> Subset() => new[]
    {
        "a: b\n",
        "a: b",
        "a:\n",
        "a:",
        "a:   \n",
        "a: # comment\nb: c\n",
        "a: b # comment\n",
        "a: b#not a comment\n",
        "a : b\n",
        "a:    spaced value   \n",
        "# only a comment\n",
        "",
        "\n\n   \n",
        "# head\n\na: 1\n\n# tail\n",
        "key with spaces: value with: colon-less text, commas [and] {brackets}\n",
        "url: http://example.com/a:b?c#d\n",
        "list:\n- x\n-  y  \n- 'q'\n- \"d\"\nnext: 1\n",
        "list:\n  - x\n  -\n  - y\nnext: 1\n",
        "list:\n  -\n    k: v\n  - k: v\n    k2: v2\n",
        "- a\n- b\n",
        "- id: a\n  parties:\n  - US\n  - CN\n  event: e\n- id: b\n",
        "- id: a\n  parties:\n    - US\n  negotiators:\n    - official: x\n      as: y\n",
        "m:\n  n:\n    o: p\n  q: r\ns: t\n",
        "m:\n  n:\n    o:\n  q:\n",
        "'single': 'it''s here'\n",
        "\"double\": \"esc \\\" \\\\ \\/ \\n \\t \\r \\0 \\a \\b \\v \\f \\e \\  \\N \\_ \\L \\P \\x41 \\u00e9 \\U0001F600\"\n",
        "\"k\" : v\n",
        "'k'  :  'v'  # c\n",
        "a: ''\nb: \"\"\n",
        "a: -1\nb: -x\nc: ?x\nd: :x\ne: x-\n",
        "a: ~\nb: null\nc: 2023-08-28\nd: 1.5\n",
        "a: b\r\nc:\r\n  - d\r\n  - e # c\r\n",
        "\uFEFFa: b\nc: d\n",
        "name: Lǐ Qiáng 李强 😀\nnative: “quoted” — dash\n",
        "  a: 1\n  b: 2\n",
        "a:\n- b\n- c\n",
        "a:\n  -\n  - x\n",
        "a: b\n# comment\n  # indented comment\nc: d\n",
        "- - x\n",
        "a: [x]\n",
        "a: |\n  x\n",
        "a: &x b\nc: *x\n",
        "a: b\n  c\n",
        "---\na: b\n",
        "a: 'multi\n  line'\n",
        "a\tb: c\n",
        "? a\n: b\n",
        "a: b: c\n",
        "a: b\nb",
        "a: b\n- c\n",
        "- a\nb: c\n",
        "a:\n  b: c\n d: e\n",
        "a: \"bad \\q escape\"\n",
        "a: \"\\ud800\"\n",
        "a: 'unterminated\n",
        "a: \"x\" y\n",
        "a: 'x'#c\n",
        "a: @x\n",
        "a: `x\n",
        "a: %x\n",
        "%YAML 1.2\n---\na: b\n",
        "a: b\r",
        "a: b\u0085c\n",
        "a: b\u2028c\n",
        "a: \u0001\n",
        "a: b\n...\n",
        "scalar root\n",
        "a: b\n c: d\n",
        "a: >-\n  one two\n  three\n\n  four\n\nb: |\n  x\n   y\n\n# c\nc: >\n  z\n\n\nd: 1\n",
        "s:\n- |\n  a\n- >\n  b\n  c\ne: x\n",
        "m:\n  a: |\n    x\n  \n  b: 1\n  c: >-\n    y\n",
        "a: > # c\n  x\n   more\n  y\n",
        "a: >\n  x\n  y",
        "a: |-\n  x\n  y",
        "a: |\r\n  x\r\n\r\n  y\r\nb: >-\r\n  p\r\n  q\r\n",
        "a: |+\n  x\n\n",
        "a: |2\n   x\n",
        "a: >\n\n  x\n",
        "a: >\nb: c\n",
        "a: |\n  x\n    # not a comment\n  y\n",
        "a: |\n  x\n b: c\n",
        "a: >\n  x\n      \n  y\n",
        "- >-\n  folded item\n  text\n- next\n",
        "# c\n---   # x\n\na: b\n",
        "--- \na: b\n...\n",
        "---\n",
        "---\n# only a comment\n",
        "--- a: b\n",
        "---\na: b\n---\nc: d\n",
        "---#x\na: b\n",
        "\uFEFF---\r\na: b\r\n",
        "----\na: b\n",
    }.Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(Subset))]
    public void HandMadeEdgeCasesAgreeWithYamlDotNet(string text) => AssertAgrees(text, mustScan: false, "edge case");

    [Fact]
    public void TheSubsetIsReadWithoutYamlDotNet()
    {
        string[] inSubset =
        {
            "a: b\n", "a:\n", "a: # c\nb: c\n", "list:\n- x\n- y\n", "- id: a\n  parties:\n  - US\n",
            "'k': 'it''s'\n", "\"k\": \"\\u00e9\\n\"\n", "a: b\r\nc: d\r\n", "\uFEFFa: b\n", "# only\n", "",
            "m:\n  n:\n    o: p\n  q: r\n", "a: http://x/y#z\n", "native: 李强\n",
            "note: >-\n  folded\n  text\n\n  para\nb: |\n  lit\n   more\n", "- |\n  x\n- >\n  y\n",
            "---\na: b\n", "# head\n---   # x\n\nofficials:\n  - id: a\n", "\uFEFF---\r\na: b\r\n",
        };
        foreach (string text in inSubset) AssertAgrees(text, mustScan: true, "subset");
    }

    [Fact]
    public void EverySuiteInputAgreesWithYamlDotNetOrIsLeftToIt()
    {
        Assert.True(Directory.Exists(YamlTestSuiteTests.Corpus), "The YAML test suite is expected at " + YamlTestSuiteTests.Corpus);
        int scanned = 0;
        var problems = new List<string>();
        foreach (string name in YamlTestSuiteTests.CaseNames())
        {
            string text = File.ReadAllText(System.IO.Path.Combine(YamlTestSuiteTests.Corpus, name, "in.yaml"));
            string? problem = Disagreement(text, out bool read);
            if (problem is not null) problems.Add(name + ": " + problem);
            if (read) scanned++;
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Not a vacuous agreement: the suite's plain block cases are read by the scanner.
        Assert.True(scanned >= 20, "the scanner read only " + scanned + " suite inputs");
    }

    [Fact]
    public void TheRepositorysFactsAndTheBenchmarkCorpusAreReadByTheScannerAndAgree()
    {
        foreach (string file in Directory.GetFiles(Repo.Facts, "*.yaml"))
        {
            AssertAgrees(File.ReadAllText(file), mustScan: true, System.IO.Path.GetFileName(file));
        }
        foreach (CorpusFile file in CorpusGenerator.Generate(300, 3).FactFiles)
        {
            AssertAgrees(file.Text, mustScan: true, file.RelativePath);
        }
    }

    /// <summary>Seeded edits of real fact files, aimed at what the scanner decides: indentation, indicators, quotes, comments, breaks.</summary>
    [Fact]
    public void MutatedFactFilesAgreeWithYamlDotNetOrAreLeftToIt()
    {
        string[] pieces = { ":", ": ", " #", "#", "-", "- ", "'", "\"", "\\", "''", " ", "  ", "\n", "\r\n", "\r", "\t", "[", "{", "&a ", "*a", "!", "|", ">", "?", "? ", "%", "@", "---", "...", "\\u", "\\x4", "é", "李", "\uFEFF", "\u0085" };
        var random = new Random(20261130);
        var texts = Directory.GetFiles(Repo.Facts, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var problems = new List<string>();
        int scanned = 0, total = 0;
        foreach (string original in texts)
        {
            for (int round = 0; round < 400; round++)
            {
                string text = Mutate(original, random, pieces);
                total++;
                string? problem = Disagreement(text, out bool read);
                if (read) scanned++;
                if (problem is not null && problems.Count < 5) problems.Add(problem + "\n--- text (excerpt) ---\n" + Around(text, problem));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(scanned > total / 4 && scanned < total, $"scanned {scanned} of {total}: the mutations should both keep and leave the subset");
    }

    /// <summary>
    /// The whole parse (reader and binding, with the start-over when the scanner gives up late) over the same
    /// kind of mutations: the parsed file — facts, locations, diagnostics — is the one YamlDotNet's read gives.
    /// </summary>
    [Fact]
    public void MutatedFactFilesParseToTheSameFactsAndDiagnosticsWithEitherReader()
    {
        string[] pieces = { ":", ": ", " #", "-", "- ", "'", "\"", "  ", "\n", "\r\n", "\t", "[", "{", "&a ", "*a", "|", ">-", "? ", "---", "é" };
        var random = new Random(1130);
        var texts = Directory.GetFiles(Repo.Facts, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        int compared = 0, withProblems = 0;
        foreach (string original in texts)
        {
            for (int round = 0; round < 150; round++)
            {
                string text = Mutate(original, random, pieces);
                FactFile slow = FactParser.Parse(Path, text, ParseLimits.Default, CancellationToken.None, blockScanner: false);
                FactFile fast = FactParser.Parse(Path, text, ParseLimits.Default, CancellationToken.None);
                Assert.True(slow == fast, "the parse differs with the block scanner\n--- text ---\n" + text);
                compared++;
                if (slow.Diagnostics.Count > 0) withProblems++;
            }
        }
        Assert.True(withProblems > compared / 10 && withProblems < compared, $"{withProblems} of {compared} mutated files had diagnostics: the mutations should both break and keep files");
    }

    private static string Mutate(string text, Random random, string[] pieces)
    {
        var sb = new StringBuilder(text);
        int edits = 1 + random.Next(3);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(sb.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    sb.Insert(at, pieces[random.Next(pieces.Length)]);
                    break;
                case 1:
                    if (at < sb.Length) sb.Remove(at, Math.Min(1 + random.Next(3), sb.Length - at));
                    break;
                case 2:
                {
                    // Re-indent a line by -2..+2 spaces.
                    string s = sb.ToString();
                    int start = at == 0 ? 0 : s.LastIndexOf('\n', at - 1) + 1;
                    int delta = random.Next(5) - 2;
                    if (delta > 0) sb.Insert(start, new string(' ', delta));
                    else
                    {
                        int spaces = 0;
                        while (start + spaces < s.Length && s[start + spaces] == ' ' && spaces < -delta) spaces++;
                        sb.Remove(start, spaces);
                    }
                    break;
                }
                case 3:
                {
                    // Turn a line's value into a quoted one, or cut a line in two.
                    string s = sb.ToString();
                    int colon = s.IndexOf(": ", at, StringComparison.Ordinal);
                    if (colon >= 0)
                    {
                        int end = s.IndexOf('\n', colon);
                        if (end < 0) end = s.Length;
                        char q = random.Next(2) == 0 ? '\'' : '"';
                        sb.Insert(end, q).Insert(colon + 2, q);
                    }
                    break;
                }
                default:
                    sb.Insert(at, "\n" + new string(' ', random.Next(8)));
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Around(string text, string problem)
    {
        int open = problem.IndexOf('[');
        int comma = open < 0 ? -1 : problem.IndexOf(',', open);
        int at = open >= 0 && comma > open && int.TryParse(problem.AsSpan(open + 1, comma - open - 1), out int v) ? v : 0;
        int from = Math.Max(0, Math.Min(at, text.Length) - 200);
        return text.Substring(from, Math.Min(text.Length - from, 400));
    }

    /// <summary>The reader over both parsers: the same nodes, spans, diagnostics and counts.</summary>
    [Fact]
    public void TheReaderBuildsTheSameTreeAndDiagnosticsWithEitherParser()
    {
        var texts = Directory.GetFiles(Repo.Facts, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        texts.AddRange(Subset().Select(o => (string)o[0]));
        texts.Add("a: 1\na: 2\nb:\n  - x\n  - k: v\n    k: w\n"); // duplicate keys: the reader's own diagnostics
        int scanned = 0;
        foreach (string text in texts)
        {
            string fast = ReadAll(text, blockScanner: true, out YamlReadStats fastStats);
            string slow = ReadAll(text, blockScanner: false, out YamlReadStats slowStats);
            Assert.False(slowStats.BlockScanner);
            if (fastStats.BlockScanner) scanned++;
            Assert.Equal(slow, fast);
            Assert.Equal(slowStats with { BlockScanner = false }, fastStats with { BlockScanner = false });
        }
        Assert.True(scanned >= Directory.GetFiles(Repo.Facts, "*.yaml").Length + 20, "the scanner read only " + scanned + " texts");
    }

    /// <summary>
    /// A limit exceeded while the scanner reads: the read starts over with YamlDotNet (which might stop
    /// earlier, at an error past the subset), so the diagnostic is the one YamlDotNet's read gives.
    /// </summary>
    [Theory]
    [InlineData(3, 64, "a: 1\nb: 2\nc: 3\n")]
    [InlineData(1_000_000, 2, "a:\n  b:\n    c: d\n")]
    [InlineData(3, 64, "a: 1\nb: 2\nc: 3\nd: [x\n")]
    public void ALimitExceededWhileScanningEndsAsWithYamlDotNet(int maxNodes, int maxDepth, string text)
    {
        var limits = ParseLimits.Default with { MaxNodes = maxNodes, MaxDepth = maxDepth };
        string fast = ReadAll(text, blockScanner: true, out YamlReadStats fastStats, limits);
        string slow = ReadAll(text, blockScanner: false, out YamlReadStats slowStats, limits);
        Assert.Contains("FG0016", slow);
        Assert.Equal(slow, fast);
        Assert.Equal(slowStats, fastStats with { BlockScanner = false });
    }

    /// <summary>
    /// A fact file that leaves the subset near its end (a flow list in its last item, after a duplicate key
    /// the reader reports early): the scanner has bound most items by then, and the parse starts over with
    /// YamlDotNet and a parser that has bound nothing. Every fact once, every diagnostic once.
    /// </summary>
    [Fact]
    public void AFactFileThatLeavesTheSubsetLateIsBoundOnce()
    {
        string text = File.ReadAllText(System.IO.Path.Combine(Repo.Facts, "officials.yaml"));
        int firstName = text.IndexOf("    name: ", StringComparison.Ordinal);
        text = text.Insert(firstName, text.Substring(firstName, text.IndexOf('\n', firstName) + 1 - firstName))
            + "  - id: late-official\n    name: Late Official\n    aliases: [Late, L. Official]\n    country: US\n    source: raimondo-beijing\n";
        Assert.False(BlockYamlScanner.Read(text, 0, new CountEvents(), CancellationToken.None, out int emitted));
        Assert.True(emitted > 100, "the scanner gave up after " + emitted + " events, not late");

        FactFile slow = FactParser.Parse(Path, text, ParseLimits.Default, CancellationToken.None, blockScanner: false);
        FactFile fast = FactParser.Parse(Path, text, ParseLimits.Default, CancellationToken.None);
        Assert.Equal(slow, fast);
        Assert.Contains(fast.Officials, o => o.Header.Id == "late-official");
        Assert.Single(fast.Diagnostics, d => d.Id == "FG0001");
    }

    private sealed class CountEvents : IYamlEventHandler
    {
        public void Handle(ref YamlEvent ev) { }
    }

    private static string ReadAll(string text, bool blockScanner, out YamlReadStats stats, ParseLimits? limits = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        List<YamlNode> documents = YamlReader.Read(Path, text, limits ?? ParseLimits.Default, diagnostics, CancellationToken.None, out stats, blockScanner: blockScanner);
        var sb = new StringBuilder();
        foreach (YamlNode root in documents) Describe(root, sb, 0);
        foreach (DiagnosticInfo d in diagnostics) sb.Append(d.Id).Append(' ').Append(d.Location.ToString()).Append(" ").Append(d.Location.Start).Append("+").Append(d.Location.Length).Append(" ").Append(string.Join(" | ", d.Arguments)).Append('\n');
        return sb.ToString();
    }

    private static void Describe(YamlNode node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2).Append(node.Location.ToString()).Append(' ').Append(node.Start).Append('-').Append(node.End)
            .Append(" size=").Append(node.Size).Append(" chars=").Append(node.Chars).Append(' ');
        switch (node)
        {
            case YamlScalar s:
                sb.Append(s.IsPlain ? "plain " : "quoted ").Append('\'').Append(s.Value).Append("'\n");
                break;
            case YamlSequence q:
                sb.Append("seq\n");
                foreach (YamlNode item in q.Items) Describe(item, sb, depth + 1);
                break;
            case YamlMapping m:
                sb.Append("map\n");
                foreach (var entry in m.Entries)
                {
                    Describe(entry.Key, sb, depth + 1);
                    Describe(entry.Value, sb, depth + 1);
                }
                break;
        }
    }
}
