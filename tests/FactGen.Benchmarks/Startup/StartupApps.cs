using System.Diagnostics;
using System.Globalization;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactGen.Benchmarks.Startup;

/// <summary>
/// What a child process reports about itself: facts touched, time from Main to the last first access, bytes allocated by
/// then; for the generated app also the time until it has read every value and every list of every fact (NaN for the others).
/// </summary>
public sealed record ChildReport(int Facts, double FirstAccessMilliseconds, long AllocatedBytes, double ProcessMilliseconds, double AllValuesMilliseconds);

/// <summary>
/// Three tiny console apps written to a temporary folder and run with <c>dotnet app.dll</c>, each in a fresh
/// process: <b>generated</b> (FactGen's output for the corpus compiled in, Main touches <c>All</c> of every kind),
/// <b>yaml</b> (the same fact files read at run time with YamlDotNet's Deserializer into equivalent classes, plus an
/// id dictionary per kind), and <b>empty</b> (the runtime's own start-up, to subtract). Each app measures itself
/// from the first line of Main (Stopwatch, GC.GetTotalAllocatedBytes) and prints one line.
/// </summary>
public sealed class StartupApps : IDisposable
{
    private const string Runtimeconfig = """{"runtimeOptions":{"tfm":"net10.0","framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"}}}""";

    private const string Report = """
                long elapsed = global::System.Diagnostics.Stopwatch.GetTimestamp() - start;
                long bytes = global::System.GC.GetTotalAllocatedBytes(true) - allocated;
                string extra = Extra(start);
                global::System.Console.WriteLine("facts=" + facts + " ms=" + (elapsed * 1000.0 / global::System.Diagnostics.Stopwatch.Frequency).ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) + " allocated=" + bytes + extra);
                return 0;
        """;

    private const string NoExtra = """
            private static string Extra(long start) => "";
        """;

    private const string GeneratedMain = """
        using Bench.Facts;

        public static class Program
        {
            public static int Main()
            {
                long start = global::System.Diagnostics.Stopwatch.GetTimestamp();
                long allocated = global::System.GC.GetTotalAllocatedBytes(true);
                int facts = Sources.All.Count + Organizations.All.Count + Titles.All.Count + Officials.All.Count + Events.All.Count + Agreements.All.Count + Quotes.All.Count;
        REPORT
            }

            // After the first access: read every value and every list of every fact (the generated code makes them on
            // first use; the YAML app has them all at load), so the table can show both.
            private static string Extra(long start)
            {
                long chars = 0, items = 0;
                foreach (Source f in Sources.All) { chars += Common(f) + Length(f.Url); items += f.Sources.Count; }
                foreach (Organization f in Organizations.All) { chars += Common(f) + Length(f.Native) + Length(f.Abbreviation) + f.Country.Length; items += f.Sources.Count + f.Titles.Count + f.Events.Count + f.Quotes.Count + f.Agreements.Count; }
                foreach (Title f in Titles.All) { chars += Common(f) + f.Country.Length; items += f.Sources.Count + f.Terms.Count; }
                foreach (Official f in Officials.All)
                {
                    chars += Common(f) + Length(f.Romanized) + Length(f.Native) + f.Country.Length;
                    items += f.Sources.Count + f.Aliases.Count + f.Events.Count + f.Quotes.Count + f.Agreements.Count;
                    foreach (Position p in f.Positions) { chars += Length(p.Evidence) + Length(p.Note); items += 1 + p.Sources.Count; }
                }
                foreach (Event f in Events.All) { chars += Common(f) + f.Name.Length + Length(f.Summary) + Length(f.Location); items += f.Sources.Count + f.Participants.Count + f.Parts.Count + f.Agreements.Count + f.Quotes.Count; }
                foreach (Agreement f in Agreements.All) { chars += Common(f) + f.Name.Length + Length(f.Summary); items += f.Sources.Count + f.Parties.Count + f.Negotiators.Count; }
                foreach (Quote f in Quotes.All) { chars += Common(f) + f.Text.Length; items += f.Sources.Count; }
                long elapsed = global::System.Diagnostics.Stopwatch.GetTimestamp() - start;
                return " values_ms=" + (elapsed * 1000.0 / global::System.Diagnostics.Stopwatch.Frequency).ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) + " chars=" + chars + " items=" + items;
            }

            private static int Length(string? value) => value?.Length ?? 0;

            private static int Common(Fact f) => Length(f.Evidence) + Length(f.Note) + Length(f.Deprecated);
        }
        """;

