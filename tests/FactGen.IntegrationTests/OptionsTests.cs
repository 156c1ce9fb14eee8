using FactGen.IntegrationTests.Consumers;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>The MSBuild options of the README's table, in a real build.</summary>
[Collection(PackageCollection.Name)]
public sealed class OptionsTests(FactGenPackage package)
{
    [Fact]
    public void NamespaceVisibilityFoldersExtraFilesAndGeneratedFilesOnDisk()
    {
        string dir = package.NewConsumer("options");
        FactGenPackage.Write(dir, "Options.csproj", Briefing.Project(
            extraProperties: """
                <FactGenNamespace>Acme.Knowledge</FactGenNamespace>
                <FactGenVisibility>public</FactGenVisibility>
                <FactGenFactsDirectory>data</FactGenFactsDirectory>
                <FactGenSeedsDirectory>texts</FactGenSeedsDirectory>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            """,
            extraItems: """
                <AdditionalFiles Include="more/**/*.yaml" FactGenKind="facts" />
                <AdditionalFiles Include="config/settings.yaml" />
            """));
        FactGenPackage.Write(dir, "data/world.yaml", Briefing.World.Replace("../seeds/briefing.txt", "../texts/briefing.txt"));
        FactGenPackage.Write(dir, "more/events.yaml", Briefing.Events);
        FactGenPackage.Write(dir, "texts/briefing.txt", Briefing.Seed);
        // Not fact files: the default folder is no longer read, and an AdditionalFile without FactGenKind is not FactGen's.
        FactGenPackage.Write(dir, "facts/old.yaml", "officials: [this is not read]\n");
        FactGenPackage.Write(dir, "config/settings.yaml", "logging:\n  level: debug\n");
        FactGenPackage.Write(dir, "Program.cs", Briefing.Program("Acme.Knowledge"));

        ProcessResult build = package.DotNetForConsumer(dir, "build").Succeeded();
        Assert.DoesNotContain("warning FG", build.Output);

        ProcessResult run = package.RunApp(dir, Path.Combine("bin", "Debug", "net10.0", "Options.dll")).Succeeded();
        Assert.Equal(Briefing.ExpectedOutput.Append("public types: True"), Lines.Of(run.Output));

        // EmitCompilerGeneratedFiles=true writes the generated sources under obj/.../generated/.
        string generated = Path.Combine(dir, "obj", "Debug", "net10.0", "generated", "FactGen", "FactGen.FactGenerator");
        Assert.True(Directory.Exists(generated), "no generated files at " + generated);
        string kinds = File.ReadAllText(Path.Combine(generated, "FactGen.Kinds.g.cs"));
        Assert.Contains("namespace Acme.Knowledge", kinds);
        Assert.Contains("public static partial class Officials", kinds);
        // One file per fact file read (data/world.yaml, more/events.yaml); none for facts/old.yaml or config/settings.yaml.
        string[] perFile = Directory.GetFiles(generated, "*.yaml.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.True(perFile.Length == 2
            && perFile.Count(f => f.EndsWith("world.yaml.g.cs", StringComparison.Ordinal)) == 1
            && perFile.Count(f => f.EndsWith("events.yaml.g.cs", StringComparison.Ordinal)) == 1,
            "generated per-file sources: " + string.Join(", ", perFile));
    }
}
