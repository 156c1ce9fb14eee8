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
/// What <see cref="YamlReader"/> tells as it reads: each node is handed over once complete, with where it
/// goes, so a consumer can act on a part of the document (bind a top-level item) as soon as it has been read.
/// </summary>
internal interface IYamlSink
{
    /// <summary>A document starts: the nodes of the ones before can no longer be named by an alias.</summary>
    void DocumentStart(YamlReader reader);

    /// <summary>
    /// A collection starts at <paramref name="depth"/> (1: the document's root), as a key of its parent
    /// mapping if <paramref name="isKey"/>. Its node is complete only when handed to <see cref="Added"/>.
    /// </summary>
    void CollectionStart(YamlReader reader, int depth, bool mapping, bool isKey);

    /// <summary>
    /// A complete node (or an alias's target) becomes a child of the open collection at
    /// <paramref name="parentDepth"/> (a key of it if <paramref name="isKey"/>); at 0 it is a document's root.
    /// </summary>
    void Added(YamlReader reader, int node, int parentDepth, bool isKey);
}

/// <summary>
/// Reads YAML text in one pass over YamlDotNet's low-level event stream into located nodes
/// (<see cref="YamlNodes"/>), enforcing <see cref="ParseLimits"/> as it goes, and hands each node to an
/// <see cref="IYamlSink"/> when it is complete. Never throws (except on cancellation, and with what the
/// sink throws, wrapped in <see cref="SinkException"/>): any parser failure becomes FG0001 at the
/// parser's position, any exceeded limit FG0016.
/// </summary>
internal sealed class YamlReader : IYamlEventHandler
{
    private readonly string _path;
    private readonly ParseLimits _limits;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, int> _anchors = new(StringComparer.Ordinal);
    private readonly string _text;
    private readonly YamlNodes _nodes;
    private readonly TextLines _lines;
    private readonly IYamlSink _sink;

    // Whether the document read so far has an anchor: until it has, no alias can name a node the sink is
    // done with, and the sink may let the reader reuse the buffers (Release).
    private bool _anchored;

    // A byte order mark opens the text (a string-based AdditionalText keeps it); YamlDotNet would read it as
    // content, so it reads the text after it, and every YamlDotNet offset is shifted back by this much.
    private readonly int _offset;
    private int _nodeCount;
    private long _chars;
    private int _events;
    private int _flowDepth;
    private int _directivesFrom;
    private ParseProgress? _progress;
    private int _lastStart = -1;
    private readonly bool _blockScanner;

    // The open collections, innermost last, and the children read so far of all of them, each collection's
    // after its parent's (a mapping's as key, value, key, …): a collection's children are copied into one
    // array of the right size when it ends, so no list grows per collection.
    private Frame[] _stack = new Frame[16];
    private int _depth;
    private int[] _children = new int[64];
    private int _childCount;

    private YamlReader(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics, IYamlSink sink, bool blockScanner)
    {
        _blockScanner = blockScanner;
        _path = path;
        _text = text;
        _limits = limits;
        _diagnostics = diagnostics;
        _sink = sink;
        _nodes = new YamlNodes(path, text);
        _lines = _nodes.Lines;
        _offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        _directivesFrom = _offset;
    }

    /// <summary>The nodes read so far.</summary>
    public YamlNodes Nodes => _nodes;

