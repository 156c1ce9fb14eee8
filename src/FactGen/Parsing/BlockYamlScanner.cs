using System;
using System.Text;
using System.Threading;

namespace FactGen.Parsing;

/// <summary>
/// Reads the part of YAML that fact files are written in — block mappings and sequences indented with
/// spaces, single-line plain and quoted scalars, comments — straight from the text into
/// <see cref="YamlEvent"/>s, the same events, with the same positions, that YamlDotNet's parser gives for it,
/// without YamlDotNet's event and token objects (which were most of a parse's time and garbage).
/// <para>
/// The moment the text holds anything else (flow collections, block scalars, anchors, aliases, tags,
/// directives, document markers but a leading <c>---</c>, multi-line scalars, tabs, control chars, an error of any kind), it gives
/// up and returns null: YamlDotNet then reads the whole file, and reports what there is to report. So this
/// never has to decide anything YamlDotNet would decide differently; the tests compare both event streams
/// over every input they have (the YAML test suite, the repository's facts, the benchmark corpora and
/// thousands of mutations of them).
/// </para>
/// </summary>
internal sealed class BlockYamlScanner
{
    /// <summary>YAML limits an implicit key to 1024 chars; past this, YamlDotNet decides.</summary>
    private const int MaxKeySpan = 1000;

    private readonly string _t;
    private readonly int _n;
    private readonly CancellationToken _cancellationToken;

    // The position, and when it is a content line's first char: that line's start and the char's column.
    private int _p;
    private int _lineStart;
    private int _col;
    private bool _eof;

    private readonly IYamlEventHandler _handler;
    private int _emitted;
    private StringBuilder? _escaped;

    private BlockYamlScanner(string text, IYamlEventHandler handler, CancellationToken cancellationToken)
    {
        _t = text;
        _n = text.Length;
        _handler = handler;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Hands <paramref name="handler"/> the text's events from <paramref name="offset"/> (past a byte order
    /// mark) as they are read, as YamlDotNet's parser would give them, offsets counted in
    /// <paramref name="text"/>: no event is buffered. False if the text is not in the subset this reads;
    /// <paramref name="emitted"/> then says how many events the handler had already been given (0 when the
    /// text was turned down before any, e.g. for a tab). What the handler throws goes through.
    /// </summary>
    public static bool Read(string text, int offset, IYamlEventHandler handler, CancellationToken cancellationToken, out int emitted)
    {
        emitted = 0;
        if (!AllPlainChars(text, offset)) return false;
        var scanner = new BlockYamlScanner(text, handler, cancellationToken);
        bool read = scanner.Stream(offset);
        emitted = scanner._emitted;
        return read;
    }

    /// <summary>The text's events in a list (for tests and tools); null if the text is not in the subset.</summary>
    public static YamlEvent[]? Scan(string text, int offset, CancellationToken cancellationToken, out int count)
    {
        var events = new EventList();
        bool read = Read(text, offset, events, cancellationToken, out count);
        return read ? events.Events.ToArray() : null;
    }

    private sealed class EventList : IYamlEventHandler
    {
        public System.Collections.Generic.List<YamlEvent> Events { get; } = new();

        public void Handle(ref YamlEvent ev) => Events.Add(ev);
    }

    /// <summary>
    /// Only printable chars, and line breaks as <c>\n</c> or <c>\r\n</c>: no tab (YAML's rules for tabs in
    /// indentation are YamlDotNet's to apply), no control or special break char, no lone surrogate.
    /// </summary>
    private static bool AllPlainChars(string t, int from)
    {
        for (int i = from; i < t.Length; i++)
        {
            char c = t[i];
            if (c >= ' ' && c <= '~') continue;
            if (c == '\n') continue;
            if (c == '\r')
            {
                if (i + 1 < t.Length && t[i + 1] == '\n') continue;
                return false;
            }
            if (c < '\u00A0' || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]))
                {
                    i++;
                    continue;
                }
                return false;
            }
            if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    private bool Stream(int offset)
    {
        // The first content is looked at before any event: a text this turns down at once (a directive, a
        // marker it does not read) goes to YamlDotNet without the reader starting over.
        _p = offset;
        int marker = -1;
        if (!NextContent())
        {
            // A leading "---" alone on its line (but for a comment) starts the document explicitly.
            if (!StartsWith(_p, "---") || !IndicatorEnds(_p + 3)) return false;
            marker = _p;
            _p += 3;
            SkipSpaces();
            if (!AtLineEnd() || !NextLineContent() || _eof) return false;
        }
        Emit(YamlEventKind.StreamStart, offset, offset);
        if (!_eof)
        {
            if (marker >= 0) Emit(YamlEventKind.DocumentStart, marker, marker + 3, implicitly: false);
            else Emit(YamlEventKind.DocumentStart, _p, _p, implicitly: true);
            if (!BlockCollection()) return false;
            if (!_eof) return false; // a line less indented than the root: YamlDotNet's to report
            Emit(YamlEventKind.DocumentEnd, _n, _n, implicitly: true);
        }
        Emit(YamlEventKind.StreamEnd, _n, _n);
        return true;
    }

