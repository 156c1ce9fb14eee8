using FactGen.IntegrationTests.Consumers;
using FactGen.IntegrationTests.Infrastructure;
using Xunit;

namespace FactGen.IntegrationTests;

/// <summary>The README's main path: a console project, one PackageReference, facts/ and seeds/.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsoleConsumerTests(FactGenPackage package)
{
    [Fact]
    public void ConsoleProjectBuildsAndPrintsValuesLookupsAndLinks()
    {
        string dir = package.NewConsumer("console");
        FactGenPackage.Write(dir, "Briefing.csproj", Briefing.Project());
        FactGenPackage.Write(dir, "facts/world.yaml", Briefing.World);
        FactGenPackage.Write(dir, "facts/events.yaml", Briefing.Events);
        FactGenPackage.Write(dir, "seeds/briefing.txt", Briefing.Seed);
        FactGenPackage.Write(dir, "Program.cs", Briefing.Program("Briefing.Facts"));

        ProcessResult build = package.DotNetForConsumer(dir, "build").Succeeded();
        Assert.DoesNotContain("warning FG", build.Output);
        Assert.DoesNotContain("warning CS", build.Output);

        ProcessResult run = package.DotNetForConsumer(dir, "run", "--no-build").Succeeded();
        Assert.Equal(Briefing.ExpectedOutput.Append("public types: False"), Lines.Of(run.Output));
    }
}
