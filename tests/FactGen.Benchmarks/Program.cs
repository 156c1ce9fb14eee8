using System.Globalization;
using BenchmarkDotNet.Running;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using FactGen.Benchmarks.Startup;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (any arguments BenchmarkDotNet takes), plus a few commands of our own:
/// <list type="bullet">
/// <item><c>corpus OFFICIALS FILES DIR</c> writes a synthetic corpus to DIR (facts/, seeds/);</item>
/// <item><c>check SPEC…</c> runs the generator on corpora (e.g. <c>100/1 facts</c>) and prints sizes and diagnostics;</item>
/// <item><c>startup [RUNS] [SPEC…]</c> runs the start-up child processes RUNS times and prints their own figures;</item>
/// <item><c>phases [RUNS] [SPEC…]</c> times the generator's steps one by one (where the time and allocations go);</item>
/// <item><c>fullrun SPEC RUNS</c> only runs the generator, for a profiler;</item>
/// <item><c>editrun SPEC METHOD RUNS</c> times one of <c>IncrementalBenchmarks</c>' edits on a warm driver (e.g. <c>MakeOneParticipantDangleInOneFile</c>);</item>
/// <item><c>dump DIR SPEC…</c> writes the generated sources (to check that a performance change keeps them byte-identical);</item>
/// <item><c>ilsize [SPEC…]</c> prints the largest IL method bodies of the compiled generated code.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "corpus":
            {
                var corpus = FactCorpus.Get(args[1] + "/" + args[2]);
                corpus.WriteTo(args[3]);
                Console.WriteLine(corpus.Spec + ": " + corpus.Counts + ", " + corpus.FactBytes + " bytes of YAML in " + corpus.FactFiles.Count + " files");
                return 0;
            }
            case "check":
                foreach (string spec in args.Skip(1)) Check(spec);
                return 0;
            case "startup":
            {
                int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
                string[] specs = args.Length > 2 ? args[2..] : new[] { "1000/10", "10000/100" };
                StartupTable(runs, specs, Console.Out);
                return 0;
            }
            case "phases":
            {
                int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
                foreach (string spec in args.Length > 2 ? args[2..] : new[] { "10000/100" }) Phases.Report(spec, runs, Console.Out);
                return 0;
            }
            case "editrun":
            {
                // editrun SPEC METHOD RUNS: one of IncrementalBenchmarks' edits, timed, for a profiler or an A/B.
                var bench = new FactGen.Benchmarks.Benchmarks.IncrementalBenchmarks { Corpus = args[1] };
                bench.Setup();
                var edit = typeof(FactGen.Benchmarks.Benchmarks.IncrementalBenchmarks).GetMethod(args[2])
                    ?? throw new ArgumentException("no IncrementalBenchmarks method " + args[2]);
                for (int i = 0; i < int.Parse(args[3], CultureInfo.InvariantCulture); i++)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    edit.Invoke(bench, null);
                    Console.WriteLine(clock.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms");
                }
                return 0;
            }
            case "fullrun":
            {
                // fullrun SPEC RUNS: full generator runs only, for a profiler (dotnet-trace collect -- dotnet …).
                var texts = Generation.AdditionalTexts(FactCorpus.Get(args[1]));
                var compilation = Generation.Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release);
                for (int i = 0; i < int.Parse(args[2], CultureInfo.InvariantCulture); i++)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    Generation.Driver(texts).RunGenerators(compilation).GetRunResult();
                    Console.WriteLine(clock.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms");
                }
                return 0;
            }
            case "dump":
            {
                // dump DIR SPEC…: writes the generated sources, to compare output before and after a change.
                foreach (string spec in args[2..])
                {
                    string dir = Path.Combine(args[1], spec.Replace('/', '-'));
                    Directory.CreateDirectory(dir);
                    foreach (var source in Generation.Run(FactCorpus.Get(spec)).Result.Results.SelectMany(r => r.GeneratedSources))
                    {
                        File.WriteAllText(Path.Combine(dir, source.HintName), source.SourceText.ToString());
                    }
                }
                return 0;
            }
            case "compiletime":
            {
                // compiletime SPEC: where compile time goes (documentation mode, member files vs data).
                var result = Generation.Run(FactCorpus.Get(args[1])).Result;
                var sources = result.Results.SelectMany(r => r.GeneratedSources).ToList();
                foreach (var (label, mode, filter) in new (string, DocumentationMode, Func<string, bool>)[]
                {
                    ("all sources, docs None", DocumentationMode.None, _ => true),
                    ("all sources, docs Parse", DocumentationMode.Parse, _ => true),
                    ("all sources, docs Diagnose", DocumentationMode.Diagnose, _ => true),
                    ("without per-file members, docs Parse", DocumentationMode.Parse, h => h.StartsWith("FactGen.", StringComparison.Ordinal) || h.StartsWith("Microsoft.", StringComparison.Ordinal)),
                })
                {
                    for (int i = 0; i < 3; i++)
                    {
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        var options = Generation.ParseOptions.WithDocumentationMode(mode);
                        var trees = sources.Where(s => filter(s.HintName)).Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s.SourceText, options, "/g/" + s.HintName)).ToList();
                        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("c", trees, Basic.Reference.Assemblies.Net100.References.All,
                            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                        using var stream = new MemoryStream();
                        var emitted = compilation.Emit(stream);
                        Console.WriteLine(label + ": " + clock.Elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms" + (emitted.Success ? "" : " FAILED"));
                    }
                }
                return 0;
            }
            case "compiledir":
            {
                // compiledir DIR [RUNS [APP]]: compile time of the .cs files in DIR (e.g. a dump, edited to try a shape of
                // output); with APP, the last compilation is written as a console app (Release) to APP.dll, to run it.
                var files = Directory.GetFiles(args[1], "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
                int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
                string? app = args.Length > 3 ? args[3] : null;
                for (int i = 0; i < runs; i++)
                {
                    long allocated = GC.GetTotalAllocatedBytes(true);
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var trees = files.Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(f), Generation.ParseOptions, f)).ToList();
                    var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("c", trees, Basic.Reference.Assemblies.Net100.References.All,
                        new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(app is null ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication,
                            optimizationLevel: app is null ? OptimizationLevel.Debug : OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
                    using var stream = new MemoryStream();
                    var emitted = compilation.Emit(stream);
                    if (app is not null && emitted.Success)
                    {
                        File.WriteAllBytes(app + ".dll", stream.ToArray());
                        File.WriteAllText(app + ".runtimeconfig.json", """{"runtimeOptions":{"tfm":"net10.0","framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"}}}""");
                    }
                    Console.WriteLine(args[1] + ": " + clock.Elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms, "
                        + ((GC.GetTotalAllocatedBytes(true) - allocated) / 1024 / 1024).ToString("N0", CultureInfo.InvariantCulture) + " MB allocated"
                        + (emitted.Success ? "" : " FAILED: " + emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)));
                }
                return 0;
            }
            case "ilsize":
                foreach (string spec in args.Length > 1 ? args[1..] : new[] { "100/1", "1000/10", "10000/100" }) IlSizeReport(spec, Console.Out);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    private static void Check(string spec)
    {
        var corpus = FactCorpus.Get(spec);
        var run = Generation.Run(corpus);
        Console.WriteLine(corpus.Spec + ": " + corpus.Counts + ", " + corpus.FactBytes + " bytes; " + run.Diagnostics.Length + " generator diagnostics");
        foreach (var d in run.Diagnostics.Take(20)) Console.WriteLine("  " + d);
        var analyzer = Generation.Analyze(Generation.AdditionalTexts(corpus), Generation.Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release));
        Console.WriteLine("  analyzer diagnostics: " + analyzer.Length);
        foreach (var d in analyzer.Take(20)) Console.WriteLine("  " + d);
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Console.WriteLine("  compiler errors and warnings: " + problems.Count);
        foreach (var d in problems.Take(10)) Console.WriteLine("  " + d);
    }

    /// <summary>Median of each child's own figures over <paramref name="runs"/> fresh processes per app.</summary>
    public static void StartupTable(int runs, IEnumerable<string> specs, TextWriter output)
    {
        output.WriteLine("| Corpus | Input | Generated: first access | Generated: allocated | Runtime YAML: load | Runtime YAML: allocated | YAML / generated | Generated: + every value and list read | YAML / that | Process: empty | Process: generated | Process: YAML |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string spec in specs)
        {
            var corpus = FactCorpus.Get(spec);
            using var apps = StartupApps.Build(corpus);
            var generated = new List<ChildReport>();
            var yaml = new List<ChildReport>();
            var empty = new List<ChildReport>();
            for (int i = 0; i < runs; i++)
            {
                // interleaved, so background load hits all three alike
                empty.Add(apps.RunEmpty());
                generated.Add(apps.RunGenerated());
                yaml.Add(apps.RunYaml());
            }
            double g = Median(generated.Select(r => r.FirstAccessMilliseconds)), y = Median(yaml.Select(r => r.FirstAccessMilliseconds));
            double all = Median(generated.Select(r => r.AllValuesMilliseconds));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {spec} | {corpus.FactBytes / 1024.0:N0} KB | {g:N2} ms | {Median(generated.Select(r => (double)r.AllocatedBytes)) / 1024:N0} KB | {y:N1} ms | {Median(yaml.Select(r => (double)r.AllocatedBytes)) / 1024:N0} KB | {y / g:N0}× | {all:N2} ms | {y / all:N0}× | {Median(empty.Select(r => r.ProcessMilliseconds)):N0} ms | {Median(generated.Select(r => r.ProcessMilliseconds)):N0} ms | {Median(yaml.Select(r => r.ProcessMilliseconds)):N0} ms |"));
        }
        output.WriteLine($"(median of {runs} fresh processes each; first access and load are measured by the child from the first line of Main; \"+ every value and list read\" is from Main until the generated app has also read every value and every list of every fact, which it makes on first use; process times include the runtime's start-up)");
    }

    public static void IlSizeReport(string spec, TextWriter output)
    {
        var corpus = FactCorpus.Get(spec);
        var run = Generation.Run(corpus);
        Generation.RequireClean(run.Diagnostics, "corpus " + spec);
        byte[] image = Generation.Emit(run.Output);
        var methods = IlSize.Methods(image);
        output.WriteLine(spec + ": " + methods.Count + " methods, " + image.Length / 1024 + " KB assembly; largest IL bodies:");
        foreach (var m in methods.Take(5)) output.WriteLine("  " + m.Size.ToString("N0", CultureInfo.InvariantCulture).PadLeft(8) + " bytes  " + m.Name);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