    /// <summary>A block mapping or sequence starting at the content line's first char.</summary>
    private bool BlockCollection() => IsEntryDash(_p) ? Sequence(_col, indentless: false) : Mapping(_col);

    private bool Mapping(int col)
    {
        Emit(YamlEventKind.MappingStart, _p, _p);
        while (true)
        {
            if (IsEntryDash(_p) || !Entry(col)) return false;
            if (_eof || _col < col) break;
            if (_col != col) return false;
        }
        Emit(YamlEventKind.MappingEnd, _p, _p);
        return true;
    }

    /// <summary>
    /// A sequence's entries at <paramref name="col"/>; an indentless one (a mapping value's entries at the
    /// key's own column) ends at the mapping's next key.
    /// </summary>
    private bool Sequence(int col, bool indentless)
    {
        Emit(YamlEventKind.SequenceStart, _p, indentless ? _p + 1 : _p);
        while (true)
        {
            int dash = _p++;
            if (!Item(col, dash)) return false;
            if (_eof || _col < col) break;
            if (_col != col) return false;
            if (!IsEntryDash(_p))
            {
                if (indentless) break;
                return false;
            }
        }
        Emit(YamlEventKind.SequenceEnd, _p, _p);
        return true;
    }

    /// <summary>A mapping entry: its key at the position, then its value.</summary>
    private bool Entry(int col)
    {
        int start = _p;
        if (!Scalar(out string key, out YamlScalarStyle style, out int end, out bool isKey) || !isKey) return false;
        if (_p - start > MaxKeySpan) return false;
        Emit(YamlEventKind.Scalar, start, end, key, style);
        int colon = _p++;

        SkipSpaces();
        if (AtLineEnd())
        {
            if (!NextLineContent()) return false;
            if (!_eof && _col > col) return BlockCollection();
            if (!_eof && _col == col && IsEntryDash(_p)) return Sequence(col, indentless: true);
            Emit(YamlEventKind.Scalar, colon + 1, colon + 1, string.Empty, YamlScalarStyle.Plain);
            return true;
        }
        start = _p;
        if (_t[_p] == '|' || _t[_p] == '>') return BlockScalar(col);
        if (!Scalar(out string value, out style, out end, out isKey) || isKey) return false;
        Emit(YamlEventKind.Scalar, start, end, value, style);
        return LineDone(col);
    }

