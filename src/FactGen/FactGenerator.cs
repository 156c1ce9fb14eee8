using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FactGen.Emit;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactGen;

/// <summary>
/// Compiles YAML fact files (AdditionalFiles) into typed C#: Parse (per file) → Link (all files) → Emit.
/// Reports the errors that make it drop or change a fact; warnings come from <see cref="Analyzers.FactFileAnalyzer"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FactGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static c => c.AddEmbeddedAttributeDefinition());

        IncrementalValueProvider<EmitSettings> emitSettings = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => GeneratorSettings.ReadEmit(pair.Left.GlobalOptions) with
            {
                Utf8Literals = pair.Right is Microsoft.CodeAnalysis.CSharp.CSharpParseOptions { LanguageVersion: >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11 },
            })
            .WithTrackingName(TrackingNames.Settings);

        IncrementalValuesProvider<FactFile> parsed = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => GeneratorSettings.IsFactFile(pair.Left, pair.Right))
            .Select(static (pair, _) => (File: pair.Left, Limits: GeneratorSettings.ReadLimits(pair.Right.GlobalOptions)))
            .WithTrackingName(TrackingNames.FactFiles)
            .Select(static (input, ct) => ParseFile(input.File, input.Limits, ct))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValueProvider<EquatableArray<string>> paths = context.AdditionalTextsProvider
            .Select(static (file, _) => file.Path)
            .Collect()
            .Select(static (all, _) => Sorted(all))
            .WithTrackingName(TrackingNames.AdditionalPaths);

        IncrementalValueProvider<EquatableArray<FactFile>> files = parsed
            .Collect()
            .Select(static (all, _) => SortedFiles(all))
            .WithTrackingName(TrackingNames.AllFiles);

        IncrementalValueProvider<LinkedFacts> linked = files
            .Combine(paths)
            .Select(static (pair, ct) => Linker.Link(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.Link);

        context.RegisterSourceOutput(parsed, static (spc, file) =>
        {
            foreach (DiagnosticInfo d in file.Diagnostics)
            {
                if (Descriptors.IsReportedByGenerator(d.Id)) spc.ReportDiagnostic(d.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(linked, static (spc, facts) =>
        {
            foreach (DiagnosticInfo d in facts.Diagnostics)
            {
                if (Descriptors.IsReportedByGenerator(d.Id)) spc.ReportDiagnostic(d.ToDiagnostic());
            }
        });

        // One pipeline item per generated file, compared by its text: after an edit, only the files whose text
        // changed are added again (and parsed again by the compiler); the others stay as they were.
        IncrementalValuesProvider<GeneratedFile> generated = linked
            .Combine(emitSettings)
            .SelectMany(static (pair, ct) => Emitter.Emit(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(generated, static (spc, file) =>
            spc.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8)));
    }

    /// <summary>Parses one file; its text comes from the AdditionalText, which is not kept in the model.</summary>
    internal static FactFile ParseFile(AdditionalText file, ParseLimits limits, System.Threading.CancellationToken ct)
    {
        SourceText? text = file.GetText(ct);
        if (text is null)
        {
            return FactParser.Parse(file.Path, string.Empty, limits, ct) with
            {
                Diagnostics = new EquatableArray<DiagnosticInfo>(new[]
                {
                    DiagnosticInfo.Create(Descriptors.InvalidYaml, LocationInfo.FileStart(file.Path), "the file could not be read"),
                }),
            };
        }
        return FactParser.Parse(file.Path, text.ToString(), limits, ct);
    }

    private static EquatableArray<string> Sorted(ImmutableArray<string> all)
    {
        string[] array = all.ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        return new EquatableArray<string>(array);
    }

    private static EquatableArray<FactFile> SortedFiles(ImmutableArray<FactFile> all)
    {
        FactFile[] array = all.ToArray();
        Array.Sort(array, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new EquatableArray<FactFile>(array);
    }
}
