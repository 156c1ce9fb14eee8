using System.Text.RegularExpressions;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>
/// Rule severities for diagnostics located in fact files, from the analyzer (FG0002, a warning) and from the
/// generator (FG0005, an error). The compiler matches .editorconfig sections ([*.yaml], [*]) against C#
/// files only, so they do not reach diagnostics in AdditionalFiles; a global config does: a .globalconfig
/// file, or an .editorconfig that is itself global (is_global = true, no sections).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SeverityTests(FactGenPackage package)
{
    [Fact]
    public void GlobalConfigChangesTheSeverityOfFactFileDiagnosticsAndEditorConfigSectionsDoNot()
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
        FactGenPackage.Write(dir, "facts/a.yaml", "officials:\n  - id: ada-lovelace\n    name: Ada Lovelace\n    country: GB\n    titel: Countess\n");
        // With the default items switched off, only the explicit items are read: this broken draft is not.
        FactGenPackage.Write(dir, "facts/draft.yaml", "officials: [unclosed\n");
        FactGenPackage.Write(dir, "Program.cs", "System.Console.WriteLine(Severity.Facts.Officials.AdaLovelace.Name);\n");

        var unknownField = new Regex(@"[/\\]facts[/\\]a\.yaml\(5,5\): (error|warning) FG0002: Unknown field 'titel'");
        var duplicateId = new Regex(@"[/\\]facts[/\\]b\.yaml\(2,9\): (error|warning) FG0005: ");

        // FG0002 is a warning by default.
        ProcessResult plain = package.DotNetForConsumer(dir, "build").Succeeded();
        Assert.Equal("warning", unknownField.Match(plain.Output).Groups[1].Value);
        Assert.DoesNotContain("FG0001", plain.Output);

        // An .editorconfig section does not reach it, not even [*.yaml].
        FactGenPackage.Write(dir, ".editorconfig", "root = true\n\n[*.yaml]\ndotnet_diagnostic.FG0002.severity = error\n\n[*]\ndotnet_diagnostic.FG0002.severity = error\n");
        ProcessResult sectioned = package.DotNetForConsumer(dir, "build", "--no-restore").Succeeded();
        Assert.Equal("warning", unknownField.Match(sectioned.Output).Groups[1].Value);

        // A .globalconfig does: the warning becomes an error and fails the build.
        File.Delete(Path.Combine(dir, ".editorconfig"));
        FactGenPackage.Write(dir, ".globalconfig", "is_global = true\ndotnet_diagnostic.FG0002.severity = error\n");
        ProcessResult global = package.DotNetForConsumer(dir, "build", "--no-restore").Failed();
        Assert.Equal("error", unknownField.Match(global.Output).Groups[1].Value);

        // A global .editorconfig too, for the generator's errors as well: a duplicate id (FG0005) becomes a
        // warning, so the build passes, keeping the first definition by path; FG0002 is switched off.
        File.Delete(Path.Combine(dir, ".globalconfig"));
        FactGenPackage.Write(dir, "facts/b.yaml", "officials:\n  - id: ada-lovelace\n    name: Ada Byron\n    country: GB\n");
        FactGenPackage.Write(dir, ".editorconfig", "is_global = true\ndotnet_diagnostic.FG0005.severity = warning\ndotnet_diagnostic.FG0002.severity = none\n");
        ProcessResult globalEditorConfig = package.DotNetForConsumer(dir, "build", "--no-restore").Succeeded();
        Assert.Equal("warning", duplicateId.Match(globalEditorConfig.Output).Groups[1].Value);
        Assert.DoesNotContain("FG0002", globalEditorConfig.Output);
        ProcessResult run = package.RunApp(dir, Path.Combine("bin", "Debug", "net10.0", "Severity.dll")).Succeeded();
        Assert.Equal(new[] { "Ada Lovelace" }, Lines.Of(run.Output));
    }
}
