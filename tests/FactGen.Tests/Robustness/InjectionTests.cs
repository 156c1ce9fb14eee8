using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using CsCheck;
using FactGen.Emit;
using FactGen.Linking;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.3: fact values built to escape — quotes, backslashes, comment and XML doc terminators,
/// preprocessor lines, raw-string and interpolation delimiters, escape-looking text, NUL and control
/// characters, C#'s extra line terminators, bidi controls, lone surrogates — never change what the
/// generated code means. Batches of generated facts (CsCheck generators, fixed PCG seeds) are compiled with
/// doc comments diagnosed, loaded, and every value is read back through the generated API; the generated
/// classes have exactly the expected members; invalid ids are refused with FG0004 and appear nowhere.
/// </summary>
public class InjectionTests
{
    private readonly ITestOutputHelper _output;

    public InjectionTests(ITestOutputHelper output) => _output = output;

    private const ulong Seed = 20261129;
    private const int Batches = 7;
    private const int GroupsPerBatch = 40;
    private const string Ns = "Test.Facts";

    private sealed record Item(string Kind, string Id, bool Valid, List<(string Field, string Value)> Values, List<string> Aliases, List<(string Evidence, string Note)> Positions);

    private static readonly string[] s_kinds = { "source", "organization", "title", "official", "event", "agreement", "quote" };

    private static readonly Dictionary<string, string[]> s_fields = new()
    {
        ["source"] = new[] { "title", "file", "url", "note", "evidence", "deprecated" },
        ["organization"] = new[] { "name", "native", "abbreviation", "note", "evidence", "deprecated" },
        ["title"] = new[] { "name", "note", "deprecated" },
        ["official"] = new[] { "name", "romanized", "native", "note", "evidence", "deprecated" },
        ["event"] = new[] { "name", "summary", "location", "note", "evidence", "deprecated" },
        ["agreement"] = new[] { "name", "summary", "note", "deprecated" },
        ["quote"] = new[] { "text", "evidence", "note", "deprecated" },
    };

    private static readonly HashSet<string> s_required = new() { "title", "file", "name", "text" };

    // The generated property each field reads back through.
    private static string Property(string field) => field switch
    {
        "location" => "Location",
        _ => char.ToUpperInvariant(field[0]) + field.Substring(1),
    };

    private static string Plural(string kind) => kind switch
    {
        "source" => "Sources",
        "organization" => "Organizations",
        "title" => "Titles",
        "official" => "Officials",
        "event" => "Events",
        "agreement" => "Agreements",
        _ => "Quotes",
    };

