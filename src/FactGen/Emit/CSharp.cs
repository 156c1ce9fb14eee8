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
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\0': sb.Append("\\0"); continue;
            }
            if (c >= ' ' && c < 0x7F || (c >= 0xA1 && IsSafe(c)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }
        sb.Append('"');
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
