using System.Text;

namespace FactGen.Benchmarks.Corpus;

/// <summary>Writes YAML in the style of the repository's fact files: two-space block lists, plain scalars
/// where they read back as the same text, double-quoted (escaped) prose, folded blocks for long notes.</summary>
public sealed class YamlText
{
    private readonly StringBuilder _sb;

    public YamlText(int capacity = 4096) => _sb = new StringBuilder(capacity);

    public int Length => _sb.Length;

    public YamlText Comment(string text)
    {
        _sb.Append("# ").Append(text).Append('\n');
        return this;
    }

    public YamlText ListKey(int indent, string key)
    {
        _sb.Append(' ', indent).Append(key).Append(":\n");
        return this;
    }

    /// <summary><c>key: value</c>, plain when safe, else double-quoted. <paramref name="dash"/> starts a list item.</summary>
    public YamlText Pair(int indent, string key, string value, bool dash = false, bool quote = false)
    {
        Indent(indent, dash).Append(key).Append(": ");
        Scalar(value, quote);
        _sb.Append('\n');
        return this;
    }

    /// <summary>A folded block scalar (<c>&gt;-</c>) wrapped at spaces, which reads back as the same single-spaced text.</summary>
    public YamlText Folded(int indent, string key, string value, int width = 96)
    {
        if (value.Contains("  ", StringComparison.Ordinal) || value.Contains('\n') || value.StartsWith(' ') || value.EndsWith(' ') || value.Contains('#'))
        {
            return Pair(indent, key, value, quote: true);
        }
        Indent(indent, false).Append(key).Append(": >-\n");
        string pad = new(' ', indent + 2);
        int start = 0;
        while (start < value.Length)
        {
            int end = Math.Min(value.Length, start + width);
            if (end < value.Length)
            {
                int space = value.LastIndexOf(' ', end, end - start);
                if (space > start) end = space;
                else
                {
                    space = value.IndexOf(' ', end);
                    end = space < 0 ? value.Length : space;
                }
            }
            _sb.Append(pad).Append(value, start, end - start).Append('\n');
            start = end < value.Length ? end + 1 : end;
        }
        return this;
    }

    /// <summary>A list item that is a plain scalar: <c>- value</c>.</summary>
    public YamlText Item(int indent, string value)
    {
        Indent(indent, true);
        Scalar(value, false);
        _sb.Append('\n');
        return this;
    }

    private StringBuilder Indent(int indent, bool dash)
    {
        if (dash) return _sb.Append(' ', indent - 2).Append("- ");
        return _sb.Append(' ', indent);
    }

    private void Scalar(string value, bool quote)
    {
        if (!quote && IsPlainSafe(value))
        {
            _sb.Append(value);
            return;
        }
        _sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\t': _sb.Append("\\t"); break;
                default:
                    if (c < ' ') throw new ArgumentException("control character in corpus text", nameof(value));
                    _sb.Append(c);
                    break;
            }
        }
        _sb.Append('"');
    }

    /// <summary>True when the text can be written unquoted in block context and reads back unchanged as a string.</summary>
    public static bool IsPlainSafe(string s)
    {
        if (s.Length == 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(s[0])) return false;
        if (s.EndsWith(':') || s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal)) return false;
        foreach (char c in s)
        {
            if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') return false;
        }
        switch (s.ToLowerInvariant())
        {
            case "~" or "null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n":
                return false;
        }
        return true;
    }

    public override string ToString() => _sb.ToString();
}
