using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FactGen.Model;
using FactGen.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactGen.Parsing;

/// <summary>
/// Reads YAML text into a located <see cref="YamlNode"/> tree in one pass over YamlDotNet's low-level
/// event stream, enforcing <see cref="ParseLimits"/> as it goes. Never throws (except on cancellation):
/// any parser failure becomes FG0001 at the parser's position, any exceeded limit FG0016.
/// </summary>
internal sealed class YamlReader
{
    private readonly string _path;
    private readonly ParseLimits _limits;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private int _nodes;
    private Mark _lastMark = Mark.Empty;

    private YamlReader(string path, ParseLimits limits, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _limits = limits;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads every document of the text; returns the documents' root nodes (possibly partial).</summary>
    public static List<YamlNode> Read(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var documents = new List<YamlNode>();
        if (text.Length > limits.MaxFileLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.LimitExceeded, LocationInfo.FileStart(path),
                "The file's length " + Format(text.Length) + " chars", Format(limits.MaxFileLength) + " chars", "file length", ParseLimits.MaxFileLengthProperty));
            return documents;
        }

        var reader = new YamlReader(path, limits, diagnostics);
        try
        {
            reader.ReadStream(text, documents, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (YamlException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, reader.Location(e.Start, e.End), CleanMessage(e.Message)));
        }
        catch (LimitException e)
        {
            diagnostics.Add(e.Diagnostic);
        }
        catch (Exception e)
        {
            // YamlDotNet throws InvalidOperationException (and others) for some truncated inputs; a bad
            // file must end in a located diagnostic, never in an exception that drops every file's output.
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, reader.Location(reader._lastMark, reader._lastMark), CleanMessage(e.Message)));
        }
        return documents;
    }

    private void ReadStream(string text, List<YamlNode> documents, CancellationToken cancellationToken)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new List<Frame>();
        while (parser.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParsingEvent ev = parser.Current!;
            _lastMark = ev.Start;
            switch (ev)
            {
                case DocumentStart:
                    _anchors.Clear();
                    break;
                case Scalar scalar:
                    if (scalar.Value.Length > _limits.MaxScalarLength)
                    {
                        throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(scalar.Start, scalar.End),
                            "A value of " + Format(scalar.Value.Length) + " chars", Format(_limits.MaxScalarLength) + " chars", "value length", ParseLimits.MaxScalarLengthProperty));
                    }
                    var node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Location(scalar.Start, scalar.End));
                    Charge(1, scalar);
                    Remember(scalar.Anchor, node);
                    Add(stack, documents, node);
                    break;
                case SequenceStart seq:
                    Push(stack, new YamlSequence(Location(seq.Start, seq.End)), seq, seq.Style == SequenceStyle.Flow);
                    break;
                case MappingStart map:
                    Push(stack, new YamlMapping(Location(map.Start, map.End)), map, map.Style == MappingStyle.Flow);
                    break;
                case SequenceEnd:
                case MappingEnd:
                {
                    Frame done = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    // A collection's span runs to its closing bracket (flow) or to the end of its last
                    // child (block: the end event lies at the next token, past trailing blank lines).
                    done.Node.ExtendTo(done.Flow ? ClosingBracket(ev.Start) : done.LastChild?.Location);
                    if (done.PendingKey is not null)
                    {
                        // A key without a value cannot come from a well-formed event stream; be defensive.
                        ((YamlMapping)done.Node).Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(done.PendingKey, new YamlScalar(string.Empty, true, done.PendingKey.Location)));
                    }
                    Remember(done.Anchor, done.Node);
                    Add(stack, documents, done.Node);
                    break;
                }
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out YamlNode? target))
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, Location(alias.Start, alias.End), "alias '*" + alias.Value.Value + "' names no anchor"));
                        target = new YamlScalar(string.Empty, true, Location(alias.Start, alias.End));
                    }
                    // Expanding an alias costs what the anchored subtree costs: a "billion laughs" file
                    // runs into MaxNodes after a bounded number of events.
                    Charge(target.Size, alias);
                    Add(stack, documents, target);
                    break;
            }
        }
    }

    private sealed class Frame
    {
        public Frame(YamlNode node, AnchorName anchor)
        {
            Node = node;
            Anchor = anchor;
        }

        public YamlNode Node { get; }

        public AnchorName Anchor { get; }

        public YamlScalar? PendingKey { get; set; }

        public bool Flow { get; set; }

        /// <summary>The child added last (an alias's target lies elsewhere: <see cref="YamlNode.ExtendTo"/> ignores an end before the start).</summary>
        public YamlNode? LastChild { get; set; }

        public int SizeAtStart { get; set; }
    }

    private void Push(List<Frame> stack, YamlNode node, NodeEvent ev, bool flow)
    {
        if (stack.Count + 1 > _limits.MaxDepth)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev.Start, ev.End),
                "Nesting deeper than " + Format(_limits.MaxDepth) + " levels", Format(_limits.MaxDepth) + " levels", "nesting depth", ParseLimits.MaxDepthProperty));
        }
        Charge(1, ev);
        stack.Add(new Frame(node, ev.Anchor) { SizeAtStart = _nodes, Flow = flow });
    }

    private void Add(List<Frame> stack, List<YamlNode> documents, YamlNode node)
    {
        if (stack.Count == 0)
        {
            documents.Add(node);
            return;
        }
        Frame parent = stack[stack.Count - 1];
        parent.LastChild = node;
        switch (parent.Node)
        {
            case YamlSequence seq:
                seq.Items.Add(node);
                break;
            case YamlMapping map:
                if (parent.PendingKey is null)
                {
                    if (node is YamlScalar key)
                    {
                        foreach (var e in map.Entries)
                        {
                            if (e.Key.Value == key.Value)
                            {
                                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, key.Location, "duplicate key '" + key.Value + "' (first at " + e.Key.Location + ")"));
                                break;
                            }
                        }
                        parent.PendingKey = key;
                    }
                    else
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidValue, node.Location, Shorten(node.Describe), "key", "a key must be a plain name, not " + node.Describe));
                        parent.PendingKey = new YamlScalar("\0complex-key", false, node.Location);
                    }
                }
                else
                {
                    map.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(parent.PendingKey, node));
                    parent.PendingKey = null;
                }
                break;
        }
        parent.Node.Size += node.Size;
    }

    private void Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
    }

    private void Charge(int count, ParsingEvent ev)
    {
        _nodes += count;
        if (_nodes > _limits.MaxNodes || _nodes < 0)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev.Start, ev.End),
                "The file's node count (aliases expanded)", Format(_limits.MaxNodes) + " nodes", "node count", ParseLimits.MaxNodesProperty));
        }
    }

    private LocationInfo Location(Mark start, Mark end)
    {
        if (start.Line <= 0) return LocationInfo.FileStart(_path);
        if (end.Line <= 0 || end.Index < start.Index) end = start;
        return new LocationInfo(_path, (int)start.Index, (int)(end.Index - start.Index),
            (int)start.Line - 1, (int)start.Column - 1, (int)end.Line - 1, (int)end.Column - 1);
    }

    /// <summary>The one-character location of a flow collection's ']' or '}' (its end event starts there).</summary>
    private LocationInfo? ClosingBracket(Mark start)
        => start.Line <= 0 ? null : new LocationInfo(_path, (int)start.Index, 1, (int)start.Line - 1, (int)start.Column - 1, (int)start.Line - 1, (int)start.Column);

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 5, Idx: 4) - (Line: 1, Col: 6, Idx: 5): "; the location is ours to give.
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        string m = cut >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(cut + 3) : message;
        return Shorten(m.Trim().TrimEnd('.'));
    }

    internal static string Shorten(string value)
    {
        const int max = 80;
        var sb = new System.Text.StringBuilder(Math.Min(value.Length, max) + 1);
        foreach (char c in value)
        {
            if (sb.Length >= max) { sb.Append('…'); break; }
            sb.Append(c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return sb.ToString();
    }

    private static string Format(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class LimitException : Exception
    {
        public LimitException(DiagnosticInfo diagnostic) => Diagnostic = diagnostic;

        public DiagnosticInfo Diagnostic { get; }
    }
}
