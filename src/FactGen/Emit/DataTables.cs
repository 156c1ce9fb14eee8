using System.Collections.Generic;
using System.Text;

namespace FactGen.Emit;

/// <summary>
/// Builds the generated data: one string table (every distinct string once, concatenated into a single
/// literal with an offsets array) and int rows per kind, encoded by Encode. Index 0 of the string table is null.
/// The facts' values are not here: they are in their files' chunks (see <see cref="EmitPlan"/>).
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

    /// <summary>
    /// Appends <paramref name="values"/> as the generated Decode reads them: each as a uint, least significant digit
    /// first in base 27, digit d as the char 37 + d ('%'..'?'), or 64 + d ('@'..'Z') when more digits follow. The chars
    /// are printable ASCII without '"' or '\\' (no escapes) and without the '$', '[', '{', '|' of test markup.
    /// </summary>
    public static void Encode(StringBuilder sb, IReadOnlyList<int> values)
    {
        sb.EnsureCapacity(sb.Length + EncodedLength(values));
        for (int i = 0; i < values.Count; i++) Encode(sb, values[i]);
    }

    /// <summary>Appends one number as <see cref="Encode(StringBuilder, IReadOnlyList{int})"/> does.</summary>
    public static void Encode(StringBuilder sb, int value)
    {
        uint u = unchecked((uint)value);
        while (u >= 27)
        {
            sb.Append((char)(64 + (u % 27)));
            u /= 27;
        }
        sb.Append((char)(37 + u));
    }

    /// <summary>How many chars <see cref="Encode"/> writes for <paramref name="values"/>.</summary>
    public static int EncodedLength(IReadOnlyList<int> values)
    {
        int length = 0;
        for (int i = 0; i < values.Count; i++)
        {
            uint u = unchecked((uint)values[i]);
            length++;
            while (u >= 27)
            {
                length++;
                u /= 27;
            }
        }
        return length;
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
            uint hash = IdHash.Hash(ids[i]);
            int slot = (int)(hash & (uint)mask);
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = (i + 1) | (tagged ? (int)(hash & ~(uint)IndexMask) : 0);
        }
        return table;
    }
}

/// <summary>
/// The hash the generated <c>Find</c> computes for a kind's ids, and the range of their lengths (ids outside it miss
/// without hashing). Every char is hashed, so the tag bits in the table reject nearly every miss without reading a
/// fact; the hash takes two chars per lane and two lanes per step (rotate, add, xor: no multiply on the chain),
/// then one multiply to spread the bits over the slot (low bits) and the tag (top bits).
/// </summary>
internal readonly struct IdHash
{
    private IdHash(int minLength, int maxLength)
    {
        MinLength = minLength;
        MaxLength = maxLength;
    }

    public int MinLength { get; }

    public int MaxLength { get; }

    public static IdHash For(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return new IdHash(1, 0); // every id misses
        int min = int.MaxValue, max = 0;
        foreach (string id in ids)
        {
            min = System.Math.Min(min, id.Length);
            max = System.Math.Max(max, id.Length);
        }
        return new IdHash(min, max);
    }

    /// <summary>The hash of <paramref name="id"/>; <see cref="Code"/> computes the same, bit for bit.</summary>
    public static uint Hash(string id)
    {
        unchecked
        {
            uint a = 352654597u ^ (uint)id.Length, b = a;
            int i = 0;
            for (; i + 3 < id.Length; i += 4)
            {
                a = (((a << 5) | (a >> 27)) + a) ^ (id[i] | ((uint)id[i + 1] << 16));
                b = (((b << 5) | (b >> 27)) + b) ^ (id[i + 2] | ((uint)id[i + 3] << 16));
            }
            for (; i < id.Length; i++) a = (((a << 5) | (a >> 27)) + a) ^ id[i];
            uint h = (a + (b * 1566083941u)) * 2654435769u;
            return h ^ (h >> 15);
        }
    }

    /// <summary>
    /// The statements of the generated FactData.Hash: they hash <c>id</c> into <c>h</c> as <see cref="Hash"/> does. Over a span whose length
    /// the loop tests, so the JIT drops the bounds checks on the four constant indexes.
    /// </summary>
    public static IEnumerable<string> Code()
    {
        yield return "uint a = 352654597u ^ (uint)id.Length, b = a;";
        yield return "global::System.ReadOnlySpan<char> c = id;";
        yield return "for (; c.Length >= 4; c = c.Slice(4))";
        yield return "{";
        yield return "    a = (((a << 5) | (a >> 27)) + a) ^ (c[0] | ((uint)c[1] << 16));";
        yield return "    b = (((b << 5) | (b >> 27)) + b) ^ (c[2] | ((uint)c[3] << 16));";
        yield return "}";
        yield return "for (int i = 0; i < c.Length; i++) a = (((a << 5) | (a >> 27)) + a) ^ c[i];";
        yield return "uint h = (a + (b * 1566083941u)) * 2654435769u;";
        yield return "h ^= h >> 15;";
    }
}