    /// <summary>A sequence entry after its dash: a scalar, a compact mapping (<c>- id: x</c>), or a block collection below.</summary>
    private bool Item(int col, int dash)
    {
        SkipSpaces();
        if (AtLineEnd())
        {
            if (!NextLineContent()) return false;
            if (!_eof && _col > col) return BlockCollection();
            Emit(YamlEventKind.Scalar, dash + 1, dash + 1, string.Empty, YamlScalarStyle.Plain);
            return true;
        }
        if (IsEntryDash(_p)) return false; // a compact nested sequence
        if (_t[_p] == '|' || _t[_p] == '>') return BlockScalar(col);

        int start = _p;
        if (!Scalar(out string value, out YamlScalarStyle style, out int end, out bool isKey)) return false;
        if (isKey)
        {
            // A compact mapping: its keys line up under this first one.
            _p = start;
            _col = start - _lineStart;
            return Mapping(_col);
        }
        Emit(YamlEventKind.Scalar, start, end, value, style);
        return LineDone(col);
    }

    /// <summary>
    /// A single-line scalar at the position; after it the position is at the ':' that makes it a key
    /// (<paramref name="isKey"/>), or just past it.
    /// </summary>
    private bool Scalar(out string value, out YamlScalarStyle style, out int end, out bool isKey)
    {
        int start = _p;
        isKey = false;
        char c = _t[start];
        if (c == '"' || c == '\'')
        {
            style = c == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted;
            bool read = c == '"' ? DoubleQuoted(out value) : SingleQuoted(out value);
            end = _p;
            if (!read) return false;
            SkipSpaces();
            if (_p < _n && _t[_p] == ':')
            {
                if (!IndicatorEnds(_p + 1)) return false;
                isKey = true;
            }
            else
            {
                _p = end;
            }
            return true;
        }

        style = YamlScalarStyle.Plain;
        value = string.Empty;
        end = start;
        if (!PlainStarts(start)) return false;
        int q = start;
        while (q < _n)
        {
            c = _t[q];
            if (c == '\n' || c == '\r') break;
            if (c == ':' && IndicatorEnds(q + 1))
            {
                isKey = true;
                break;
            }
            if (c == '#' && _t[q - 1] == ' ') break;
            if (c != ' ') end = q + 1;
            q++;
        }
        value = Text(start, end - start);
        _p = isKey ? q : end;
        return true;
    }

    /// <summary>Up to this length, a plain scalar's text is looked up among the recent ones before it is copied.</summary>
    private const int ShortText = 24;

    // Recent short plain scalars by a hash of their chars: keys ("id", "name", …), country codes, dates and
    // references repeat thousands of times in a file, and each repeat reuses the string instead of its own.
    private readonly string?[] _recent = new string?[256];

