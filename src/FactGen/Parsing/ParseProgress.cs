using System;

namespace FactGen.Parsing;

/// <summary>
/// Follows one parse as it works — parser events read, items bound — with an optional callback after each
/// step, so a caller can act at an exact point of the work (the cancellation tests cancel after the N-th
/// event) without timing. One instance per parse: never shared, never static.
/// </summary>
internal sealed class ParseProgress
{
    private readonly Action<ParseProgress>? _step;

    public ParseProgress(Action<ParseProgress>? step = null) => _step = step;

    /// <summary>Parser events read and handled.</summary>
    public int Events { get; private set; }

    /// <summary>Top-level items (a source, an official, …) bound.</summary>
    public int Items { get; private set; }

    internal void Event()
    {
        Events++;
        _step?.Invoke(this);
    }

    internal void Item()
    {
        Items++;
        _step?.Invoke(this);
    }
}
