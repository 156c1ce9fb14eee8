namespace FactGen.Parsing;

/// <summary>
/// Bounds on the work one fact file may cause (rule FG0016). Each is an MSBuild property, so a project
/// with unusually large files can raise it.
/// </summary>
internal sealed record ParseLimits(int MaxFileLength, int MaxDepth, int MaxScalarLength, int MaxNodes)
{
    /// <summary>10 M chars, depth 64, 1 M chars per scalar, 1 M nodes (aliases counted as expanded).</summary>
    public static readonly ParseLimits Default = new(10 * 1024 * 1024, 64, 1024 * 1024, 1_000_000);

    public const string MaxFileLengthProperty = "FactGenMaxFileLength";
    public const string MaxDepthProperty = "FactGenMaxDepth";
    public const string MaxScalarLengthProperty = "FactGenMaxScalarLength";
    public const string MaxNodesProperty = "FactGenMaxNodes";
}
