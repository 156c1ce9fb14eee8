using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests;

public class RealFactsTests
{
    [Fact]
    public void RepositoryFactsGenerateAndCompileCleanly()
    {
        GeneratorRun run = GeneratorHarness.Run(Repo.RealFactsAndSeeds());
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        var assembly = GeneratorHarness.Load(run.Output);
        object? he = GeneratorHarness.Get(assembly, "Test.Facts.Officials", "HeLifeng");
        Assert.Equal("何立峰", GeneratorHarness.Prop(he, "Native"));
        Assert.Equal("Hé Lìfēng", GeneratorHarness.Prop(he, "Romanized"));
    }

    [Fact]
    public void RepositoryFactsHaveNoDiagnosticsFromAnyRule()
    {
        var diagnostics = AnalyzerHarness.All(Repo.RealFactsAndSeeds());
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
    }
}
