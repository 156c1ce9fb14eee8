using FactGen.IntegrationTests.Consumers;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>A public facts library and an app that references it (and has facts of its own), built as one solution.</summary>
[Collection(PackageCollection.Name)]
public sealed class SolutionTests(FactGenPackage package)
{
    [Fact]
    public void PublicFactsLibraryAndAppWithItsOwnFactsBuildAndRun()
    {
        string dir = package.NewConsumer("solution");
        FactGenPackage.Write(dir, "Facts.slnx", """
            <Solution>
              <Project Path="Knowledge/Knowledge.csproj" />
              <Project Path="App/App.csproj" />
            </Solution>

            """);
        FactGenPackage.Write(dir, "Knowledge/Knowledge.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <FactGenVisibility>public</FactGenVisibility>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactGen" Version="$(FactGenTestVersion)" PrivateAssets="all" />
              </ItemGroup>
            </Project>

            """);
        FactGenPackage.Write(dir, "Knowledge/facts/world.yaml", Briefing.World);
        FactGenPackage.Write(dir, "Knowledge/facts/events.yaml", Briefing.Events);
        FactGenPackage.Write(dir, "Knowledge/seeds/briefing.txt", Briefing.Seed);

        // The app uses FactGen too (internal, its own namespace): two generated models in one compilation must not clash.
        FactGenPackage.Write(dir, "App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactGen" Version="$(FactGenTestVersion)" PrivateAssets="all" />
                <ProjectReference Include="../Knowledge/Knowledge.csproj" />
              </ItemGroup>
            </Project>

            """);
        FactGenPackage.Write(dir, "App/facts/local.yaml", "officials:\n  - id: ada-lovelace\n    name: Ada Lovelace\n    country: GB\n");
        FactGenPackage.Write(dir, "App/Program.cs", """
            using System;
            using Shared = Knowledge.Facts;
            using Local = App.Facts;

            Shared.Official raimondo = Shared.Officials.GinaRaimondo;
            Console.WriteLine(raimondo.Name + " / " + raimondo.Positions[0].Title.Name);
            Console.WriteLine(Shared.Events.Find("raimondo-wang-talks")?.Participants.Count);
            Local.Official ada = Local.Officials.AdaLovelace;
            Console.WriteLine(ada.Name + " / " + Local.Officials.All.Count + " / " + Shared.Officials.All.Count);

            """);

        ProcessResult build = package.DotNetForConsumer(dir, "build", "Facts.slnx").Succeeded();
        Assert.DoesNotContain("warning CS0436", build.Output);
        Assert.DoesNotContain("warning FG", build.Output);

        ProcessResult run = package.RunApp(dir, Path.Combine("App", "bin", "Debug", "net10.0", "App.dll")).Succeeded();
        Assert.Equal(new[]
        {
            "Gina Raimondo / United States Secretary of Commerce",
            "2",
            "Ada Lovelace / 1 / 2",
        }, Lines.Of(run.Output));

        // Nothing of FactGen reaches the outputs: it is a build-time dependency only.
        foreach (string output in new[] { Path.Combine(dir, "App", "bin", "Debug", "net10.0"), Path.Combine(dir, "Knowledge", "bin", "Debug", "net10.0") })
        {
            string[] files = Directory.GetFiles(output).Select(Path.GetFileName).ToArray()!;
            Assert.DoesNotContain("YamlDotNet.dll", files);
            Assert.DoesNotContain("FactGen.dll", files);
        }
        string deps = File.ReadAllText(Path.Combine(dir, "App", "bin", "Debug", "net10.0", "App.deps.json"));
        Assert.DoesNotContain("YamlDotNet", deps);
        Assert.DoesNotContain("FactGen", deps);
    }
}
