namespace FactGen.Benchmarks.Infrastructure;

/// <summary>The small corpus the smoke test (FactGen.Tests) runs a benchmark class on, instead of its Params.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SmokeCorpusAttribute : Attribute
{
    public SmokeCorpusAttribute(string corpus) => Corpus = corpus;

    public string Corpus { get; }
}
