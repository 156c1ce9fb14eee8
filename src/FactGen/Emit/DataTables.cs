using System.Collections.Generic;
using System.Text;

namespace FactGen.Emit;

/// <summary>
/// Strings concatenated into one literal with an offsets array: every distinct string once; index 0 is null.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly StringBuilder _text = new();
    private readonly List<int> _ends = new() { 0 };

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

    public string Text => _text.ToString();

    public int Length => _text.Length;

    /// <summary>End offset of each string; string i spans [ends[i-1], ends[i]).</summary>
    public List<int> Ends => _ends;
}

/// <summary>
/// Builds the generated data in two parts, each a string table and int tables: what first access reads (ids, names,
/// the rows of every kind, the lookup tables) and what the generated <c>FactData.Lists</c> reads on the first use of
/// any list (the list table, the terms of office's links, aliases, parties and the strings only they name). The facts'
/// values are not here: they are in their files' chunks (see <see cref="EmitPlan"/>); nor the terms' dates, evidence and
/// notes: they are in the terms file (see <see cref="Terms"/>).
/// </summary>
internal sealed class DataTables
{
    /// <summary>Strings read at first access.</summary>
    public StringTable Strings { get; } = new();

    /// <summary>Strings read with the lists: aliases, parties' country codes.</summary>
    public StringTable ListStrings { get; } = new();

    /// <summary>The list table; offset 0 is the empty list.</summary>
    public List<int> Lists { get; } = new() { 0 };

    public int String(string? value) => Strings.String(value);

    /// <summary>Appends a list (count, then items) and returns its offset; the empty list is 0.</summary>
    public int List(List<int> items)
    {
        if (items.Count == 0) return 0;
        int offset = Lists.Count;
        Lists.Add(items.Count);
        Lists.AddRange(items);
        return offset;
    }

    /// <summary>First char of a wide digit that ends a number; <see cref="WideMore"/> + d is a digit d with more to follow.</summary>
    public const int WideLast = 0x4000;

    /// <summary>First char of a wide digit that more digits follow.</summary>
    public const int WideMore = 0x8000;

    /// <summary>Bits per wide digit.</summary>
    public const int WideBits = 14;

    /// <summary>
    /// Appends <paramref name="values"/> as the generated Decode reads them, each as a uint written least significant
    /// digit first. In a string literal (<paramref name="utf8"/> false) a digit holds 14 bits: d is the char
    /// U+4000 + d when it is the last, U+8000 + d when more follow — one char for most numbers, at most three. The chars
    /// U+4000..U+BFFF need no escape, are no line break and no surrogate. Wide digits matter at run time: the runtime
    /// loads a string literal at about 6 ns a char, so the tables' load time follows their length in chars. In a UTF-8
    /// literal (<paramref name="utf8"/> true; such chars would take 3 bytes each) a digit is base 27 in one ASCII byte:
    /// 37 + d ('%'..'?') when last, 64 + d ('@'..'Z') when more follow (no '"' or '\', no '$', '[', '{', '|' of test markup).
    /// </summary>
    public static void Encode(StringBuilder sb, IReadOnlyList<int> values, bool utf8)
    {
        // No EnsureCapacity: on a builder of many chunks (see SourceWriter) it reallocates the last chunk to the
        // whole size asked for, a large-object-heap array per table; the builder grows by small chunks instead.
        for (int i = 0; i < values.Count; i++) Encode(sb, values[i], utf8);
    }

    /// <summary>Appends one number as <see cref="Encode(StringBuilder, IReadOnlyList{int}, bool)"/> does.</summary>
    public static void Encode(StringBuilder sb, int value, bool utf8)
    {
        uint u = unchecked((uint)value);
        if (utf8)
        {
            while (u >= 27)
            {
                sb.Append((char)(64 + (u % 27)));
                u /= 27;
            }
            sb.Append((char)(37 + u));
            return;
        }
        const uint digit = (1u << WideBits) - 1;
        while (u > digit)
        {
            sb.Append((char)(WideMore + (u & digit)));
            u >>= WideBits;
        }
        sb.Append((char)(WideLast + u));
    }

