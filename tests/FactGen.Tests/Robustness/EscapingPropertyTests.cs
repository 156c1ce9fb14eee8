using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using CsCheck;
using FactGen.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.3, at the source: <see cref="CSharp.Literal"/> and <see cref="CSharp.Xml"/> over arbitrary
/// UTF-16 strings (lone surrogates included) and hostile ones — the literal reads back exactly as the C#
/// parser and the compiled program see it, the doc text is one line of well-formed XML.
/// </summary>
public class EscapingPropertyTests
{
    private const ulong Seed = 20261129;

    private static readonly Gen<string> s_arbitrary = Gen.Frequency(
        (1, Gen.String[Gen.Char[char.MinValue, char.MaxValue], 0, 24]),
        (1, Hostile.Value));

    private static List<string> Strings(uint stream, int count)
    {
        var pcg = new PCG(stream, Seed);
        var list = new List<string>(count);
        for (int i = 0; i < count; i++) list.Add(s_arbitrary.Generate(pcg, null, out _));
        return list;
    }

    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    [Fact]
    public void LiteralParsesBackToTheValue()
    {
        var failures = new List<string>();
        foreach (string value in Strings(1, 50_000))
        {
            string literal = CSharp.Literal(value);
            foreach (char c in literal)
            {
                UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
                if (IsLineBreak(c) || cat is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                {
                    failures.Add(Hostile.Show(value) + ": the literal holds a raw U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                }
            }
            ExpressionSyntax parsed = SyntaxFactory.ParseExpression(literal);
            if (parsed is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } s || parsed.GetDiagnostics().Any() || parsed.FullSpan.Length != literal.Length)
            {
                failures.Add(Hostile.Show(value) + ": " + literal + " does not parse as one string literal");
            }
            else if (!string.Equals((string?)s.Token.Value, value, StringComparison.Ordinal))
            {
                failures.Add(Hostile.Show(value) + ": parses back as " + Hostile.Show((string?)s.Token.Value));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void XmlIsOneLineOfWellFormedText()
    {
        var failures = new List<string>();
        foreach (string value in Strings(2, 50_000))
        {
            string xml = CSharp.Xml(value, max: 40);
            if (xml.Any(c => IsLineBreak(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format))
            {
                failures.Add(Hostile.Show(value) + ": " + Hostile.Show(xml) + " holds a line break, control, format or surrogate char");
                continue;
            }
            if (xml.Length > 40 + 6 + 1) failures.Add(Hostile.Show(value) + ": " + xml.Length + " chars for a maximum of 40");
            try
            {
                var element = XElement.Parse("<summary>" + xml + "</summary>");
                if (element.HasElements) failures.Add(Hostile.Show(value) + ": the doc text holds elements");
            }
            catch (System.Xml.XmlException e)
            {
                failures.Add(Hostile.Show(value) + ": " + Hostile.Show(xml) + " is not well-formed: " + e.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void CompiledLiteralsAndDocCommentsReadBackExactly()
    {
        List<string> values = Strings(3, 3_000);
        var source = new StringBuilder("namespace Escapes\n{\n    /// <summary>Values.</summary>\n    public static class Values\n    {\n");
        source.Append("        /// <summary>All of them.</summary>\n        public static readonly string[] All = new string[]\n        {\n");
        foreach (string v in values) source.Append("            ").Append(CSharp.Literal(v)).Append(",\n");
        source.Append("        };\n");
        for (int i = 0; i < values.Count; i++)
        {
            source.Append("        /// <summary>").Append(CSharp.Xml(values[i])).Append("</summary>\n");
            source.Append("        public const int M").Append(i).Append(" = ").Append(i).Append(";\n");
        }
        source.Append("    }\n}\n");

        var tree = CSharpSyntaxTree.ParseText(source.ToString(), Robust.ParseOptions, path: "/project/Escapes.cs");
        Compilation compilation = Robust.Base.AddSyntaxTrees(tree);
        Assembly? assembly = Robust.EmitAndLoad(compilation, out var diagnostics);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics.Take(20)));
        Assert.NotNull(assembly);

        var all = (string[])assembly!.GetType("Escapes.Values")!.GetField("All")!.GetValue(null)!;
        Assert.Equal(values.Count, all.Length);
        for (int i = 0; i < values.Count; i++) Assert.True(values[i] == all[i], Hostile.Show(values[i]) + " read back as " + Hostile.Show(all[i]));
        var constants = assembly.GetType("Escapes.Values")!.GetFields().Where(f => f.IsLiteral).Select(f => f.Name).ToHashSet();
        Assert.Equal(Enumerable.Range(0, values.Count).Select(i => "M" + i).ToHashSet(), constants);
    }

    [Fact]
    public void WellFormedIsWhatUtf8CanCarry()
    {
        // .NET's UTF-8 encoder writes each lone surrogate as U+FFFD and keeps everything else: an oracle.
        foreach (string value in Strings(4, 50_000))
        {
            string w = CSharp.WellFormed(value);
            Assert.True(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) == w, Hostile.Show(value) + " → " + Hostile.Show(w));
        }
    }
}
