using System.Text;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.4: a fact file in any encoding csc accepts (UTF-8 with and without BOM, UTF-16 LE/BE with BOM),
/// with LF, CRLF or CR line ends and tabs, is read to the same facts — or rejected with a diagnostic at
/// the right line and column. Files are decoded from bytes the way csc decodes AdditionalFiles.
/// </summary>
public class EncodingTests
{
    // Line 5 (1-based) holds an invalid country at column 14; everything else is valid.
    private static readonly string[] s_lines =
    {
        "# Encodings: names outside ASCII, a tab, and an error on line 5.",
        "organizations:",
        "  - id: state-council",
        "    name: \"State Council\"",
        "    country: XX",
        "officials:",
        "  - id: he-lifeng",
        "    name: He Lifeng",
        "    romanized: Hé Lìfēng",
        "    native: 何立峰",
        "    country: CN",
        "    note:\t\"tab before the value; 😀 outside the BMP\"",
        "  - id: li-qiang",
        "    name: \"Li\\tQiang\"",
        "    country: CN",
    };

    private const int ErrorLine = 5, ErrorColumn = 14;

    public static IEnumerable<object[]> Variants()
    {
        foreach (string encoding in new[] { "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom" })
        {
            foreach (string newline in new[] { "LF", "CRLF", "CR" })
            {
                yield return new object[] { encoding, newline };
            }
        }
    }

    private static string Text(string newline)
        => string.Join(newline switch { "LF" => "\n", "CRLF" => "\r\n", _ => "\r" }, s_lines) + (newline == "CR" ? "\r" : "\n");

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => Bom(new UTF8Encoding(true), text),
        "utf-16le-bom" => Bom(new UnicodeEncoding(bigEndian: false, byteOrderMark: true), text),
        "utf-16be-bom" => Bom(new UnicodeEncoding(bigEndian: true, byteOrderMark: true), text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static byte[] Bom(Encoding e, string text) => e.GetPreamble().Concat(e.GetBytes(text)).ToArray();

    private static GeneratorRun RunBytes(byte[] bytes, out AdditionalText file)
    {
        file = new TestAdditionalText(GeneratorHarness.FactsDir + "/encoded.yaml", CompilerText.FromBytes(bytes));
        GeneratorRun run = Robust.Run(new[] { file });
        List<string> problems = Robust.Problems(run, new[] { file });
        Assert.True(problems.Count == 0, Robust.Describe(problems));
        return run;
    }

    private static string Generated(GeneratorRun run)
        => string.Join("\n", run.Result.Results[0].GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText));

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryEncodingAndLineEndReadsTheSameFactsWithTheErrorOnItsLine(string encoding, string newline)
    {
        GeneratorRun baseline = RunBytes(Encode(Text("LF"), "utf-8"), out _);
        GeneratorRun run = RunBytes(Encode(Text(newline), encoding), out AdditionalText file);

        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FG0004", error.Id);
        FileLinePositionSpan span = error.Location.GetLineSpan();
        Assert.Equal(ErrorLine - 1, span.StartLinePosition.Line);
        Assert.Equal(ErrorColumn - 1, span.StartLinePosition.Character);
        Assert.Equal("XX", file.GetText()!.ToString(error.Location.SourceSpan));
        Assert.Equal(Generated(baseline), Generated(run));
    }

    [Fact]
    public void BaselineValuesReadBack()
    {
        GeneratorRun run = RunBytes(Encode(Text("CRLF"), "utf-16le-bom"), out _);
        var assembly = GeneratorHarness.Load(run.Output);
        object? he = GeneratorHarness.Get(assembly, "Test.Facts.Officials", "HeLifeng");
        Assert.Equal("何立峰", GeneratorHarness.Prop(he, "Native"));
        Assert.Equal("Hé Lìfēng", GeneratorHarness.Prop(he, "Romanized"));
        Assert.Equal("tab before the value; 😀 outside the BMP", GeneratorHarness.Prop(he, "Note"));
        Assert.Equal("Li\tQiang", GeneratorHarness.Prop(GeneratorHarness.Get(assembly, "Test.Facts.Officials", "LiQiang"), "Name"));
    }

