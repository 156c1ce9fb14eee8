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
    private readonly YamlText _source;
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

    // The open collections, innermost last, and the children read so far of all of them, each collection's
    // after its parent's (a mapping's as key, value, key, …): a collection's children are copied into one
    // array of the right size when it ends, so no list grows per collection.
    private Frame[] _stack = new Frame[16];
    private int _depth;
    private YamlNode[] _children = new YamlNode[64];
    private int _childCount;

    private YamlReader(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _text = text;
        _limits = limits;
        _diagnostics = diagnostics;
        _source = new YamlText(path, text);
        _lines = _source.Lines;
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
        while (parser.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParsingEvent ev = parser.Current!;
            _events++;
            _lastMark = ev.Start;
            switch (ev)
            {
                case Scalar scalar:
                {
                    string value = scalar.Value;
                    if (value.Length > _limits.MaxScalarLength)
                    {
                        throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(scalar.Start, scalar.End),
                            "A value of " + Format(value.Length) + " chars", Format(_limits.MaxScalarLength) + " chars", "value length", ParseLimits.MaxScalarLengthProperty));
                    }
                    Span(scalar.Start, scalar.End, out int start, out int end);
                    var node = new YamlScalar(_source, start, end, value, scalar.Style == ScalarStyle.Plain);
                    Charge(1, value.Length, scalar);
                    if (_flowDepth == 0 && scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                    {
                        CheckContinuationLines(Index(scalar.Start), Index(scalar.End), BlockIndent(), comments: false);
                    }
                    Remember(scalar.Anchor, node);
                    Add(documents, node);
                    break;
                }
                case MappingStart map:
                {
                    Span(map.Start, map.End, out int start, out int end);
                    Push(new YamlMapping(_source, start, end), mapping: true, map, flow: map.Style == MappingStyle.Flow);
                    break;
                }
                case SequenceStart seq:
                {
                    Span(seq.Start, seq.End, out int start, out int end);
                    Push(new YamlSequence(_source, start, end), mapping: false, seq, flow: seq.Style == SequenceStyle.Flow);
                    break;
                }
                case SequenceEnd:
                case MappingEnd:
                    Pop(documents, ev);
                    break;
                case AnchorAlias alias:
                {
                    if (!_anchors.TryGetValue(alias.Value.Value, out YamlNode? target))
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, Location(alias.Start, alias.End), "alias '*" + alias.Value.Value + "' names no anchor"));
                        Span(alias.Start, alias.End, out int start, out int end);
                        target = new YamlScalar(_source, start, end, string.Empty, isPlain: true);
                    }
                    // Expanding an alias costs what the anchored subtree costs, in nodes and in value chars:
                    // a "billion laughs" file runs into MaxNodes, and one long value aliased many times into
                    // MaxFileLength, after a bounded number of events — the alias itself is never copied.
                    Charge(target.Size, target.Chars, alias);
                    Add(documents, target);
                    break;
                }
                case DocumentStart docStart:
                    _anchors.Clear();
                    if (!docStart.IsImplicit) CheckDirectives(Index(docStart.End));
                    break;
                case DocumentEnd docEnd:
                    _directivesFrom = Math.Max(_directivesFrom, Index(docEnd.End));
                    break;
            }
            _progress?.Event();
        }
    }

    /// <summary>An open collection.</summary>
    private struct Frame
    {
        public YamlCollection Node;
        public bool IsMapping;
        public bool Flow;
        public AnchorName Anchor;

        /// <summary>Offset of the collection's first char in the text.</summary>
        public int Start;

        /// <summary>Column of the collection's first char: a block collection's indentation.</summary>
        public int Column;

        /// <summary>Where the collection's children start in <see cref="_children"/>.</summary>
        public int First;

        /// <summary>Node count and value chars of the children read so far (aliases expanded).</summary>
        public int Size;
        public long Chars;

        /// <summary>The end of the child added last (an alias's target lies elsewhere: <see cref="YamlNode.ExtendTo"/> ignores an end before the start); -1 before the first.</summary>
        public int LastChildEnd;

        /// <summary>The keys seen so far, once a mapping has more than <see cref="ScanKeys"/>: duplicates are then found without a quadratic scan.</summary>
        public Dictionary<string, YamlScalar>? Keys;
    }

    /// <summary>Up to this many keys, a mapping finds a duplicate by comparing with the keys before it.</summary>
    private const int ScanKeys = 8;

    private void Push(YamlCollection node, bool mapping, NodeEvent ev, bool flow)
    {
        if (_depth + 1 > _limits.MaxDepth)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev.Start, ev.End),
                "Nesting deeper than " + Format(_limits.MaxDepth) + " levels", Format(_limits.MaxDepth) + " levels", "nesting depth", ParseLimits.MaxDepthProperty));
        }
        Charge(1, 0, ev);
        int start = Index(ev.Start);
        if (flow) _flowDepth++;
        else CheckTabBeforeCompactCollection(start);
        if (_depth == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        _stack[_depth++] = new Frame
        {
            Node = node,
            IsMapping = mapping,
            Flow = flow,
            Anchor = ev.Anchor,
            Start = start,
            Column = Column(start),
            First = _childCount,
            LastChildEnd = -1,
        };
    }

    private void Pop(List<YamlNode> documents, ParsingEvent ev)
    {
        Frame done = _stack[--_depth];
        _stack[_depth] = default;
        if (done.Flow && --_flowDepth == 0)
        {
            CheckContinuationLines(done.Start, Index(ev.End), BlockIndent(), comments: true);
        }
        // A collection's span runs to its closing bracket (flow) or to the end of its last
        // child (block: the end event lies at the next token, past trailing blank lines).
        if (done.Flow)
        {
            if (ev.Start.Line > 0) done.Node.ExtendTo(Math.Min(_text.Length, Index(ev.Start) + 1));
        }
        else if (done.LastChildEnd >= 0)
        {
            done.Node.ExtendTo(done.LastChildEnd);
        }

        int count = _childCount - done.First;
        if (done.IsMapping)
        {
            var entries = new KeyValuePair<YamlScalar, YamlNode>[(count + 1) / 2];
            for (int i = 0; i < entries.Length; i++)
            {
                var key = (YamlScalar)_children[done.First + (2 * i)];
                // A key without a value cannot come from a well-formed event stream; be defensive.
                YamlNode value = 2 * i + 1 < count ? _children[done.First + (2 * i) + 1] : new YamlScalar(_source, key.Start, key.End, string.Empty, isPlain: true);
                entries[i] = new KeyValuePair<YamlScalar, YamlNode>(key, value);
            }
            ((YamlMapping)done.Node).SetEntries(entries);
        }
        else
        {
            var items = new YamlNode[count];
            Array.Copy(_children, done.First, items, 0, count);
            ((YamlSequence)done.Node).SetItems(items);
        }
        Array.Clear(_children, done.First, count);
        _childCount = done.First;
        done.Node.SetTotals(1 + done.Size, done.Chars);

        Remember(done.Anchor, done.Node);
        Add(documents, done.Node);
    }

    private void Add(List<YamlNode> documents, YamlNode node)
    {
        if (_depth == 0)
        {
            documents.Add(node);
            return;
        }
        ref Frame parent = ref _stack[_depth - 1];
        parent.LastChildEnd = node.End;
        YamlNode child = node;
        if (parent.IsMapping && (_childCount - parent.First) % 2 == 0)
        {
            if (node is YamlScalar key)
            {
                YamlScalar? first = FindKey(ref parent, key);
                if (first is not null)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, key.Location, "duplicate key '" + Shorten(key.Value) + "' (first at " + first.Location + ")"));
                }
            }
            else
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidValue, node.Location, Shorten(node.Describe), "key", "a key must be a plain name, not " + node.Describe));
                child = new YamlScalar(_source, node.Start, node.End, ComplexKey, isPlain: false) { IsComplexKey = true };
            }
        }
        if (_childCount == _children.Length) Array.Resize(ref _children, _children.Length * 2);
        _children[_childCount++] = child;
        parent.Size += node.Size;
        parent.Chars += node.Chars;
    }

    /// <summary>What a mapping holds as the key of an entry whose key is a collection (reported, and matched by no field).</summary>
    private const string ComplexKey = "\0complex-key";

    /// <summary>The first earlier key of the mapping with the same value (null if none), remembering <paramref name="key"/> if it is the first.</summary>
    private YamlScalar? FindKey(ref Frame frame, YamlScalar key)
    {
        if (frame.Keys is null)
        {
            int keys = 0;
            for (int i = frame.First; i < _childCount; i += 2)
            {
                var earlier = (YamlScalar)_children[i];
                if (earlier.IsComplexKey) continue;
                if (earlier.Value == key.Value) return earlier;
                keys++;
            }
            if (keys < ScanKeys) return null;
            // Past a few keys, a dictionary of the first occurrences (duplicates are not remembered twice).
            frame.Keys = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            for (int i = frame.First; i < _childCount; i += 2)
            {
                var earlier = (YamlScalar)_children[i];
                if (!earlier.IsComplexKey && !frame.Keys.ContainsKey(earlier.Value)) frame.Keys.Add(earlier.Value, earlier);
            }
        }
        if (frame.Keys.TryGetValue(key.Value, out YamlScalar? first)) return first;
        frame.Keys.Add(key.Value, key);
        return null;
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

    /// <summary>An event's span as text offsets: empty at the file's start if the parser gave no position.</summary>
    private void Span(Mark start, Mark end, out int s, out int e)
    {
        if (start.Line <= 0)
        {
            s = e = 0;
            return;
        }
        s = Index(start);
        e = end.Line <= 0 ? s : Math.Max(s, Index(end));
    }

    private LocationInfo Location(Mark start, Mark end)
    {
        Span(start, end, out int s, out int e);
        return Location(s, e);
    }

    /// <summary>A location from text offsets; line and column come from the text the way Roslyn counts them.</summary>
    private LocationInfo Location(int start, int end) => _source.Location(start, end);

    // ---- what YAML forbids and YamlDotNet lets through (each case is in the YAML test suite) ----------

    /// <summary>The indentation continuation lines need: one more than the innermost block collection's; 0 at top level.</summary>
    private int BlockIndent()
    {
        for (int i = _depth - 1; i >= 0; i--)
        {
            if (!_stack[i].Flow) return _stack[i].Column + 1;
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
