using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// A library A with facts, and a project B with facts of its own that references A: both generate model
/// types, FactData and Microsoft.CodeAnalysis.EmbeddedAttribute, yet B builds without CS0436 (type conflicts
/// with an imported type) or ambiguity, and B's code uses both sets of facts.
/// </summary>
public class TwoProjectTests
{
    private const string BFacts = """
        organizations:
          - id: harbour-council
            name: Harbour Council (B's record)
            country: NO
        officials:
          - id: yamada-taro
            name: Yamada Taro of B
            country: JP
        """;

    private const string BCode = """
        internal static class User
        {
            internal static string Run()
            {
                A.Facts.Official a = A.Facts.Officials.YamadaTaro;
                B.Facts.Official b = B.Facts.Officials.YamadaTaro;
                A.Facts.FactDate date = A.Facts.FactDate.Parse("2024-02-29");
                return string.Join("|",
                    a.Native, a.TitleOn(date)?.Name, b.Name, b.TitleOn(B.Facts.FactDate.Parse("2024"))?.Name ?? "(none)",
                    A.Facts.Organizations.HarbourCouncil.Name, B.Facts.Organizations.HarbourCouncil.Name,
                    A.Facts.Events.All.Count, B.Facts.Events.All.Count, A.Facts.Officials.All.Count, B.Facts.Officials.All.Count,
                    A.Facts.Officials.Find("yamada-taro") == a, B.Facts.Officials.Find("yamada-taro") == b);
            }
        }
        """;

    private const string Expected = "山田太郎|Minister of Trade|Yamada Taro of B|(none)|Harbour Council|Harbour Council (B's record)|9|0|3|1|True|True";

    [Fact]
    public void ProjectReferencingAPublicFactLibraryBuildsCleanlyAndSeesBoth()
        => BuildBAgainstA(visibility: "public", libraryCode: Array.Empty<string>());

    [Fact]
    public void ProjectReferencingAnInternalFactLibraryWithInternalsVisibleToBuildsCleanlyAndSeesBoth()
        => BuildBAgainstA(visibility: "internal", libraryCode: new[] { "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"B\")]" });

    [Fact]
    public void WithoutInternalsVisibleToInternalFactsStayHidden()
    {
        // Control for the internal variant: B really depends on InternalsVisibleTo to see A's facts.
        var (_, image) = BuildA("internal", Array.Empty<string>());
        GeneratorRun b = BuildB(image);
        Assert.Contains(b.CompilationDiagnostics, d => d.Id == "CS0122" || d.Id == "CS0234");
    }

    private static void BuildBAgainstA(string visibility, string[] libraryCode)
    {
        var (a, image) = BuildA(visibility, libraryCode);
        GeneratorRun b = BuildB(image);

        Assert.Empty(b.GeneratorDiagnostics);
        Assert.True(b.CompilationDiagnostics.IsEmpty, StrictCompilation.Describe(b.CompilationDiagnostics));
        // Both assemblies carry their own copy of the generated infrastructure types.
        foreach (string type in new[] { "Microsoft.CodeAnalysis.EmbeddedAttribute" })
        {
            Assert.NotNull(a.Output.Assembly.GetTypeByMetadataName(type));
            Assert.NotNull(b.Output.Assembly.GetTypeByMetadataName(type));
        }
        var assembly = StrictCompilation.LoadTogether(("A", image), ("B", StrictCompilation.Emit(b.Output)));
        Assert.Equal(Expected, StrictCompilation.Call(assembly, "User", "Run"));
    }

    private static (GeneratorRun Run, byte[] Image) BuildA(string visibility, string[] code)
    {
        GeneratorRun a = StrictCompilation.Run(FactSets.Mixed(), FactSets.Options("A.Facts", visibility), StrictCompilation.Create("A", code));
        Assert.Empty(a.GeneratorDiagnostics);
        Assert.True(a.CompilationDiagnostics.IsEmpty, StrictCompilation.Describe(a.CompilationDiagnostics));
        return (a, StrictCompilation.Emit(a.Output));
    }

    private static GeneratorRun BuildB(byte[] aImage)
        => StrictCompilation.Run(
            new AdditionalText[] { new TestAdditionalText("/b/facts/facts.yaml", BFacts) },
            FactSets.Options("B.Facts", "public", "/b/"),
            StrictCompilation.Create("B", new[] { BCode }, new[] { MetadataReference.CreateFromImage(aImage) }));
}
