using FactGen.Tests.Generator;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FactGen.Tests.Snapshots;

/// <summary>
/// The generated source of representative fact sets, compared with the committed files under
/// Snapshots/{set}/. A change in the output fails here with a diff; review it and accept with
/// <c>FACTGEN_ACCEPT=1 dotnet test tests/FactGen.Tests --filter FullyQualifiedName~Snapshots</c>.
/// </summary>
public class SnapshotTests
{
    /// <summary>Every kind of fact and every event kind, <c>as:</c> participants, span events, deprecated facts, four files in two folders.</summary>
    [Fact]
    public void MixedFactsPublic() => Verify("MixedPublic", FactSets.Mixed(), FactSets.PublicOptions());

    /// <summary>The same facts with internal visibility and a custom namespace.</summary>
    [Fact]
    public void MixedFactsInternalCustomNamespace() => Verify("MixedInternal", FactSets.Mixed(), FactSets.Options("Contoso.Harbour.Data", "internal"));

    /// <summary>The repository's own facts/ and seeds/, as a project at the repository root would see them.</summary>
    [Fact]
    public void RepositoryFacts() => Verify("RepositoryFacts", Repo.RealFactsAndSeeds(), FactSets.Options("Raimondo.Facts", "public", Repo.Root + "/"));

    /// <summary>A project without fact files still gets the (empty) model and lookups.</summary>
    [Fact]
    public void NoFacts() => Verify("NoFacts", new List<AdditionalText>(), FactSets.PublicOptions());

    private const string EmbeddedAttributeHint = "Microsoft.CodeAnalysis.EmbeddedAttribute.cs";

    private static void Verify(string name, List<AdditionalText> files, AnalyzerConfigOptionsProvider options)
    {
        GeneratorRun run = GeneratorHarness.Run(files, options: options);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, StrictCompilation.Describe(run.GeneratorDiagnostics));
        Assert.True(run.CompilationDiagnostics.IsEmpty, StrictCompilation.Describe(run.CompilationDiagnostics));
        // Roslyn's own EmbeddedAttribute source (AddEmbeddedAttributeDefinition) is not FactGen's output: it
        // must be there, but its text is the compiler's business and is left out of the snapshot.
        Assert.Contains(EmbeddedAttributeHint, run.Sources.Keys);
        Snapshot.VerifySources(name, run.Sources.Where(s => s.Key != EmbeddedAttributeHint).ToDictionary(s => s.Key, s => s.Value));
    }
}
