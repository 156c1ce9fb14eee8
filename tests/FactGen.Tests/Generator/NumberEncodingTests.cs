using System.Reflection;
using System.Text;
using FactGen.Emit;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The numbers of the generated tables, as the generated Number (compiled from the emitter's own lines) and the UTF-8
/// Decode's format read them back:
/// in string literals 14 bits a char, U+4000 + d last and U+8000 + d before it; in UTF-8 literals base 27, '%' + d
/// last and '@' + d before it. Boundaries of one, two and three digits, and negative numbers (hash table entries
/// with their tag bits), read back exactly.
/// </summary>
public class NumberEncodingTests
{
    private static readonly int[] Boundaries = { 0, 1, 26, 27, 16383, 16384, 27 * 27, (1 << 28) - 1, 1 << 28, int.MaxValue, -1, int.MinValue, -123456789 };

    /// <summary>The generated FactData.Number itself (<see cref="Emitter.NumberMethod"/>), compiled on its own.</summary>
    private static readonly Lazy<MethodInfo> GeneratedNumber = new(() =>
    {
        string source = "internal static class Numbers\n{\n" + string.Join("\n", Emitter.NumberMethod()) + "\n}\n";
        var compilation = StrictCompilation.Create("Numbers", new[] { source });
        Assembly assembly = StrictCompilation.LoadTogether(("Numbers", StrictCompilation.Emit(compilation)));
        return assembly.GetType("Numbers", throwOnError: true)!.GetMethod("Number", BindingFlags.NonPublic | BindingFlags.Static)!;
    });

    private static int ReadWide(string data, ref int p)
    {
        object[] args = { data, p };
        int value = (int)GeneratedNumber.Value.Invoke(null, args)!;
        p = (int)args[1];
        return value;
    }

    /// <summary>The generated UTF-8 Decode's loop body (inline in Decode, which takes a span), as its doc states the format.</summary>
    private static int ReadBase27(string data, ref int p)
    {
        uint value = 0, scale = 1;
        int digit;
        while ((digit = data[p++] - 37) >= 27)
        {
            value += (uint)(digit - 27) * scale;
            scale *= 27;
        }
        return (int)(value + ((uint)digit * scale));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryBoundaryReadsBackAndTheLengthIsAsCounted(bool utf8)
    {
        var sb = new StringBuilder();
        DataTables.Encode(sb, Boundaries, utf8);
        string data = sb.ToString();
        Assert.Equal(DataTables.EncodedLength(Boundaries, utf8), data.Length);
        int p = 0;
        foreach (int expected in Boundaries) Assert.Equal(expected, utf8 ? ReadBase27(data, ref p) : ReadWide(data, ref p));
        Assert.Equal(data.Length, p);
    }

    [Fact]
    public void WideDigitsNeedNoEscapeAndAreNoLineBreakOrSurrogate()
    {
        var sb = new StringBuilder();
        DataTables.Encode(sb, Boundaries, utf8: false);
        Assert.All(sb.ToString(), c => Assert.InRange(c, '\u4000', '\uBFFF'));
        // one char up to 14 bits, two up to 28, three beyond
        Assert.Equal(new[] { 1, 2, 2, 3 }, new[] { 16383, 16384, (1 << 28) - 1, 1 << 28 }.Select(n => DataTables.EncodedLength(new[] { n }, utf8: false)));
    }
}
