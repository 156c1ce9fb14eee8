using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactGen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: FactGen.Determinism <file>...
// Runs FactGen over the files (.yaml/.yml are facts, others AdditionalFiles) with namespace Test.Facts and
// public visibility, and prints what the process runs under ("culture <name>", "globalization icu" or
// "globalization invariant"), then one line per generated source ("source <hint> <sha256>") and one per
// diagnostic.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: FactGen.Determinism <file>...");
    return 2;
}

var files = args.Select(path => (AdditionalText)new FileText(path)).ToList();
GeneratorDriver driver = CSharpGeneratorDriver.Create(
    new[] { new FactGenerator().AsSourceGenerator() },
    files,
    new CSharpParseOptions(LanguageVersion.Latest),
    new Options(new Dictionary<string, string>
    {
        ["build_property.FactGenNamespace"] = "Test.Facts",
        ["build_property.FactGenVisibility"] = "public",
    }));
driver = driver.RunGenerators(CSharpCompilation.Create("Determinism"));
GeneratorDriverRunResult result = driver.GetRunResult();

Console.WriteLine("culture " + CultureInfo.CurrentCulture.Name);
Console.WriteLine("globalization " + Globalization());
foreach (GeneratedSourceResult source in result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
{
    Console.WriteLine("source " + source.HintName + " " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source.SourceText.ToString()))));
}
foreach (Diagnostic d in result.Diagnostics)
{
    Console.WriteLine("diagnostic " + d.Id + " " + d.Location.GetLineSpan());
}
return result.Results.Any(r => r.Exception is not null) ? 1 : 0;

// Under DOTNET_SYSTEM_GLOBALIZATION_INVARIANT only the invariant culture exists.
static string Globalization()
{
    try
    {
        return "i".ToUpper(CultureInfo.GetCultureInfo("tr-TR")) == "İ" ? "icu" : "no Turkish casing";
    }
    catch (CultureNotFoundException)
    {
        return "invariant";
    }
}

internal sealed class FileText : AdditionalText
{
    private readonly SourceText _text;

    public FileText(string path)
    {
        Path = path;
        _text = SourceText.From(File.ReadAllText(path), Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

internal sealed class Options : AnalyzerConfigOptionsProvider
{
    private readonly Global _global;

    public Options(Dictionary<string, string> global) => _global = new Global(global.ToImmutableDictionary());

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Global.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Global.Empty;

    private sealed class Global : AnalyzerConfigOptions
    {
        public static readonly Global Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly ImmutableDictionary<string, string> _values;

        public Global(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
