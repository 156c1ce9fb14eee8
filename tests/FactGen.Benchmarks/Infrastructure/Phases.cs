using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using FactGen.Benchmarks.Corpus;
using FactGen.Emit;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Parsing;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks.Infrastructure;

/// <summary>
/// Where a full run's time and allocations go: the generator's steps called directly (no driver), each timed
/// and measured (allocated bytes on this thread, GC collections and pause time during it, bytes it left alive) separately; median of several runs. For finding what to fix,
/// not for the budgets (those are the BenchmarkDotNet figures). The parse step is measured with its results
/// dropped and kept: the difference is what keeping the parsed facts alive costs the GC while YamlDotNet's
/// garbage is collected around them.
/// </summary>
public static class Phases
{
    public static void Report(string spec, int runs, TextWriter output)
    {
        FactCorpus corpus = FactCorpus.Get(spec);
        var texts = Generation.AdditionalTexts(corpus);
        var factTexts = texts.Take(corpus.FactFiles.Count).ToList();
        var paths = texts.Select(t => t.Path).ToList();
        var settings = new EmitSettings("Bench.Facts", true, "/corpus/");
        var rows = new Dictionary<string, List<(double Ms, double Cpu, long Bytes, int Gen0, int Gen1, int Gen2, double PauseMs, long Retained)>>();
        Process self = Process.GetCurrentProcess();

        void Measure(string name, Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            TimeSpan pause = GC.GetTotalPauseDuration();
            long before = GC.GetAllocatedBytesForCurrentThread();
            self.Refresh();
            TimeSpan cpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            double ms = clock.Elapsed.TotalMilliseconds;
            self.Refresh();
            double cpuMs = (self.TotalProcessorTime - cpu).TotalMilliseconds;
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            // Collections during the step (a count includes the younger generations' collections it made),
            // then what the step left alive: the heap after a full collection, against the heap before.
            gen0 = GC.CollectionCount(0) - gen0;
            gen1 = GC.CollectionCount(1) - gen1;
            gen2 = GC.CollectionCount(2) - gen2;
            double pauseMs = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
            long retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            if (!rows.TryGetValue(name, out var list)) rows[name] = list = new();
            list.Add((ms, cpuMs, bytes, gen0, gen1, gen2, pauseMs, retained));
        }

        for (int run = 0; run < runs + 1; run++)
        {
            if (run == 0) rows.Clear();
            var strings = new List<string>();
            foreach (var t in factTexts) strings.Add(t.GetText()!.ToString());
            Measure("YamlDotNet Parser (floor)", () =>
            {
                foreach (string s in strings)
                {
                    var parser = new YamlDotNet.Core.Parser(new StringReader(s));
                    while (parser.MoveNext()) { }
                }
            });
            Measure("BlockYamlScanner (events, no nodes)", () =>
            {
                var events = new EventCounter();
                foreach (string s in strings) BlockYamlScanner.Read(s, 0, events, default, out _);
            });
            var diagnostics = new List<DiagnosticInfo>();
            var sink = new NoSink();
            Measure("YamlReader (events → nodes, no binding)", () => { for (int i = 0; i < strings.Count; i++) YamlReader.Read(factTexts[i].Path, strings[i], ParseLimits.Default, diagnostics, sink, default); });
            Measure("FactParser.Parse, results dropped", () => { for (int i = 0; i < strings.Count; i++) FactParser.Parse(factTexts[i].Path, strings[i], ParseLimits.Default, default); });
            var files = new List<FactFile>();
            Measure("FactParser.Parse, results kept", () => { for (int i = 0; i < strings.Count; i++) files.Add(FactParser.Parse(factTexts[i].Path, strings[i], ParseLimits.Default, default)); });
            var structures = new List<FileStructure>();
            Measure("Structure.Of (values out)", () => { foreach (FactFile f in files) structures.Add(Structure.Of(f)); });
            (LinkedFacts Facts, long ValueChars) linked = (null!, 0);
            Measure("Link (structures)", () => linked = Structure.Link(structures, paths, default));
            EmitPlan plan = null!;
            Measure("EmitPlan.Create", () => plan = EmitPlan.Create(linked.Facts, linked.ValueChars, settings));
            Measure("Emitter.EmitShared", () => Emitter.EmitShared(plan, default));
            NameTable names = null!;
            Measure("NameTable (names of all files)", () => names = NameTable.Create(files.Select(FileNames.Of).ToImmutableArray(), plan));
            Measure("Emitter.EmitNames", () => Emitter.EmitNames(names, default));
            var fileTerms = System.Collections.Immutable.ImmutableArray<FileTerms>.Empty;
            Measure("FileTerms.Of (all files)", () => fileTerms = files.Select(FileTerms.Of).ToImmutableArray());
            Measure("Terms.Emit (the terms file)", () => Terms.Emit(fileTerms, plan, default));
            var fileDates = System.Collections.Immutable.ImmutableArray<FileDates>.Empty;
            Measure("FileDates.Of (all files)", () => fileDates = files.Select(FileDates.Of).ToImmutableArray());
            Measure("Dates.Emit (the dates file)", () => Dates.Emit(fileDates, plan, default));
            var ownInputs = new List<OwnFileInput>();
            Measure("OwnFileInput (views, names each file shows)", () => { foreach (FactFile f in files) ownInputs.Add(OwnFileInput.Create(f, plan, names)); });
            Measure("FileEmitter.Emit (all files)", () => { foreach (OwnFileInput input in ownInputs) FileEmitter.Emit(input, default); });
            // What the fact-file analyzer does besides parsing (it parses as the generator does).
            Measure("Analyzer: Validator.ValidateFile (all files)", () => { foreach (FactFile f in files) FactGen.Validation.Validator.ValidateFile(f); });
            LinkedFacts linkedFiles = null!;
            Measure("Analyzer: Linker.Link (parsed files)", () => linkedFiles = Linker.Link(files, paths, default));
            var sourceTexts = texts.Skip(corpus.FactFiles.Count).ToDictionary(t => PathUtil.Normalize(t.Path), t => t.GetText()!.ToString(), StringComparer.Ordinal);
            Measure("Analyzer: Validator.ValidateLinked", () => FactGen.Validation.Validator.ValidateLinked(linkedFiles, p => sourceTexts.TryGetValue(p, out string? t) ? t : null));
            Measure("  of which TermOverlapRule", () => FactGen.Validation.Rules.TermOverlapRule.Check(linkedFiles, new List<DiagnosticInfo>()));
            Measure("  of which TermCapacityRule", () => FactGen.Validation.Rules.TermCapacityRule.Check(linkedFiles, new List<DiagnosticInfo>()));
            Measure("    of which preparing the source texts", () => { foreach (string t in sourceTexts.Values) FactGen.Validation.Text.EvidenceMatcher.Prepare(t); });
            Measure("  of which EvidenceRule", () => FactGen.Validation.Rules.EvidenceRule.Check(linkedFiles, p => sourceTexts.TryGetValue(p, out string? t) ? t : null, new List<DiagnosticInfo>()));
            var compilation = Generation.Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release);
            Measure("Driver: full run", () => Generation.Driver(texts).RunGenerators(compilation).GetRunResult());
            if (run == 0) rows.Clear(); // the first round warms up the JIT
        }

