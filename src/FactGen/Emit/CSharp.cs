using System.Globalization;
using System.Text;

namespace FactGen.Emit;

/// <summary>Escaping of data for C# source: string literals and XML doc text.</summary>
internal static class CSharp
{
    /// <summary>
    /// A regular C# string literal that reads back as exactly <paramref name="value"/>. Printable characters
    /// stay readable; quotes, backslashes, control and format characters (bidi controls included), line
    /// terminators (U+0085, U+2028, U+2029), surrogates (paired or lone), private-use and unassigned
    /// characters become <c>\uXXXX</c> escapes.
    /// </summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendLiteral(sb, value);
        return sb.ToString();
    }

    public static void AppendLiteral(StringBuilder sb, string value)
    {
        sb.Append('"');
        AppendLiteralBody(sb, value);
        sb.Append('"');
    }

    /// <summary>Appends <paramref name="value"/> escaped for the inside of a C# string literal, without the quotes.</summary>
    public static void AppendLiteralBody(StringBuilder sb, string value)
    {
        int run = 0; // start of the pending run of characters that stay as they are
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => null,
            };
            if (escape is null && (c >= ' ' && c < 0x7F || (c >= 0xA1 && IsSafe(c)))) continue;
            // Copy the run before c in one call; the data literal is megabytes long.
            if (i > run) sb.Append(value, run, i - run);
            run = i + 1;
            if (escape is not null)
            {
                sb.Append(escape);
            }
            else
            {
                sb.Append("\\u").Append(Hex((c >> 12) & 0xF)).Append(Hex((c >> 8) & 0xF)).Append(Hex((c >> 4) & 0xF)).Append(Hex(c & 0xF));
            }
        }
        if (value.Length > run) sb.Append(value, run, value.Length - run);
    }

    private static char Hex(int digit) => (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);

    /// <summary>
    /// True when <see cref="Xml"/> would return the text unchanged: printable ASCII without <c>&amp; &lt; &gt; "</c>,
    /// single spaces between words. Most names and summaries are; they skip the per-character Unicode lookups.
    /// </summary>
    private static bool IsPlainXml(string value)
    {
        bool afterSpace = true; // a leading space is not plain
        foreach (char c in value)
        {
            if (c == ' ')
            {
                if (afterSpace) return false;
                afterSpace = true;
                continue;
            }
            if (c < '!' || c > '~' || c == '&' || c == '<' || c == '>' || c == '"') return false;
            afterSpace = false;
        }
        return !afterSpace || value.Length == 0;
    }

    /// <summary>
    /// The value with every lone surrogate replaced by U+FFFD. Attribute arguments are stored in metadata as
    /// UTF-8, which cannot hold a lone surrogate: the compiler writes something that reads back as one or
    /// more U+FFFD. Replacing it here makes the attribute read back as exactly what was emitted.
    /// </summary>
    public static string WellFormed(string value)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pair)
            {
                sb?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                sb ??= new StringBuilder(value, 0, i, value.Length);
                sb.Append('\uFFFD');
                continue;
            }
            sb?.Append(c);
        }
        return sb?.ToString() ?? value;
    }

    private static bool IsSafe(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Text for an XML doc comment: XML-escaped, on one line (every line terminator C# knows, U+0085,
    /// U+2028 and U+2029 included, becomes a space), without control, format or surrogate characters,
    /// and cut to a readable length.
    /// </summary>
    public static string Xml(string value, int max = 300)
    {
        if (value.Length <= max && IsPlainXml(value)) return value;
        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value)
        {
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }
            UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
            bool isSpace = char.IsWhiteSpace(c) || cat is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (isSpace)
            {
                space = sb.Length > 0;
                continue;
            }
            if (cat is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
