namespace FactGen;

/// <summary>Names of the incremental pipeline's steps, so tests can assert what ran and what was cached.</summary>
internal static class TrackingNames
{
    public const string Settings = nameof(Settings);
    public const string FactFiles = nameof(FactFiles);
    public const string Parse = nameof(Parse);
    public const string AllFiles = nameof(AllFiles);
    public const string AdditionalPaths = nameof(AdditionalPaths);
    public const string Structure = nameof(Structure);
    public const string Link = nameof(Link);
    public const string Plan = nameof(Plan);
    public const string LinkDiagnostics = nameof(LinkDiagnostics);
    public const string EmitShared = nameof(EmitShared);
    public const string Names = nameof(Names);
    public const string NameTable = nameof(NameTable);
    public const string EmitNames = nameof(EmitNames);
    public const string Terms = nameof(Terms);
    public const string EmitTerms = nameof(EmitTerms);
    public const string Dates = nameof(Dates);
    public const string EmitDates = nameof(EmitDates);
    public const string OwnFiles = nameof(OwnFiles);
    public const string Emit = nameof(Emit);
}
