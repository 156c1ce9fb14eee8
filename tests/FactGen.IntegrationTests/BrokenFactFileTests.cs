using System.Text.RegularExpressions;
using FactGen.IntegrationTests.Consumers;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>A data error fails `dotnet build` at the YAML node, and fixing the file fixes the (incremental) build.</summary>
[Collection(PackageCollection.Name)]
public sealed class BrokenFactFileTests(FactGenPackage package)
{
    private const string Broken = """
        events:
          - id: launch
            kind: announcement
            name: Product launch
            date: 2023-02-30
        """;

    [Fact]
    public void InvalidDateFailsTheBuildAtItsLineAndColumnAndTheFixedFileBuilds()
    {
        string dir = package.NewConsumer("broken");
        FactGenPackage.Write(dir, "Launch.csproj", Briefing.Project());
        FactGenPackage.Write(dir, "facts/x.yaml", Broken);
        FactGenPackage.Write(dir, "Program.cs", """
            using Launch.Facts;
            System.Console.WriteLine(Events.Launch.Date + " " + Events.Launch.Name);

            """);

        // 2023-02-30 does not exist: FG0004 at line 5, column 11 (the value), reported by msbuild as file(line,col).
        ProcessResult broken = package.DotNetForConsumer(dir, "build").Failed();
        Assert.Matches(new Regex(@"[/\\]facts[/\\]x\.yaml\(5,11\): error FG0004: Invalid value '2023-02-30' for 'date'"), broken.Output);

        // Fixed, the same project builds without restoring again, and the program sees the regenerated fact.
        FactGenPackage.Write(dir, "facts/x.yaml", Broken.Replace("2023-02-30", "2023-02-28"));
        ProcessResult fixedBuild = package.DotNetForConsumer(dir, "build", "--no-restore").Succeeded();
        Assert.DoesNotContain("FG0004", fixedBuild.Output);
        ProcessResult run = package.RunApp(dir, Path.Combine("bin", "Debug", "net10.0", "Launch.dll")).Succeeded();
        Assert.Equal(new[] { "2023-02-28 Product launch" }, Lines.Of(run.Output));

        // The input limits are MSBuild properties that reach the generator (FG0016 names the property to raise).
        ProcessResult limited = package.DotNetForConsumer(dir, "build", "--no-restore", "-p:FactGenMaxNodes=4").Failed();
        Assert.Matches(new Regex(@"[/\\]facts[/\\]x\.yaml\(\d+,\d+\): error FG0016: .*FactGenMaxNodes"), limited.Output);
    }
}