    private static string Pascal(string id) => string.Concat(id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    private static List<Item> Generate(PCG pcg, int batch)
    {
        T Next<T>(Gen<T> gen) => gen.Generate(pcg, null, out _);
        var items = new List<Item>();
        for (int g = 0; g < GroupsPerBatch; g++)
        {
            foreach (string kind in s_kinds)
            {
                bool valid = Next(Gen.Int[0, 99]) < 85;
                string id = valid ? Next(Hostile.IdStem) + "-" + kind[0] + batch + "x" + g : Next(Hostile.InvalidId);
                var values = new List<(string, string)>();
                foreach (string field in s_fields[kind])
                {
                    string value = Next(s_required.Contains(field) ? Hostile.Required : Hostile.Value);
                    if (field == "file") value += ".txt"; // a source file, never taken for a fact file
                    values.Add((field, value));
                }
                var aliases = new List<string>();
                var positions = new List<(string, string)>();
                if (kind == "official")
                {
                    for (int a = 0; a < 6; a++) aliases.Add(Next(Hostile.Value));
                    for (int p = 0; p < 2; p++) positions.Add((Next(Hostile.Value), Next(Hostile.Value)));
                }
                items.Add(new Item(kind, id, valid, values, aliases, positions));
            }
        }
        return items;
    }

    private const string FactPath = GeneratorHarness.FactsDir + "/injection.yaml";

    private static (string Yaml, List<AdditionalText> SourceFiles) Write(List<Item> items)
    {
        var sb = new StringBuilder();
        var files = new List<AdditionalText>();
        void SourceFile(string file) => files.Add(new TestAdditionalText(PathUtil.Normalize(PathUtil.Combine(PathUtil.Directory(FactPath), file)), "source text"));

        foreach (string kind in s_kinds)
        {
            sb.Append(Plural(kind).ToLowerInvariant()).Append(":\n");
            if (kind == "source")
            {
                sb.Append("  - id: cited-source\n    title: Cited\n    file: cited.txt\n    published: 2023-08-29\n");
                SourceFile("cited.txt");
            }
            if (kind == "official") sb.Append("  - id: speaker\n    name: Speaker\n    country: US\n");
            if (kind == "title") sb.Append("  - id: fixed-title\n    name: Fixed\n    country: US\n");
            foreach (Item item in items.Where(i => i.Kind == kind))
            {
                sb.Append("  - id: ").Append(Hostile.Yaml(item.Id)).Append('\n');
                foreach (var (field, value) in item.Values) sb.Append("    ").Append(field).Append(": ").Append(Hostile.Yaml(value)).Append('\n');
                switch (kind)
                {
                    case "source":
                        sb.Append("    published: 2023-08-29\n");
                        SourceFile(item.Values.Single(v => v.Field == "file").Value);
                        break;
                    case "organization": sb.Append("    country: CN\n    source: cited-source\n"); break;
                    case "title": sb.Append("    country: US\n    holders: many\n"); break;
                    case "official":
                        sb.Append("    country: US\n    source: cited-source\n    aliases:\n");
                        foreach (string alias in item.Aliases) sb.Append("      - ").Append(Hostile.Yaml(alias)).Append('\n');
                        sb.Append("    positions:\n");
                        foreach (var (evidence, note) in item.Positions)
                        {
                            sb.Append("      - title: fixed-title\n        source: cited-source\n        evidence: ").Append(Hostile.Yaml(evidence))
                              .Append("\n        note: ").Append(Hostile.Yaml(note)).Append('\n');
                        }
                        break;
                    case "event": sb.Append("    kind: meeting\n    date: 2023-08-29\n    participants: [speaker]\n    source: cited-source\n"); break;
                    case "agreement": sb.Append("    date: 2023-08-29\n    parties: [US, CN]\n"); break;
                    case "quote": sb.Append("    speaker: speaker\n    date: 2023-08-29\n"); break;
                }
            }
        }
        return (sb.ToString(), files);
    }

    private static HashSet<string>? s_baselineTypes;

    // The compiler's own helper types (array initializer blobs) vary with the data; they are not FactGen's.
    private static HashSet<string> TypeNames(Assembly assembly)
        => assembly.GetTypes().Select(t => t.FullName!).Where(n => !n.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void HostileValuesAndIdsNeverChangeWhatTheGeneratedCodeMeans()
    {
        // The types a benign file generates: a hostile one may not add any.
        var benign = Robust.Fact("injection.yaml", "officials:\n  - id: speaker\n    name: Speaker\n    country: US\n");
        GeneratorRun benignRun = Robust.Run(new[] { benign });
        Assembly benignAssembly = Robust.EmitAndLoad(benignRun.Output, out _) ?? throw new InvalidOperationException("benign facts do not compile");
        s_baselineTypes = TypeNames(benignAssembly);

        int readBack = 0, refused = 0;
        var failures = new List<string>();
        for (int batch = 0; batch < Batches && failures.Count == 0; batch++)
        {
            var pcg = new PCG((uint)batch, Seed);
            string seed = pcg.ToString();
            List<Item> items = Generate(pcg, batch);
            (int values, int invalid) = CheckBatch(items, failures);
            readBack += values;
            refused += invalid;
            if (failures.Count > 0) failures.Insert(0, "batch " + batch + " (PCG " + seed + "):");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        _output.WriteLine(Batches + " compilations: " + readBack + " hostile values read back, " + refused + " invalid ids refused");
        Assert.InRange(readBack, 10_000, int.MaxValue);
        Assert.InRange(refused, 100, int.MaxValue);
    }

    private static (int Values, int Invalid) CheckBatch(List<Item> items, List<string> failures)
    {
        var (yaml, sourceFiles) = Write(items);
        var factFile = new TestAdditionalText(FactPath, yaml);
        List<AdditionalText> files = new() { factFile };
        files.AddRange(sourceFiles);
        GeneratorRun run = Robust.Run(files);

        failures.AddRange(Robust.Problems(run, files, compile: false));
        failures.AddRange(Robust.AnalyzerProblems(Robust.Base, files));

        // Exactly one FG0004 per invalid id, at the id.
        List<Item> invalid = items.Where(i => !i.Valid).ToList();
        var expected = invalid.Select(i => Hostile.Yaml(i.Id)).Order(StringComparer.Ordinal).ToList();
        var actual = run.GeneratorDiagnostics.Where(d => d.Id == "FG0004").Select(d => factFile.GetText().ToString(d.Location.SourceSpan)).Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual)) failures.Add("FG0004 at [" + string.Join(", ", actual.Select(Hostile.Show)) + "], expected at the invalid ids [" + string.Join(", ", expected.Select(Hostile.Show)) + "]");
        foreach (Diagnostic d in run.GeneratorDiagnostics.Where(d => d.Id != "FG0004")) failures.Add("unexpected " + d);

        string generated = string.Concat(run.Result.Results[0].GeneratedSources.Select(s => s.SourceText.ToString()));
        foreach (Item item in invalid)
        {
            // Ids reach the generated code only as constants (`= "id";`) and member names (checked below).
            if (generated.Contains(" = " + CSharp.Literal(item.Id) + ";", StringComparison.Ordinal)) failures.Add("invalid id " + Hostile.Show(item.Id) + " appears in the generated code");
        }

        Assembly? assembly = Robust.EmitAndLoad(run.Output, out ImmutableArray<Diagnostic> diagnostics);
        foreach (Diagnostic d in diagnostics) failures.Add("compiling the generated code: " + d);
        if (assembly is null) return (0, invalid.Count);

        if (!TypeNames(assembly).SetEquals(s_baselineTypes!)) failures.Add("types differ from a benign run: " + string.Join(", ", TypeNames(assembly).Except(s_baselineTypes!)));

        int values = 0;
        foreach (string kind in s_kinds)
        {
            Type cls = assembly.GetType(Ns + "." + Plural(kind), throwOnError: true)!;
            var members = items.Where(i => i.Kind == kind && i.Valid).Select(i => Pascal(i.Id)).ToList();
            if (kind == "source") members.Add("CitedSource");
            if (kind == "official") members.Add("Speaker");
            if (kind == "title") members.Add("FixedTitle");
            CheckMembers(cls, kind, members, failures);

            MethodInfo find = cls.GetMethod("Find")!;
            foreach (Item item in items.Where(i => i.Kind == kind))
            {
                object? fact = find.Invoke(null, new object?[] { item.Id });
                if (!item.Valid)
                {
                    if (fact is not null) failures.Add(kind + " with invalid id " + Hostile.Show(item.Id) + " was generated");
                    continue;
                }
                if (fact is null)
                {
                    failures.Add(kind + " '" + item.Id + "' is missing");
                    continue;
                }
                PropertyInfo member = cls.GetProperty(Pascal(item.Id), BindingFlags.Public | BindingFlags.Static)!;
                if (!ReferenceEquals(member.GetValue(null), fact)) failures.Add(kind + " '" + item.Id + "': member and Find disagree");
                object? id = cls.GetNestedType("Ids")!.GetField(Pascal(item.Id))!.GetRawConstantValue();
                if (!Equals(id, item.Id)) failures.Add(kind + " '" + item.Id + "': Ids constant is " + Hostile.Show(id as string));

                foreach (var (field, value) in item.Values)
                {
                    object? read = fact.GetType().GetProperty(Property(field))!.GetValue(fact);
                    Compare(kind, item.Id, field, value, read as string, failures);
                    values++;
                }
                // Metadata stores attribute strings as UTF-8, which has no lone surrogates: the message reads
                // back with U+FFFD in their place, and otherwise exactly.
                string? obsolete = member.GetCustomAttribute<ObsoleteAttribute>()?.Message;
                Compare(kind, item.Id, "[Obsolete]", WithoutLoneSurrogates(item.Values.Single(v => v.Field == "deprecated").Value), obsolete, failures);
                if (kind == "official")
                {
                    var aliases = ((IEnumerable<string>)fact.GetType().GetProperty("Aliases")!.GetValue(fact)!).ToList();
                    if (!aliases.SequenceEqual(item.Aliases)) failures.Add("official '" + item.Id + "' aliases [" + string.Join(", ", aliases.Select(Hostile.Show)) + "] ≠ [" + string.Join(", ", item.Aliases.Select(Hostile.Show)) + "]");
                    values += item.Aliases.Count;
                    var positions = ((System.Collections.IEnumerable)fact.GetType().GetProperty("Positions")!.GetValue(fact)!).Cast<object>().ToList();
                    if (positions.Count != item.Positions.Count) failures.Add("official '" + item.Id + "' has " + positions.Count + " positions");
                    for (int p = 0; p < Math.Min(positions.Count, item.Positions.Count); p++)
                    {
                        Compare(kind, item.Id, "position evidence", item.Positions[p].Evidence, GeneratorHarness.Prop(positions[p], "Evidence") as string, failures);
                        Compare(kind, item.Id, "position note", item.Positions[p].Note, GeneratorHarness.Prop(positions[p], "Note") as string, failures);
                        values += 2;
                    }
                }
            }
        }
        return (values, invalid.Count);
    }

    // .NET's UTF-8 encoder replaces each lone surrogate with one U+FFFD, as metadata's UTF-8 must.
    private static string WithoutLoneSurrogates(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    private static void Compare(string kind, string id, string field, string expected, string? actual, List<string> failures)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            failures.Add(kind + " '" + id + "' " + field + ": wrote " + Hostile.Show(expected) + ", read back " + Hostile.Show(actual));
        }
    }

