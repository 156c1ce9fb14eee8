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
    private readonly string _text;
    private readonly TextLines _lines;

    // A byte order mark opens the text (a string-based AdditionalText keeps it); YamlDotNet would read it as
    // content, so it reads the text after it, and every YamlDotNet offset is shifted back by this much.
    private readonly int _offset;
    private int _nodes;
    private long _chars;
    private int _events;
    private int _flowDepth;
    private int _directivesFrom;
    private ParseProgress? _progress;
    private Mark _lastMark = Mark.Empty;

    private YamlReader(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _text = text;
        _limits = limits;
        _diagnostics = diagnostics;
        _lines = TextLines.From(text);
        _offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        _directivesFrom = _offset;
    }

    /// <summary>Reads every document of the text; returns the documents' root nodes (possibly partial).</summary>
    public static List<YamlNode> Read(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => Read(path, text, limits, diagnostics, cancellationToken, out _);

    /// <summary>
    /// Reads every document of the text, and says how much work that took: the parser events read and the
    /// nodes and value chars charged to the budgets (aliases at their expanded size). The work is bounded by
    /// the limits whatever the text: no alias is ever copied, and reading stops at the first exceeded limit.
    /// </summary>
    public static List<YamlNode> Read(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, out YamlReadStats stats, ParseProgress? progress = null)
    {
        var documents = new List<YamlNode>();
        stats = default;
        if (text.Length > limits.MaxFileLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.LimitExceeded, LocationInfo.FileStart(path),
                "The file's length " + Format(text.Length) + " chars", Format(limits.MaxFileLength) + " chars", "file length", ParseLimits.MaxFileLengthProperty));
            return documents;
        }

        var reader = new YamlReader(path, text, limits, diagnostics) { _progress = progress };
        try
        {
            reader.ReadStream(documents, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (YamlException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, reader.TabNear(e) ?? reader.Location(e.Start, e.End), CleanMessage(e.Message)));
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
        stats = new YamlReadStats(reader._events, reader._nodes, reader._chars);
        return documents;
    }

    private void ReadStream(List<YamlNode> documents, CancellationToken cancellationToken)
    {
        var parser = new Parser(new StringReader(_offset == 0 ? _text : _text.Substring(_offset)));
        var stack = new List<Frame>();
        while (parser.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParsingEvent ev = parser.Current!;
            _events++;
            _lastMark = ev.Start;
            switch (ev)
            {
                case DocumentStart start:
                    _anchors.Clear();
                    if (!start.IsImplicit) CheckDirectives(Index(start.End));
                    break;
                case DocumentEnd end:
                    _directivesFrom = Math.Max(_directivesFrom, Index(end.End));
                    break;
                case Scalar scalar:
                    if (scalar.Value.Length > _limits.MaxScalarLength)
                    {
                        throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(scalar.Start, scalar.End),
                            "A value of " + Format(scalar.Value.Length) + " chars", Format(_limits.MaxScalarLength) + " chars", "value length", ParseLimits.MaxScalarLengthProperty));
                    }
                    var node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Location(scalar.Start, scalar.End));
                    Charge(1, scalar.Value.Length, scalar);
                    if (_flowDepth == 0 && scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                    {
                        CheckContinuationLines(Index(scalar.Start), Index(scalar.End), BlockIndent(stack), comments: false);
                    }
                    Remember(scalar.Anchor, node);
                    Add(stack, documents, node);
                    break;
                case SequenceStart seq:
                    Push(stack, new YamlSequence(Location(seq.Start, seq.End)), seq, flow: seq.Style == SequenceStyle.Flow);
                    break;
                case MappingStart map:
                    Push(stack, new YamlMapping(Location(map.Start, map.End)), map, flow: map.Style == MappingStyle.Flow);
                    break;
                case SequenceEnd:
                case MappingEnd:
                {
                    Frame done = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    if (done.Flow && --_flowDepth == 0)
                    {
                        CheckContinuationLines(done.Start, Index(ev.End), BlockIndent(stack), comments: true);
                    }
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
                    // Expanding an alias costs what the anchored subtree costs, in nodes and in value chars:
                    // a "billion laughs" file runs into MaxNodes, and one long value aliased many times into
                    // MaxFileLength, after a bounded number of events — the alias itself is never copied.
                    Charge(target.Size, target.Chars, alias);
                    Add(stack, documents, target);
                    break;
            }
            _progress?.Event();
        }
    }

    private sealed class Frame
    {
        public Frame(YamlNode node, AnchorName anchor, bool flow, int start, int column)
        {
            Node = node;
            Anchor = anchor;
            Flow = flow;
            Start = start;
            Column = column;
        }

        public YamlNode Node { get; }

        public AnchorName Anchor { get; }

        public bool Flow { get; }

        /// <summary>Offset of the collection's first char in the text.</summary>
        public int Start { get; }

        /// <summary>Column of the collection's first char: a block collection's indentation.</summary>
        public int Column { get; }

        public YamlScalar? PendingKey { get; set; }

        /// <summary>The keys seen so far (mappings only), for finding duplicates without a quadratic scan.</summary>
        public Dictionary<string, YamlScalar>? Keys { get; set; }

        /// <summary>The child added last (an alias's target lies elsewhere: <see cref="YamlNode.ExtendTo"/> ignores an end before the start).</summary>
        public YamlNode? LastChild { get; set; }
    }

    private void Push(List<Frame> stack, YamlNode node, NodeEvent ev, bool flow)
    {
        if (stack.Count + 1 > _limits.MaxDepth)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev.Start, ev.End),
                "Nesting deeper than " + Format(_limits.MaxDepth) + " levels", Format(_limits.MaxDepth) + " levels", "nesting depth", ParseLimits.MaxDepthProperty));
        }
        Charge(1, 0, ev);
        int start = Index(ev.Start);
        if (flow) _flowDepth++;
        else CheckTabBeforeCompactCollection(start);
        stack.Add(new Frame(node, ev.Anchor, flow, start, Column(start)));
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
                        parent.Keys ??= new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                        if (parent.Keys.TryGetValue(key.Value, out YamlScalar? first))
                        {
                            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, key.Location, "duplicate key '" + Shorten(key.Value) + "' (first at " + first.Location + ")"));
                        }
                        else
                        {
                            parent.Keys.Add(key.Value, key);
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
        parent.Node.Chars += node.Chars;
    }

    private void Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
    }

    private void Charge(int count, long chars, ParsingEvent ev)
    {
        _nodes += count;
        if (_nodes > _limits.MaxNodes || _nodes < 0)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev.Start, ev.End),
                "The file's node count (aliases expanded)", Format(_limits.MaxNodes) + " nodes", "node count", ParseLimits.MaxNodesProperty));
        }

        // Without aliases the values cannot be longer than the text; with them, the expanded values may be
        // no longer than a file may be, or one long value aliased many times would multiply every step
        // after this one (hashing, comparing, and an [Obsolete] message per fact in the generated code).
        _chars += chars;
        if (_chars > _limits.MaxFileLength)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev.Start, ev.End),
                "The file's values (aliases expanded)", Format(_limits.MaxFileLength) + " chars", "file length", ParseLimits.MaxFileLengthProperty));
        }
    }

    /// <summary>A YamlDotNet offset as an offset into the text (which may start with a byte order mark).</summary>
    private int Index(Mark mark)
    {
        long i = mark.Index + _offset;
        return i < 0 ? 0 : i > _text.Length ? _text.Length : (int)i;
    }

    private int Column(int index)
    {
        int line = _lines.LineOf(index);
        return index - _lines.StartOf(line) - (line == 0 ? _offset : 0);
    }

    private LocationInfo Location(Mark start, Mark end)
    {
        if (start.Line <= 0) return LocationInfo.FileStart(_path);
        int s = Index(start);
        int e = end.Line <= 0 ? s : Math.Max(s, Index(end));
        return Location(s, e);
    }

    /// <summary>A location from text offsets; line and column come from the text the way Roslyn counts them.</summary>
    private LocationInfo Location(int start, int end)
    {
        int startLine = _lines.LineOf(start), endLine = _lines.LineOf(end);
        return new LocationInfo(_path, start, end - start,
            startLine, start - _lines.StartOf(startLine), endLine, end - _lines.StartOf(endLine));
    }

    // ---- what YAML forbids and YamlDotNet lets through (each case is in the YAML test suite) ----------

    /// <summary>The indentation continuation lines need: one more than the innermost block collection's; 0 at top level.</summary>
    private static int BlockIndent(List<Frame> stack)
    {
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            if (!stack[i].Flow) return stack[i].Column + 1;
        }
        return 0;
    }

    /// <summary>
    /// A multi-line flow collection or quoted/plain scalar inside a block collection: each continuation line
    /// is indented with spaces to at least <paramref name="indent"/>; a tab there is not indentation
    /// (YAML 1.2 §6.1). Blank lines, and comment lines in flow collections, may hold tabs.
    /// </summary>
    private void CheckContinuationLines(int start, int end, int indent, bool comments)
    {
        if (indent == 0) return;
        int first = _lines.LineOf(start) + 1, last = _lines.LineOf(end);
        for (int line = first; line <= last; line++)
        {
            int p = _lines.StartOf(line), spaces = 0;
            while (p < _text.Length && _text[p] == ' ' && spaces < indent)
            {
                p++;
                spaces++;
            }
            if (spaces >= indent || p >= _text.Length || _text[p] != '\t') continue;
            int q = p;
            while (q < _text.Length && (_text[q] == ' ' || _text[q] == '\t')) q++;
            if (q >= _text.Length || TextLines.IsBreak(_text[q]) || (comments && _text[q] == '#')) continue;
            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, Location(p, p + 1),
                "a tab cannot indent a line; indent it with spaces (at least " + indent.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"));
            return;
        }
    }

    /// <summary>
    /// A block collection that starts on the line of its parent's '-', '?' or ':' (a compact collection) is
    /// indented by the spaces before it; a tab there is not indentation (YAML 1.2 §8.2.1).
    /// </summary>
    private void CheckTabBeforeCompactCollection(int start)
    {
        int i = start - 1;
        bool tab = false;
        while (i >= 0 && (_text[i] == ' ' || _text[i] == '\t'))
        {
            tab |= _text[i] == '\t';
            i--;
        }
        if (tab && i >= 0 && _text[i] is '-' or '?' or ':')
        {
            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, Location(i + 1, start),
                "a tab cannot indent a nested block collection; use spaces"));
        }
    }

    /// <summary>
    /// YamlDotNet locates a tab used as indentation at the construct it was reading (often the line before);
    /// the tab itself is the place to fix: the first line, from the error's line to the one after its end,
    /// whose indentation holds a tab before content.
    /// </summary>
    private LocationInfo? TabNear(YamlException e)
    {
        if (e.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) < 0 && e.Message.IndexOf("indentation", StringComparison.OrdinalIgnoreCase) < 0) return null;
        if (e.Start.Line <= 0) return null;
        int first = _lines.LineOf(Index(e.Start)), last = Math.Min(_lines.Count - 1, _lines.LineOf(Math.Max(Index(e.Start), Index(e.End))) + 1);
        for (int line = first; line <= last; line++)
        {
            int p = _lines.StartOf(line), tab = -1;
            while (p < _text.Length && (_text[p] == ' ' || _text[p] == '\t'))
            {
                if (_text[p] == '\t' && tab < 0) tab = p;
                p++;
            }
            if (tab >= 0 && p < _text.Length && !TextLines.IsBreak(_text[p]) && _text[p] != '#') return Location(tab, tab + 1);
        }
        return null;
    }

    /// <summary>In a directive line (<c>%YAML 1.2</c>), a comment needs whitespace before its '#' (YAML 1.2 §6.6).</summary>
    private void CheckDirectives(int documentStart)
    {
        // YamlDotNet's document start spans the directives and the '---' marker; this scans the lines before.
        int line = _lines.LineOf(_directivesFrom), last = _lines.LineOf(documentStart);
        for (; line <= last; line++)
        {
            int p = _lines.StartOf(line);
            if (line == 0) p += _offset;
            if (p >= _text.Length || _text[p] != '%') continue;
            for (int i = p + 1; i < _text.Length && !TextLines.IsBreak(_text[i]); i++)
            {
                if (_text[i] == '#' && _text[i - 1] != ' ' && _text[i - 1] != '\t')
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, Location(i, i + 1),
                        "a comment needs a space before '#'"));
                    break;
                }
            }
        }
        _directivesFrom = documentStart;
    }

    /// <summary>The one-character location of a flow collection's ']' or '}' (its end event starts there).</summary>
    private LocationInfo? ClosingBracket(Mark start)
        => start.Line <= 0 ? null : Location(Index(start), Math.Min(_text.Length, Index(start) + 1));

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

/// <summary>The work one <see cref="YamlReader.Read(string, string, ParseLimits, List{DiagnosticInfo}, CancellationToken, out YamlReadStats)"/> did.</summary>
/// <param name="Events">Parser events read.</param>
/// <param name="Nodes">Nodes charged to <see cref="ParseLimits.MaxNodes"/>, aliases at their expanded size.</param>
/// <param name="Chars">Value chars charged to <see cref="ParseLimits.MaxFileLength"/>, aliases expanded.</param>
internal readonly record struct YamlReadStats(int Events, int Nodes, long Chars);
