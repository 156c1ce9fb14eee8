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
            .Select(static (input, ct) => ParseFile(input.File, input.Limits, ct, texts: false)) // FG0011's texts are the analyzer's
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValueProvider<EquatableArray<string>> paths = context.AdditionalTextsProvider
            .Select(static (file, _) => file.Path)
            .Collect()
            .Select(static (all, _) => Sorted(all))
            .WithTrackingName(TrackingNames.AdditionalPaths);

        // Linking runs over the files' structures (no values, no line numbers): an edit that changes a value, or only
        // moves text, leaves the link, the plan and every shared generated file cached (see Structure).
        IncrementalValuesProvider<FileStructure> structures = parsed
            .Select(static (file, _) => Structure.Of(file))
            .WithTrackingName(TrackingNames.Structure);

        IncrementalValueProvider<(LinkedFacts Facts, long ValueChars)> linked = structures
            .Collect()
            .Select(static (all, _) => SortedStructures(all))
            .Combine(paths)
            .Select(static (input, ct) => Structure.Link(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.Link);

        IncrementalValueProvider<EmitPlan> plan = linked
            .Combine(emitSettings)
            .Select(static (input, _) => EmitPlan.Create(input.Left.Facts, input.Left.ValueChars, input.Right))
            .WithTrackingName(TrackingNames.Plan);

        // The link's errors need real locations: the structures number theirs (see Structure), so the parsed files of the
        // paths they name give them back (Structure.Relocate) — no second link. Re-runs when a file is parsed again, as
        // the lines move; with no error it returns at once.
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> linkDiagnostics = parsed
            .Collect()
            .Select(static (all, _) => SortedFiles(all))
            .WithTrackingName(TrackingNames.AllFiles)
            .Combine(linked.Select(static (l, _) => l.Facts.Diagnostics))
            .Select(static (input, _) => Structure.Relocate(input.Right, input.Left))
            .WithTrackingName(TrackingNames.LinkDiagnostics);

        context.RegisterSourceOutput(parsed, static (spc, file) => Report(spc, file.Diagnostics));
        context.RegisterSourceOutput(linkDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

        // One pipeline item per generated file, compared by its text: after an edit, only the files whose text
        // changed are added again (and parsed again by the compiler); the others stay as they were. The shared
        // files come from the plan alone; each fact file's own file from the plan and that file's parsed facts.
        IncrementalValuesProvider<GeneratedFile> shared = plan
            .SelectMany(static (p, ct) => Emitter.EmitShared(p, ct))
            .WithTrackingName(TrackingNames.EmitShared);

        // Names (sources' titles; organizations', titles' and officials' names) are not in the structures, so a rename
        // links nothing again: it changes the name table, which makes the names file again and, per fact file, picks the
        // names its docs show; only the files whose picked names changed are made again.
        IncrementalValueProvider<NameTable> names = parsed
            .Select(static (file, _) => FileNames.Of(file))
            .WithTrackingName(TrackingNames.Names)
            .Collect()
            .Combine(plan)
            .Select(static (input, _) => NameTable.Create(input.Left, input.Right))
            .WithTrackingName(TrackingNames.NameTable);

        IncrementalValueProvider<GeneratedFile> namesFile = names
            .Select(static (table, ct) => Emitter.EmitNames(table, ct))
            .WithTrackingName(TrackingNames.EmitNames);

        // Terms' dates, evidence and notes are not in the structures either: an edit to them (a term ends) makes again the
        // terms file, from the plan and every file's terms, and the edited file's own file; it links and plans nothing.
        IncrementalValueProvider<GeneratedFile> termsFile = parsed
            .Select(static (file, _) => FileTerms.Of(file))
            .WithTrackingName(TrackingNames.Terms)
            .Collect()
            .Combine(plan)
            .Select(static (input, ct) => Terms.Emit(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.EmitTerms);

        // Nor are the dates of events, agreements and quotes: linking orders every kind by id, and the dates file orders
        // them chronologically, so a date edit (an event moves in time) makes again that file and the edited file's own.
        IncrementalValueProvider<GeneratedFile> datesFile = parsed
            .Select(static (file, _) => FileDates.Of(file))
            .WithTrackingName(TrackingNames.Dates)
            .Collect()
            .Combine(plan)
            .Select(static (input, ct) => Dates.Emit(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.EmitDates);

        IncrementalValuesProvider<GeneratedFile> own = parsed
            .Combine(plan)
            .Combine(names)
            .Select(static (input, _) => OwnFileInput.Create(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.OwnFiles)
            .SelectMany(static (input, ct) => FileEmitter.Emit(input, ct))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(shared, static (spc, file) => Add(spc, file));
        context.RegisterSourceOutput(namesFile, static (spc, file) => Add(spc, file));
        context.RegisterSourceOutput(termsFile, static (spc, file) => Add(spc, file));
        context.RegisterSourceOutput(datesFile, static (spc, file) => Add(spc, file));
        context.RegisterSourceOutput(own, static (spc, file) => Add(spc, file));
    }

    /// <summary>Reports the errors that drop or change a fact; warnings are the analyzer's.</summary>
    private static void Report(SourceProductionContext spc, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo d in diagnostics)
        {
            if (Descriptors.IsReportedByGenerator(d.Id)) spc.ReportDiagnostic(d.ToDiagnostic());
        }
    }

    private static void Add(SourceProductionContext spc, GeneratedFile file)
        => spc.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));

    /// <summary>Parses one file; its text comes from the AdditionalText, which is not kept in the model. <paramref name="texts"/>: see <see cref="FactParser.Parse"/>.</summary>
    internal static FactFile ParseFile(AdditionalText file, ParseLimits limits, System.Threading.CancellationToken ct, bool texts = true)
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
        return FactParser.Parse(file.Path, text.ToString(), limits, ct, texts: texts);
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

    private static EquatableArray<FileStructure> SortedStructures(ImmutableArray<FileStructure> all)
    {
        FileStructure[] array = all.ToArray();
        Array.Sort(array, static (a, b) => string.CompareOrdinal(a.Facts.Path, b.Facts.Path));
        return new EquatableArray<FileStructure>(array);
    }
}
