using CsCheck;
using FactGen.Parsing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// <see cref="TextLines"/> gives every offset the line and column Roslyn's <see cref="SourceText"/> gives it
/// (CR, LF, CR LF, U+0085, U+2028, U+2029 break lines), whatever order the offsets are asked in: it
/// remembers the line found last, and that shortcut must never change an answer.
/// </summary>
public class TextLinesPropertyTests
{
    private const ulong Seed = 20261129;

    private static Gen<char> Pick(string chars) => Gen.Int[0, chars.Length - 1].Select(i => chars[i]);

    private static readonly Gen<string> s_text = Gen.String[Gen.Frequency(
        (6, Pick("ab :-#\t")),
        (3, Pick("\r\n\u0085\u2028\u2029\u000B\u000C\u0084\u0086\u2027\u202A")),
        (1, Gen.Char[char.MinValue, char.MaxValue])), 0, 60];

    [Fact]
    public void LinesAndColumnsAreRoslyns()
    {
        var pcg = new PCG(2, Seed);
        var failures = new List<string>();
        for (int n = 0; n < 3_000 && failures.Count < 20; n++)
        {
            string text = s_text.Generate(pcg, null, out _);
            SourceText roslyn = SourceText.From(text);
            TextLines lines = TextLines.From(text);
            if (lines.Count != roslyn.Lines.Count) failures.Add(Hostile.Show(text) + ": " + lines.Count + " lines, Roslyn " + roslyn.Lines.Count);

            // Ascending (the reader's order), descending, and scattered.
            var offsets = Enumerable.Range(0, text.Length + 1).ToList();
            var order = offsets.Concat(Enumerable.Reverse(offsets)).Concat(offsets.Select(i => (i * 7919) % offsets.Count));
            foreach (int offset in order)
            {
                LinePosition expected = roslyn.Lines.GetLinePosition(offset);
                int line = lines.LineOf(offset);
                if (line != expected.Line || offset - lines.StartOf(line) != expected.Character)
                {
                    failures.Add(Hostile.Show(text) + " @" + offset + ": (" + line + "," + (offset - lines.StartOf(line)) + "), Roslyn " + expected);
                    break;
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void OffsetsOutsideTheTextAreClamped()
    {
        TextLines lines = TextLines.From("a\nb\n");
        Assert.Equal(0, lines.LineOf(-5));
        Assert.Equal(2, lines.LineOf(100));
        Assert.Equal(1, lines.LineOf(2));
        Assert.Equal(0, lines.LineOf(-1));
    }
}
