using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks.Infrastructure;

/// <summary>An AdditionalFiles entry held in memory, as the compiler holds a file it has read.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global MSBuild properties as the compiler passes them (<c>build_property.*</c>); no per-file metadata.</summary>
public sealed class BenchOptionsProvider : AnalyzerConfigOptionsProvider
{
    public static readonly BenchOptionsProvider Default = new(new Dictionary<string, string>
    {
        ["build_property.FactGenNamespace"] = "Bench.Facts",
        ["build_property.FactGenVisibility"] = "public",
        ["build_property.ProjectDir"] = "/corpus/",
    });

    private readonly Options _global;

    public BenchOptionsProvider(Dictionary<string, string> global) => _global = new Options(global);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
