using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>
/// Another analyzer package that carries its own, older YamlDotNet (16.3.0) beside FactGen's (18.1.0).
/// Two mechanisms meet here:
/// <list type="number">
/// <item>The SDK's ResolvePackageFileConflicts treats analyzer files from packages like other assets: of two
/// YamlDotNet.dll it passes only the higher version to the compiler, so both generators run on 18.</item>
/// <item>Handed both files, the compiler loads each analyzer's dependencies from its own folder, so each
/// generator runs on its own YamlDotNet.</item>
/// </list>
/// Both ways the consumer builds and both generators produce their output.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class YamlDotNetIsolationTests(FactGenPackage package)
{
    private const string HelperId = FactGenPackage.HelperPackagePrefix + "OtherYaml";

    [Fact]
    public void ConsumerWithAnotherAnalyzerCarryingAnOlderYamlDotNetBuilds()
    {
        PackHelperAnalyzer();

        string dir = package.NewConsumer("yaml-clash");
        FactGenPackage.Write(dir, "Clash.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactGen" Version="$(FactGenTestVersion)" PrivateAssets="all" />
                <PackageReference Include="{{HelperId}}" Version="$(FactGenTestVersion)" PrivateAssets="all" />
              </ItemGroup>
              <!-- Only with -p:KeepBothYamlDotNet=true: put back the helper's own YamlDotNet.dll that conflict resolution removed. -->
              <Target Name="KeepBothYamlDotNet" BeforeTargets="CoreCompile" Condition="'$(KeepBothYamlDotNet)' == 'true'">
                <ItemGroup>
                  <Analyzer Include="$([MSBuild]::EnsureTrailingSlash($(NuGetPackageRoot))){{HelperId.ToLowerInvariant()}}/$(FactGenTestVersion)/analyzers/dotnet/cs/YamlDotNet.dll" />
                </ItemGroup>
              </Target>
            </Project>

            """);
        FactGenPackage.Write(dir, "facts/people.yaml", "officials:\n  - id: ada-lovelace\n    name: Ada Lovelace\n    native: Augusta Ada King\n    country: GB\n");
        FactGenPackage.Write(dir, "Program.cs", """
            System.Console.WriteLine(Clash.Facts.Officials.AdaLovelace.Native);
            System.Console.WriteLine(OtherYaml.Greeting + " on YamlDotNet " + OtherYaml.YamlDotNetVersion);

            """);
        string dll = Path.Combine("bin", "Debug", "net10.0", "Clash.dll");

        // 1. As restored: the SDK keeps the higher YamlDotNet for both analyzers.
        ProcessResult build = package.DotNetForConsumer(dir, "build").Succeeded();
        Assert.DoesNotContain("CS8785", build.Output); // "generator failed to generate source"
        Assert.DoesNotContain("CS8784", build.Output); // "generator failed to initialize"
        Assert.Equal(new[] { "Augusta Ada King", "hello from the other generator on YamlDotNet 18.0.0.0" }, Lines.Of(package.RunApp(dir, dll).Succeeded().Output));

        // 2. Both YamlDotNet.dll handed to the compiler: each generator loads the one in its own folder.
        ProcessResult both = package.DotNetForConsumer(dir, "build", "--no-restore", "--no-incremental", "-p:KeepBothYamlDotNet=true").Succeeded();
        Assert.DoesNotContain("CS8785", both.Output);
        Assert.DoesNotContain("CS8784", both.Output);
        Assert.Equal(new[] { "Augusta Ada King", "hello from the other generator on YamlDotNet 16.0.0.0" }, Lines.Of(package.RunApp(dir, dll).Succeeded().Output));
    }

    /// <summary>Packs a small generator that parses YAML with YamlDotNet 16.3.0 and ships that dll beside itself.</summary>
    private void PackHelperAnalyzer()
    {
        string dir = package.NewConsumer("other-yaml");
        FactGenPackage.Write(dir, "OtherYaml.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <PackageId>{{HelperId}}</PackageId>
                <IsRoslynComponent>true</IsRoslynComponent>
                <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
                <IncludeBuildOutput>false</IncludeBuildOutput>
                <SuppressDependenciesWhenPacking>true</SuppressDependenciesWhenPacking>
                <DevelopmentDependency>true</DevelopmentDependency>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.14.0" PrivateAssets="all" />
                <PackageReference Include="YamlDotNet" Version="16.3.0" PrivateAssets="all" GeneratePathProperty="true" />
                <None Include="$(OutputPath)$(AssemblyName).dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
                <None Include="$(PKGYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
              </ItemGroup>
            </Project>

            """);
        FactGenPackage.Write(dir, "OtherGenerator.cs", """
            using System.Collections.Generic;
            using Microsoft.CodeAnalysis;
            using YamlDotNet.Serialization;

            [Generator(LanguageNames.CSharp)]
            public sealed class OtherGenerator : IIncrementalGenerator
            {
                public void Initialize(IncrementalGeneratorInitializationContext context)
                {
                    context.RegisterPostInitializationOutput(static output =>
                    {
                        var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>("greeting: hello from the other generator");
                        string version = typeof(Deserializer).Assembly.GetName().Version!.ToString();
                        output.AddSource("OtherYaml.g.cs",
                            "internal static class OtherYaml { public const string Greeting = \"" + values["greeting"] + "\"; public const string YamlDotNetVersion = \"" + version + "\"; }");
                    });
                }
            }

            """);
        package.DotNetForConsumer(dir, "pack", "-o", package.Feed, "-p:Version=" + package.Version, "-nodeReuse:false").Succeeded();
    }
}
