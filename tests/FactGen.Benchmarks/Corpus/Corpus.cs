using System.Collections.Concurrent;
using System.Text;

namespace FactGen.Benchmarks.Corpus;

/// <summary>One file of a corpus, by path relative to the corpus root (<c>facts/part-000.yaml</c>).</summary>
public sealed record CorpusFile(string RelativePath, string Text);

/// <summary>How many facts of each kind a corpus holds.</summary>
public sealed record CorpusCounts(int Sources, int Organizations, int Titles, int Officials, int Events, int Agreements, int Quotes)
{
    public int Total => Sources + Organizations + Titles + Officials + Events + Agreements + Quotes;
}

/// <summary>
/// A corpus of fact files (YAML) and the source texts they cite, rooted at <see cref="Root"/>: the synthetic
/// ones at the virtual folder <c>/corpus</c>, the real one at the repository root.
/// </summary>
public sealed class FactCorpus
{
    private static readonly ConcurrentDictionary<string, FactCorpus> s_cache = new(StringComparer.Ordinal);

    public FactCorpus(CorpusSpec spec, string root, IReadOnlyList<CorpusFile> factFiles, IReadOnlyList<CorpusFile> sourceTexts, CorpusCounts counts)
    {
        Spec = spec;
        Root = root.TrimEnd('/');
        FactFiles = factFiles;
        SourceTexts = sourceTexts;
        Counts = counts;
        FactBytes = factFiles.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
    }

    public CorpusSpec Spec { get; }

    public string Root { get; }

    public IReadOnlyList<CorpusFile> FactFiles { get; }

    public IReadOnlyList<CorpusFile> SourceTexts { get; }

    public CorpusCounts Counts { get; }

    /// <summary>UTF-8 size of the fact files: the input the generator parses.</summary>
    public long FactBytes { get; }

    public string PathOf(CorpusFile file) => Root + "/" + file.RelativePath;

    /// <summary>The corpus for a spec, generated (or read) once per process.</summary>
    public static FactCorpus Get(string spec) => Get(CorpusSpec.Parse(spec));

    public static FactCorpus Get(CorpusSpec spec)
        => s_cache.GetOrAdd(spec.ToString(), _ => spec.IsReal ? LoadReal() : CorpusGenerator.Generate(spec.Officials, spec.Files));

    /// <summary>Writes the corpus under <paramref name="directory"/> (facts/…, seeds/…).</summary>
    public void WriteTo(string directory)
    {
        foreach (CorpusFile file in FactFiles.Concat(SourceTexts))
        {
            string path = Path.Combine(directory, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, new UTF8Encoding(false));
        }
    }

    /// <summary>The repository's facts/*.yaml and seeds/*.</summary>
    public static FactCorpus LoadReal()
    {
        string root = RepoPaths.Root;
        var facts = Directory.GetFiles(Path.Combine(root, "facts"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new CorpusFile("facts/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var seeds = Directory.GetFiles(Path.Combine(root, "seeds")).Order(StringComparer.Ordinal)
            .Select(f => new CorpusFile("seeds/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        // Count with FactGen's own parser: the real files are hand-written and may use any layout.
        var parsed = facts.Select(f => FactGen.Parsing.FactParser.Parse(root + "/" + f.RelativePath, f.Text, FactGen.Parsing.ParseLimits.Default, default)).ToList();
        var counts = new CorpusCounts(parsed.Sum(p => p.Sources.Count), parsed.Sum(p => p.Organizations.Count), parsed.Sum(p => p.Titles.Count),
            parsed.Sum(p => p.Officials.Count), parsed.Sum(p => p.Events.Count), parsed.Sum(p => p.Agreements.Count), parsed.Sum(p => p.Quotes.Count));
        return new FactCorpus(new CorpusSpec(0, 0), root.Replace('\\', '/'), facts, seeds, counts);
    }
}

/// <summary>Finds the repository root (the folder with FactGen.sln) above the running binaries.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FactGen.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => s_root.Value;
}
