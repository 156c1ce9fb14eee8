using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FactGen.Validation;

/// <summary>
/// Every diagnostic FactGen reports. The ids are a public contract (users put them in .editorconfig and
/// NoWarn): never renumber; retire an id by leaving it unused. Each has a section in RULES.md.
/// </summary>
internal static class Descriptors
{
    /// <summary>Where the rules are documented; each descriptor links to its own section.</summary>
    public const string HelpBase = "https://github.com/factgen/factgen/blob/main/src/FactGen/RULES.md#";

    private const string Syntax = "FactGen.Syntax";
    private const string Schema = "FactGen.Schema";
    private const string Consistency = "FactGen.Consistency";
    private const string Text = "FactGen.Text";
    private const string Naming = "FactGen.Naming";
    private const string Limits = "FactGen.Limits";

    public static readonly DiagnosticDescriptor InvalidYaml = Make("FG0001", "Fact file is not valid YAML",
        "Fact file is not valid YAML: {0}; fix the syntax at this position", Syntax, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownField = Make("FG0002", "Unknown field",
        "Unknown field '{0}' in {1}{2}; remove it or correct its name", Schema, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingField = Make("FG0003", "Required field is missing",
        "{0} '{1}' has no '{2}' field; add it (the fact is left out of the generated code until then)", Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidValue = Make("FG0004", "Invalid value",
        "Invalid value '{0}' for '{1}': {2}", Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateId = Make("FG0005", "Duplicate id",
        "{0} id '{1}' is already defined at {2}; give one of them another id (this one is left out)", Consistency, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DanglingReference = Make("FG0006", "Reference names no fact",
        "'{0}' names no {1}{2}; correct the id or add the fact", Consistency, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReversedRange = Make("FG0007", "Date range is reversed",
        "'to' {0} is before 'from' {1}; swap or correct the dates", Consistency, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OverlappingTerms = Make("FG0008", "Terms of office overlap",
        "{0}; correct the 'from'/'to' dates of one of the terms", Consistency, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OutsideTerm = Make("FG0009", "Dated outside the term of office",
        "{0} is dated {1}, outside every term of '{2}' held by '{3}' ({4}); correct the date, the 'as:' title or the official's positions", Consistency, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameClash = Make("FG0010", "Id does not map to a usable C# name",
        "{0}; choose another id (this fact is left out)", Naming, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor Mojibake = Make("FG0011", "Text looks damaged by a wrong encoding",
        "'{0}' looks like {1} mojibake; repaired it reads '{2}'{3}; replace the text with the repaired form", Text, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EvidenceNotFound = Make("FG0012", "Excerpt not found in the cited source",
        "{0} '{1}' is not found in the text of {2}; copy the excerpt from the source or cite the right source", Text, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SourceFileMissing = Make("FG0013", "Source text file is missing",
        "Source '{0}' names file '{1}' (resolved to {2}), which is not among the compilation's AdditionalFiles; add it, e.g. <AdditionalFiles Include=\"{2}\" FactGenKind=\"source\" />, or correct the path", Consistency, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NameMismatch = Make("FG0014", "Name is not the ASCII form of romanized",
        "Official name '{0}' is not the ASCII form '{1}' of romanized '{2}'; make 'name' '{1}' or correct 'romanized'", Text, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OutsideParent = Make("FG0015", "Event lies outside its parent event",
        "Event '{0}' ({1}) lies outside '{2}' ({3}) that it is part_of; correct the dates or the part_of reference", Consistency, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LimitExceeded = Make("FG0016", "Input limit exceeded",
        "{0} exceeds the limit of {1} ({2}); split the file or raise the MSBuild property {3}", Limits, DiagnosticSeverity.Error);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        InvalidYaml, UnknownField, MissingField, InvalidValue, DuplicateId, DanglingReference, ReversedRange,
        OverlappingTerms, OutsideTerm, NameClash, Mojibake, EvidenceNotFound, SourceFileMissing, NameMismatch,
        OutsideParent, LimitExceeded);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = BuildIndex();

    private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
    {
        var d = new Dictionary<string, DiagnosticDescriptor>();
        foreach (DiagnosticDescriptor descriptor in All) d.Add(descriptor.Id, descriptor);
        return d;
    }

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    /// <summary>
    /// Rules the generator reports itself: errors that make it drop or change a fact, which must appear in
    /// the same build output as the CS errors they cause (the compiler skips analyzer diagnostics when the
    /// compilation has errors). The rest come from <c>FactFileAnalyzer</c>.
    /// </summary>
    public static bool IsReportedByGenerator(string id) => ById(id).DefaultSeverity == DiagnosticSeverity.Error;

    private static DiagnosticDescriptor Make(string id, string title, string message, string category, DiagnosticSeverity severity)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
