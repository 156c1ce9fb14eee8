using System.Collections.Generic;
using FactGen.Model;

namespace FactGen.Parsing;

// A minimal located YAML tree, built once per file from YamlDotNet's event stream and thrown away after
// binding. Aliases point at the anchored node (shared, not copied); their expanded size is charged to the
// node budget so an alias bomb is refused, not expanded.

internal abstract class YamlNode
{
    protected YamlNode(LocationInfo location) => Location = location;

    public LocationInfo Location { get; private set; }

    /// <summary>Extends the span to the end of <paramref name="end"/> (a collection, once its last child is read).</summary>
    public void ExtendTo(LocationInfo? end)
    {
        if (end is null || end.Path != Location.Path) return;
        int stop = end.Start + end.Length;
        if (stop <= Location.Start + Location.Length) return;
        Location = Location with { Length = stop - Location.Start, EndLine = end.EndLine, EndColumn = end.EndColumn };
    }

    /// <summary>Node count of this subtree, with aliases counted at their expanded size.</summary>
    public int Size { get; set; } = 1;

    /// <summary>Value chars of this subtree (keys included), with aliases counted at their expanded size.</summary>
    public long Chars { get; set; }

    public abstract string Describe { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, LocationInfo location) : base(location)
    {
        Value = value;
        IsPlain = isPlain;
        Chars = value.Length;
    }

    public string Value { get; }

    /// <summary>Unquoted and not a block scalar: the only style in which <c>~</c> and empty mean null.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null");

    public override string Describe => "a text value";
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(LocationInfo location) : base(location) { }

    public List<YamlNode> Items { get; } = new();

    public override string Describe => "a list";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(LocationInfo location) : base(location) { }

    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();

    public override string Describe => "a mapping";

    public YamlNode? Get(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key.Value == key) return e.Value;
        }
        return null;
    }
}
