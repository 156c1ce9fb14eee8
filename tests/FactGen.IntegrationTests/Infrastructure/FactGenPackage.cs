using System.Globalization;
using System.Security;
using System.Text;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FactGen.IntegrationTests.Infrastructure;

/// <summary>
/// Packs FactGen once per test run, with a version of its own (<c>0.1.0-test.&lt;stamp&gt;.&lt;pid&gt;</c>), into a
/// temporary folder feed, and prepares a folder for consumer projects whose nuget.config
/// <list type="bullet">
/// <item>clears the sources, then lists the temporary feed and this machine's own enabled sources,</item>
/// <item>maps FactGen (and the tests' helper packages) to the temporary feed only (packageSourceMapping),</item>
/// <item>restores into a private packages folder, with the machine's global packages folder as a read-only fallback,</item>
/// </list>
/// so no consumer ever sees a stale FactGen from the global cache and nothing is added to it.
/// The package is built from a copy of the repository's FactGen sources, so test builds never touch the
/// checkout's bin/ and obj/ while a developer builds there. Set FACTGEN_KEEP_TEST_FILES=1 to keep the folder.
/// </summary>
public sealed class FactGenPackage : IDisposable
{
    public const string FeedKey = "factgen-test-feed";

    /// <summary>Helper packages the tests pack themselves; their ids start with this and come from the temporary feed.</summary>
    public const string HelperPackagePrefix = "FactGen.IntegrationTests.";

    private readonly IMessageSink _sink;

    public FactGenPackage(IMessageSink sink)
    {
        _sink = sink;
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Work = Path.Combine(Path.GetTempPath(), "factgen-it-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Work, "feed");
        Packages = Path.Combine(Work, "packages");
        Consumers = Path.Combine(Work, "consumers");
        RepoCopy = Path.Combine(Work, "repo");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);
        Directory.CreateDirectory(Consumers);

        CopyRepository(RepoRoot, RepoCopy);
        PackResult = DotNet.Run(RepoCopy, new[] { "pack", Path.Combine("src", "FactGen"), "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false" }).Succeeded();
        PackagePath = Path.Combine(Feed, "FactGen." + Version + ".nupkg");
        Assert.True(File.Exists(PackagePath), "dotnet pack did not produce " + PackagePath + ". " + PackResult.Describe());
        Log($"Packed FactGen {Version} in {PackResult.Elapsed.TotalSeconds:0.0} s into {Feed}");

        WriteConsumerSettings();
    }

    /// <summary>The repository root (the folder holding FactGen.sln above the test binaries).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public string Version { get; }

    /// <summary>The temporary folder holding everything below.</summary>
    public string Work { get; }

    public string Feed { get; }

    /// <summary>The consumers' private NuGet packages folder.</summary>
    public string Packages { get; }

    /// <summary>Consumer projects live below this folder, under its nuget.config and Directory.Build.props.</summary>
    public string Consumers { get; }

    /// <summary>A copy of the repository's FactGen sources (the package is packed from it; the ProjectReference test builds against it).</summary>
    public string RepoCopy { get; }

    public string PackagePath { get; }

    public ProcessResult PackResult { get; }