    private static void CheckMembers(Type cls, string kind, List<string> facts, List<string> failures)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var properties = cls.GetProperties(flags).Select(p => p.Name).ToHashSet();
        var expectedProperties = facts.Append("All").ToHashSet();
        if (!properties.SetEquals(expectedProperties)) failures.Add(cls.Name + " properties: extra [" + string.Join(", ", properties.Except(expectedProperties)) + "], missing [" + string.Join(", ", expectedProperties.Except(properties)) + "]");

        var methods = cls.GetMethods(flags).Where(m => !m.IsSpecialName).Select(m => m.Name).ToHashSet();
        var expectedMethods = new HashSet<string> { "Find", "TryGet" };
        if (kind is "official" or "organization" or "title") expectedMethods.Add("FromCountry");
        if (kind == "event") expectedMethods.Add("Between");
        if (!methods.SetEquals(expectedMethods)) failures.Add(cls.Name + " methods: " + string.Join(", ", methods));

        if (cls.GetFields(flags).Length != 0) failures.Add(cls.Name + " has fields: " + string.Join(", ", cls.GetFields(flags).Select(f => f.Name)));
        var nested = cls.GetNestedTypes(flags).Select(t => t.Name).ToList();
        if (!nested.SequenceEqual(new[] { "Ids" })) failures.Add(cls.Name + " nested types: " + string.Join(", ", nested));

