using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Analyzers;

/// <summary>
/// Reports the warning-level fact rules: per file and live in the IDE (FG0002, FG0011, FG0014) through
/// RegisterAdditionalFileAction, and across files (FG0008, FG0009, FG0012, FG0015) at compilation end.
/// Uses the generator's engine (parser, linker, validator); each file is parsed once per compilation:
/// the file actions leave their parse in a per-compilation cache that the end action reads.
/// Error-level rules are the generator's to report (they must show even when the compilation has errors).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FactFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.UnknownField, Descriptors.OverlappingTerms, Descriptors.OutsideTerm, Descriptors.Mojibake,
        Descriptors.EvidenceNotFound, Descriptors.NameMismatch, Descriptors.OutsideParent);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var session = new Session(start.Options);
            start.RegisterAdditionalFileAction(session.AnalyzeFile);
            start.RegisterCompilationEndAction(session.AnalyzeAll);
        });
    }

    /// <summary>State of one compilation's analysis; nothing static is mutable.</summary>
    private sealed class Session
    {
        private readonly AnalyzerOptions _options;
        private readonly ConcurrentDictionary<string, FactFile> _parsed = new(StringComparer.Ordinal);
        private readonly ParseLimits _limits;

        public Session(AnalyzerOptions options)
        {
            _options = options;
            _limits = GeneratorSettings.ReadLimits(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        }

        private bool IsFactFile(AdditionalText file) => GeneratorSettings.IsFactFile(file, _options.AnalyzerConfigOptionsProvider);

        private FactFile Parse(AdditionalText file, CancellationToken ct)
            => _parsed.GetOrAdd(file.Path, _ => FactGenerator.ParseFile(file, _limits, ct));

        public void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            if (!IsFactFile(context.AdditionalFile)) return;
            FactFile file = Parse(context.AdditionalFile, context.CancellationToken);
            foreach (DiagnosticInfo d in file.Diagnostics)
            {
                if (!Descriptors.IsReportedByGenerator(d.Id)) context.ReportDiagnostic(d.ToDiagnostic());
            }
            foreach (DiagnosticInfo d in Validator.ValidateFile(file)) context.ReportDiagnostic(d.ToDiagnostic());
        }

        public void AnalyzeAll(CompilationAnalysisContext context)
        {
            var files = new List<FactFile>();
            var paths = new List<string>();
            var byPath = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
            foreach (AdditionalText file in _options.AdditionalFiles)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                paths.Add(file.Path);
                byPath[PathUtil.Normalize(file.Path)] = file;
                if (IsFactFile(file)) files.Add(Parse(file, context.CancellationToken));
            }
            if (files.Count == 0) return;
            LinkedFacts linked = Linker.Link(files, paths, context.CancellationToken);
            string? Read(string path) => byPath.TryGetValue(path, out AdditionalText? t) ? t.GetText(context.CancellationToken)?.ToString() : null;
            foreach (DiagnosticInfo d in Validator.ValidateLinked(linked, Read)) context.ReportDiagnostic(d.ToDiagnostic());
        }
    }
}
