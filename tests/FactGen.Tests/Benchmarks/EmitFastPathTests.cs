using System.Globalization;
using System.Text;
using FactGen.Emit;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FactGen.Tests.Benchmarks;

/// <summary>
/// The allocation-free paths added for performance (issue 7) give exactly what the general paths give:
/// ints as invariant decimals, literals that read back as the same string, XML doc text unchanged only when
/// the general escaping would leave it unchanged.
/// </summary>
public class EmitFastPathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(20230829)]
    [InlineData(-1)]
    [InlineData(-20230829)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void AppendIntIsTheInvariantDecimalForm(int value)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH"); // must not matter
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), new SourceWriter().Append(value).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII text")]
    [InlineData("quote \" backslash \\ tab \t newline \n return \r nul \0 end")]
    [InlineData("何立峰 Hé Lìfēng Сергей محمد")]
    [InlineData("line\u2028para\u2029next\u0085 bidi\u202E zwj\u200D nbsp\u00A0 soft\u00AD")]
    [InlineData("pair \uD83D\uDE00 lone \uD800 end \uDFFF")]
    [InlineData("\u0001\u001F\u007F\u0080\u009F private \uE000 unassigned \u0378")]
    public void LiteralReadsBackAsTheSameString(string value)
    {
        string literal = CSharp.Literal(value);
        var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(value, parsed.Token.ValueText);
        Assert.DoesNotContain(literal, c => c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c));

        var sb = new StringBuilder("x");
        CSharp.AppendLiteral(sb, value);
        Assert.Equal("x" + literal, sb.ToString());
    }

    [Theory]
    [InlineData("Gina Raimondo", "Gina Raimondo")]
    [InlineData("", "")]
    [InlineData(" leading", "leading")]
    [InlineData("trailing ", "trailing")]
    [InlineData("double  space", "double space")]
    [InlineData("a & b < c > d \"e\"", "a &amp; b &lt; c &gt; d &quot;e&quot;")]
    [InlineData("tab\there", "tab here")]
    [InlineData("Hé Lìfēng", "Hé Lìfēng")]
    public void XmlTextIsEscapedAndOnOneLine(string value, string expected)
    {
        Assert.Equal(expected, CSharp.Xml(value));
    }

    [Fact]
    public void XmlTextIsCutAtTheLimitWhateverPathItTakes()
    {
        Assert.Equal(new string('a', 10) + "…", CSharp.Xml(new string('a', 11), 10));
        Assert.Equal(new string('a', 10), CSharp.Xml(new string('a', 10), 10));
        Assert.Equal(new string('é', 10) + "…", CSharp.Xml(new string('é', 11), 10));
    }
}
