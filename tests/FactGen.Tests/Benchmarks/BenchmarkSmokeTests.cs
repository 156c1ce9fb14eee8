using System.Reflection;
using BenchmarkDotNet.Attributes;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Benchmarks;

/// <summary>
/// Keeps tests/FactGen.Benchmarks from rotting: the synthetic corpus is valid (no diagnostic from the generator,
/// the analyzer or the compiler) and deterministic, and every benchmark method runs once on a tiny corpus —
/// called directly, not through BenchmarkDotNet's runner. Nothing here looks at timings.
/// </summary>
public class BenchmarkSmokeTests
{
    [Theory]
    [InlineData("100/1")]
    [InlineData("100/10")]
    public void SyntheticCorpusIsValidAndComplete(string spec)
    {
        FactCorpus corpus = CorpusGenerator.Generate(CorpusSpec.Parse(spec).Officials, CorpusSpec.Parse(spec).Files);
        List<AdditionalText> files = Generation.AdditionalTexts(corpus);

        GeneratorRun run = GeneratorHarness.Run(files);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Empty(Generation.Analyze(files, GeneratorHarness.CreateCompilation()));

        // Every generated fact made it into the generated code.
        Assembly assembly = GeneratorHarness.Load(run.Output);
        int Count(string kind) => ((System.Collections.ICollection)GeneratorHarness.Get(assembly, "Test.Facts." + kind, "All")!).Count;
        CorpusCounts c = corpus.Counts;
        Assert.Equal(
            new[] { c.Sources, c.Organizations, c.Titles, c.Officials, c.Events, c.Agreements, c.Quotes },
            new[] { Count("Sources"), Count("Organizations"), Count("Titles"), Count("Officials"), Count("Events"), Count("Agreements"), Count("Quotes") });
        Assert.Equal(100, c.Officials);
        Assert.Equal(CorpusSpec.Parse(spec).Files, corpus.FactFiles.Count);
    }

    [Fact]
    public void SyntheticCorpusIsDeterministic()
    {
        FactCorpus a = CorpusGenerator.Generate(300, 7);
        FactCorpus b = CorpusGenerator.Generate(300, 7);
        Assert.Equal(a.FactFiles, b.FactFiles);
        Assert.Equal(a.SourceTexts, b.SourceTexts);

        // Splitting changes only the files, not the facts.
        FactCorpus one = CorpusGenerator.Generate(300, 1);
        Assert.Equal(one.Counts, a.Counts);
        Assert.Equal(IdLines(one), IdLines(a));
    }

    [Fact]
    public void SyntheticNamesUseNativeScriptsAndDiacritics()
    {
        string text = string.Concat(FactCorpus.Get("1000/10").FactFiles.Select(f => f.Text));
        Assert.Contains(text, c => c is >= '\u4E00' and <= '\u9FFF'); // Hanzi / Kanji
        Assert.Contains(text, c => c is >= '\u0400' and <= '\u04FF'); // Cyrillic
        Assert.Contains(text, c => c is >= '\u0600' and <= '\u06FF'); // Arabic
        Assert.Contains(text, c => c is >= '\uAC00' and <= '\uD7AF'); // Hangul
        Assert.Contains("\n    romanized: ", text);
        foreach (string line in text.Split('\n').Where(l => l.StartsWith("    romanized: ", StringComparison.Ordinal)))
        {
            Assert.Contains(line, c => c > '\u007F'); // romanized is given only when it differs from the ASCII name
        }
    }

    public static IEnumerable<object[]> BenchmarkClasses()
        => typeof(CorpusGenerator).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new object[] { t.FullName! });

    [Fact]
    public void EveryBenchmarkClassIsSmokeTested()
    {
        // The six measurements of issue 7, one class each, and where a structural edit's time goes (a renamed or
        // dropped class fails here).
        Assert.Equal(
            new[] { "AnalyzerBenchmarks", "CompileBenchmarks", "GenerationBenchmarks", "IncrementalBenchmarks", "LookupBenchmarks", "StartupBenchmarks", "StructuralEditBenchmarks" },
            BenchmarkClasses().Select(a => ((string)a[0]).Split('.').Last()));
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void EveryBenchmarkRunsOnceOnATinyCorpus(string typeName)
    {
        Type type = typeof(CorpusGenerator).Assembly.GetType(typeName, throwOnError: true)!;
        string corpus = type.GetCustomAttribute<SmokeCorpusAttribute>()?.Corpus
            ?? throw new InvalidOperationException(type.Name + " has no [SmokeCorpus]");
        object instance = Activator.CreateInstance(type)!;
        type.GetProperty("Corpus")?.SetValue(instance, corpus);

        MethodInfo[] methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance);
        foreach (MethodInfo setup in methods.Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)) setup.Invoke(instance, null);
        try
        {
            var benchmarks = methods.Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
            Assert.NotEmpty(benchmarks);
            // Ratios need exactly one baseline per group (per category where the class has categories).
            foreach (var group in benchmarks.GroupBy(m => m.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault() ?? ""))
            {
                Assert.Single(group, m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
            }
            foreach (MethodInfo benchmark in benchmarks)
            {
                object? result = benchmark.Invoke(instance, null);
                Assert.NotNull(result);
            }
        }
        finally
        {
            foreach (MethodInfo cleanup in methods.Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null)) cleanup.Invoke(instance, null);
        }
    }

    [Fact]
    public void LargestGeneratedMethodDoesNotGrowWithTheFacts()
    {
        // Static initialization must stay a fixed loop over data tables, not code per fact (issue 7): compare
        // the largest IL body at 100 and 1,000 officials (a few bytes may differ: constants encode longer).
        IlSize.Method small = IlSize.Largest(Generation.Emit(Generation.Run(FactCorpus.Get("100/1")).Output));
        IlSize.Method large = IlSize.Largest(Generation.Emit(Generation.Run(FactCorpus.Get("1000/10")).Output));
        Assert.True(large.Size <= small.Size + 64, $"largest method grew from {small} to {large}");
        Assert.True(large.Size < 16 * 1024, $"largest method {large} is not small");
    }

    private static List<string> IdLines(FactCorpus corpus)
        => corpus.FactFiles.SelectMany(f => f.Text.Split('\n')).Where(l => l.StartsWith("  - id: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