        Type ids = cls.GetNestedType("Ids")!;
        var constants = ids.GetFields(flags).Select(f => f.Name).ToHashSet();
        if (!constants.SetEquals(facts)) failures.Add(cls.Name + ".Ids: extra [" + string.Join(", ", constants.Except(facts)) + "], missing [" + string.Join(", ", facts.Except(constants)) + "]");
        if (ids.GetMethods(flags).Any(m => !m.IsConstructor) || ids.GetProperties(flags).Length != 0) failures.Add(cls.Name + ".Ids has more than constants");
    }

    [Fact]
    public void ALoneSurrogateEscapeInYamlIsASyntaxErrorAtTheValue()
    {
        // YamlDotNet refuses "\uD800" (a YAML escape cannot name half a character): FG0001 at the value.
        // A lone surrogate reaches a value only raw, in a text handed over as a string (never from a file:
        // decoding bytes turns it into U+FFFD) — and then it reads back exactly (see above).
        var file = Robust.Fact("surrogate.yaml", "officials:\n  - id: he-lifeng\n    name: \"He \\uD800\"\n    country: CN\n");
        GeneratorRun run = Robust.Run(new[] { file });
        Assert.Empty(Robust.Problems(run, new[] { file }));
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FG0001", d.Id);
        Assert.Contains("surrogate", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void ObsoleteMessageWithALoneSurrogateReadsBackAsEmitted()
    {
        // Regression (found by the property test above): [Obsolete("x\uDBFF")] read back as "x\uFFFD\uFFFD"
        // — metadata stores attribute strings as UTF-8. The message is now emitted well-formed.
        var file = Robust.Fact("obsolete.yaml", "officials:\n  - id: he-lifeng\n    name: He Lifeng\n    country: CN\n    deprecated: \"x\uDBFFy\"\n");
        GeneratorRun run = Robust.Run(new[] { file });
        Assert.Empty(Robust.Problems(run, new[] { file }));
        Assembly assembly = Robust.EmitAndLoad(run.Output, out _)!;
        PropertyInfo member = assembly.GetType(Ns + ".Officials")!.GetProperty("HeLifeng")!;
        Assert.Equal("x\uFFFDy", member.GetCustomAttribute<ObsoleteAttribute>()!.Message);
        Assert.Equal("x\uDBFFy", GeneratorHarness.Prop(member.GetValue(null), "Deprecated"));
    }
}
