using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks.Benchmarks;

/// <summary>
/// (5) The generated <c>Officials.Find(id)</c> against <c>Dictionary&lt;string, Official&gt;.TryGetValue</c> and
/// <c>FrozenDictionary&lt;string, Official&gt;.TryGetValue</c> over the same ids, hits and misses. The loops live in a
/// shim compiled into the same assembly as the generated code (same compiler, same optimization), so no
/// reflection sits inside the measurement; each invocation does <see cref="Lookups"/> lookups with ids that are
/// copies (not the interned instances the facts hold), as ids read from input would be.
/// Budget: Find ≤ 1.0× FrozenDictionary, 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[SmokeCorpus("100/1")]
public class LookupBenchmarks
{
    public const int Lookups = 1024;

    private const string Shim = """
        using System.Collections.Frozen;
        using System.Collections.Generic;
        using Bench.Facts;

        namespace Bench;

        public static class LookupShim
        {
            private static string[] s_hits = null!, s_misses = null!;
            private static Dictionary<string, Official> s_dictionary = null!;
            private static FrozenDictionary<string, Official> s_frozen = null!;

            public static void Setup(string[] hits, string[] misses)
            {
                s_hits = hits;
                s_misses = misses;
                s_dictionary = new Dictionary<string, Official>();
                foreach (Official o in Officials.All) s_dictionary.Add(o.Id, o);
                s_frozen = s_dictionary.ToFrozenDictionary();
            }

            public static int FindHits() => Find(s_hits);
            public static int FindMisses() => Find(s_misses);
            public static int DictionaryHits() => InDictionary(s_hits);
            public static int DictionaryMisses() => InDictionary(s_misses);
            public static int FrozenHits() => InFrozen(s_hits);
            public static int FrozenMisses() => InFrozen(s_misses);

            private static int Find(string[] ids)
            {
                int found = 0;
                foreach (string id in ids) if (Officials.Find(id) is not null) found++;
                return found;
            }

            private static int InDictionary(string[] ids)
            {
                int found = 0;
                foreach (string id in ids) if (s_dictionary.TryGetValue(id, out Official? o) && o is not null) found++;
                return found;
            }

            private static int InFrozen(string[] ids)
            {
                int found = 0;
                foreach (string id in ids) if (s_frozen.TryGetValue(id, out Official? o) && o is not null) found++;
                return found;
            }
        }
        """;

    private Func<int> _findHits = null!, _findMisses = null!, _dictionaryHits = null!, _dictionaryMisses = null!, _frozenHits = null!, _frozenMisses = null!;

    /// <summary>100/1, 1000/10 and 10000/100; FACTGEN_LOOKUP_CORPORA (comma-separated) picks others, for a quicker run.</summary>
    public static IEnumerable<string> Corpora => Environment.GetEnvironmentVariable("FACTGEN_LOOKUP_CORPORA")?.Split(',') ?? new[] { "100/1", "1000/10", "10000/100" };

    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "100/1";

    [GlobalSetup]
    public void Setup()
    {
        FactCorpus corpus = FactCorpus.Get(Corpus);
        Compilation compilation = Generation.Compilation("BenchLookup", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release, Shim);
        var (output, diagnostics, _) = Generation.Run(corpus, compilation);
        Generation.RequireClean(diagnostics, "corpus " + Corpus);
        // A non-collectible context: collectible assemblies reach statics through an extra indirection.
        Assembly assembly = new AssemblyLoadContext("lookup-" + Corpus.Replace('/', '-'), isCollectible: false).LoadFromStream(new MemoryStream(Generation.Emit(output)));
        Type shim = assembly.GetType("Bench.LookupShim", throwOnError: true)!;
        Func<int> Bind(string name) => shim.GetMethod(name)!.CreateDelegate<Func<int>>();

        // Ids of the officials (every id once, shuffled, repeated up to Lookups), and ids that are not there:
        // one letter changed at the end (same length, same prefix: the hard case) or an event's id.
        Type officials = assembly.GetType("Bench.Facts.Officials", throwOnError: true)!;
        var all = ((System.Collections.IEnumerable)officials.GetProperty("All")!.GetValue(null)!).Cast<object>()
            .Select(o => (string)o.GetType().GetProperty("Id")!.GetValue(o)!).ToList();
        var known = all.ToHashSet(StringComparer.Ordinal);
        var rng = new Rng(7);
        rng.Shuffle(all);
        var hits = new string[Lookups];
        var misses = new string[Lookups];
        for (int i = 0; i < Lookups; i++)
        {
            string id = all[i % all.Count];
            hits[i] = new string(id.AsSpan()); // a copy, not the instance the generated code holds
            string miss = i % 2 == 0 ? id[..^1] + (id[^1] == 'q' ? 'z' : 'q') : "event-" + id;
            while (known.Contains(miss)) miss += "x";
            misses[i] = miss;
        }
        shim.GetMethod("Setup")!.Invoke(null, new object[] { hits, misses });
        _findHits = Bind("FindHits");
        _findMisses = Bind("FindMisses");
        _dictionaryHits = Bind("DictionaryHits");
        _dictionaryMisses = Bind("DictionaryMisses");
        _frozenHits = Bind("FrozenHits");
        _frozenMisses = Bind("FrozenMisses");

        foreach (var (name, f, expected) in new[] { ("Find hits", _findHits, Lookups), ("Dictionary hits", _dictionaryHits, Lookups), ("Frozen hits", _frozenHits, Lookups),
            ("Find misses", _findMisses, 0), ("Dictionary misses", _dictionaryMisses, 0), ("Frozen misses", _frozenMisses, 0) })
        {
            int found = f();
            if (found != expected) throw new InvalidOperationException(name + ": found " + found + ", expected " + expected);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Hit")]
    public int FrozenDictionaryHit() => _frozenHits();

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Hit")]
    public int DictionaryHit() => _dictionaryHits();

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Hit")]
    public int GeneratedFindHit() => _findHits();

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Miss")]
    public int FrozenDictionaryMiss() => _frozenMisses();

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Miss")]
    public int DictionaryMiss() => _dictionaryMisses();

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Miss")]
    public int GeneratedFindMiss() => _findMisses();
}
