using System.Reflection;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Benchmarks;

/// <summary>
/// The generated Find (build-time hash table, hash bits in the entries) finds every id, finds nothing for ids that are
/// not there, and works in a consumer that compiles with overflow checks on; with the loader at tier 0 (1000/10, 2,150
/// facts) and compiled optimized at once (4000/40, 8,600 facts: above <see cref="FactGen.Emit.Emitter.OptimizeLoaderFrom"/>).
/// </summary>
public class GeneratedFindTests
{
    [Theory]
    [InlineData("1000/10", false)]
    [InlineData("4000/40", true)]
    public void FindHitsEveryIdAndMissesOthersEvenWithOverflowChecks(string spec, bool optimizedLoader)
    {
        FactCorpus corpus = FactCorpus.Get(spec);
        Assert.Equal(optimizedLoader, corpus.Counts.Total >= FactGen.Emit.Emitter.OptimizeLoaderFrom);
        Compilation compilation = GeneratorHarness.CreateCompilation();
        compilation = compilation.WithOptions(((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)compilation.Options).WithOverflowChecks(true));
        GeneratorRun run = GeneratorHarness.Run(Generation.AdditionalTexts(corpus), compilation);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(optimizedLoader, run.Sources["FactGen.Data.g.cs"].Contains("MethodImplOptions.AggressiveOptimization)]", StringComparison.Ordinal));
        Assembly assembly = GeneratorHarness.Load(run.Output);

        foreach (string kind in new[] { "Sources", "Organizations", "Titles", "Officials", "Events", "Agreements", "Quotes" })
        {
            Type type = assembly.GetType("Test.Facts." + kind, throwOnError: true)!;
            MethodInfo find = type.GetMethod("Find")!;
            var all = ((System.Collections.IEnumerable)type.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();
            Assert.NotEmpty(all);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (object fact in all)
            {
                string id = (string)GeneratorHarness.Prop(fact, "Id")!;
                ids.Add(id);
                Assert.Same(fact, find.Invoke(null, new object?[] { new string(id.AsSpan()) }));
            }
            foreach (string id in ids.Take(200))
            {
                foreach (string miss in new[] { id + "x", id[..^1], "x" + id, id.ToUpperInvariant(), id + "-" + id })
                {
                    if (!ids.Contains(miss)) Assert.Null(find.Invoke(null, new object?[] { miss }));
                }
            }
            Assert.Null(find.Invoke(null, new object?[] { null }));
            Assert.Null(find.Invoke(null, new object?[] { "" }));
        }
    }
}
