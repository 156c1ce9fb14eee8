using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

// The code fixes compile against the constants below; being constants, they add no load-time dependency.
[assembly: InternalsVisibleTo("FactGen.CodeFixes")]

namespace FactGen.Analyzers.UserCode;

/// <summary>
/// The rules about user code that uses the generated facts (FG1xxx). Kept apart from the fact-file rules
/// (<see cref="Validation.Descriptors"/>, FG0xxx), which the generator and the fact-file analyzer report.
/// Ids are a public contract, as there.
/// </summary>
internal static class UserCodeDescriptors
{
    private const string Usage = "FactGen.Usage";

    public const string UnknownIdId = "FG1001";
    public const string UseTypedMemberId = "FG1002";

    /// <summary>FG1001: a constant string given to a generated lookup (or compared with a fact's id) names no fact of that kind.</summary>
    public static readonly DiagnosticDescriptor UnknownId = new(
        UnknownIdId,
        "String names no fact",
        "'{0}' is not the id of any {1}{2}",
        Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A constant string passed to a generated Find/TryGet, or compared with the Id of a generated fact, names no fact of that kind: the lookup always fails and the comparison is always false.",
        helpLinkUri: Validation.Descriptors.HelpBase + "fg1001");

    /// <summary>FG1002: the constant names an existing fact; the typed member says the same and is checked by the compiler.</summary>
    public static readonly DiagnosticDescriptor UseTypedMember = new(
        UseTypedMemberId,
        "Use the typed fact member",
        "Use {0} instead of the string id '{1}'",
        Usage,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The string names an existing fact. The generated member (or Ids constant) is checked by the compiler: when the fact is renamed or removed, the code stops compiling instead of failing at run time.",
        helpLinkUri: Validation.Descriptors.HelpBase + "fg1002");

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(UnknownId, UseTypedMember);

    /// <summary>Diagnostic property names shared with the code fix (FactGen.CodeFixes).</summary>
    public static class Properties
    {
        /// <summary>Which use the diagnostic is about: <see cref="FindMode"/>, <see cref="TryGetMode"/> or <see cref="CompareMode"/>.</summary>
        public const string Mode = "Mode";

        /// <summary>The fully qualified expression to use instead (<c>global::Ns.Officials.HeLifeng</c> or <c>global::Ns.Officials.Ids.HeLifeng</c>).</summary>
        public const string Replacement = "Replacement";

        /// <summary>An argument of <c>Find</c>: the invocation becomes the typed member.</summary>
        public const string FindMode = "Find";

        /// <summary>An argument of <c>TryGet</c>: where it keeps the meaning, the call becomes an assignment of the typed member.</summary>
        public const string TryGetMode = "TryGet";

        /// <summary>Compared with a fact's <c>Id</c>: the string becomes the <c>Ids</c> constant.</summary>
        public const string CompareMode = "Compare";
    }
}