    [Fact]
    public void ByteOrderMarkKeptInTheTextIsNotContent()
    {
        // An editor host may hand over a string that still starts with U+FEFF; YAML says it is not content.
        string text = Text("CRLF");
        var withMark = new TestAdditionalText(GeneratorHarness.FactsDir + "/encoded.yaml", "\uFEFF" + text);
        GeneratorRun run = Robust.Run(new[] { withMark });
        Assert.Empty(Robust.Problems(run, new[] { withMark }));
        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(ErrorLine - 1, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("XX", withMark.GetText().ToString(error.Location.SourceSpan));
        Assert.Equal(Generated(RunBytes(Encode(text, "utf-8"), out _)), Generated(run));

        // …and on the first line, the column counts it as Roslyn does.
        var bad = new TestAdditionalText(GeneratorHarness.FactsDir + "/bad.yaml", "\uFEFFofficials: [ {id: X} ]\n");
        GeneratorRun badRun = Robust.Run(new[] { bad });
        Assert.Empty(Robust.Problems(badRun, new[] { bad }));
        Diagnostic invalidId = Assert.Single(badRun.GeneratorDiagnostics, d => d.Id == "FG0004");
        Assert.Equal("X", bad.GetText().ToString(invalidId.Location.SourceSpan));
        Assert.Equal(new LinePosition(0, 19), invalidId.Location.GetLineSpan().StartLinePosition);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded lone surrogate
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong NUL
    public void InvalidUtf8IsReadAsTheCompilerReadsIt(byte[] invalid)
    {
        // Invalid bytes in a value, and in a key: csc falls back to the ANSI code page (here 1252), an IDE
        // reads U+FFFD; either way the file is read, and whatever is wrong is said at its place.
        byte[] Bytes(string before, string after) => Encoding.UTF8.GetBytes(before).Concat(invalid).Concat(Encoding.UTF8.GetBytes(after)).ToArray();
        byte[] inValue = Bytes("officials:\r\n  - id: he-lifeng\r\n    name: He ", "Lifeng\r\n    country: XX\r\n");
        byte[] inKey = Bytes("officials:\r\n  - id: he-lifeng\r\n    na", "me: He Lifeng\r\n    country: XX\r\n");
        foreach (byte[] bytes in new[] { inValue, inKey })
        {
            foreach (SourceText text in new[] { CompilerText.FromBytes(bytes), CompilerText.FromBytesLenient(bytes) })
            {
                var file = new TestAdditionalText(GeneratorHarness.FactsDir + "/broken.yaml", text);
                GeneratorRun run = Robust.Run(new[] { file });
                Assert.Empty(Robust.Problems(run, new[] { file }));
                Diagnostic country = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FG0004");
                Assert.Equal(3, country.Location.GetLineSpan().StartLinePosition.Line);
                Assert.Equal("XX", text.ToString(country.Location.SourceSpan));
            }
        }
    }

    [Theory]
    [InlineData("officials:\n\t- id: he-lifeng\n", 1, 0)]
    [InlineData("officials:\r\n  - id: he-lifeng\r\n\tname: He Lifeng\r\n", 2, 0)]
    [InlineData("officials:\r  - id: he-lifeng\r    name: \"He\r\tLifeng\"\r    country: CN\r", 3, 0)]
    [InlineData("officials:\r\n  -\t- id: he-lifeng\r\n", 1, 3)]
    public void TabsAsIndentationAreRejectedAtTheTab(string yaml, int line, int column)
    {
        var file = Robust.Fact("tabs.yaml", yaml);
        GeneratorRun run = Robust.Run(new[] { file });
        Assert.Empty(Robust.Problems(run, new[] { file }));
        Diagnostic syntax = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FG0001");
        Assert.Equal(new LinePosition(line, column), syntax.Location.GetLineSpan().StartLinePosition);
    }
}
