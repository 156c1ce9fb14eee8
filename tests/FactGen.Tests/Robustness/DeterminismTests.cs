using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Issue 8.5: the same facts give byte-identical generated sources (and the same diagnostics, in the same
/// order) whatever the order of AdditionalFiles, the thread's culture, the process's culture, and with
/// invariant globalization — the last two in a child process (tests/FactGen.Determinism), since neither
/// can be changed inside a running test host.
/// </summary>
public class DeterminismTests
{
    private readonly ITestOutputHelper _output;

    public DeterminismTests(ITestOutputHelper output) => _output = output;

    private static string ExtraFacts => Path.Combine(Repo.Root, "tests", "FactGen.Tests", "Robustness", "DeterminismFacts");

    /// <summary>The repository's facts and seeds, and culture-sensitive and conflicting extras, by real path.</summary>
    private static List<AdditionalText> Corpus()
    {
        List<AdditionalText> files = Repo.RealFactsAndSeeds();
        foreach (string f in Directory.GetFiles(ExtraFacts, "*.yaml").Order(StringComparer.Ordinal)) files.Add(new TestAdditionalText(f, File.ReadAllText(f)));
        return files;
    }

    private static GeneratorRun Run(IEnumerable<AdditionalText> files)
    {
        GeneratorRun run = Robust.Run(files);
        Assert.Null(run.Result.Results[0].Exception);
        return run;
    }

    /// <summary>Every generated source's hint and SHA-256, then every diagnostic: the child process prints the same.</summary>
    private static List<string> Fingerprint(GeneratorRun run)
    {
        var lines = new List<string>();
        foreach (GeneratedSourceResult s in run.Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            lines.Add("source " + s.HintName + " " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s.SourceText.ToString()))));
        }
        foreach (Diagnostic d in run.Result.Diagnostics) lines.Add("diagnostic " + d.Id + " " + d.Location.GetLineSpan());
        return lines;
    }

    private static Dictionary<string, string> Texts(GeneratorRun run)
        => run.Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static void AssertSame(GeneratorRun expected, GeneratorRun actual, string what)
    {
        Dictionary<string, string> a = Texts(expected), b = Texts(actual);
        Assert.True(a.Keys.Order(StringComparer.Ordinal).SequenceEqual(b.Keys.Order(StringComparer.Ordinal)), what + ": different generated files");
        foreach (var (hint, text) in a) Assert.True(string.Equals(text, b[hint], StringComparison.Ordinal), what + ": " + hint + " differs");
        Assert.Equal(Fingerprint(expected), Fingerprint(actual));
    }

    [Fact]
    public void TheCorpusExercisesWhatDeterminismIsAbout()
    {
        GeneratorRun run = Run(Corpus());
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FG0005");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FG0006");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FG0007");
        Assert.True(Texts(run).Count >= 13);
        Assert.Empty(Robust.GeneratedCodeProblems(run));
    }

    [Fact]
    public void FiftyPermutationsOfAdditionalFilesGiveIdenticalOutput()
    {
        List<AdditionalText> files = Corpus();
        GeneratorRun baseline = Run(files);
        var random = new Random(20261129);
        for (int n = 0; n < 50; n++)
        {
            AdditionalText[] shuffled = files.ToArray();
            random.Shuffle(shuffled);
            AssertSame(baseline, Run(shuffled), "permutation " + n + " (" + string.Join(", ", shuffled.Select(f => Path.GetFileName(f.Path))) + ")");
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("")]
    public void ThreadCultureDoesNotChangeTheOutput(string culture)
    {
        List<AdditionalText> files = Corpus();
        GeneratorRun baseline = WithCulture(CultureInfo.InvariantCulture, () => Run(files));
        var info = CultureInfo.GetCultureInfo(culture);
        if (culture == "th-TH") Assert.Equal("2566", new DateTime(2023, 1, 1).ToString("yyyy", info)); // the culture is real here
        if (culture == "tr-TR") Assert.Equal("İ", "i".ToUpper(info));
        AssertSame(baseline, WithCulture(info, () => Run(files)), culture);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        CultureInfo culture0 = CultureInfo.CurrentCulture, ui0 = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }

    // ---- child processes --------------------------------------------------------------------------

    private static readonly Lazy<string> s_helper = new(BuildHelper);

    private static string Configuration => AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>Builds tests/FactGen.Determinism (incremental; it is in the solution build too) and returns its dll.</summary>
    private static string BuildHelper()
    {
        string project = Path.Combine(Repo.Root, "tests", "FactGen.Determinism", "FactGen.Determinism.csproj");
        Assert.True(File.Exists(project), "missing " + project);
        var (code, output) = Dotnet(new[] { "build", project, "-c", Configuration, "--nologo", "-v", "q" }, new Dictionary<string, string?>());
        Assert.True(code == 0, "building the determinism helper failed:\n" + output);
        string dll = Path.Combine(Repo.Root, "tests", "FactGen.Determinism", "bin", Configuration, "net10.0", "FactGen.Determinism.dll");
        Assert.True(File.Exists(dll), "missing " + dll);
        return dll;
    }

    private static (int ExitCode, string Output) Dotnet(IEnumerable<string> arguments, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        // The test host's MSBuild variables belong to its own build, not to the child's.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(key);
        foreach (string key in new[] { "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "LC_ALL", "LANG", "LANGUAGE" }) start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Theory]
    [InlineData("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1", "")]
    [InlineData("LC_ALL", "tr_TR.UTF-8", "tr-TR")]
    [InlineData("LC_ALL", "th_TH.UTF-8", "th-TH")]
    [InlineData("LC_ALL", "ar_SA.UTF-8", "ar-SA")]
    [InlineData("LC_ALL", "en_US.UTF-8", "en-US")]
    public void AChildProcessWithAnotherGlobalizationGivesTheSameOutput(string variable, string value, string culture)
    {
        List<AdditionalText> files = Corpus();
        List<string> expected = WithCulture(CultureInfo.InvariantCulture, () => Fingerprint(Run(files)));

        var (code, output) = Dotnet(new[] { "exec", s_helper.Value }.Concat(files.Select(f => f.Path)), new Dictionary<string, string?> { [variable] = value });
        Assert.True(code == 0, output);
        List<string> lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        _output.WriteLine(variable + "=" + value + ": " + lines.Count + " lines");
        Assert.Equal("culture " + culture, lines[0]);
        Assert.Equal("globalization " + (variable == "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT" ? "invariant" : "icu"), lines[1]);
        Assert.Equal(expected, lines.Skip(2).ToList());
    }
}
