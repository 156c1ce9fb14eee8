using FactGen.Parsing;

namespace FactGen.Benchmarks.Infrastructure;

/// <summary>Takes the block scanner's events and only counts them: the scanner's own cost.</summary>
internal sealed class EventCounter : IYamlEventHandler
{
    public int Count { get; private set; }

    public void Handle(ref YamlEvent ev) => Count++;
}
