using System.Collections.Generic;
using FactGen.Model;

namespace FactGen.Parsing;

// A located YAML tree of objects, made from what YamlReader reads (YamlTreeSink): for tests and tools that
// want to look at a whole document. FactParser does not build it: it binds each top-level item from the
// reader's node buffer (YamlNodes) as soon as the item has been read. Aliases point at the anchored node
// (shared, not copied).

/// <summary>Makes a <see cref="YamlNode"/> tree of each document's root as the reader completes it.</summary>
internal sealed class YamlTreeSink : IYamlSink
{
    private readonly Dictionary<int, YamlNode> _made = new();

    public List<YamlNode> Documents { get; } = new();

    public void DocumentStart(YamlReader reader) { }

    public void CollectionStart(YamlReader reader, int depth, bool mapping, bool isKey) { }

    public void Added(YamlReader reader, int node, int parentDepth, bool isKey)
    {
        if (parentDepth == 0) Documents.Add(Make(reader.Nodes, node));
    }

    private YamlNode Make(YamlNodes nodes, int index)
    {
        if (_made.TryGetValue(index, out YamlNode? made)) return made;
        YamlNodeData n = nodes[index];
        switch (n.Kind)
        {
            case YamlNodeKind.Scalar:
                made = new YamlScalar(nodes, n.Start, n.End, n.Value!, n.IsPlain) { IsComplexKey = n.IsComplexKey };
                break;
            case YamlNodeKind.Sequence:
            {
                var sequence = new YamlSequence(nodes, n.Start, n.End);
                var items = new YamlNode[nodes.Length(index)];
                for (int i = 0; i < items.Length; i++) items[i] = Make(nodes, nodes.ItemAt(index, i));
                sequence.SetItems(items);
                made = sequence;
                break;
            }
            default:
            {
                var mapping = new YamlMapping(nodes, n.Start, n.End);
                var entries = new KeyValuePair<YamlScalar, YamlNode>[nodes.Length(index)];
                for (int i = 0; i < entries.Length; i++)
                {
                    entries[i] = new KeyValuePair<YamlScalar, YamlNode>((YamlScalar)Make(nodes, nodes.Key(index, i)), Make(nodes, nodes.ValueAt(index, i)));
                }
                mapping.SetEntries(entries);
                made = mapping;
                break;
            }
        }
        if (made is YamlCollection collection) collection.SetTotals(n.Size, n.Chars);
        _made[index] = made;
        return made;
    }
}

internal abstract class YamlNode
{
    private readonly YamlNodes _text;

    protected YamlNode(YamlNodes text, int start, int end)
    {
        _text = text;
        Start = start;
        End = end;
    }

    /// <summary>Offset of the node's first char in the text (0 for a node the parser could not place).</summary>
    public int Start { get; }

    /// <summary>Offset just past the node's last char (a block collection's: its last child's; a flow one's: its closing bracket).</summary>
    public int End { get; }

    /// <summary>The node's span with line and column, made on each call (callers keep what they need).</summary>
    public LocationInfo Location => _text.Location(Start, End);

    /// <summary>Node count of this subtree, with aliases counted at their expanded size.</summary>
    public abstract int Size { get; }

    /// <summary>Value chars of this subtree (keys included), with aliases counted at their expanded size.</summary>
    public abstract long Chars { get; }

    public abstract string Describe { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(YamlNodes text, int start, int end, string value, bool isPlain) : base(text, start, end)
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

    protected YamlCollection(YamlNodes text, int start, int end) : base(text, start, end) { }

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
    public YamlSequence(YamlNodes text, int start, int end) : base(text, start, end) { }

    /// <summary>The items in order; set once, when the sequence has been read, and never changed after.</summary>
    public YamlNode[] Items { get; private set; } = System.Array.Empty<YamlNode>();

    internal void SetItems(YamlNode[] items) => Items = items;

    public override string Describe => "a list";
}

internal sealed class YamlMapping : YamlCollection
{
    public YamlMapping(YamlNodes text, int start, int end) : base(text, start, end) { }

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