    /// <summary>Reads every document of the text; returns the root of each document read to its end, as a tree.</summary>
    public static List<YamlNode> Read(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => Read(path, text, limits, diagnostics, cancellationToken, out _);

    /// <summary>
    /// Reads every document of the text into a <see cref="YamlNode"/> tree (each complete document's root), and
    /// says how much work that took: the parser events read and the nodes and value chars charged to the
    /// budgets (aliases at their expanded size). The work is bounded by the limits whatever the text: no alias
    /// is ever copied, and reading stops at the first exceeded limit.
    /// </summary>
    public static List<YamlNode> Read(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, out YamlReadStats stats, ParseProgress? progress = null, bool blockScanner = true)
    {
        var tree = new YamlTreeSink();
        stats = Read(path, text, limits, diagnostics, tree, cancellationToken, progress, blockScanner);
        if (stats.StartOver)
        {
            tree = new YamlTreeSink();
            stats = Read(path, text, limits, diagnostics, tree, cancellationToken, progress, blockScanner: false);
        }
        return tree.Documents;
    }

    /// <summary>
    /// Reads every document of the text, handing each node to <paramref name="sink"/> when complete; says how
    /// much work that took. An exception the sink throws (but cancellation) ends the read as a
    /// <see cref="SinkException"/>; the reader's own failures end it with a diagnostic.
    /// <para>
    /// A text in the subset <see cref="BlockYamlScanner"/> reads is read by it, unless
    /// <paramref name="blockScanner"/> is false (the tests compare both ways); any other text by YamlDotNet's
    /// parser. The scanner streams: it may find the text leaves its subset after the sink has been given some
    /// of it (or a limit may be exceeded there, which YamlDotNet might report differently). The read then
    /// ends with <see cref="YamlReadStats.StartOver"/>, the diagnostics it added taken back: the caller
    /// reads the text again with a fresh sink and <paramref name="blockScanner"/> false. A text turned down
    /// before any event (e.g. for a tab) goes to YamlDotNet at once.
    /// </para>
    /// </summary>
    public static YamlReadStats Read(string path, string text, ParseLimits limits, List<DiagnosticInfo> diagnostics, IYamlSink sink, CancellationToken cancellationToken, ParseProgress? progress = null, bool blockScanner = true)
    {
        if (text.Length > limits.MaxFileLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.LimitExceeded, LocationInfo.FileStart(path),
                "The file's length " + Format(text.Length) + " chars", Format(limits.MaxFileLength) + " chars", "file length", ParseLimits.MaxFileLengthProperty));
            return default;
        }

