using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactGen.Tests.Infrastructure;

/// <summary>AnalyzerConfig options for tests: global MSBuild properties and per-file metadata.</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions _global;
    private readonly Dictionary<string, TestOptions> _perFile;

    public TestOptionsProvider(IReadOnlyDictionary<string, string>? globalProperties = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null)
    {
        var g = new Dictionary<string, string>();
        if (globalProperties is not null)
        {
            foreach (var kv in globalProperties) g["build_property." + kv.Key] = kv.Value;
        }
        _global = new TestOptions(g);
        _perFile = new Dictionary<string, TestOptions>(StringComparer.Ordinal);
        if (fileOptions is not null)
        {
            foreach (var kv in fileOptions) _perFile[kv.Key] = new TestOptions(new Dictionary<string, string>(kv.Value));
        }
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _perFile.TryGetValue(textFile.Path, out TestOptions? o) ? o : TestOptions.Empty;
}

public sealed class TestOptions : AnalyzerConfigOptions
{
    public static readonly TestOptions Empty = new(new Dictionary<string, string>());

    private readonly Dictionary<string, string> _values;

    public TestOptions(Dictionary<string, string> values) => _values = values;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

    public override IEnumerable<string> Keys => _values.Keys;
}
