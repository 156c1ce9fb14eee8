using System.Globalization;

namespace FactGen.Benchmarks.Corpus;

/// <summary>
/// Which corpus a benchmark runs on, as the string BenchmarkDotNet shows in its Params column:
/// <c>"10000/100"</c> is the synthetic corpus with 10,000 officials split over 100 files; <c>"facts"</c> is
/// the repository's real facts/ and seeds/.
/// </summary>
public sealed record CorpusSpec(int Officials, int Files)
{
    public const string Real = "facts";

    public bool IsReal => Officials == 0;

    public static CorpusSpec Parse(string text)
    {
        if (text == Real) return new CorpusSpec(0, 0);
        int slash = text.IndexOf('/');
        if (slash < 0) return new CorpusSpec(int.Parse(text, CultureInfo.InvariantCulture), 1);
        return new CorpusSpec(
            int.Parse(text.AsSpan(0, slash), CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(slash + 1), CultureInfo.InvariantCulture));
    }

    public override string ToString() => IsReal ? Real : Officials.ToString(CultureInfo.InvariantCulture) + "/" + Files.ToString(CultureInfo.InvariantCulture);
}
