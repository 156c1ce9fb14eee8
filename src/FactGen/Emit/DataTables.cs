using System.Collections.Generic;
using System.Text;

namespace FactGen.Emit;

/// <summary>
/// Builds the generated data: one string table (every distinct string once, concatenated into a single
/// literal with an offsets array) and int rows per kind. Index 0 of the string table is null.
/// </summary>
internal sealed class DataTables
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly StringBuilder _text = new();
    private readonly List<int> _ends = new() { 0 };

    /// <summary>The list table; offset 0 is the empty list.</summary>
    public List<int> Lists { get; } = new() { 0 };

    public int String(string? value)
    {
        if (value is null) return 0;
        if (_index.TryGetValue(value, out int i)) return i;
        _text.Append(value);
        _ends.Add(_text.Length);
        i = _ends.Count - 1;
        _index.Add(value, i);
        return i;
    }

    /// <summary>Appends a list (count, then items) and returns its offset; the empty list is 0.</summary>
    public int List(List<int> items)
    {
        if (items.Count == 0) return 0;
        int offset = Lists.Count;
        Lists.Add(items.Count);
        Lists.AddRange(items);
        return offset;
    }

    public string Text => _text.ToString();

    /// <summary>End offset of each string; string i spans [ends[i-1], ends[i]).</summary>
    public List<int> Ends => _ends;

    /// <summary>The FNV-1a hash the generated lookup uses; both sides must agree bit for bit.</summary>
    public static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return h;
    }

    /// <summary>Low bits of a table entry: index+1 of the fact. The generated Find uses the same constant.</summary>
    public const int IndexMask = (1 << 21) - 1;

    /// <summary>
    /// An open-addressing table (linear probing, size a power of two ≥ 2n); 0 = empty. An entry is index+1 in its
    /// low 21 bits and, above them, the id hash's top 11 bits: a probe that lands on another id is rejected on
    /// those bits, without reading the fact (a miss would otherwise read one or two facts from memory). With
    /// 2^21 - 1 or more facts the index needs every bit and no hash bits are kept (the generated Find checks the count).
    /// </summary>
    public static int[] HashTable(IReadOnlyList<string> ids)
    {
        int size = 2;
        while (size < ids.Count * 2) size <<= 1;
        var table = new int[size];
        int mask = size - 1;
        bool tagged = ids.Count < IndexMask;
        for (int i = 0; i < ids.Count; i++)
        {
            uint hash = Hash(ids[i]);
            int slot = (int)(hash & (uint)mask);
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = (i + 1) | (tagged ? (int)(hash & ~(uint)IndexMask) : 0);
        }
        return table;
    }
}