    /// <summary>A new, empty consumer folder below <see cref="Consumers"/>.</summary>
    public string NewConsumer(string name)
    {
        string dir = Path.Combine(Consumers, name);
        Assert.False(Directory.Exists(dir), "consumer folder reused: " + dir);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs <c>dotnet</c> for a consumer project, restoring into the private packages folder.</summary>
    public ProcessResult DotNetForConsumer(string workingDirectory, params string[] args)
    {
        ProcessResult result = DotNet.Run(workingDirectory, args, nugetPackages: Packages);
        Log($"{result.Elapsed.TotalSeconds,5:0.0} s  exit {result.ExitCode}  {result.CommandLine}  ({Path.GetRelativePath(Work, workingDirectory)})");
        return result;
    }

    /// <summary>Runs a built console app (<c>dotnet app.dll</c>) and returns its output.</summary>
    public ProcessResult RunApp(string workingDirectory, string dll)
    {
        ProcessResult result = DotNet.Run(workingDirectory, new[] { dll }, nugetPackages: Packages, timeout: DotNet.RunTimeout);
        Log($"{result.Elapsed.TotalSeconds,5:0.0} s  exit {result.ExitCode}  {result.CommandLine}");
        return result;
    }

    public void Log(string message) => _sink.OnMessage(new DiagnosticMessage("[FactGen.IntegrationTests] " + message));

    /// <summary>Writes a text file (LF line ends, UTF-8 without BOM), creating its folder.</summary>
    public static string Write(string dir, string relativePath, string content)
    {
        string path = Path.Combine(dir, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private void WriteConsumerSettings()
    {
        IReadOnlyList<string> sources = MachineSources();
        string fallback = MachineGlobalPackagesFolder();
        var config = new StringBuilder();
        config.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        config.AppendLine("<configuration>");
        config.AppendLine("  <config>");
        config.AppendLine($"    <add key=\"globalPackagesFolder\" value=\"{Xml(Packages)}\" />");
        config.AppendLine("  </config>");
        config.AppendLine("  <packageSources>");
        config.AppendLine("    <clear />");
        config.AppendLine($"    <add key=\"{FeedKey}\" value=\"{Xml(Feed)}\" />");
        for (int i = 0; i < sources.Count; i++) config.AppendLine($"    <add key=\"machine-{i}\" value=\"{Xml(sources[i])}\" />");
        config.AppendLine("  </packageSources>");
        config.AppendLine("  <fallbackPackageFolders>");
        config.AppendLine("    <clear />");
        config.AppendLine($"    <add key=\"machine-global-packages\" value=\"{Xml(fallback)}\" />");
        config.AppendLine("  </fallbackPackageFolders>");
        config.AppendLine("  <packageSourceMapping>");
        config.AppendLine($"    <packageSource key=\"{FeedKey}\">");
        config.AppendLine("      <package pattern=\"FactGen\" />");
        config.AppendLine($"      <package pattern=\"{HelperPackagePrefix}*\" />");
        config.AppendLine("    </packageSource>");
        for (int i = 0; i < sources.Count; i++)
        {
            config.AppendLine($"    <packageSource key=\"machine-{i}\">");
            config.AppendLine("      <package pattern=\"*\" />");
            config.AppendLine("    </packageSource>");
        }
        config.AppendLine("  </packageSourceMapping>");
        config.AppendLine("</configuration>");
        Write(Consumers, "nuget.config", config.ToString());
        Log("Consumer nuget.config:" + Environment.NewLine + config);

        // Consumer projects name the package version through this property, so their text stays what a user writes.
        Write(Consumers, "Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <FactGenTestVersion>{Version}</FactGenTestVersion>
              </PropertyGroup>
            </Project>

            """);
    }

    /// <summary>The enabled package sources of this machine's NuGet configuration (user and machine level).</summary>
    private IReadOnlyList<string> MachineSources()
    {
        ProcessResult list = DotNet.Run(Work, new[] { "nuget", "list", "source", "--format", "Short" }).Succeeded();
        var sources = new List<string>();
        foreach (string line in list.Output.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("E ", StringComparison.Ordinal)) sources.Add(trimmed[2..].Trim());
        }
        Assert.True(sources.Count > 0, "This machine has no enabled NuGet source. " + list.Describe());
        return sources;
    }

    /// <summary>This machine's global packages folder (where the SDK's restores already put the standard packages).</summary>
    private string MachineGlobalPackagesFolder()
    {
        ProcessResult list = DotNet.Run(Work, new[] { "nuget", "locals", "global-packages", "--list" }).Succeeded();
        const string Prefix = "global-packages:";
        foreach (string line in list.Output.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith(Prefix, StringComparison.Ordinal)) return trimmed[Prefix.Length..].Trim();
        }
        throw new XunitException("Could not read the global packages folder. " + list.Describe());
    }

    private static string Xml(string text) => SecurityElement.Escape(text)!;

    private static void CopyRepository(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig", "nuget.config", "NuGet.Config" })
        {
            string source = Path.Combine(from, name);
            if (File.Exists(source)) File.Copy(source, Path.Combine(to, name));
        }
        CopyTree(Path.Combine(from, "src", "FactGen"), Path.Combine(to, "src", "FactGen"));
        CopyTree(Path.Combine(from, "src", "FactGen.CodeFixes"), Path.Combine(to, "src", "FactGen.CodeFixes"));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string dir in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(dir);
            if (name is "bin" or "obj") continue;
            CopyTree(dir, Path.Combine(to, name));
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FactGen.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("FACTGEN_KEEP_TEST_FILES") == "1")
        {
            Log("Kept " + Work);
            return;
        }
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not a test failure, but said where it is seen: a temporary folder was left behind.
            Log("Could not delete " + Work + ": " + e.Message);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<FactGenPackage>
{
    public const string Name = "FactGen package";
}
