using System.Text.RegularExpressions;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>
/// Rule severities for diagnostics located in fact files. The compiler matches .editorconfig sections
/// ([*.yaml], [*]) against C# syntax trees only, so they do not reach diagnostics in AdditionalFiles; a
/// global config does (.globalconfig, or any analyzer config file with is_global = true).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SeverityTests(FactGenPackage package)
{
    [Fact]
    public void GlobalConfigChangesTheSeverityOfAFactFileDiagnosticAndEditorConfigSectionsDoNot()
    {
        string dir = package.NewConsumer("severity");
        FactGenPackage.Write(dir, "Severity.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <FactGenEnableDefaultItems>false</FactGenEnableDefaultItems>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactGen" Version="$(FactGenTestVersion)" PrivateAssets="all" />
                <AdditionalFiles Include="facts/*.yaml" Exclude="facts/draft.yaml" FactGenKind="facts" />
              </ItemGroup>
            </Project>

            """);
        FactGenPackage.Write(dir, "facts/a.yaml", "officials:\n  - id: ada-lovelace\n    name: Ada Lovelace\n    country: GB\n");
        FactGenPackage.Write(dir, "facts/b.yaml", "officials:\n  - id: ada-lovelace\n    name: Ada Byron\n    country: GB\n");
        // With the default items switched off, only the explicit items are read: this broken draft is not.
        FactGenPackage.Write(dir, "facts/draft.yaml", "officials: [unclosed\n");
        FactGenPackage.Write(dir, "Program.cs", "System.Console.WriteLine(Severity.Facts.Officials.AdaLovelace.Name);\n");

        var duplicate = new Regex(@"[/\\]facts[/\\]b\.yaml\(2,9\): (error|warning) FG0005: ");

        // FG0005 is an error by default.
        ProcessResult plain = package.DotNetForConsumer(dir, "build").Failed();
        Assert.Equal("error", duplicate.Match(plain.Output).Groups[1].Value);
        Assert.DoesNotContain("FG0001", plain.Output);

        // An .editorconfig section does not reach it, not even [*.yaml].
        FactGenPackage.Write(dir, ".editorconfig", "root = true\n\n[*.yaml]\ndotnet_diagnostic.FG0005.severity = warning\n\n[*]\ndotnet_diagnostic.FG0005.severity = warning\n");
        ProcessResult sectioned = package.DotNetForConsumer(dir, "build", "--no-restore").Failed();
        Assert.Equal("error", duplicate.Match(sectioned.Output).Groups[1].Value);

        // A global config does: the build passes with a warning, and the first definition (by path) is kept.
        File.Delete(Path.Combine(dir, ".editorconfig"));
        FactGenPackage.Write(dir, ".globalconfig", "is_global = true\ndotnet_diagnostic.FG0005.severity = warning\n");
        ProcessResult global = package.DotNetForConsumer(dir, "build", "--no-restore").Succeeded();
        Assert.Equal("warning", duplicate.Match(global.Output).Groups[1].Value);
        ProcessResult run = package.RunApp(dir, Path.Combine("bin", "Debug", "net10.0", "Severity.dll")).Succeeded();
        Assert.Equal(new[] { "Ada Lovelace" }, Lines.Of(run.Output));

        // So does an .editorconfig that is itself global (is_global = true, no sections).
        File.Delete(Path.Combine(dir, ".globalconfig"));
        FactGenPackage.Write(dir, ".editorconfig", "is_global = true\ndotnet_diagnostic.FG0005.severity = warning\n");
        ProcessResult globalEditorConfig = package.DotNetForConsumer(dir, "build", "--no-restore").Succeeded();
        Assert.Equal("warning", duplicate.Match(globalEditorConfig.Output).Groups[1].Value);
    }
}
