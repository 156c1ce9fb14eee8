namespace FactGen.Parsing;

internal enum YamlEventKind : byte
{
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Scalar,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
    Alias,
}

internal enum YamlScalarStyle : byte
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Block,
}

/// <summary>
/// One parser event as <see cref="YamlReader"/> handles it, whichever parser read it (<see cref="BlockYamlScanner"/>
/// or YamlDotNet's): a struct with text offsets, so the fast path allocates no event objects.
/// </summary>
internal struct YamlEvent
{
    public YamlEventKind Kind;

    public YamlScalarStyle Style;

    /// <summary>A flow collection (<c>[…]</c>, <c>{…}</c>).</summary>
    public bool Flow;

    /// <summary>A document start or end without its marker (<c>---</c>, <c>...</c>).</summary>
    public bool Implicit;

    /// <summary>Offset of the event's first char in the text, or -1 where the parser gave no position.</summary>
    public int Start;

    /// <summary>Offset just past the event's last char, or -1 where the parser gave no position.</summary>
    public int End;

    /// <summary>A scalar's value, or an alias's anchor name.</summary>
    public string? Value;

    /// <summary>The anchor a scalar or collection defines (<c>&amp;name</c>); null if none.</summary>
    public string? Anchor;
}

/// <summary>Takes parser events one at a time, as they are read.</summary>
internal interface IYamlEventHandler
{
    void Handle(ref YamlEvent ev);
}
