using FactGen.Model;
using FactGen.Parsing;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// The located tree <see cref="YamlReader"/> builds: entries and items in order, spans (a block collection
/// ends with its last child, a flow one at its bracket), duplicate keys found in mappings of any size,
/// and subtree sizes with aliases counted as expanded.
/// </summary>
public class YamlTreeTests
{
    private const string Path = "/project/facts/tree.yaml";

    private static List<YamlNode> Read(string text, out List<DiagnosticInfo> diagnostics)
    {
        diagnostics = new List<DiagnosticInfo>();
        return YamlReader.Read(Path, text, ParseLimits.Default, diagnostics, CancellationToken.None);
    }

    private static string Span(YamlNode node)
        => $"({node.Location.StartLine + 1},{node.Location.StartColumn + 1})-({node.Location.EndLine + 1},{node.Location.EndColumn + 1})";

    [Fact]
    public void EntriesAndItemsKeepTheirOrderAndNesting()
    {
        var root = Assert.IsType<YamlMapping>(Assert.Single(Read("a: 1\nb:\n  - x\n  - {c: d, e: [f, g]}\nh: ''\n", out var diagnostics)));
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "a", "b", "h" }, root.Entries.Select(e => e.Key.Value));
        var list = Assert.IsType<YamlSequence>(root.Get("b"));
        Assert.Equal("x", Assert.IsType<YamlScalar>(list.Items[0]).Value);
        var inner = Assert.IsType<YamlMapping>(list.Items[1]);
        Assert.Equal(new[] { "c", "e" }, inner.Entries.Select(e => e.Key.Value));
        Assert.Equal(new[] { "f", "g" }, Assert.IsType<YamlSequence>(inner.Get("e")).Items.Select(i => ((YamlScalar)i).Value));
        Assert.False(Assert.IsType<YamlScalar>(root.Get("h")).IsNull);
        Assert.Null(root.Get("z"));
    }

    [Fact]
    public void SpansRunToTheLastChildOrTheClosingBracket()
    {
        string text = "items:\n  - id: a\n    name: A\n\n\n  - [x, y]   # note\nflow: {k: v}\n";
        var root = Assert.IsType<YamlMapping>(Assert.Single(Read(text, out var diagnostics)));
        Assert.Empty(diagnostics);
        var items = Assert.IsType<YamlSequence>(root.Get("items"));
        Assert.Equal("(2,3)-(6,11)", Span(items)); // ends at its last child's ']', not past the comment
        Assert.Equal("(2,5)-(3,12)", Span(items.Items[0])); // ends with "A", not at the blank lines after it
        Assert.Equal("(6,5)-(6,11)", Span(items.Items[1]));
        Assert.Equal("(7,7)-(7,13)", Span(root.Get("flow")!));
        Assert.Equal("(1,1)-(7,13)", Span(root));
        Assert.Equal("(2,9)-(2,10)", Span(((YamlMapping)items.Items[0]).Get("id")!));
        YamlScalar key = ((YamlMapping)items.Items[0]).Entries[1].Key;
        Assert.Equal(new LocationInfo(Path, 21, 4, 2, 4, 2, 8), key.Location);
    }

    [Fact]
    public void AByteOrderMarkShiftsNoColumn()
    {
        var root = Assert.IsType<YamlMapping>(Assert.Single(Read("\uFEFFa: b\nc: d\n", out var diagnostics)));
        Assert.Empty(diagnostics);
        Assert.Equal(new LocationInfo(Path, 4, 1, 0, 4, 0, 5), root.Get("a")!.Location);
        Assert.Equal(new LocationInfo(Path, 9, 1, 1, 3, 1, 4), root.Get("c")!.Location);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void DuplicateKeysAreFoundInMappingsOfAnySize(int keys)
    {
        // Keys k0..k{n-1}, then k0 again, k{n-1} again and k0 a third time.
        var lines = Enumerable.Range(0, keys).Select(i => $"k{i}: {i}").ToList();
        lines.Add("k0: again");
        lines.Add($"k{keys - 1}: again");
        lines.Add("k0: third");
        var root = Assert.IsType<YamlMapping>(Assert.Single(Read(string.Join("\n", lines) + "\n", out var diagnostics)));
        Assert.Equal(keys + 3, root.Entries.Length);
        Assert.Equal(new[]
        {
            $"({keys + 1},1) duplicate key 'k0' (first at {Path}(1,1))",
            $"({keys + 2},1) duplicate key 'k{keys - 1}' (first at {Path}({keys},1))",
            $"({keys + 3},1) duplicate key 'k0' (first at {Path}(1,1))",
        }, diagnostics.Select(d => $"({d.Location.StartLine + 1},{d.Location.StartColumn + 1}) {d.Arguments[0]}"));
        Assert.All(diagnostics, d => Assert.Equal("FG0001", d.Id));
        Assert.Equal("0", ((YamlScalar)root.Get("k0")!).Value); // the first one counts
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    public void ACollectionKeyIsRefusedAndEqualsNoOtherKey(int before)
    {
        string text = string.Concat(Enumerable.Range(0, before).Select(i => $"k{i}: {i}\n")) + "? [a]\n: 1\n? [a]\n: 2\n";
        var root = Assert.IsType<YamlMapping>(Assert.Single(Read(text, out var diagnostics)));
        Assert.Equal(before + 2, root.Entries.Length);
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("FG0004", d.Id));
        Assert.Equal(new[] { before + 1, before + 3 }, diagnostics.Select(d => d.Location.StartLine + 1));
        Assert.All(root.Entries.Skip(before), e => Assert.True(e.Key.IsComplexKey));
    }

    [Fact]
    public void AliasesShareTheirTargetAndCountAsExpanded()
    {
        var root = Assert.IsType<YamlMapping>(Assert.Single(Read("a: &x [p, q, {r: s}]\nb: *x\nc: [*x, *x]\nd:\n  - e\n  - *x\n", out var diagnostics)));
        Assert.Empty(diagnostics);
        YamlNode target = root.Get("a")!;
        Assert.Same(target, root.Get("b"));
        Assert.Equal(6, target.Size); // the list, p, q, the mapping, r, s
        Assert.Equal(4, target.Chars);
        var c = Assert.IsType<YamlSequence>(root.Get("c"));
        Assert.Equal(13, c.Size);
        Assert.Equal(8, c.Chars);
        Assert.Equal(1 + 4 + 6 + 6 + 13 + 8, root.Size); // the root, the keys, a, b, c, d
        Assert.Equal("(3,4)-(3,12)", Span(c));
        // A block collection ends with its last child; an alias there lies elsewhere and is ignored, so the
        // list stays at its first '-' (what the reader always did; FG0003 and FG0004 point at such spans).
        Assert.Equal("(5,3)-(5,3)", Span(root.Get("d")!));
    }
}
