using System.Collections.Generic;
using FactGen.Model;

namespace FactGen.Parsing;

// A minimal located YAML tree, built once per file from YamlDotNet's event stream and thrown away after
// binding. Aliases point at the anchored node (shared, not copied); their expanded size is charged to the
// node budget so an alias bomb is refused, not expanded.
//
// A node keeps its span as two text offsets; its LocationInfo (line and column included) is made only when
// asked for. Most nodes are mapping keys whose location nobody asks for unless something is wrong, and
// a collection's span grows while its children are read: making a LocationInfo per event, and a new one
// per growth, was most of what the tree cost beyond YamlDotNet's own work.

/// <summary>The text a tree was read from: turns a node's offsets into a <see cref="LocationInfo"/>.</summary>
internal sealed class YamlText
{
    public YamlText(string path, string text)
    {
        Path = path;
        Text = text;
        Lines = TextLines.From(text);
    }

    public string Path { get; }

    public string Text { get; }

    public TextLines Lines { get; }

    /// <summary>A location from text offsets; line and column come from the text the way Roslyn counts them.</summary>
    public LocationInfo Location(int start, int end)
    {
        int startLine = Lines.LineOf(start), endLine = Lines.LineOf(end);
        return new LocationInfo(Path, start, end - start,
            startLine, start - Lines.StartOf(startLine), endLine, end - Lines.StartOf(endLine));
    }
}

internal abstract class YamlNode
{
    private readonly YamlText _text;

    protected YamlNode(YamlText text, int start, int end)
    {
        _text = text;
        Start = start;
        End = end;
    }

    /// <summary>Offset of the node's first char in the text (0 for a node the parser could not place).</summary>
    public int Start { get; }

    /// <summary>Offset just past the node's last char; a collection's grows as its children are read.</summary>
    public int End { get; private set; }

    /// <summary>The node's span with line and column, made on each call (callers keep what they need).</summary>
    public LocationInfo Location => _text.Location(Start, End);

    /// <summary>Extends the span to <paramref name="end"/> (a collection, once its last child is read); an end before the current one is ignored.</summary>
    public void ExtendTo(int end)
    {
        if (end > End) End = end;
    }

    /// <summary>Node count of this subtree, with aliases counted at their expanded size.</summary>
    public abstract int Size { get; }

    /// <summary>Value chars of this subtree (keys included), with aliases counted at their expanded size.</summary>
    public abstract long Chars { get; }

    public abstract string Describe { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(YamlText text, int start, int end, string value, bool isPlain) : base(text, start, end)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted and not a block scalar: the only style in which <c>~</c> and empty mean null.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null");

    /// <summary>Stands for a key that was a collection (reported when read): never equal to another key.</summary>
    public bool IsComplexKey { get; init; }

    public override int Size => 1;

    public override long Chars => Value.Length;

    public override string Describe => "a text value";
}

/// <summary>A sequence or mapping: its size is summed up by the reader once its children are read.</summary>
internal abstract class YamlCollection : YamlNode
{
    private int _size = 1;
    private long _chars;

    protected YamlCollection(YamlText text, int start, int end) : base(text, start, end) { }

    public override int Size => _size;

    public override long Chars => _chars;

    internal void SetTotals(int size, long chars)
    {
        _size = size;
        _chars = chars;
    }
}

internal sealed class YamlSequence : YamlCollection
{
    public YamlSequence(YamlText text, int start, int end) : base(text, start, end) { }

    /// <summary>The items in order; set once, when the sequence has been read, and never changed after.</summary>
    public YamlNode[] Items { get; private set; } = System.Array.Empty<YamlNode>();

    internal void SetItems(YamlNode[] items) => Items = items;

    public override string Describe => "a list";
}

internal sealed class YamlMapping : YamlCollection
{
    public YamlMapping(YamlText text, int start, int end) : base(text, start, end) { }

    /// <summary>The entries in order (duplicate keys included); set once, when the mapping has been read, and never changed after.</summary>
    public KeyValuePair<YamlScalar, YamlNode>[] Entries { get; private set; } = System.Array.Empty<KeyValuePair<YamlScalar, YamlNode>>();

    internal void SetEntries(KeyValuePair<YamlScalar, YamlNode>[] entries) => Entries = entries;

    public override string Describe => "a mapping";

    public YamlNode? Get(string key)
    {
        KeyValuePair<YamlScalar, YamlNode>[] entries = Entries;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].Key.Value == key) return entries[i].Value;
        }
        return null;
    }
}
