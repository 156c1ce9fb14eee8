using System;
using System.Collections.Generic;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Validation.Rules;

namespace FactGen.Validation;

/// <summary>
/// Validate step: the rules that are pure functions of one parsed file or of the linked set. The
/// generator and the analyzer share it (and the parser and linker before it): one engine.
/// </summary>
internal static class Validator
{
    /// <summary>Per-file rules (FG0011, FG0014): cheap enough to run live in the IDE on each edit.</summary>
    public static List<DiagnosticInfo> ValidateFile(FactFile file)
    {
        var diagnostics = new List<DiagnosticInfo>();
        MojibakeRule.Check(file, diagnostics);
        RomanizationRule.Check(file, diagnostics);
        diagnostics.Sort(DiagnosticInfo.Compare);
        return diagnostics;
    }

    /// <summary>Cross-file rules (FG0008, FG0009, FG0012, FG0015); <paramref name="readSource"/> reads a source text by path.</summary>
    public static List<DiagnosticInfo> ValidateLinked(LinkedFacts facts, Func<string, string?> readSource)
    {
        var diagnostics = new List<DiagnosticInfo>();
        TermOverlapRule.Check(facts, diagnostics);
        TermCapacityRule.Check(facts, diagnostics);
        EvidenceRule.Check(facts, readSource, diagnostics);
        PartOfRule.Check(facts, diagnostics);
        diagnostics.Sort(DiagnosticInfo.Compare);
        return diagnostics;
    }
}