    private const string EmptyMain = """
        public static class Program
        {
            public static int Main()
            {
                long start = global::System.Diagnostics.Stopwatch.GetTimestamp();
                long allocated = global::System.GC.GetTotalAllocatedBytes(true);
                int facts = 0;
        REPORT
            }

        NOEXTRA
        }
        """;

    private const string YamlMain = """
        using System.Collections.Generic;
        using System.IO;
        using YamlDotNet.Serialization;
        using YamlDotNet.Serialization.NamingConventions;

        public sealed class FactFileDto
        {
            public List<SourceDto>? Sources { get; set; }
            public List<OrganizationDto>? Organizations { get; set; }
            public List<TitleDto>? Titles { get; set; }
            public List<OfficialDto>? Officials { get; set; }
            public List<EventDto>? Events { get; set; }
            public List<AgreementDto>? Agreements { get; set; }
            public List<QuoteDto>? Quotes { get; set; }
        }

        public abstract class FactDto
        {
            public string Id { get; set; } = "";
            public string? Source { get; set; }
            public List<string>? Sources { get; set; }
            public string? Evidence { get; set; }
            public string? Note { get; set; }
            public string? Deprecated { get; set; }
        }

        public sealed class SourceDto : FactDto { public string? Title { get; set; } public string? File { get; set; } public string? Published { get; set; } public string? Url { get; set; } }
        public sealed class OrganizationDto : FactDto { public string? Name { get; set; } public string? Native { get; set; } public string? Abbreviation { get; set; } public string? Country { get; set; } }
        public sealed class TitleDto : FactDto { public string? Name { get; set; } public string? Organization { get; set; } public string? Country { get; set; } public string? Holders { get; set; } }
        public sealed class PositionDto { public string? Title { get; set; } public string? From { get; set; } public string? To { get; set; } public string? Source { get; set; } public List<string>? Sources { get; set; } public string? Evidence { get; set; } public string? Note { get; set; } }
        public sealed class OfficialDto : FactDto { public string? Name { get; set; } public string? Romanized { get; set; } public string? Native { get; set; } public string? Country { get; set; } public List<PositionDto>? Positions { get; set; } public List<string>? Aliases { get; set; } }
        public sealed class EventDto : FactDto { public string? Kind { get; set; } public string? Name { get; set; } public string? Summary { get; set; } public string? Date { get; set; } public string? From { get; set; } public string? To { get; set; } public string? Location { get; set; } public List<object>? Participants { get; set; } public string? PartOf { get; set; } }
        public sealed class AgreementDto : FactDto { public string? Name { get; set; } public string? Date { get; set; } public List<string>? Parties { get; set; } public List<object>? Negotiators { get; set; } public string? Event { get; set; } public string? Summary { get; set; } }
        public sealed class QuoteDto : FactDto { public object? Speaker { get; set; } public string? Text { get; set; } public string? Date { get; set; } public string? Event { get; set; } }

        public static class Program
        {
            private static int Index<T>(List<T>? items, Dictionary<string, T> byId) where T : FactDto
            {
                if (items is null) return 0;
                foreach (T item in items) byId[item.Id] = item;
                return items.Count;
            }

            public static int Main(string[] args)
            {
                long start = global::System.Diagnostics.Stopwatch.GetTimestamp();
                long allocated = global::System.GC.GetTotalAllocatedBytes(true);
                IDeserializer deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
                var sources = new Dictionary<string, SourceDto>();
                var organizations = new Dictionary<string, OrganizationDto>();
                var titles = new Dictionary<string, TitleDto>();
                var officials = new Dictionary<string, OfficialDto>();
                var events = new Dictionary<string, EventDto>();
                var agreements = new Dictionary<string, AgreementDto>();
                var quotes = new Dictionary<string, QuoteDto>();
                int facts = 0;
                string[] files = Directory.GetFiles(args[0], "*.yaml");
                global::System.Array.Sort(files, global::System.StringComparer.Ordinal);
                foreach (string path in files)
                {
                    FactFileDto file = deserializer.Deserialize<FactFileDto>(File.ReadAllText(path)) ?? new FactFileDto();
                    facts += Index(file.Sources, sources) + Index(file.Organizations, organizations) + Index(file.Titles, titles) + Index(file.Officials, officials)
                        + Index(file.Events, events) + Index(file.Agreements, agreements) + Index(file.Quotes, quotes);
                }
        REPORT
            }

        NOEXTRA
        }
        """;

