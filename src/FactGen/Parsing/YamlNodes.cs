using System;
using FactGen.Model;

namespace FactGen.Parsing;

internal enum YamlNodeKind : byte
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>One node of <see cref="YamlNodes"/>: a struct in the reader's buffer, not an object per node.</summary>
internal struct YamlNodeData
{
    public YamlNodeKind Kind;

    /// <summary>Unquoted and not a block scalar: the only style in which <c>~</c> and empty mean null.</summary>
    public bool IsPlain;

    /// <summary>Stands for a key that was a collection (reported when read): never equal to another key.</summary>
    public bool IsComplexKey;

    /// <summary>Offset of the node's first char in the text (0 for a node the parser could not place).</summary>
    public int Start;

    /// <summary>Offset just past the node's last char (a collection's: its last child's end, or its closing bracket).</summary>
    public int End;

    /// <summary>A scalar's value (null for a collection).</summary>
    public string? Value;

    /// <summary>A collection's children: <see cref="Count"/> entries of <see cref="YamlNodes"/>' links from <see cref="First"/> (a mapping's as key, value, key, …: always in pairs).</summary>
    public int First;

    public int Count;

    /// <summary>Node count and value chars of the subtree, aliases counted at their expanded size.</summary>
    public int Size;

    public long Chars;
}

/// <summary>
/// The nodes <see cref="YamlReader"/> has read, by index: structs in one growing buffer, and the children of
/// each collection as a run of indexes in another. A node is complete (its children and span final) when the
/// reader hands it to its <see cref="IYamlSink"/>. The buffers are reused: once a node can no longer be asked
/// for (a top-level item bound, and no anchor that could name it), the reader truncates them back.
/// </summary>
internal sealed class YamlNodes
{
    private YamlNodeData[] _nodes = new YamlNodeData[64];
    private int[] _links = new int[128];

    public YamlNodes(string path, string text)
    {
        Path = path;
        Text = text;
        Lines = TextLines.From(text);
    }

    public string Path { get; }

    public string Text { get; }

    public TextLines Lines { get; }

    /// <summary>Nodes in the buffer.</summary>
    public int Count { get; private set; }

    /// <summary>Links (child indexes) in the buffer.</summary>
    public int LinkCount { get; private set; }

    public ref YamlNodeData this[int node] => ref _nodes[node];

    public int Add(in YamlNodeData node)
    {
        if (Count == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        _nodes[Count] = node;
        return Count++;
    }

    /// <summary>Appends a collection's children; returns where they start.</summary>
    public int AddLinks(int[] source, int start, int count)
    {
        if (LinkCount + count > _links.Length)
        {
            int size = _links.Length * 2;
            while (size < LinkCount + count) size *= 2;
            Array.Resize(ref _links, size);
        }
        Array.Copy(source, start, _links, LinkCount, count);
        int first = LinkCount;
        LinkCount += count;
        return first;
    }

    /// <summary>Forgets every node from <paramref name="count"/> on, and every link from <paramref name="linkCount"/> on.</summary>
    public void Truncate(int count, int linkCount)
    {
        if (count < Count)
        {
            Array.Clear(_nodes, count, Count - count); // drop the strings they hold
            Count = count;
        }
        if (linkCount < LinkCount) LinkCount = linkCount;
    }

    public YamlNodeKind Kind(int node) => _nodes[node].Kind;

    public bool IsScalar(int node) => _nodes[node].Kind == YamlNodeKind.Scalar;

    public bool IsMapping(int node) => _nodes[node].Kind == YamlNodeKind.Mapping;

    public bool IsSequence(int node) => _nodes[node].Kind == YamlNodeKind.Sequence;

    /// <summary>A scalar's value; "" for a collection.</summary>
    public string Value(int node) => _nodes[node].Value ?? string.Empty;

    /// <summary>A plain scalar that YAML reads as null: empty, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull(int node)
    {
        ref YamlNodeData n = ref _nodes[node];
        return n.Kind == YamlNodeKind.Scalar && n.IsPlain && (n.Value!.Length == 0 || n.Value == "~" || n.Value == "null");
    }

    public string Describe(int node) => _nodes[node].Kind switch
    {
        YamlNodeKind.Scalar => "a text value",
        YamlNodeKind.Sequence => "a list",
        _ => "a mapping",
    };

    /// <summary>The node's span with line and column, made on each call (callers keep what they need).</summary>
    public LocationInfo Location(int node) => Location(_nodes[node].Start, _nodes[node].End);

    /// <summary>A location from text offsets; line and column come from the text the way Roslyn counts them.</summary>
    public LocationInfo Location(int start, int end)
    {
        int startLine = Lines.LineOf(start), endLine = Lines.LineOf(end);
        return new LocationInfo(Path, start, end - start,
            startLine, start - Lines.StartOf(startLine), endLine, end - Lines.StartOf(endLine));
    }

    /// <summary>A sequence's item count, or a mapping's entry count.</summary>
    public int Length(int collection)
    {
        ref YamlNodeData n = ref _nodes[collection];
        return n.Kind == YamlNodeKind.Mapping ? n.Count / 2 : n.Count;
    }

    /// <summary>A sequence's <paramref name="index"/>-th item.</summary>
    public int ItemAt(int sequence, int index) => _links[_nodes[sequence].First + index];

    /// <summary>A mapping's <paramref name="index"/>-th key (a scalar).</summary>
    public int Key(int mapping, int index) => _links[_nodes[mapping].First + (2 * index)];

    /// <summary>A mapping's <paramref name="index"/>-th value.</summary>
    public int ValueAt(int mapping, int index) => _links[_nodes[mapping].First + (2 * index) + 1];

    /// <summary>The value of the first entry whose key is <paramref name="key"/>; -1 if none.</summary>
    public int Get(int mapping, string key)
    {
        ref YamlNodeData n = ref _nodes[mapping];
        for (int i = 0; i < n.Count; i += 2)
        {
            int k = _links[n.First + i];
            if (_nodes[k].Value == key) return _links[n.First + i + 1];
        }
        return -1;
    }
}
