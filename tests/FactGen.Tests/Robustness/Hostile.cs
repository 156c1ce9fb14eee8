using System.Globalization;
using System.Text;
using CsCheck;
using FactGen.Parsing;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Generators of values built to escape a C# string literal, an XML doc comment, a line, a YAML scalar or
/// the reader's eye — and of valid and invalid fact ids. Deterministic: callers generate with a fixed PCG.
/// </summary>
internal static class Hostile
{
    /// <summary>Pieces that mean something to C#, XML docs, the preprocessor, YAML or a terminal.</summary>
    public static readonly string[] Fragments =
    {
        // C# strings and comments
        "\"", "\\", "\"\"", "*/", "/*", "//", "@\"", "\"\"\"", "$\"", "$$\"\"\"", "{", "}", "{0}", "{{", "}}",
        "\\u0041", "\\U00000041", "\\x41", "\\0", "\\n", "\\\"", "'", "\"; public static int Evil = 1; //",
        "public static int Injected => 1;", "global::System.Environment.Exit(1);",
        // XML doc comments
        "</summary>", "<summary>", "</summary>\n/// <summary>", "<!--", "-->", "<![CDATA[", "]]>", "&", "&amp;", "&lt;", "&#x41;",
        "<", ">", "<see cref=\"System.Object\"/>", "<c>", "</c>", "<para>",
        // the preprocessor
        "#if DEBUG", "#endif", "#region", "#line 1 \"x\"", "#pragma warning disable", "#error boom", "\n#if false\n",
        // line terminators, C#'s and others, and control characters
        "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\t", "\u000B", "\u000C", "\0", "\u0001", "\u001B", "\u007F", "\u009F",
        // bidi controls, invisible and special characters
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
        "\u200B", "\u200D", "\u2060", "\uFEFF", "\uFFFE", "\uFFFF", "\uFFFD", "\u00A0", "\u3000", "\u00AD",
        // surrogates: lone, reversed, and a real pair
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "😀", "𝔘",
        // text from the real world
        "é", "A\u0301", "何立峰", "Hé Lìfēng", "ﬁ", "Ⅻ", "ǅ", "İ", "ı", "ß", "ς", "\u0627\u0644",
        // YAML
        ": ", " #", "- ", "&a", "*a", "!!str", "---", "...", "|", "> ", "%", "@", "`", "null", "~", "true", "0x1F", "1e3", "? ",
        // whitespace at the edges
        " ", "  ",
    };

    private static readonly Gen<string> s_fragment = Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]);

    private static readonly Gen<string> s_anyChar = Gen.Char[char.MinValue, char.MaxValue].Select(c => c.ToString());

    private static readonly Gen<string> s_ascii = Gen.String[Gen.Char[' ', '~'], 1, 8];

    private static readonly Gen<string> s_piece = Gen.Frequency((14, s_fragment), (3, s_anyChar), (3, s_ascii));

    /// <summary>A value of one to six pieces: fragments, arbitrary UTF-16 units, printable ASCII.</summary>
    public static readonly Gen<string> Value = s_piece.Array[1, 6].Select(string.Concat);

    /// <summary>A required value: one with something besides whitespace (the parser refuses blank ones).</summary>
    public static readonly Gen<string> Required = Value.Select(v => v.Trim().Length == 0 ? v + "x" : v);

    private static readonly Gen<string> s_word = Gen.String[Gen.Frequency((5, Gen.Char['a', 'z']), (2, Gen.Char['0', '9'])), 1, 7];

    /// <summary>The start of a valid kebab-case id: a letter, then words of lowercase letters and digits.</summary>
    public static readonly Gen<string> IdStem = Gen.Select(Gen.Char['a', 'z'], s_word.Array[0, 3], (first, words) =>
        first + string.Concat(words.Take(1)) + string.Concat(words.Skip(1).Select(w => "-" + w)));

    private static readonly Gen<Func<string, string>> s_breakId = Gen.OneOf<Func<string, string>>(
        id => id.ToUpperInvariant(),
        id => id.Replace('-', '_') + "_x",
        id => id + "-",
        id => "-" + id,
        id => "9" + id,
        id => id + "--x",
        id => id + " ",
        id => " " + id,
        id => id + "\n",
        id => id + "\u200B",
        id => "\u0445" + id, // Cyrillic х
        id => id.Insert(1, "é"),
        id => id + "\"*/",
        id => id + "</summary>",
        id => id + "\u202E",
        id => id + "\uD800",
        id => id + new string('a', 200),
        id => string.Empty + id[0] + "." + id);

    /// <summary>An invalid id: a valid stem broken one way, or a hostile value.</summary>
    public static readonly Gen<string> InvalidId = Gen.Frequency(
        (3, Gen.Select(IdStem, s_breakId, (id, f) => f(id))),
        (1, Value)).Select(id => FactParser.IsValidId(id) ? id + "_" : id);

    /// <summary>A value as a YAML double-quoted scalar that reads back exactly.</summary>
    public static string Yaml(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        sb.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // YAML escapes cannot carry a lone surrogate (YamlDotNet refuses "\uD800"), so it goes in raw:
                // possible only in a text handed over as a string (an editor's buffer), never from a file.
                sb.Append(c);
            }
            else if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c == '\0') sb.Append("\\0");
            else if (c < ' ' || c >= '\u007F') sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A printable rendering of a value for failure messages.</summary>
    public static string Show(string? value)
        => value is null ? "null" : "\"" + string.Concat(value.Select(c => c >= ' ' && c < '\u007F' && c != '\\' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + "\"";
}
