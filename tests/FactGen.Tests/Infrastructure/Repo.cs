using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FactGen.Tests.Infrastructure;

/// <summary>Paths in the repository, found by walking up from the test binaries to FactGen.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Facts => Path.Combine(Root, "facts");

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The reference data beside the checkout (../shared).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FactGen.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The repository's facts/*.yaml and seeds/* as AdditionalFiles, with their real paths.</summary>
    public static List<AdditionalText> RealFactsAndSeeds()
    {
        var files = new List<AdditionalText>();
        foreach (string f in Directory.GetFiles(Facts, "*.yaml").Order(StringComparer.Ordinal)) files.Add(new TestAdditionalText(f, File.ReadAllText(f)));
        foreach (string f in Directory.GetFiles(Seeds).Order(StringComparer.Ordinal)) files.Add(new TestAdditionalText(f, File.ReadAllText(f)));
        return files;
    }
}