    private StartupApps(string directory, int facts)
    {
        Directory = directory;
        ExpectedFacts = facts;
    }

    public string Directory { get; }

    public int ExpectedFacts { get; }

    public string GeneratedApp => Path.Combine(Directory, "generated", "app.dll");

    public string YamlApp => Path.Combine(Directory, "yaml", "app.dll");

    public string EmptyApp => Path.Combine(Directory, "empty", "app.dll");

    public string FactsDirectory => Path.Combine(Directory, "corpus", "facts");

    /// <summary>Compiles the three apps for <paramref name="corpus"/> and writes them, with the corpus, to a new temporary folder.</summary>
    public static StartupApps Build(FactCorpus corpus)
    {
        string dir = Path.Combine(Path.GetTempPath(), "factgen-startup-" + Guid.NewGuid().ToString("N"));
        var apps = new StartupApps(dir, corpus.Counts.Total);
        corpus.WriteTo(Path.Combine(dir, "corpus"));

        Compilation generated = Generation.Compilation("app", OutputKind.ConsoleApplication, OptimizationLevel.Release, GeneratedMain.Replace("REPORT", Report, StringComparison.Ordinal));
        var (output, diagnostics, _) = Generation.Run(corpus, generated);
        Generation.RequireClean(diagnostics, "corpus " + corpus.Spec);
        Write(apps.GeneratedApp, Generation.Emit(output));

        Write(apps.EmptyApp, Generation.Emit(Generation.Compilation("app", OutputKind.ConsoleApplication, OptimizationLevel.Release, EmptyMain.Replace("REPORT", Report, StringComparison.Ordinal).Replace("NOEXTRA", NoExtra, StringComparison.Ordinal))));

        string yamlDll = typeof(YamlDotNet.Core.Parser).Assembly.Location;
        Compilation yaml = Generation.Compilation("app", OutputKind.ConsoleApplication, OptimizationLevel.Release, YamlMain.Replace("REPORT", Report, StringComparison.Ordinal).Replace("NOEXTRA", NoExtra, StringComparison.Ordinal))
            .AddReferences(MetadataReference.CreateFromFile(yamlDll));
        Write(apps.YamlApp, Generation.Emit(yaml));
        File.Copy(yamlDll, Path.Combine(Path.GetDirectoryName(apps.YamlApp)!, "YamlDotNet.dll"));
        return apps;
    }

    private static void Write(string appPath, byte[] image)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(appPath)!);
        File.WriteAllBytes(appPath, image);
        File.WriteAllText(Path.ChangeExtension(appPath, ".runtimeconfig.json"), Runtimeconfig);
    }

    public ChildReport RunGenerated() => Run(GeneratedApp, ExpectedFacts);

    public ChildReport RunYaml() => Run(YamlApp, ExpectedFacts, FactsDirectory);

    public ChildReport RunEmpty() => Run(EmptyApp, 0);

    /// <summary>The dotnet host: the one running this process when it is dotnet, else DOTNET_HOST_PATH, else PATH.</summary>
    public static string DotnetHost
    {
        get
        {
            string? process = Environment.ProcessPath;
            if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        }
    }

    private static ChildReport Run(string app, int expectedFacts, string? argument = null)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(app);
        if (argument is not null) info.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + app);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double wall = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException(app + " exited with " + process.ExitCode + ": " + stdout + stderr.Result);
        var values = stdout.Trim().Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var report = new ChildReport(
            int.Parse(values["facts"], CultureInfo.InvariantCulture),
            double.Parse(values["ms"], CultureInfo.InvariantCulture),
            long.Parse(values["allocated"], CultureInfo.InvariantCulture),
            wall,
            values.TryGetValue("values_ms", out string? all) ? double.Parse(all, CultureInfo.InvariantCulture) : double.NaN);
        if (report.Facts != expectedFacts) throw new InvalidOperationException(app + " saw " + report.Facts + " facts, expected " + expectedFacts);
        return report;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("FACTGEN_KEEP_APPS") == "1")
        {
            Console.Error.WriteLine("kept the start-up apps in " + Directory);
            return;
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("could not delete " + Directory + ": " + e.Message);
        }
    }
}