        output.WriteLine($"{spec}: {corpus.FactBytes / 1024:N0} KB YAML in {corpus.FactFiles.Count} files; median of {runs} runs");
        output.WriteLine("| Phase | Wall time | CPU time (all threads) | Allocated | Alloc/Input | Gen0/1/2 collections | GC pauses | Retained |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, list) in rows)
        {
            double ms = list.Select(r => r.Ms).Order().ElementAt(list.Count / 2);
            double cpu = list.Select(r => r.Cpu).Order().ElementAt(list.Count / 2);
            double bytes = list.Select(r => (double)r.Bytes).Order().ElementAt(list.Count / 2);
            int g0 = list.Select(r => r.Gen0).Order().ElementAt(list.Count / 2);
            int g1 = list.Select(r => r.Gen1).Order().ElementAt(list.Count / 2);
            int g2 = list.Select(r => r.Gen2).Order().ElementAt(list.Count / 2);
            double paused = list.Select(r => r.PauseMs).Order().ElementAt(list.Count / 2);
            double retained = list.Select(r => (double)r.Retained).Order().ElementAt(list.Count / 2);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:N1} ms | {cpu:N1} ms | {bytes / 1024 / 1024:N1} MB | {bytes / corpus.FactBytes:N2} | {g0}/{g1}/{g2} | {paused:N1} ms | {retained / 1024 / 1024:N1} MB |"));
        }
    }

    /// <summary>Takes the reader's nodes and binds nothing, reusing the buffer after each list item as FactParser does: the reader's own cost.</summary>
    private sealed class NoSink : IYamlSink
    {
        private (int Nodes, int Links) _mark;

        public void DocumentStart(YamlReader reader) { }

        public void CollectionStart(YamlReader reader, int depth, bool mapping, bool isKey)
        {
            if (depth == 2) _mark = reader.BufferMark();
        }

        public void Added(YamlReader reader, int node, int parentDepth, bool isKey)
        {
            if (parentDepth == 2) reader.Release(_mark);
        }
    }
}
