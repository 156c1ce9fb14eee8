namespace FactGen.Analyzers.UserCode;

/// <summary>
/// The ids and diagnostic property names that the analyzer and the code fix share. Constants only, in a
/// file that FactGen.CodeFixes compiles in as a link: the code-fix assembly then has no reference to the
/// analyzer assembly, and FactGen.csproj can pack it without a project-reference cycle.
/// </summary>
internal static class UserCodeIds
{
    /// <summary>FG1001: a constant string names no fact of the kind.</summary>
    public const string UnknownId = "FG1001";

    /// <summary>FG1002: a constant string names a fact; use the typed member.</summary>
    public const string UseTypedMember = "FG1002";

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
