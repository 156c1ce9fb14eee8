using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FactGen.Analyzers.UserCode;

/// <summary>
/// The rules about user code that uses the generated facts (FG1xxx). Kept apart from the fact-file rules
/// (<see cref="Validation.Descriptors"/>, FG0xxx), which the generator and the fact-file analyzer report.
/// Ids are a public contract, as there.
/// </summary>
internal static class UserCodeDescriptors
{
    private const string Usage = "FactGen.Usage";

    /// <summary>FG1001: a constant string given to a generated lookup (or compared with a fact's id) names no fact of that kind.</summary>
    public static readonly DiagnosticDescriptor UnknownId = new(
        UserCodeIds.UnknownId,
        "String names no fact",
        "'{0}' is not the id of any {1}{2}",
        Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A constant string passed to a generated Find/TryGet, or compared with the Id of a generated fact, names no fact of that kind: the lookup always fails and the comparison is always false.",
        helpLinkUri: Validation.Descriptors.HelpBase + "fg1001");

    /// <summary>FG1002: the constant names an existing fact; the typed member says the same and is checked by the compiler.</summary>
    public static readonly DiagnosticDescriptor UseTypedMember = new(
        UserCodeIds.UseTypedMember,
        "Use the typed fact member",
        "Use {0} instead of the string id '{1}'",
        Usage,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The string names an existing fact. The generated member (or Ids constant) is checked by the compiler: when the fact is renamed or removed, the code stops compiling instead of failing at run time.",
        helpLinkUri: Validation.Descriptors.HelpBase + "fg1002");

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(UnknownId, UseTypedMember);
}
