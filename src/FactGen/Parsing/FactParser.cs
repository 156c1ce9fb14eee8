using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FactGen.Model;
using FactGen.Validation;

namespace FactGen.Parsing;

/// <summary>
/// Parse step: one fact file's text → <see cref="FactFile"/>. Binds fact format v1 straight from what
/// <see cref="YamlReader"/> reads: each top-level item (a source, an official, …) is bound as soon as it has
/// been read, from the reader's node buffer, which is then reused for the next item — no tree of the whole
/// file is built. Reports unknown fields (FG0002), missing fields (FG0003) and invalid values (FG0004) at
/// their nodes. An item with a missing or invalid field is left out, so the generated code never holds a
/// half-read fact; a document the reader cannot finish (a YAML error, an exceeded limit) yields no facts
/// and no binding diagnostics, as if it had not been bound. Never throws except on cancellation.
/// </summary>
internal sealed class FactParser : IYamlSink
{
    private readonly string _path;
    private readonly CancellationToken _cancellationToken;

    // The reader's diagnostics, then the binder's: kept apart so that a document the reader cannot finish
    // loses what binding it reported, and so the list sorted at the end is what it always was (the reader's
    // for the whole file, then the binder's), whatever the sort does with ties.
    private readonly List<DiagnosticInfo> _readDiagnostics = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    // Every text value with its location, for the encoding check (FG0011, the analyzer's); null when not asked for.
    private readonly List<LocatedString>? _texts;
    private readonly List<SourceFact> _sources = new();
    private readonly List<OrganizationFact> _organizations = new();
    private readonly List<TitleFact> _titles = new();
    private readonly List<OfficialFact> _officials = new();
    private readonly List<EventFact> _events = new();
    private readonly List<AgreementFact> _agreements = new();
    private readonly List<QuoteFact> _quotes = new();
    private readonly SuggestionBudget _suggestions = new();

    // One string per distinct id or country code of the file. References repeat ids (a source cited by many
    // items, a title held by many officials, every official's country): each repeat keeps the first instance
    // instead of its own string, and its own dies young instead of living as long as the parsed file.
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    private ParseProgress? _progress;
    private YamlNodes _nodes = null!;

    // Where the document being read stands: its root is a mapping (the fact lists); the kind of the entry
    // whose value is being read (null: an unknown list, or none yet); whether that value is a list whose
    // items are bound as they are read; and where the buffers stood when that list started.
    private bool _rootIsMapping;
    private FactKind? _kind;
    private bool _streaming;
    private (int Nodes, int Links) _listMark;

    // What the results held when the document started: a document the reader cannot finish is taken back to it.
    private bool _documentOpen;
    private DocumentMark _documentMark;

    private FactParser(string path, CancellationToken cancellationToken, bool texts)
    {
        _path = path;
        _cancellationToken = cancellationToken;
        _texts = texts ? new List<LocatedString>() : null;
    }

