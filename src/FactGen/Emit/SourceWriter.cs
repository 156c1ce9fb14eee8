using System;
using System.Collections.Generic;
using System.Text;

namespace FactGen.Emit;

/// <summary>A StringBuilder with indentation; '\n' line ends whatever the platform, so output is byte-identical everywhere.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb;
    private readonly char[] _digits = new char[10];
    private int _indent;

    /// <summary>
    /// A writer whose first chunk holds <paramref name="capacity"/> chars, at most <see cref="MaxChunk"/>: a
    /// StringBuilder grows by chunks of up to 8,000 chars, and a larger first chunk would be an array on the
    /// large object heap, whose allocations bring full (gen-2) collections of everything a run keeps.
    /// </summary>
    public SourceWriter(int capacity = 4096) => _sb = new StringBuilder(Math.Min(capacity, MaxChunk));

    /// <summary>Chars of the largest first chunk: 32 KB, well under the large object heap's 85,000 bytes.</summary>
    public const int MaxChunk = 16 * 1024;

    public int Length => _sb.Length;

    /// <summary>The text so far, for writers that append a piece in place (doc comments) instead of building a string first.</summary>
    public StringBuilder Builder => _sb;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
        _sb.Append('\n');
        return this;
    }

    /// <summary>Starts an indented line for piecewise writing with <see cref="Append(string)"/>; finish with <see cref="EndLine"/>.</summary>
    public SourceWriter Start()
    {
        _sb.Append(' ', _indent * 4);
        return this;
    }

    public SourceWriter Append(string text)
    {
        _sb.Append(text);
        return this;
    }

    /// <summary>Appends the invariant decimal form of <paramref name="value"/> without allocating (data tables hold millions of ints).</summary>
    public SourceWriter Append(int value)
    {
        if (value < 0)
        {
            if (value == int.MinValue)
            {
                _sb.Append("-2147483648");
                return this;
            }
            _sb.Append('-');
            value = -value;
        }
        if (value < 10)
        {
            _sb.Append((char)('0' + value));
            return this;
        }
        int start = _digits.Length;
        do
        {
            _digits[--start] = (char)('0' + (value % 10));
            value /= 10;
        }
        while (value != 0);
        _sb.Append(_digits, start, _digits.Length - start);
        return this;
    }

    /// <summary>Appends int tables in the encoding the generated Decode reads (<see cref="DataTables.Encode(System.Text.StringBuilder, IReadOnlyList{int}, bool)"/>).</summary>
    public SourceWriter Encoded(IEnumerable<IReadOnlyList<int>> tables, bool utf8)
    {
        foreach (IReadOnlyList<int> table in tables) DataTables.Encode(_sb, table, utf8);
        return this;
    }

    /// <summary>Appends one number, in a string literal, in the encoding of <see cref="DataTables.Encode(System.Text.StringBuilder, int, bool)"/>.</summary>
    public SourceWriter Encoded(int value)
    {
        DataTables.Encode(_sb, value, utf8: false);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> escaped for the inside of a string literal (see <see cref="CSharp.AppendLiteralBody"/>).</summary>
    public SourceWriter AppendLiteralBody(string value)
    {
        CSharp.AppendLiteralBody(_sb, value);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> as a C# string literal (see <see cref="CSharp.AppendLiteral"/>).</summary>
    public SourceWriter AppendLiteral(string value)
    {
        CSharp.AppendLiteral(_sb, value);
        return this;
    }

    public SourceWriter Append(char value)
    {
        _sb.Append(value);
        return this;
    }

    public SourceWriter EndLine()
    {
        _sb.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => _sb.ToString();
}
