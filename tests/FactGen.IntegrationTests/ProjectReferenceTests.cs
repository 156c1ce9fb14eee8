using FactGen.IntegrationTests.Consumers;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>
/// The README's ProjectReference route (as src/FactGen.Sample uses it): import build/FactGen.props and reference
/// the generator project as an analyzer. Built in the copy of the repository's sources, under its
/// Directory.Build.targets (warnings are errors there), with this machine's own NuGet settings.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ProjectReferenceTests(FactGenPackage package)
{
    [Fact]
    public void AppReferencingTheGeneratorProjectAsAnAnalyzerBuildsAndRuns()
    {
        string dir = Path.Combine(package.RepoCopy, "samples", "RefApp");
        FactGenPackage.Write(dir, "RefApp.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="..\..\src\FactGen\build\FactGen.props" />

              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>

              <ItemGroup>
                <ProjectReference Include="..\..\src\FactGen\FactGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>

            """);
        FactGenPackage.Write(dir, "facts/world.yaml", Briefing.World);
        FactGenPackage.Write(dir, "facts/events.yaml", Briefing.Events);
        FactGenPackage.Write(dir, "seeds/briefing.txt", Briefing.Seed);
        FactGenPackage.Write(dir, "Program.cs", Briefing.Program("RefApp.Facts"));

        ProcessResult build = DotNet.Run(dir, new[] { "build", "-nodeReuse:false" });
        package.Log($"{build.Elapsed.TotalSeconds,5:0.0} s  exit {build.ExitCode}  {build.CommandLine}  (repo/samples/RefApp)");
        build.Succeeded();
        Assert.DoesNotContain("CS8785", build.Output);

        ProcessResult run = package.RunApp(dir, Path.Combine("bin", "Debug", "net10.0", "RefApp.dll")).Succeeded();
        Assert.Equal(Briefing.ExpectedOutput.Append("public types: False"), Lines.Of(run.Output));
    }
}
