using System.Collections.Generic;
using System.Text;

namespace FactGen.Emit;

/// <summary>
/// Builds the generated data: one string table (every distinct string once, concatenated into a single
/// literal with an offsets array) and int rows per kind, encoded by Encode. Index 0 of the string table is null.
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
        for (int i = 0; i < values.Count; i++)
        {
            uint u = unchecked((uint)values[i]);
            while (u >= 27)
            {
                sb.Append((char)(64 + (u % 27)));
                u /= 27;
            }
            sb.Append((char)(37 + u));
        }
    }

    /// <summary>Low bits of a table entry: index+1 of the fact. The generated Find uses the same constant.</summary>
    public const int IndexMask = (1 << 21) - 1;

    /// <summary>
    /// An open-addressing table (linear probing, size a power of two ≥ 2n); 0 = empty. An entry is index+1 in its
    /// low 21 bits and, above them, the id hash's top 11 bits: a probe that lands on another id is rejected on
    /// those bits, without reading the fact (a miss would otherwise read one or two facts from memory). With
    /// 2^21 - 1 or more facts the index needs every bit and no hash bits are kept (the generated Find checks the count).
    /// </summary>
    public static int[] HashTable(IReadOnlyList<string> ids, HashWindow window)
    {
        int size = 2;
        while (size < ids.Count * 2) size <<= 1;
        var table = new int[size];
        int mask = size - 1;
        bool tagged = ids.Count < IndexMask;
        for (int i = 0; i < ids.Count; i++)
        {
            uint hash = window.Hash(ids[i]);
            int slot = (int)(hash & (uint)mask);
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = (i + 1) | (tagged ? (int)(hash & ~(uint)IndexMask) : 0);
        }
        return table;
    }
}

/// <summary>
/// Which chars of an id the generated <c>Find</c> hashes, chosen at build time for a kind's ids (as FrozenDictionary
/// does at run time): the cheapest window, a run of up to 16 chars at a fixed distance from the end (or the start)
/// of the id and cut short where the id is, that tells the ids apart (at most 1 in 20 sharing a hash with another
/// id), or every char when none does. The length is always mixed in, and ids outside the kind's length range miss
/// without hashing.
/// </summary>
internal readonly struct HashWindow
{
    private const int MaxOffset = 3;

    private HashWindow(int offset, int length, bool fromEnd, int minLength, int maxLength)
    {
        Offset = offset;
        Length = length;
        FromEnd = fromEnd;
        MinLength = minLength;
        MaxLength = maxLength;
    }

    /// <summary>Distance of the window from the end (or the start) of the id; always less than <see cref="MinLength"/>.</summary>
    public int Offset { get; }

    /// <summary>Chars in the window, fewer where the id ends first; 0 means the whole id.</summary>
    public int Length { get; }

    public bool FromEnd { get; }

    public int MinLength { get; }

    public int MaxLength { get; }

    public static HashWindow Choose(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return new HashWindow(0, 0, false, 1, 0); // every id misses
        int min = int.MaxValue, max = 0;
        foreach (string id in ids)
        {
            min = System.Math.Min(min, id.Length);
            max = System.Math.Max(max, id.Length);
        }
        int allowedDuplicates = ids.Count / 20;
        var seen = new HashSet<uint>();
        for (int length = 1; length <= 16; length = length < 6 ? length + 1 : length + (length == 6 ? 2 : 4)) // 1–6, 8, 12, 16
        {
            if (length >= max) break; // as long as the longest id: hash them whole
            for (int offset = 0; offset <= System.Math.Min(MaxOffset, min - 1); offset++)
            {
                for (int side = 0; side < 2; side++)
                {
                    var window = new HashWindow(offset, length, side == 0, min, max);
                    seen.Clear();
                    int duplicates = 0;
                    foreach (string id in ids)
                    {
                        // hash-equal windows count as duplicates: they would share a probe sequence in the table
                        if (!seen.Add(window.Hash(id)) && ++duplicates > allowedDuplicates) break;
                    }
                    if (duplicates <= allowedDuplicates) return window;
                }
            }
        }
        return new HashWindow(0, 0, false, min, max);
    }

    /// <summary>
    /// The hash of the length and the window's chars; the generated Find computes the same, bit for bit. Two chars per
    /// step in two independent lanes (rotate, add, xor: no multiply on the chain), then one multiply to spread the
    /// bits, so the probe slot (low bits) and the tag (top bits) both depend on every hashed char.
    /// </summary>
    public uint Hash(string id)
    {
        unchecked
        {
            int start, end;
            if (Length == 0) (start, end) = (0, id.Length);
            else if (FromEnd) (start, end) = (System.Math.Max(0, id.Length - Offset - Length), id.Length - Offset);
            else (start, end) = (Offset, System.Math.Min(id.Length, Offset + Length));
            uint a = 352654597u ^ (uint)id.Length, b = a;
            int i = start;
            for (; i + 1 < end; i += 2)
            {
                a = (((a << 5) | (a >> 27)) + a) ^ id[i];
                b = (((b << 5) | (b >> 27)) + b) ^ id[i + 1];
            }
            if (i < end) a = (((a << 5) | (a >> 27)) + a) ^ id[i];
            uint h = (a + (b * 1566083941u)) * 2654435769u;
            return h ^ (h >> 15);
        }
    }

    /// <summary>The generated statements that hash <c>id</c> into <c>h</c> as <see cref="Hash"/> does.</summary>
    public IEnumerable<string> HashCode()
    {
        static string I(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string start, end;
        bool cut = Offset + Length > MinLength; // some ids are shorter than the window's far edge
        if (Length == 0) (start, end) = ("0", "id.Length");
        else if (FromEnd) (start, end) = (cut ? "global::System.Math.Max(0, id.Length - " + I(Offset + Length) + ")" : "id.Length - " + I(Offset + Length), Offset == 0 ? "id.Length" : "id.Length - " + I(Offset));
        else (start, end) = (I(Offset), cut ? "global::System.Math.Min(id.Length, " + I(Offset + Length) + ")" : I(Offset + Length));
        yield return "uint a = 352654597u ^ (uint)id.Length, b = a;";
        yield return "int i = " + start + ", end = " + end + ";";
        yield return "for (; i + 1 < end; i += 2)";
        yield return "{";
        yield return "    a = (((a << 5) | (a >> 27)) + a) ^ id[i];";
        yield return "    b = (((b << 5) | (b >> 27)) + b) ^ id[i + 1];";
        yield return "}";
        yield return "if (i < end) a = (((a << 5) | (a >> 27)) + a) ^ id[i];";
        yield return "uint h = (a + (b * 1566083941u)) * 2654435769u;";
        yield return "h ^= h >> 15;";
    }
}
