using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.6: the compiler runs one FactGen instance for many compilations at once (IDE projects, parallel
/// builds). No static state may change after type initialization, and 8 drivers sharing one generator
/// instance, run in parallel over different corpora, give what they give one at a time.
/// </summary>
public class ConcurrencyTests
{
    private static readonly Assembly s_factGen = typeof(FactGenerator).Assembly;

    /// <summary>Types whose instances cannot change, by their own contract.</summary>
    private static readonly Dictionary<Type, string> s_immutableByContract = new()
    {
        [typeof(string)] = "immutable",
        [typeof(Regex)] = "immutable and documented thread-safe for matching",
        [typeof(DiagnosticDescriptor)] = "immutable",
        [typeof(ImmutableArray<>)] = "immutable (element type checked)",
        [typeof(Nullable<>)] = "no member changes it; its fields are not marked readonly, but a copy is all anyone gets (value type checked)",
        [s_factGen.GetType("FactGen.Model.EquatableArray`1", throwOnError: true)!] = "exposes no mutation (element type checked); the static Empty wraps a zero-length array",
    };

    /// <summary>Static fields of mutable types that are only ever read after type initialization.</summary>
    private static readonly Dictionary<string, string> s_readOnlyByUse = new()
    {
        ["FactGen.Validation.Descriptors.s_byId"] = "built in the type initializer from All; only TryGetValue/indexer reads after",
        ["FactGen.Parsing.Countries.s_codes"] = "built in the type initializer; only Contains after",
        ["FactGen.Parsing.FactSchema.EventKinds"] = "schema table, only read (Array.IndexOf, foreach)",
        ["FactGen.Parsing.FactSchema.CommonFields"] = "schema table, only read",
        ["FactGen.Parsing.FactSchema.PositionFields"] = "schema table, only read",
        ["FactGen.Parsing.FactSchema.RefFields"] = "schema table, only read",
        ["FactGen.Parsing.FactSchema.Lists"] = "schema table, only read",
        ["FactGen.Linking.Naming.ReservedMembers"] = "name table, only read",
        ["FactGen.Analyzers.UserCode.GeneratedKinds.ClassNames"] = "name table, only read (IndexOf, index)",
        ["FactGen.Analyzers.UserCode.GeneratedKinds.ModelNames"] = "name table, only read (IndexOf, index)",
        ["FactGen.Analyzers.UserCode.GeneratedKinds.Singulars"] = "name table, only read (index)",
    };

    private static bool IsCompilerGenerated(Type t)
    {
        for (Type? x = t; x is not null; x = x.DeclaringType)
        {
            if (x.Name.StartsWith('<') || x.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)) return true;
        }
        return false;
    }

    /// <summary>Null when values of <paramref name="type"/> cannot change after construction; else why they can.</summary>
    private static string? Mutability(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(decimal)) return null;
        Type key = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (s_immutableByContract.ContainsKey(key))
        {
            return type.IsGenericType ? type.GetGenericArguments().Select(a => Mutability(a, visiting)).FirstOrDefault(m => m is not null) : null;
        }
        if (type.IsArray) return type + " is an array";
        if (type.IsGenericParameter) return null; // checked where the generic type is constructed
        if (type.IsInterface) return type + " is an interface: the instance behind it is unknown";
        if (type.Assembly != s_factGen && !type.IsValueType) return type + " is not known to be immutable";
        if (!visiting.Add(type)) return null;
        for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!f.IsInitOnly) return t + "." + f.Name + " is not readonly";
                string? inner = Mutability(f.FieldType, visiting);
                if (inner is not null) return t + "." + f.Name + ": " + inner;
            }
        }
        return null;
    }

    [Fact]
    public void NoStaticStateCanChangeAfterTypeInitialization()
    {
        var problems = new List<string>();
        int checkedFields = 0;
        foreach (Type type in s_factGen.GetTypes().Where(t => !IsCompilerGenerated(t)))
        {
            foreach (FieldInfo f in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                checkedFields++;
                string name = type.FullName + "." + f.Name;
                if (f.IsLiteral) continue;
                if (!f.IsInitOnly)
                {
                    problems.Add(name + " is a static field that is not readonly");
                    continue;
                }
                if (s_readOnlyByUse.ContainsKey(name)) continue;
                string? why = Mutability(f.FieldType, new HashSet<Type>());
                if (why is not null) problems.Add(name + ": " + why);
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.InRange(checkedFields, s_readOnlyByUse.Count + 1, int.MaxValue);
        foreach (string listed in s_readOnlyByUse.Keys)
        {
            int dot = listed.LastIndexOf('.');
            Assert.True(s_factGen.GetType(listed.Substring(0, dot))?.GetField(listed.Substring(dot + 1), BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic) is not null, "the allow-list names a field that no longer exists: " + listed);
        }
    }

    [Fact]
    public void TheMutabilityCheckCatchesWhatItMust()
    {
        Assert.NotNull(Mutability(typeof(string[]), new HashSet<Type>()));
        Assert.NotNull(Mutability(typeof(List<string>), new HashSet<Type>()));
        Assert.NotNull(Mutability(typeof(ImmutableArray<int[]>), new HashSet<Type>()));
        Assert.NotNull(Mutability(s_factGen.GetType("FactGen.Emit.DataTables")!, new HashSet<Type>()));
        Assert.Null(Mutability(s_factGen.GetType("FactGen.Parsing.ParseLimits")!, new HashSet<Type>()));
        Assert.Null(Mutability(s_factGen.GetType("FactGen.Model.Provenance")!, new HashSet<Type>()));
    }

    // ---- parallel drivers -------------------------------------------------------------------------

    private static List<List<AdditionalText>> Corpora()
    {
        var corpora = new List<List<AdditionalText>>
        {
            Repo.RealFactsAndSeeds(),
            Directory.GetFiles(Path.Combine(Repo.Root, "tests", "FactGen.Tests", "Robustness", "DeterminismFacts"), "*.yaml").Order(StringComparer.Ordinal)
                .Select(f => (AdditionalText)new TestAdditionalText(f, File.ReadAllText(f))).ToList(),
            Directory.GetFiles(RegressionFixtureTests.Folder, "*.yaml").Order(StringComparer.Ordinal)
                .Select(f => (AdditionalText)new TestAdditionalText(f, CompilerText.FromBytes(File.ReadAllBytes(f)))).ToList(),
            YamlTestSuiteTests.CaseNames().Take(120).Select(YamlTestSuiteTests.Load).ToList(),
            YamlTestSuiteTests.CaseNames().Skip(120).Select(YamlTestSuiteTests.Load).ToList(),
        };

        var officials = new StringBuilder("officials:\n");
        for (int i = 0; i < 2_000; i++) officials.Append("  - {id: o").Append(i).Append(", name: Official ").Append(i).Append(", country: US}\n");
        corpora.Add(new List<AdditionalText> { Robust.Fact("many.yaml", officials.ToString()) });

        var pcg = new PCG(9, 20261129);
        var hostile = new StringBuilder("officials:\n");
        for (int i = 0; i < 300; i++) hostile.Append("  - {id: h").Append(i).Append(", name: ").Append(Hostile.Yaml(Hostile.Required.Generate(pcg, null, out _))).Append(", country: US, note: ").Append(Hostile.Yaml(Hostile.Value.Generate(pcg, null, out _))).Append("}\n");
        corpora.Add(new List<AdditionalText> { Robust.Fact("hostile.yaml", hostile.ToString()) });

        corpora.Add(new List<AdditionalText>
        {
            Robust.Fact("laughs.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"),
            Robust.Fact("deep.yaml", "officials: " + new string('[', 1_000) + new string(']', 1_000) + "\n"),
            Robust.Fact("real-copy.yaml", File.ReadAllText(Path.Combine(Repo.Facts, "officials.yaml"))),
        });
        return corpora;
    }

    private static string Outcome(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();
        var sb = new StringBuilder();
        foreach (GeneratorRunResult r in result.Results) sb.Append("exception ").Append(r.Exception).Append('\n');
        foreach (GeneratedSourceResult s in result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            sb.Append("source ").Append(s.HintName).Append('\n').Append(s.SourceText).Append('\n');
        }
        foreach (Diagnostic d in result.Diagnostics) sb.Append(d).Append('\n');
        return sb.ToString();
    }

    [Fact]
    public void EightDriversInParallelGiveWhatTheyGiveOneAtATime()
    {
        List<List<AdditionalText>> corpora = Corpora();
        Assert.Equal(8, corpora.Count);
        var generator = new FactGenerator().AsSourceGenerator(); // one instance, as the compiler shares it
        GeneratorDriver Driver(List<AdditionalText> files) => CSharpGeneratorDriver.Create(
            new[] { generator }, files, Robust.ParseOptions, Robust.Options(), new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        string[] sequential = corpora.Select(c => Outcome(Driver(c), Robust.Base)).ToArray();
        Assert.Equal(8, sequential.Distinct().Count());
        Assert.All(sequential, s => Assert.Contains("exception \n", s));

        for (int round = 0; round < 3; round++)
        {
            using var start = new Barrier(corpora.Count);
            var parallel = new string[corpora.Count];
            var threads = Enumerable.Range(0, corpora.Count).Select(i => new Thread(() =>
            {
                GeneratorDriver driver = Driver(corpora[i]);
                start.SignalAndWait();
                parallel[i] = Outcome(driver, Robust.Base);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            for (int i = 0; i < corpora.Count; i++) Assert.True(sequential[i] == parallel[i], "round " + round + ", corpus " + i + " differs when run in parallel");
        }
    }
}