    /// <summary>How many chars <see cref="Encode(StringBuilder, IReadOnlyList{int}, bool)"/> writes for <paramref name="values"/>.</summary>
    public static int EncodedLength(IReadOnlyList<int> values, bool utf8)
    {
        uint radix = utf8 ? 27u : 1u << WideBits;
        int length = 0;
        for (int i = 0; i < values.Count; i++)
        {
            uint u = unchecked((uint)values[i]);
            length++;
            while (u >= radix)
            {
                length++;
                u /= radix;
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
    public static int[] HashTable(IReadOnlyList<string> ids, IdHash idHash)
    {
        int size = 2;
        while (size < ids.Count * 2) size <<= 1;
        var table = new int[size];
        int mask = size - 1;
        bool tagged = ids.Count < IndexMask;
        for (int i = 0; i < ids.Count; i++)
        {
            uint hash = idHash.Of(ids[i]);
            int slot = (int)(hash & (uint)mask);
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = (i + 1) | (tagged ? (int)(hash & ~(uint)IndexMask) : 0);
        }
        return table;
    }
}

/// <summary>
/// The hash the generated <c>Find</c> computes for a kind's ids, and the range of their lengths (ids outside it miss
/// without hashing). It hashes the id's length and a window of its chars: the shortest window (at most
/// <see cref="MaxWindow"/> chars, counted from the start or from the end of the id, within the shortest id) that,
/// with the length, tells every id of the kind apart — so a lookup hashes a few chars, not the whole id, as
/// FrozenDictionary's ordinal comparers do; the whole id when no such window exists. A miss that differs inside the
/// window is rejected by the table's tag bits without reading a fact; one that differs only outside it costs one
/// string comparison. The hash takes two chars per lane and two lanes per step (rotate, add, xor: no multiply on
/// the chain), then one multiply to spread the bits over the slot (low bits) and the tag (top bits).
/// </summary>
internal readonly struct IdHash
{
    /// <summary>The longest window tried before hashing whole ids.</summary>
    public const int MaxWindow = 8;

    private IdHash(int minLength, int maxLength, int offset, int count, bool fromEnd)
    {
        MinLength = minLength;
        MaxLength = maxLength;
        Offset = offset;
        Count = count;
        FromEnd = fromEnd;
    }

    public int MinLength { get; }

    public int MaxLength { get; }

    /// <summary>Chars before the window: from the id's start, or (<see cref="FromEnd"/>) after its end.</summary>
    public int Offset { get; }

    /// <summary>Chars in the window; 0 for the whole id.</summary>
    public int Count { get; }

    public bool FromEnd { get; }

    /// <summary>The window's start in the generated Find, where <c>id</c> is the id looked up.</summary>
    public string StartCode => Count == 0 ? "0"
        : FromEnd ? "id.Length - " + (Offset + Count).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The window's length in the generated Find.</summary>
    public string CountCode => Count == 0 ? "id.Length" : Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IdHash For(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return new IdHash(1, 0, 0, 0, false); // every id misses
        int min = int.MaxValue, max = 0;
        foreach (string id in ids)
        {
            min = System.Math.Min(min, id.Length);
            max = System.Math.Max(max, id.Length);
        }
        // Windows in a fixed order (shorter first, then from the start, then from the end, nearer the edge first), so
        // the choice does not depend on the ids' order. A window is kept if no two ids share length and window chars.
        var seen = new HashSet<(int, ulong)>();
        for (int count = 1; count <= System.Math.Min(MaxWindow, min); count++)
        {
            foreach (bool fromEnd in new[] { false, true })
            {
                for (int offset = 0; offset + count <= min; offset++)
                {
                    seen.Clear();
                    bool apart = true;
                    foreach (string id in ids)
                    {
                        int start = fromEnd ? id.Length - offset - count : offset;
                        if (!seen.Add((id.Length, Key(id, start, count))))
                        {
                            apart = false;
                            break;
                        }
                    }
                    if (apart) return new IdHash(min, max, offset, count, fromEnd);
                }
            }
        }
        return new IdHash(min, max, 0, 0, false);
    }

    /// <summary>The window's chars as one number: exact up to four chars, FNV-1a beyond (two windows taken as equal when they are not only cost a longer window).</summary>
    private static ulong Key(string id, int start, int count)
    {
        ulong key = count <= 4 ? 0 : 14695981039346656037ul;
        for (int i = start; i < start + count; i++)
        {
            key = count <= 4 ? (key << 16) | id[i] : unchecked((key ^ id[i]) * 1099511628211ul);
        }
        return key;
    }

    /// <summary>The hash of <paramref name="id"/> as this kind's generated Find computes it.</summary>
    public uint Of(string id)
    {
        if (Count == 0) return Hash(id, 0, id.Length);
        return Hash(id, FromEnd ? id.Length - Offset - Count : Offset, Count);
    }

    /// <summary>The hash of the id's length and its chars <paramref name="start"/>..+<paramref name="count"/>; <see cref="Code"/> computes the same, bit for bit.</summary>
    public static uint Hash(string id, int start, int count)
    {
        unchecked
        {
            uint a = 352654597u ^ (uint)id.Length, b = a;
            int i = start, end = start + count;
            for (; i + 3 < end; i += 4)
            {
                a = (((a << 5) | (a >> 27)) + a) ^ (id[i] | ((uint)id[i + 1] << 16));
                b = (((b << 5) | (b >> 27)) + b) ^ (id[i + 2] | ((uint)id[i + 3] << 16));
            }
            for (; i < end; i++) a = (((a << 5) | (a >> 27)) + a) ^ id[i];
            uint h = (a + (b * 1566083941u)) * 2654435769u;
            return h ^ (h >> 15);
        }
    }

    /// <summary>
    /// The statements of the generated FactData.Hash: they hash <c>id</c>'s length and its chars <c>start</c>..+<c>count</c>
    /// into <c>h</c> as <see cref="Hash"/> does. Over a span whose length the loop tests, so the JIT drops the bounds checks
    /// on the four constant indexes.
    /// </summary>
    public static IEnumerable<string> Code()
    {
        yield return "uint a = 352654597u ^ (uint)id.Length, b = a;";
        yield return "global::System.ReadOnlySpan<char> c = global::System.MemoryExtensions.AsSpan(id, start, count);";
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
