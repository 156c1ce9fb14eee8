using BenchmarkDotNet.Running;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;

namespace FactGen.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "corpus")
        {
            // corpus <officials> <files> <directory>: write a synthetic corpus to disk.
            var corpus = FactCorpus.Get(args[1] + "/" + args[2]);
            corpus.WriteTo(args[3]);
            Console.WriteLine(corpus.Spec + ": " + corpus.Counts + ", " + corpus.FactBytes + " bytes of YAML in " + corpus.FactFiles.Count + " files");
            return 0;
        }
        if (args.Length > 0 && args[0] == "check")
        {
            foreach (string spec in args.Skip(1))
            {
                var corpus = FactCorpus.Get(spec);
                var run = Generation.Run(corpus);
                Console.WriteLine(corpus.Spec + ": " + corpus.Counts + ", " + corpus.FactBytes + " bytes; " + run.Diagnostics.Length + " generator diagnostics");
                foreach (var d in run.Diagnostics.Take(20)) Console.WriteLine("  " + d);
                var errors = run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
                Console.WriteLine("  compile errors: " + errors.Count);
                foreach (var d in errors.Take(10)) Console.WriteLine("  " + d);
            }
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
