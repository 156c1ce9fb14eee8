using System;

namespace FactGen.Parsing;

/// <summary>
/// The line starts of a text by the rules Roslyn's <c>SourceText</c> uses (CR, LF, CR LF, U+0085, U+2028,
/// U+2029), so the line and column FactGen reports for an offset are the ones the compiler and the IDE
/// show for it — whatever YamlDotNet counts (it counts a leading byte order mark and treats some breaks
/// differently).
/// </summary>
/// <remarks>
/// One instance serves one read of one text, on one thread: it remembers the line it found last, because
/// a reader asks for offsets in nearly increasing order and the answer is then that line or the next.
/// </remarks>
internal sealed class TextLines
{
    private readonly int[] _starts;
    private readonly int _count;
    private int _last;

    private TextLines(int[] starts, int count, int length)
    {
        _starts = starts;
        _count = count;
        Length = length;
    }

    public int Length { get; }

    public int Count => _count;

    public static TextLines From(string text)
    {
        // One pass, finding each break with a vectorized search (a line is tens of chars; the search jumps
        // over them): this runs over every char of every fact file.
        var starts = new int[Math.Max(16, text.Length / 32)];
        int count = 1;
        ReadOnlySpan<char> breaks = Breaks.AsSpan();
        int i = 0;
        while (i < text.Length)
        {
            int found = text.AsSpan(i).IndexOfAny(breaks);
            if (found < 0) break;
            i += found;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            i++;
            if (count == starts.Length) Array.Resize(ref starts, starts.Length * 2);
            starts[count++] = i;
        }
        return new TextLines(starts, count, text.Length);
    }

    /// <summary>The chars that end a line (CR LF counts once).</summary>
    private const string Breaks = "\n\r\u0085\u2028\u2029";

    public static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    public int StartOf(int line) => _starts[line];

    /// <summary>The 0-based line of an offset (clamped into the text).</summary>
    public int LineOf(int index)
    {
        if (index < 0) index = 0;
        if (index > Length) index = Length;
        int last = _last, lo, hi;
        if (_starts[last] <= index)
        {
            // The line found last, or the one after it: no search.
            if (last + 1 == _count || index < _starts[last + 1]) return last;
            if (last + 2 == _count || index < _starts[last + 2]) return _last = last + 1;

            // Further on: gallop forward from there, then search the bracket found.
            lo = last + 2;
            hi = lo + 1;
            for (int step = 2; hi < _count && _starts[hi] <= index; step <<= 1)
            {
                lo = hi;
                hi += step;
            }
            if (hi > _count - 1) hi = _count - 1;
        }
        else
        {
            // Before it (a collection's start after its first child's): gallop back.
            hi = last - 1;
            lo = hi;
            for (int step = 1; _starts[lo] > index; step <<= 1)
            {
                hi = lo - 1;
                lo -= step;
                if (lo < 0)
                {
                    lo = 0;
                    break;
                }
            }
        }

        // The last line in [lo, hi] that starts at or before the offset; line lo does.
        while (lo < hi)
        {
            int mid = lo + ((hi - lo + 1) / 2);
            if (_starts[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        return _last = lo;
    }
}