        var reader = new YamlReader(path, text, limits, diagnostics, sink, blockScanner) { _progress = progress };
        int diagnosticsBefore = diagnostics.Count;
        try
        {
            if (!reader.ReadStream(cancellationToken))
            {
                return StartOver(reader, diagnostics, diagnosticsBefore);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (SinkException)
        {
            throw;
        }
        catch (Exception) when (reader._scanning)
        {
            // A limit exceeded while the scanner read (YamlDotNet might have stopped earlier, at an error past
            // the subset), or a failure of the scanner's own: YamlDotNet reads the text and decides.
            return StartOver(reader, diagnostics, diagnosticsBefore);
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
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, reader.Location(Math.Max(0, reader._lastStart), Math.Max(0, reader._lastStart)), CleanMessage(e.Message)));
        }
        return new YamlReadStats(reader._events, reader._nodeCount, reader._chars, reader.ScannerRead);
    }

    private static YamlReadStats StartOver(YamlReader reader, List<DiagnosticInfo> diagnostics, int diagnosticsBefore)
    {
        diagnostics.RemoveRange(diagnosticsBefore, diagnostics.Count - diagnosticsBefore);
        return new YamlReadStats(reader._events, reader._nodeCount, reader._chars, BlockScanner: true, StartOver: true);
    }

    /// <summary>Where the buffers stand: a sink that is done with every node read after this may <see cref="Release"/> them.</summary>
    public (int Nodes, int Links) BufferMark() => (_nodes.Count, _nodes.LinkCount);

    /// <summary>
    /// Forgets the nodes read since <paramref name="mark"/>, unless the document has an anchor (an alias could
    /// name one of them). For a sink that is done with them, and holds none of their indexes.
    /// </summary>
    public void Release((int Nodes, int Links) mark)
    {
        if (!_anchored) _nodes.Truncate(mark.Nodes, mark.Links);
    }

    /// <summary>Reads the text; false if the block scanner gave up after handing over events (the read must start over).</summary>
    private bool ReadStream(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        if (_blockScanner)
        {
            _scanning = true;
            bool read = BlockYamlScanner.Read(_text, _offset, this, cancellationToken, out int emitted);
            _scanning = false;
            if (read)
            {
                ScannerRead = true;
                return true;
            }
            if (emitted > 0) return false;
        }

        var parser = new Parser(new StringReader(_offset == 0 ? _text : _text.Substring(_offset)));
        while (parser.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            YamlEvent ev = Convert(parser.Current!, _offset, _text.Length);
            Handle(ref ev);
        }
        return true;
    }

    // Whether the block scanner is reading (what fails then is taken back, and YamlDotNet reads the text).
    private bool _scanning;
    private CancellationToken _cancellationToken;

    void IYamlEventHandler.Handle(ref YamlEvent ev)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        Handle(ref ev);
    }

    /// <summary>Whether the text was read by <see cref="BlockYamlScanner"/> (else by YamlDotNet's parser).</summary>
    private bool ScannerRead { get; set; }

    /// <summary>
    /// YamlDotNet's event as the reader handles it: offsets into the text (which may start with a byte order
    /// mark, <paramref name="offset"/> chars YamlDotNet did not see), -1 where YamlDotNet gave no position.
    /// </summary>
    internal static YamlEvent Convert(ParsingEvent ev, int offset, int length)
    {
        var e = new YamlEvent { Start = Index(ev.Start, offset, length), End = Index(ev.End, offset, length) };
        switch (ev)
        {
            case Scalar scalar:
                e.Kind = YamlEventKind.Scalar;
                e.Value = scalar.Value;
                e.Style = scalar.Style switch
                {
                    ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
                    ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
                    ScalarStyle.Literal or ScalarStyle.Folded => YamlScalarStyle.Block,
                    _ => YamlScalarStyle.Plain,
                };
                e.Anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                break;
            case MappingStart map:
                e.Kind = YamlEventKind.MappingStart;
                e.Flow = map.Style == MappingStyle.Flow;
                e.Anchor = map.Anchor.IsEmpty ? null : map.Anchor.Value;
                break;
            case SequenceStart seq:
                e.Kind = YamlEventKind.SequenceStart;
                e.Flow = seq.Style == SequenceStyle.Flow;
                e.Anchor = seq.Anchor.IsEmpty ? null : seq.Anchor.Value;
                break;
            case SequenceEnd:
                e.Kind = YamlEventKind.SequenceEnd;
                break;
            case MappingEnd:
                e.Kind = YamlEventKind.MappingEnd;
                break;
            case AnchorAlias alias:
                e.Kind = YamlEventKind.Alias;
                e.Value = alias.Value.Value;
                break;
            case DocumentStart docStart:
                e.Kind = YamlEventKind.DocumentStart;
                e.Implicit = docStart.IsImplicit;
                break;
            case DocumentEnd docEnd:
                e.Kind = YamlEventKind.DocumentEnd;
                e.Implicit = docEnd.IsImplicit;
                break;
            case StreamEnd:
                e.Kind = YamlEventKind.StreamEnd;
                break;
            default:
                e.Kind = YamlEventKind.StreamStart;
                break;
        }
        return e;
    }

    private static int Index(Mark mark, int offset, int length)
    {
        if (mark.Line <= 0) return -1;
        long i = mark.Index + offset;
        return i < 0 ? 0 : i > length ? length : (int)i;
    }

    private void Handle(ref YamlEvent ev)
    {
        _events++;
        _lastStart = ev.Start;
        switch (ev.Kind)
        {
            case YamlEventKind.Scalar:
            {
                string value = ev.Value!;
                if (value.Length > _limits.MaxScalarLength)
                {
                    throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev),
                        "A value of " + Format(value.Length) + " chars", Format(_limits.MaxScalarLength) + " chars", "value length", ParseLimits.MaxScalarLengthProperty));
                }
                Span(ev, out int start, out int end);
                int node = _nodes.Add(new YamlNodeData
                {
                    Kind = YamlNodeKind.Scalar,
                    Start = start,
                    End = end,
                    Value = value,
                    IsPlain = ev.Style == YamlScalarStyle.Plain,
                    Size = 1,
                    Chars = value.Length,
                });
                Charge(1, value.Length, ev);
                if (_flowDepth == 0 && ev.Style != YamlScalarStyle.Block)
                {
                    CheckContinuationLines(start, end, BlockIndent(), comments: false);
                }
                Remember(ev.Anchor, node);
                Add(node);
                break;
            }
            case YamlEventKind.MappingStart:
                Push(YamlNodeKind.Mapping, ev);
                break;
            case YamlEventKind.SequenceStart:
                Push(YamlNodeKind.Sequence, ev);
                break;
            case YamlEventKind.SequenceEnd:
            case YamlEventKind.MappingEnd:
                Pop(ev);
                break;
            case YamlEventKind.Alias:
            {
                if (!_anchors.TryGetValue(ev.Value!, out int target))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, Location(ev), "alias '*" + ev.Value + "' names no anchor"));
                    Span(ev, out int start, out int end);
                    target = _nodes.Add(new YamlNodeData { Kind = YamlNodeKind.Scalar, Start = start, End = end, Value = string.Empty, IsPlain = true, Size = 1 });
                }
                // Expanding an alias costs what the anchored subtree costs, in nodes and in value chars:
                // a "billion laughs" file runs into MaxNodes, and one long value aliased many times into
                // MaxFileLength, after a bounded number of events — the alias itself is never copied.
                Charge(_nodes[target].Size, _nodes[target].Chars, ev);
                Add(target);
                break;
            }
            case YamlEventKind.DocumentStart:
                _anchors.Clear();
                _anchored = false;
                if (!ev.Implicit) CheckDirectives(Math.Max(0, ev.End));
                try
                {
                    _sink.DocumentStart(this);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new SinkException(e);
                }
                break;
            case YamlEventKind.DocumentEnd:
                _directivesFrom = Math.Max(_directivesFrom, Math.Max(0, ev.End));
                break;
        }
        _progress?.Event();
    }

    /// <summary>An open collection.</summary>
    private struct Frame
    {
        /// <summary>The collection's node: its children and span are filled in when it ends.</summary>
        public int Node;
        public bool IsMapping;
        public bool Flow;
        public string? Anchor;

        /// <summary>Offset of the collection's first char in the text.</summary>
        public int Start;

        /// <summary>Column of the collection's first char: a block collection's indentation.</summary>
        public int Column;

        /// <summary>Where the collection's children start in <see cref="_children"/>.</summary>
        public int First;

        /// <summary>Node count and value chars of the children read so far (aliases expanded).</summary>
        public int Size;
        public long Chars;

        /// <summary>The end of the child added last (an alias's target lies elsewhere: an end before the start is ignored); -1 before the first.</summary>
        public int LastChildEnd;

        /// <summary>The keys seen so far, once a mapping has more than <see cref="ScanKeys"/>: duplicates are then found without a quadratic scan.</summary>
        public Dictionary<string, int>? Keys;
    }

    /// <summary>Up to this many keys, a mapping finds a duplicate by comparing with the keys before it.</summary>
    private const int ScanKeys = 8;

    /// <summary>Whether the next child of the innermost open collection is a mapping key.</summary>
    private bool NextIsKey => _depth > 0 && _stack[_depth - 1].IsMapping && (_childCount - _stack[_depth - 1].First) % 2 == 0;

    private void Push(YamlNodeKind kind, in YamlEvent ev)
    {
        bool flow = ev.Flow;
        Span(ev, out int spanStart, out int spanEnd);
        int node = _nodes.Add(new YamlNodeData { Kind = kind, Start = spanStart, End = spanEnd, Size = 1 });
        if (_depth + 1 > _limits.MaxDepth)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev),
                "Nesting deeper than " + Format(_limits.MaxDepth) + " levels", Format(_limits.MaxDepth) + " levels", "nesting depth", ParseLimits.MaxDepthProperty));
        }
        Charge(1, 0, ev);
        int start = Offset(ev.Start);
        if (flow) _flowDepth++;
        else CheckTabBeforeCompactCollection(start);
        if (ev.Anchor is not null) _anchored = true;
        bool isKey = NextIsKey;
        if (_depth == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        _stack[_depth++] = new Frame
        {
            Node = node,
            IsMapping = kind == YamlNodeKind.Mapping,
            Flow = flow,
            Anchor = ev.Anchor,
            Start = start,
            Column = Column(start),
            First = _childCount,
            LastChildEnd = -1,
        };
        try
        {
            _sink.CollectionStart(this, _depth, kind == YamlNodeKind.Mapping, isKey);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new SinkException(failure);
        }
    }

    private void Pop(in YamlEvent ev)
    {
        Frame done = _stack[--_depth];
        _stack[_depth] = default;
        ref YamlNodeData node = ref _nodes[done.Node];
        if (done.Flow && --_flowDepth == 0)
        {
            CheckContinuationLines(done.Start, Offset(ev.End), BlockIndent(), comments: true);
        }
        // A collection's span runs to its closing bracket (flow) or to the end of its last
        // child (block: the end event lies at the next token, past trailing blank lines).
        int end = done.Flow ? (ev.Start >= 0 ? Math.Min(_text.Length, ev.Start + 1) : -1) : done.LastChildEnd;
        if (end > node.End) node.End = end;

        int count = _childCount - done.First;
        if (done.IsMapping && count % 2 == 1)
        {
            // A key without a value cannot come from a well-formed event stream; be defensive: an empty value at the key.
            ref YamlNodeData key = ref _nodes[_children[_childCount - 1]];
            int value = _nodes.Add(new YamlNodeData { Kind = YamlNodeKind.Scalar, Start = key.Start, End = key.End, Value = string.Empty, IsPlain = true, Size = 1 });
            if (_childCount == _children.Length) Array.Resize(ref _children, _children.Length * 2);
            _children[_childCount++] = value;
            count++;
            node = ref _nodes[done.Node]; // the buffer may have grown
        }
        node.First = _nodes.AddLinks(_children, done.First, count);
        node.Count = count;
        node.Size = 1 + done.Size;
        node.Chars = done.Chars;
        _childCount = done.First;

        Remember(done.Anchor, done.Node);
        Add(done.Node);
    }

    private void Add(int node)
    {
        if (_depth == 0)
        {
            Added(node, 0, isKey: false);
            return;
        }
        ref Frame parent = ref _stack[_depth - 1];
        parent.LastChildEnd = _nodes[node].End;
        int child = node;
        bool isKey = parent.IsMapping && (_childCount - parent.First) % 2 == 0;
        if (isKey)
        {
            if (_nodes.IsScalar(node))
            {
                int first = FindKey(ref parent, node);
                if (first >= 0)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, _nodes.Location(node), "duplicate key '" + Shorten(_nodes[node].Value!) + "' (first at " + _nodes.Location(first) + ")"));
                }
            }
            else
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidValue, _nodes.Location(node), Shorten(_nodes.Describe(node)), "key", "a key must be a plain name, not " + _nodes.Describe(node)));
                child = _nodes.Add(new YamlNodeData
                {
                    Kind = YamlNodeKind.Scalar,
                    Start = _nodes[node].Start,
                    End = _nodes[node].End,
                    Value = ComplexKey,
                    IsComplexKey = true,
                    Size = 1,
                    Chars = ComplexKey.Length,
                });
            }
        }
        if (_childCount == _children.Length) Array.Resize(ref _children, _children.Length * 2);
        _children[_childCount++] = child;
        parent.Size += _nodes[node].Size;
        parent.Chars += _nodes[node].Chars;
        Added(child, _depth, isKey);
    }

    /// <summary>Tells the sink; what it throws (but cancellation) is the sink's failure, not the text's.</summary>
    private void Added(int node, int parentDepth, bool isKey)
    {
        try
        {
            _sink.Added(this, node, parentDepth, isKey);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SinkException(e);
        }
    }

    /// <summary>What a mapping holds as the key of an entry whose key is a collection (reported, and matched by no field).</summary>
    internal const string ComplexKey = "\0complex-key";

    /// <summary>The first earlier key of the mapping with the same value (-1 if none), remembering <paramref name="key"/> if it is the first.</summary>
    private int FindKey(ref Frame frame, int key)
    {
        string value = _nodes[key].Value!;
        if (frame.Keys is null)
        {
            int keys = 0;
            for (int i = frame.First; i < _childCount; i += 2)
            {
                ref YamlNodeData earlier = ref _nodes[_children[i]];
                if (earlier.IsComplexKey) continue;
                if (earlier.Value == value) return _children[i];
                keys++;
            }
            if (keys < ScanKeys) return -1;
            // Past a few keys, a dictionary of the first occurrences (duplicates are not remembered twice).
            frame.Keys = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = frame.First; i < _childCount; i += 2)
            {
                ref YamlNodeData earlier = ref _nodes[_children[i]];
                if (!earlier.IsComplexKey && !frame.Keys.ContainsKey(earlier.Value!)) frame.Keys.Add(earlier.Value!, _children[i]);
            }
        }
        if (frame.Keys.TryGetValue(value, out int first)) return first;
        frame.Keys.Add(value, key);
        return -1;
    }

    private void Remember(string? anchor, int node)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = node;
            _anchored = true;
        }
    }

    private void Charge(int count, long chars, in YamlEvent ev)
    {
        _nodeCount += count;
        if (_nodeCount > _limits.MaxNodes || _nodeCount < 0)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev),
                "The file's node count (aliases expanded)", Format(_limits.MaxNodes) + " nodes", "node count", ParseLimits.MaxNodesProperty));
        }

        // Without aliases the values cannot be longer than the text; with them, the expanded values may be
        // no longer than a file may be, or one long value aliased many times would multiply every step
        // after this one (hashing, comparing, and an [Obsolete] message per fact in the generated code).
        _chars += chars;
        if (_chars > _limits.MaxFileLength)
        {
            throw new LimitException(DiagnosticInfo.Create(Descriptors.LimitExceeded, Location(ev),
                "The file's values (aliases expanded)", Format(_limits.MaxFileLength) + " chars", "file length", ParseLimits.MaxFileLengthProperty));
        }
    }

    /// <summary>An event's offset; where the parser gave none, the text's start (past a byte order mark).</summary>
    private int Offset(int offset) => offset >= 0 ? offset : Math.Min(_offset, _text.Length);

    /// <summary>A YamlDotNet mark (of an exception) as an offset into the text (which may start with a byte order mark).</summary>
    private int Index(Mark mark) => Offset(Index(mark, _offset, _text.Length));

    private int Column(int index)
    {
        int line = _lines.LineOf(index);
        return index - _lines.StartOf(line) - (line == 0 ? _offset : 0);
    }

    /// <summary>An event's span as text offsets: empty at the file's start if the parser gave no position.</summary>
    private static void Span(in YamlEvent ev, out int s, out int e)
    {
        if (ev.Start < 0)
        {
            s = e = 0;
            return;
        }
        s = ev.Start;
        e = ev.End < 0 ? s : Math.Max(s, ev.End);
    }

    private LocationInfo Location(in YamlEvent ev)
    {
        Span(ev, out int s, out int e);
        return Location(s, e);
    }

    private LocationInfo Location(Mark start, Mark end)
    {
        int s = Index(start, _offset, _text.Length);
        if (s < 0) return Location(0, 0);
        int e = Index(end, _offset, _text.Length);
        return Location(s, e < 0 ? s : Math.Max(s, e));
    }

    /// <summary>A location from text offsets; line and column come from the text the way Roslyn counts them.</summary>
    private LocationInfo Location(int start, int end) => _nodes.Location(start, end);

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

/// <summary>What an <see cref="IYamlSink"/> threw while the reader called it (a bug of the sink's, not a problem of the text).</summary>
internal sealed class SinkException : Exception
{
    public SinkException(Exception inner) : base(inner.Message, inner) { }
}

/// <summary>The work one <see cref="YamlReader.Read(string, string, ParseLimits, List{DiagnosticInfo}, CancellationToken, out YamlReadStats)"/> did.</summary>
/// <param name="Events">Parser events read.</param>
/// <param name="Nodes">Nodes charged to <see cref="ParseLimits.MaxNodes"/>, aliases at their expanded size.</param>
/// <param name="Chars">Value chars charged to <see cref="ParseLimits.MaxFileLength"/>, aliases expanded.</param>
/// <param name="BlockScanner">Whether <see cref="BlockYamlScanner"/> read the text (else YamlDotNet's parser).</param>
/// <param name="StartOver">The scanner gave up after the sink had been given events: read again, with a fresh sink and without the scanner.</param>
internal readonly record struct YamlReadStats(int Events, int Nodes, long Chars, bool BlockScanner = false, bool StartOver = false);
