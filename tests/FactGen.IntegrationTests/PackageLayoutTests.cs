using System.IO.Compression;
using System.Xml.Linq;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>What `dotnet pack src/FactGen` puts in the nupkg, read from the package the other tests consume.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(FactGenPackage package)
{
    [Fact]
    public void PackageHoldsAnalyzersBuildFilesSchemaAndReadmeOnly()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        string[] files = zip.Entries
            .Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[]
        {
            "FactGen.nuspec",
            "PACKAGE.md",
            "analyzers/dotnet/cs/FactGen.CodeFixes.dll",
            "analyzers/dotnet/cs/FactGen.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/FactGen.props",
            "buildTransitive/FactGen.props",
            "factgen.schema.json",
        }, files);

        // The schema and the props in the package are the repository's files, byte for byte.
        AssertSameAsRepository(zip, "factgen.schema.json", "src/FactGen/factgen.schema.json");
        AssertSameAsRepository(zip, "build/FactGen.props", "src/FactGen/build/FactGen.props");
        AssertSameAsRepository(zip, "buildTransitive/FactGen.props", "src/FactGen/build/FactGen.props");
    }

    [Fact]
    public void NuspecIsADevelopmentDependencyWithoutDependencies()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        using Stream stream = zip.GetEntry("FactGen.nuspec")!.Open();
        XElement metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("FactGen", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("PACKAGE.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "frameworkReferences"));
    }

    private static void AssertSameAsRepository(ZipArchive zip, string entry, string repositoryPath)
    {
        using var stream = new MemoryStream();
        using (Stream s = zip.GetEntry(entry)!.Open()) s.CopyTo(stream);
        byte[] expected = File.ReadAllBytes(Path.Combine(FactGenPackage.RepoRoot, repositoryPath));
        Assert.True(expected.AsSpan().SequenceEqual(stream.ToArray()), entry + " in the package differs from " + repositoryPath);
    }
}
