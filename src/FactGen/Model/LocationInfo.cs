using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Model;

/// <summary>
/// A value-equatable location inside a fact file: char span plus 0-based line/column. A struct: every located
/// value of every fact carries one, and as objects they were a fifth of what the parsed models keep alive.
/// </summary>
internal readonly record struct LocationInfo(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation()
        => Location.Create(
            Path,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>A zero-width location at the start of a file, for problems that concern the whole file.</summary>
    public static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    public override string ToString() => $"{Path}({StartLine + 1},{StartColumn + 1})";
}