    private string Text(int start, int length)
    {
        if (length > ShortText) return _t.Substring(start, length);
        if (length == 0) return string.Empty;
        int hash = length;
        for (int i = start; i < start + length; i++) hash = (hash * 31) + _t[i];
        ref string? slot = ref _recent[hash & 255];
        if (slot is not null && slot.Length == length && string.CompareOrdinal(slot, 0, _t, start, length) == 0) return slot;
        return slot = _t.Substring(start, length);
    }

    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar from its indicator, clipped or stripped
    /// (<c>-</c>), its indentation that of its first line, which must be more than <paramref name="col"/>.
    /// Gives up on what is rarer and subtler: keep chomping (<c>+</c>), an indentation indicator, blank lines
    /// before the first line or with more spaces than the indentation, more-indented lines in a folded scalar.
    /// Its span, as YamlDotNet gives it, runs from the indicator to the start of the line that ends it.
    /// </summary>
    private bool BlockScalar(int col)
    {
        int start = _p;
        bool folded = _t[_p++] == '>';
        bool strip = false;
        if (_p < _n && _t[_p] == '-')
        {
            strip = true;
            _p++;
        }
        SkipSpaces();
        if (!AtLineEnd()) return false; // keep chomping, an indentation indicator, or text after the header
        int nl = _t.IndexOf('\n', _p);
        if (nl < 0) return false;
        _p = nl + 1;

        StringBuilder sb = Escaped();
        int indent = -1, blank = 0, end = _n;
        bool broken = false;
        while (_p < _n)
        {
            int lineStart = _p, at = _p;
            while (at < _n && _t[at] == ' ') at++;
            int spaces = at - lineStart;
            if (at >= _n || _t[at] == '\n' || _t[at] == '\r')
            {
                if (indent < 0 || spaces > indent) return false;
                if (at >= _n) break;
                blank++;
                _p = _t.IndexOf('\n', at) + 1;
                continue;
            }
            if (indent < 0)
            {
                if (spaces <= col) return false; // an empty block scalar
                indent = spaces;
            }
            if (spaces < indent)
            {
                end = lineStart;
                break;
            }
            if (spaces > indent && folded) return false;
            if (sb.Length > 0 || blank > 0 || broken)
            {
                if (!folded) sb.Append('\n', blank + 1);
                else if (blank == 0) sb.Append(' ');
                else sb.Append('\n', blank);
            }
            blank = 0;
            int lineEnd = _t.IndexOf('\n', at);
            broken = lineEnd >= 0;
            if (lineEnd < 0) lineEnd = _n;
            int contentEnd = lineEnd > lineStart && lineEnd < _n && _t[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            sb.Append(_t, lineStart + indent, contentEnd - lineStart - indent);
            _p = broken ? lineEnd + 1 : _n;
        }
        if (indent < 0) return false;
        if (!strip && broken) sb.Append('\n');
        Emit(YamlEventKind.Scalar, start, end, sb.ToString(), YamlScalarStyle.Block);
        _p = end;
        if (!NextContent()) return false;
        return _eof || _col <= col;
    }

    /// <summary>Whether a plain scalar may start here: not at an indicator (a '-', '?' or ':' may start one when a non-space follows).</summary>
    private bool PlainStarts(int p)
    {
        switch (_t[p])
        {
            case '-':
            case '?':
            case ':':
                return !IndicatorEnds(p + 1);
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
            case ' ':
            case '\n':
            case '\r':
                return false;
            default:
                return true;
        }
    }

    /// <summary>A single-quoted scalar from its opening quote; the position ends past its closing quote.</summary>
    private bool SingleQuoted(out string value)
    {
        value = string.Empty;
        int from = _p + 1, q = from;
        StringBuilder? sb = null;
        while (true)
        {
            if (q >= _n) return false;
            char c = _t[q];
            if (c == '\n' || c == '\r') return false;
            if (c == '\'')
            {
                if (q + 1 < _n && _t[q + 1] == '\'')
                {
                    sb ??= Escaped();
                    sb.Append(_t, from, q + 1 - from);
                    q += 2;
                    from = q;
                    continue;
                }
                break;
            }
            q++;
        }
        return Closed(sb, from, q, out value);
    }

    /// <summary>A double-quoted scalar from its opening quote; the position ends past its closing quote.</summary>
    private bool DoubleQuoted(out string value)
    {
        value = string.Empty;
        int from = _p + 1, q = from;
        StringBuilder? sb = null;
        while (true)
        {
            if (q >= _n) return false;
            char c = _t[q];
            if (c == '"') break;
            if (c == '\n' || c == '\r') return false;
            if (c != '\\')
            {
                q++;
                continue;
            }
            sb ??= Escaped();
            sb.Append(_t, from, q - from);
            if (q + 1 >= _n) return false;
            char e = _t[q + 1];
            q += 2;
            switch (e)
            {
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'v': sb.Append('\v'); break;
                case 'f': sb.Append('\f'); break;
                case 'r': sb.Append('\r'); break;
                case 'e': sb.Append('\u001B'); break;
                case ' ': sb.Append(' '); break;
                case '"': sb.Append('"'); break;
                case '/': sb.Append('/'); break;
                case '\\': sb.Append('\\'); break;
                case 'N': sb.Append('\u0085'); break;
                case '_': sb.Append('\u00A0'); break;
                case 'L': sb.Append('\u2028'); break;
                case 'P': sb.Append('\u2029'); break;
                case 'x':
                case 'u':
                case 'U':
                {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (!Hex(q, digits, out int code) || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
                    if (code < 0x10000) sb.Append((char)code);
                    else sb.Append(char.ConvertFromUtf32(code));
                    q += digits;
                    break;
                }
                default:
                    return false; // a line break escaped, or an escape YAML does not have: YamlDotNet's to read or report
            }
            from = q;
        }
        return Closed(sb, from, q, out value);
    }

    /// <summary>A quoted scalar's value, its last run of plain chars <paramref name="from"/>..<paramref name="quote"/> added; the position moves past the closing quote.</summary>
    private bool Closed(StringBuilder? sb, int from, int quote, out string value)
    {
        value = sb is null ? _t.Substring(from, quote - from) : sb.Append(_t, from, quote - from).ToString();
        _p = quote + 1;
        return true;
    }

    private bool Hex(int at, int digits, out int code)
    {
        code = 0;
        if (at + digits > _n) return false;
        for (int i = at; i < at + digits; i++)
        {
            char c = _t[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return false;
            code = (code << 4) | d;
        }
        return true;
    }

    private StringBuilder Escaped()
    {
        _escaped ??= new StringBuilder();
        _escaped.Clear();
        return _escaped;
    }

    /// <summary>After a value on its line: only spaces and a comment may follow, and no line below may continue it.</summary>
    private bool LineDone(int col)
    {
        SkipSpaces();
        if (!AtLineEnd()) return false;
        if (!NextLineContent()) return false;
        return _eof || _col <= col;
    }

    /// <summary>A '-' that starts a sequence entry (followed by a space or the line's end).</summary>
    private bool IsEntryDash(int p) => _t[p] == '-' && IndicatorEnds(p + 1);

    /// <summary>Whether an indicator (':', '-', '?') before <paramref name="next"/> stands alone: a space or the line's end follows.</summary>
    private bool IndicatorEnds(int next) => next >= _n || _t[next] == ' ' || _t[next] == '\n' || _t[next] == '\r';

    /// <summary>At the line's end, or at a comment (the position follows a space: every caller skipped spaces after a token).</summary>
    private bool AtLineEnd() => _p >= _n || _t[_p] == '\n' || _t[_p] == '\r' || (_t[_p] == '#' && _t[_p - 1] == ' ');

    private void SkipSpaces()
    {
        while (_p < _n && _t[_p] == ' ') _p++;
    }

    /// <summary>Moves past the current line, then to the next content line's first char (or the end).</summary>
    private bool NextLineContent()
    {
        int nl = _t.IndexOf('\n', _p);
        _p = nl < 0 ? _n : nl + 1;
        return NextContent();
    }

    /// <summary>
    /// From a line's start, skips blank and comment lines to the next content line's first char; false at a
    /// document marker or directive (YamlDotNet's to read).
    /// </summary>
    private bool NextContent()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            if (_p >= _n)
            {
                _eof = true;
                return true;
            }
            int lineStart = _p;
            while (_p < _n && _t[_p] == ' ') _p++;
            if (_p >= _n)
            {
                _eof = true;
                return true;
            }
            char c = _t[_p];
            if (c == '\n' || c == '\r' || c == '#')
            {
                int nl = _t.IndexOf('\n', _p);
                _p = nl < 0 ? _n : nl + 1;
                continue;
            }
            if (_p == lineStart && (c == '%' || StartsWith(_p, "---") || StartsWith(_p, "..."))) return false;
            _lineStart = lineStart;
            _col = _p - lineStart;
            return true;
        }
    }

    private bool StartsWith(int p, string marker) => string.CompareOrdinal(_t, p, marker, 0, marker.Length) == 0;

    private void Emit(YamlEventKind kind, int start, int end, string? value = null, YamlScalarStyle style = YamlScalarStyle.Plain, bool implicitly = false)
    {
        var ev = new YamlEvent { Kind = kind, Start = start, End = end, Value = value, Style = style, Implicit = implicitly };
        _emitted++;
        _handler.Handle(ref ev);
    }
}