    /// <summary>
    /// Parses and binds one file. Honours <paramref name="cancellationToken"/> at every parser event and
    /// every item; <paramref name="progress"/>, when given, follows that work step by step. With <paramref name="texts"/>
    /// false the file's <see cref="FactFile.Texts"/> stay empty: the generator never reads them (the encoding check is the
    /// analyzer's), and at 10,000s of facts they are a list of 100,000s of located strings to build and keep.
    /// </summary>
    public static FactFile Parse(string path, string text, ParseLimits limits, CancellationToken cancellationToken, ParseProgress? progress = null, bool blockScanner = true, bool texts = true)
    {
        var parser = new FactParser(path, cancellationToken, texts) { _progress = progress };
        try
        {
            if (YamlReader.Read(path, text, limits, parser._readDiagnostics, parser, cancellationToken, progress, blockScanner).StartOver)
            {
                // The block scanner met something past its subset after some items were bound: YamlDotNet
                // reads the file again, into a parser that has bound nothing.
                parser = new FactParser(path, cancellationToken, texts) { _progress = progress };
                YamlReader.Read(path, text, limits, parser._readDiagnostics, parser, cancellationToken, progress, blockScanner: false);
            }
            if (parser._documentOpen) parser.Abandon();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug of ours must cost this file only, and say so where the user can see it.
            if (e is SinkException { InnerException: { } inner }) e = inner;
            parser._diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, LocationInfo.FileStart(path),
                "FactGen could not read this file (" + e.GetType().Name + ": " + YamlReader.Shorten(e.Message) + ")"));
        }
        return parser.Build();
    }

    private FactFile Build()
    {
        _readDiagnostics.AddRange(_diagnostics);
        _readDiagnostics.Sort(DiagnosticInfo.Compare);
        return new FactFile(
            _path,
            EquatableArray.From(_sources),
            EquatableArray.From(_organizations),
            EquatableArray.From(_titles),
            EquatableArray.From(_officials),
            EquatableArray.From(_events),
            EquatableArray.From(_agreements),
            EquatableArray.From(_quotes),
            _texts is null ? EquatableArray<LocatedString>.Empty : EquatableArray.From(_texts),
            EquatableArray.From(_readDiagnostics));
    }

    // ---- IYamlSink: follows the document's shape, binding each item of a fact list once read -----------

    void IYamlSink.DocumentStart(YamlReader reader)
    {
        _nodes = reader.Nodes;
        _rootIsMapping = false;
        _kind = null;
        _streaming = false;
        _documentOpen = true;
        _documentMark = new DocumentMark(this);
    }

    void IYamlSink.CollectionStart(YamlReader reader, int depth, bool mapping, bool isKey)
    {
        if (depth == 1)
        {
            _rootIsMapping = mapping;
        }
        else if (depth == 2 && _rootIsMapping && !isKey && !mapping && _kind is not null)
        {
            // The value of a fact list's entry is a list: its items are bound as they are read.
            _streaming = true;
            _listMark = reader.BufferMark();
        }
    }

    void IYamlSink.Added(YamlReader reader, int node, int parentDepth, bool isKey)
    {
        if (parentDepth == 0)
        {
            // The document's root: a mapping has been bound entry by entry; anything else is bound now.
            if (!_rootIsMapping || !_nodes.IsMapping(node)) BindDocument(node);
            _documentOpen = false;
            return;
        }
        if (!_rootIsMapping) return;
        if (parentDepth == 1)
        {
            if (isKey)
            {
                _kind = ListKind(node);
                _streaming = false;
            }
            else if (_streaming)
            {
                _streaming = false; // its items are bound
            }
            else if (_kind is { } kind)
            {
                BindList(kind, node);
            }
            return;
        }
        if (parentDepth == 2 && _streaming)
        {
            BindListItem(_kind!.Value, node);
            reader.Release(_listMark);
        }
    }

    /// <summary>Takes the results back to where they stood when the unfinished document started.</summary>
    private void Abandon()
    {
        _documentMark.Restore(this);
        _documentOpen = false;
    }

    private readonly struct DocumentMark
    {
        private readonly int _diagnostics, _texts, _sources, _organizations, _titles, _officials, _events, _agreements, _quotes;
        private readonly SuggestionBudget.State _suggestions;

        public DocumentMark(FactParser p)
        {
            _diagnostics = p._diagnostics.Count;
            _texts = p._texts?.Count ?? 0;
            _sources = p._sources.Count;
            _organizations = p._organizations.Count;
            _titles = p._titles.Count;
            _officials = p._officials.Count;
            _events = p._events.Count;
            _agreements = p._agreements.Count;
            _quotes = p._quotes.Count;
            _suggestions = p._suggestions.Save();
        }

        public void Restore(FactParser p)
        {
            Cut(p._diagnostics, _diagnostics);
            if (p._texts is not null) Cut(p._texts, _texts);
            Cut(p._sources, _sources);
            Cut(p._organizations, _organizations);
            Cut(p._titles, _titles);
            Cut(p._officials, _officials);
            Cut(p._events, _events);
            Cut(p._agreements, _agreements);
            Cut(p._quotes, _quotes);
            p._suggestions.Restore(_suggestions);
        }

        private static void Cut<T>(List<T> list, int count)
        {
            if (list.Count > count) list.RemoveRange(count, list.Count - count);
        }
    }

    /// <summary>A document whose root is not a mapping: empty, or reported.</summary>
    private void BindDocument(int document)
    {
        if (_nodes.IsNull(document)) return; // an empty document
        Invalid(document, Describe(document), "file", "a fact file is a mapping of lists (sources:, officials:, …), not " + _nodes.Describe(document));
    }

    /// <summary>The kind of the list a key of the root names; null (reported) for any other key.</summary>
    private FactKind? ListKind(int key)
    {
        string name = _nodes.Value(key);
        FactKind? kind = null;
        foreach (var (list, k) in FactSchema.Lists)
        {
            if (list == name) kind = k;
        }
        if (kind is null)
        {
            var names = new List<string>();
            foreach (var (list, _) in FactSchema.Lists) names.Add(list);
            Unknown(key, "a fact file", names);
        }
        return kind;
    }

    /// <summary>The value of a fact list's entry that was not read as a list (null, an alias of one, or wrong).</summary>
    private void BindList(FactKind kind, int value)
    {
        if (_nodes.IsNull(value)) return;
        if (!_nodes.IsSequence(value))
        {
            Invalid(value, Describe(value), FactSchema.Lists[(int)kind].List, "expected a list of items, found " + _nodes.Describe(value));
            return;
        }
        int count = _nodes.Length(value);
        for (int i = 0; i < count; i++) BindListItem(kind, _nodes.ItemAt(value, i));
    }

    private void BindListItem(FactKind kind, int item)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!_nodes.IsMapping(item))
        {
            Invalid(item, Describe(item), FactSchema.Lists[(int)kind].List, "each item is a mapping with an 'id', found " + _nodes.Describe(item));
            return;
        }
        BindItem(kind, item);
        _progress?.Item();
    }

    private void BindItem(FactKind kind, int map)
    {
        var item = new ItemReader(this, kind, map);
        item.CheckFields();
        FactHeader? header = item.Header();
        switch (kind)
        {
            case FactKind.Source:
            {
                string? title = item.Text("title");
                LocatedString? file = item.Located("file", text: false);
                LocatedDate? published = item.Date("published");
                string? url = item.Text("url", text: false);
                if (item.Ok && header is { } h && file is { } f && published is { } p) _sources.Add(new SourceFact(h, title!, f, p, url));
                break;
            }
            case FactKind.Organization:
            {
                string? name = item.Text("name");
                string? native = item.Text("native");
                string? abbreviation = item.Text("abbreviation");
                LocatedString? country = item.Country("country");
                if (item.Ok && header is { } h && country is { } c) _organizations.Add(new OrganizationFact(h, name!, native, abbreviation, c));
                break;
            }
            case FactKind.Title:
            {
                string? name = item.Text("name");
                FactRef? organization = item.Ref("organization", RefTarget.Organization);
                LocatedString? country = item.Country("country");
                bool one = item.Holders();
                if (item.Ok && header is { } h && country is { } c) _titles.Add(new TitleFact(h, name!, organization, c, one));
                break;
            }
            case FactKind.Official:
            {
                LocatedString? name = item.Located("name", text: true);
                LocatedString? romanized = item.Located("romanized", text: true);
                LocatedString? native = item.Located("native", text: true);
                LocatedString? country = item.Country("country");
                EquatableArray<PositionFact> positions = item.Positions();
                EquatableArray<string> aliases = item.Strings("aliases");
                if (item.Ok && header is { } h && name is { } n && country is { } c) _officials.Add(new OfficialFact(h, n, romanized, native, c, positions, aliases));
                break;
            }
            case FactKind.Event:
            {
                string? eventKind = item.Choice("kind", FactSchema.EventKinds, FactSchema.KindsHint);
                string? name = item.Text("name");
                string? summary = item.Text("summary");
                LocatedDate? date = item.Date("date");
                LocatedDate? from = item.Date("from");
                LocatedDate? to = item.Date("to");
                string? place = item.Text("location");
                EquatableArray<FactRef> participants = item.Refs("participants", RefTarget.Actor);
                FactRef? partOf = item.Ref("part_of", RefTarget.Event);
                item.EventDates(date, from, to);
                Reversed(from, to);
                if (item.Ok && header is { } h) _events.Add(new EventFact(h, eventKind!, name!, summary, date, from, to, place, participants, partOf));
                break;
            }
            case FactKind.Agreement:
            {
                string? name = item.Text("name");
                LocatedDate? date = item.Date("date");
                EquatableArray<FactRef> parties = item.Refs("parties", RefTarget.Party);
                EquatableArray<FactRef> negotiators = item.Refs("negotiators", RefTarget.Official);
                FactRef? ev = item.Ref("event", RefTarget.Event);
                string? summary = item.Text("summary");
                if (item.Ok && header is { } h && date is { } d) _agreements.Add(new AgreementFact(h, name!, d, parties, negotiators, ev, summary));
                break;
            }
            case FactKind.Quote:
            {
                FactRef? speaker = item.Ref("speaker", RefTarget.Actor);
                LocatedString? text = item.Located("text", text: true);
                LocatedDate? date = item.Date("date");
                FactRef? ev = item.Ref("event", RefTarget.Event);
                if (item.Ok && header is { } h && speaker is { } s && text is { } t && date is { } d) _quotes.Add(new QuoteFact(h, s, t, d, ev));
                break;
            }
        }
    }

    private string Shared(string value)
    {
        if (_shared.TryGetValue(value, out string? first)) return first;
        _shared.Add(value, value);
        return value;
    }

    private string Describe(int node) => _nodes.IsScalar(node) ? YamlReader.Shorten(_nodes.Value(node)) : _nodes.Describe(node);

    private void Invalid(int node, string value, string field, string reason)
        => Invalid(_nodes.Location(node), value, field, reason);

    private void Invalid(LocationInfo location, string value, string field, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidValue, location, value, field, reason));

    /// <summary>
    /// FG0007 when a range ends before it starts (compared as periods: 'from: 2023' 'to: 2023-03' is not reversed). The
    /// fact is kept: only its author knows which date is wrong.
    /// </summary>
    private void Reversed(LocatedDate? start, LocatedDate? end)
    {
        if (start is not { } from || end is not { } to) return;
        if (to.Value.EndDayNumber < from.Value.StartDayNumber)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.ReversedRange, to.Location, from.Location, to.Value.ToString(), from.Value.ToString()));
        }
    }

    private void Unknown(int key, string where, IEnumerable<string> known)
    {
        string value = _nodes.Value(key);
        string? suggestion = FactSchema.Closest(value, known, _suggestions);
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnknownField, _nodes.Location(key), YamlReader.Shorten(value), where,
            suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
    }

    /// <summary>"a source", "an event": the kinds' names all start with a letter whose sound the spelling gives.</summary>
    private static string IndefiniteArticle(string noun) => ("aeiou".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;

    /// <summary>
    /// Whether <paramref name="id"/> is kebab-case ASCII of at most 200 chars: <c>^[a-z][a-z0-9]*(-[a-z0-9]+)*\z</c>
    /// (the JSON schema's pattern), checked by hand: it runs for every id and reference of every file.
    /// </summary>
    internal static bool IsValidId(string id)
    {
        if (id.Length == 0 || id.Length > 200 || id[0] < 'a' || id[0] > 'z') return false;
        for (int i = 1; i < id.Length; i++)
        {
            char c = id[i];
            if (c == '-')
            {
                // A hyphen joins two words: not last, not doubled.
                if (i + 1 == id.Length || id[i + 1] == '-') return false;
            }
            else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Reads the fields of one item, remembering whether anything required was missing or invalid.</summary>
    private sealed class ItemReader
    {
        private readonly FactParser _parser;
        private readonly YamlNodes _nodes;
        private readonly FactKind _kind;
        private readonly int _map;

        public ItemReader(FactParser parser, FactKind kind, int map)
        {
            _parser = parser;
            _nodes = parser._nodes;
            _kind = kind;
            _map = map;
        }

        public bool Ok { get; private set; } = true;

        private string? _id;

        /// <summary>Absent (-1) or null (<c>field:</c> left empty, <c>~</c>, <c>null</c>).</summary>
        private bool IsAbsent(int node) => node < 0 || _nodes.IsNull(node);

        public void CheckFields()
        {
            ImmutableArray<string> known = FactSchema.KnownFieldsOf(_kind);
            int count = _nodes.Length(_map);
            for (int i = 0; i < count; i++)
            {
                int key = _nodes.Key(_map, i);
                if (!Contains(known, _nodes.Value(key))) _parser.Unknown(key, IndefiniteArticle(FactSchema.Singular(_kind)), known);
            }
            if (_nodes.Get(_map, "source") >= 0 && _nodes.Get(_map, "sources") is int sources && sources >= 0)
            {
                _parser.Invalid(sources, "sources", "sources", "give either 'source' or 'sources', not both");
                Ok = false;
            }
        }

        public FactHeader? Header()
        {
            int node = _nodes.Get(_map, "id");
            if (IsAbsent(node))
            {
                Missing("id");
                return null;
            }
            if (!_nodes.IsScalar(node))
            {
                WrongType(node, "id");
                return null;
            }
            string id = _nodes.Value(node);
            if (!IsValidId(id))
            {
                _parser.Invalid(node, YamlReader.Shorten(id), "id", "an id is kebab-case ASCII: lowercase letters and digits in words joined by single hyphens, starting with a letter (e.g. 'he-lifeng')");
                Ok = false;
                return null;
            }
            _id = id = _parser.Shared(id);
            Provenance provenance = ReadProvenance(_map, isItem: true);
            return new FactHeader(id, _nodes.Location(node), _nodes.Location(_map), provenance);
        }

        private Provenance ReadProvenance(int map, bool isItem)
        {
            // Most items and positions have no provenance at all: nothing is allocated for them.
            FactRef? single = RefIn(map, "source", RefTarget.Source, required: false);
            EquatableArray<FactRef> many = _nodes.Get(map, "sources") >= 0 ? RefsIn(map, "sources", RefTarget.Source) : EquatableArray<FactRef>.Empty;
            EquatableArray<FactRef> sources = single is not { } first ? many
                : many.Count == 0 ? new EquatableArray<FactRef>(new[] { first })
                : Prepend(first, many);
            LocatedString? evidence = LocatedIn(map, "evidence", required: false, text: false);
            string? note = LocatedIn(map, "note", required: false, text: true)?.Value;
            string? deprecated = isItem ? LocatedIn(map, "deprecated", required: false, text: true)?.Value : null;
            if (sources.Count == 0 && evidence is null && note is null && deprecated is null) return Provenance.None;
            return new Provenance(sources, evidence, note, deprecated);
        }

        private static EquatableArray<FactRef> Prepend(FactRef first, EquatableArray<FactRef> rest)
        {
            var all = new FactRef[rest.Count + 1];
            all[0] = first;
            rest.AsSpan().CopyTo(all.AsSpan(1));
            return new EquatableArray<FactRef>(all);
        }

        public string? Text(string field, bool text = true) => LocatedIn(_map, field, IsRequired(field), text)?.Value;

        public LocatedString? Located(string field, bool text) => LocatedIn(_map, field, IsRequired(field), text);

        private bool IsRequired(string field) => Contains(FactSchema.RequiredOf(_kind), field);

        private static bool Contains(ImmutableArray<string> list, string value)
        {
            for (int i = 0; i < list.Length; i++)
            {
                if (list[i] == value) return true;
            }
            return false;
        }

        private LocatedString? LocatedIn(int map, string field, bool required, bool text)
        {
            int node = _nodes.Get(map, field);
            if (IsAbsent(node))
            {
                if (required) Missing(field);
                return null;
            }
            if (!_nodes.IsScalar(node))
            {
                WrongType(node, field);
                return null;
            }
            string value = _nodes.Value(node);
            if (required && value.Trim().Length == 0)
            {
                _parser.Invalid(node, value, field, "the value is empty");
                Ok = false;
                return null;
            }
            var located = new LocatedString(value, _nodes.Location(node));
            if (text) _parser._texts?.Add(located);
            return located;
        }

        public LocatedString? Country(string field)
        {
            LocatedString? located = Located(field, text: false);
            if (located is { } value && !Countries.IsKnown(value.Value))
            {
                string upper = value.Value.ToUpperInvariant();
                _parser._diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidValue, value.Location, YamlReader.Shorten(value.Value), field,
                    Countries.IsKnown(upper) ? "country codes are upper case; write '" + upper + "'" : "not an ISO 3166-1 alpha-2 country code (e.g. 'US', 'CN')"));
                Ok = false;
                return null;
            }
            return located is { } code ? new LocatedString(_parser.Shared(code.Value), code.Location) : null;
        }

        public string? Choice(string field, string[] allowed, string hint)
        {
            if (Located(field, text: false) is not { } value) return null;
            int index = Array.IndexOf(allowed, value.Value);
            if (index < 0)
            {
                string? close = FactSchema.Closest(value.Value, allowed, _parser._suggestions);
                _parser.Invalid(value.Location, YamlReader.Shorten(value.Value), field,
                    "expected one of " + hint + (close is null ? string.Empty : "; did you mean '" + close + "'?"));
                Ok = false;
                return null;
            }
            return allowed[index]; // the schema's string, kept by every event of the kind, not one string per event
        }

        public bool Holders()
        {
            string? value = Choice("holders", new[] { "one", "many" }, "one, many");
            return value == "one";
        }

        public LocatedDate? Date(string field) => DateIn(_map, field, IsRequired(field));

        private LocatedDate? DateIn(int map, string field, bool required)
        {
            int node = _nodes.Get(map, field);
            if (IsAbsent(node))
            {
                if (required) Missing(field);
                return null;
            }
            if (!_nodes.IsScalar(node))
            {
                WrongType(node, field);
                return null;
            }
            string value = _nodes.Value(node);
            if (!FactDateValue.TryParse(value, out FactDateValue date))
            {
                _parser.Invalid(node, YamlReader.Shorten(value), field, "a date is ISO 8601 at the precision the source gives ('2023', '2023-06' or '2023-08-29') and must exist");
                Ok = false;
                return null;
            }
            return new LocatedDate(date, _nodes.Location(node));
        }

        public void EventDates(LocatedDate? date, LocatedDate? from, LocatedDate? to)
        {
            // "Given" means a non-null value: `date:` left empty is no date. A value that is given but
            // invalid has been reported (FG0004) and has made the item invalid already.
            if (!Given("date") && !Given("from"))
            {
                Missing(Given("to") ? "from" : "date");
            }
            else if (date is not null && (from is not null || to is not null))
            {
                _parser.Invalid(_nodes.Get(_map, from is not null ? "from" : "to"), "from/to", "date", "give either 'date' (one day or period) or 'from'/'to' (a span), not both");
                Ok = false;
            }
        }

        private bool Given(string field) => !IsAbsent(_nodes.Get(_map, field));

        public FactRef? Ref(string field, RefTarget target) => RefIn(_map, field, target, IsRequired(field));

        private FactRef? RefIn(int map, string field, RefTarget target, bool required)
        {
            int node = _nodes.Get(map, field);
            if (IsAbsent(node))
            {
                if (required) Missing(field);
                return null;
            }
            return RefFrom(node, field, target);
        }

        private FactRef? RefFrom(int node, string field, RefTarget target)
        {
            if (_nodes.IsScalar(node))
            {
                string id = _nodes.Value(node);
                if (target == RefTarget.Party && id.Length == 2 && id[0] >= 'A' && id[0] <= 'Z')
                {
                    if (!Countries.IsKnown(id))
                    {
                        _parser.Invalid(node, id, field, "not an ISO 3166-1 alpha-2 country code (e.g. 'US', 'CN')");
                        Ok = false;
                        return null;
                    }
                    return new FactRef(_parser.Shared(id), RefTarget.Party, _nodes.Location(node), null);
                }
                if (!IsValidId(id))
                {
                    _parser.Invalid(node, YamlReader.Shorten(id), field, "a reference is the kebab-case id of a fact" + (target == RefTarget.Party ? " or an ISO country code" : string.Empty));
                    Ok = false;
                    return null;
                }
                return new FactRef(_parser.Shared(id), target, _nodes.Location(node), null);
            }
            if (_nodes.IsMapping(node) && (target == RefTarget.Actor || target == RefTarget.Official || target == RefTarget.Party))
            {
                int map = node;
                int entries = _nodes.Length(map);
                for (int i = 0; i < entries; i++)
                {
                    int key = _nodes.Key(map, i);
                    if (Array.IndexOf(FactSchema.RefFields, _nodes.Value(key)) < 0) _parser.Unknown(key, "a reference", FactSchema.RefFields);
                }
                int official = _nodes.Get(map, "official");
                int organization = _nodes.Get(map, "organization");
                if ((official < 0) == (organization < 0) || (organization >= 0 && target == RefTarget.Official))
                {
                    _parser.Invalid(map, "a mapping", field, target == RefTarget.Official
                        ? "write the reference as an id or as {official: <id>, as: <title id>}"
                        : "write the reference as an id, {official: <id>, as: <title id>} or {organization: <id>}");
                    Ok = false;
                    return null;
                }
                RefTarget pinned = official >= 0 ? RefTarget.Official : RefTarget.Organization;
                if (RefFrom(official >= 0 ? official : organization, official >= 0 ? "official" : "organization", pinned) is not { } inner) return null;
                LocatedString? asTitle = null;
                int asNode = _nodes.Get(map, "as");
                if (asNode >= 0)
                {
                    if (pinned != RefTarget.Official)
                    {
                        _parser.Invalid(asNode, _parser.Describe(asNode), "as", "'as' names the title an official acted in; organizations have none");
                        Ok = false;
                        return null;
                    }
                    if (!_nodes.IsScalar(asNode) || !IsValidId(_nodes.Value(asNode)))
                    {
                        _parser.Invalid(asNode, _parser.Describe(asNode), "as", "'as' is the id of a title");
                        Ok = false;
                        return null;
                    }
                    asTitle = new LocatedString(_parser.Shared(_nodes.Value(asNode)), _nodes.Location(asNode));
                }
                return inner with { As = asTitle };
            }
            WrongType(node, field);
            return null;
        }

        public EquatableArray<FactRef> Refs(string field, RefTarget target) => RefsIn(_map, field, target);

        private EquatableArray<FactRef> RefsIn(int map, string field, RefTarget target)
        {
            int node = _nodes.Get(map, field);
            if (IsAbsent(node))
            {
                if (_kind == FactKind.Agreement && field == "parties" && map == _map) Missing(field);
                return EquatableArray<FactRef>.Empty;
            }
            if (!_nodes.IsSequence(node))
            {
                WrongType(node, field);
                return EquatableArray<FactRef>.Empty;
            }
            int length = _nodes.Length(node);
            var refs = new FactRef[length];
            int count = 0;
            for (int i = 0; i < length; i++)
            {
                if (RefFrom(_nodes.ItemAt(node, i), field, target) is { } r) refs[count++] = r;
            }
            return Exact(refs, count);
        }

        public EquatableArray<string> Strings(string field)
        {
            int node = _nodes.Get(_map, field);
            if (IsAbsent(node)) return EquatableArray<string>.Empty;
            if (!_nodes.IsSequence(node))
            {
                WrongType(node, field);
                return EquatableArray<string>.Empty;
            }
            int length = _nodes.Length(node);
            var values = new string[length];
            int count = 0;
            for (int i = 0; i < length; i++)
            {
                int child = _nodes.ItemAt(node, i);
                if (_nodes.IsScalar(child) && !_nodes.IsNull(child))
                {
                    string value = _nodes.Value(child);
                    values[count++] = value;
                    _parser._texts?.Add(new LocatedString(value, _nodes.Location(child)));
                }
                else
                {
                    WrongType(child, field);
                }
            }
            return Exact(values, count);
        }

        public EquatableArray<PositionFact> Positions()
        {
            int node = _nodes.Get(_map, "positions");
            if (IsAbsent(node)) return EquatableArray<PositionFact>.Empty;
            if (!_nodes.IsSequence(node))
            {
                WrongType(node, "positions");
                return EquatableArray<PositionFact>.Empty;
            }
            int length = _nodes.Length(node);
            var positions = new PositionFact[length];
            int count = 0;
            for (int p = 0; p < length; p++)
            {
                int map = _nodes.ItemAt(node, p);
                if (!_nodes.IsMapping(map))
                {
                    WrongType(map, "positions");
                    continue;
                }
                int entries = _nodes.Length(map);
                for (int i = 0; i < entries; i++)
                {
                    int key = _nodes.Key(map, i);
                    if (Array.IndexOf(FactSchema.PositionFields, _nodes.Value(key)) < 0) _parser.Unknown(key, "a position", FactSchema.PositionFields);
                }
                FactRef? titleRef = RefIn(map, "title", RefTarget.Title, required: true);
                LocatedDate? from = DateIn(map, "from", required: false);
                LocatedDate? to = DateIn(map, "to", required: false);
                _parser.Reversed(from, to);
                Provenance provenance = ReadProvenance(map, isItem: false);
                if (titleRef is { } title) positions[count++] = new PositionFact(title, from, to, _nodes.Location(map), provenance);
            }
            return Exact(positions, count);
        }

        /// <summary>The first <paramref name="count"/> items (the array made for all of a list's items, some of which may have been refused).</summary>
        private static EquatableArray<T> Exact<T>(T[] items, int count) where T : IEquatable<T>
        {
            if (count == 0) return EquatableArray<T>.Empty;
            if (count < items.Length) Array.Resize(ref items, count);
            return new EquatableArray<T>(items);
        }

        private void Missing(string field)
        {
            string kind = FactSchema.Singular(_kind);
            _parser._diagnostics.Add(DiagnosticInfo.Create(Descriptors.MissingField, _nodes.Location(_map), char.ToUpperInvariant(kind[0]) + kind.Substring(1), _id ?? "(no id)", field));
            Ok = false;
        }

        private void WrongType(int node, string field)
        {
            string expected = field switch
            {
                "positions" => "a list of mappings (title, from, to)",
                "aliases" => "a list of text values",
                "participants" or "parties" or "negotiators" or "sources" => "a list of ids",
                _ => "a text value",
            };
            _parser.Invalid(node, _parser.Describe(node), field, "expected " + expected + ", found " + _nodes.Describe(node));
            Ok = false;
        }
    }
}
