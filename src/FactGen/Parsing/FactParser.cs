using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FactGen.Model;
using FactGen.Validation;

namespace FactGen.Parsing;

/// <summary>
/// Parse step: one fact file's text → <see cref="FactFile"/>. Binds the YAML tree to fact format v1,
/// reporting unknown fields (FG0002), missing fields (FG0003) and invalid values (FG0004) at their nodes.
/// An item with a missing or invalid field is left out, so the generated code never holds a half-read fact.
/// Never throws except on cancellation.
/// </summary>
internal sealed class FactParser
{
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<LocatedString> _texts = new();
    private readonly List<SourceFact> _sources = new();
    private readonly List<OrganizationFact> _organizations = new();
    private readonly List<TitleFact> _titles = new();
    private readonly List<OfficialFact> _officials = new();
    private readonly List<EventFact> _events = new();
    private readonly List<AgreementFact> _agreements = new();
    private readonly List<QuoteFact> _quotes = new();
    private readonly SuggestionBudget _suggestions = new();
    private ParseProgress? _progress;

    private FactParser(string path) => _path = path;

    /// <summary>
    /// Parses and binds one file. Honours <paramref name="cancellationToken"/> at every parser event and
    /// every item; <paramref name="progress"/>, when given, follows that work step by step.
    /// </summary>
    public static FactFile Parse(string path, string text, ParseLimits limits, CancellationToken cancellationToken, ParseProgress? progress = null)
    {
        var parser = new FactParser(path) { _progress = progress };
        try
        {
            List<YamlNode> documents = YamlReader.Read(path, text, limits, parser._diagnostics, cancellationToken, out _, progress);
            foreach (YamlNode document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parser.BindDocument(document, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug of ours must cost this file only, and say so where the user can see it.
            parser._diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidYaml, LocationInfo.FileStart(path),
                "FactGen could not read this file (" + e.GetType().Name + ": " + YamlReader.Shorten(e.Message) + ")"));
        }
        return parser.Build();
    }

    private FactFile Build()
    {
        _diagnostics.Sort(DiagnosticInfo.Compare);
        return new FactFile(
            _path,
            EquatableArray.From(_sources),
            EquatableArray.From(_organizations),
            EquatableArray.From(_titles),
            EquatableArray.From(_officials),
            EquatableArray.From(_events),
            EquatableArray.From(_agreements),
            EquatableArray.From(_quotes),
            EquatableArray.From(_texts),
            EquatableArray.From(_diagnostics));
    }

    private void BindDocument(YamlNode document, CancellationToken cancellationToken)
    {
        if (document is YamlScalar { IsNull: true }) return; // an empty document
        if (document is not YamlMapping root)
        {
            Invalid(document, Describe(document), "file", "a fact file is a mapping of lists (sources:, officials:, …), not " + document.Describe);
            return;
        }
        foreach (var entry in root.Entries)
        {
            string name = entry.Key.Value;
            FactKind? kind = null;
            foreach (var (list, k) in FactSchema.Lists)
            {
                if (list == name) kind = k;
            }
            if (kind is null)
            {
                var names = new List<string>();
                foreach (var (list, _) in FactSchema.Lists) names.Add(list);
                Unknown(entry.Key, "a fact file", names);
                continue;
            }
            if (entry.Value is YamlScalar { IsNull: true }) continue;
            if (entry.Value is not YamlSequence items)
            {
                Invalid(entry.Value, Describe(entry.Value), name, "expected a list of items, found " + entry.Value.Describe);
                continue;
            }
            foreach (YamlNode item in items.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item is not YamlMapping map)
                {
                    Invalid(item, Describe(item), name, "each item is a mapping with an 'id', found " + item.Describe);
                    continue;
                }
                BindItem(kind.Value, map);
                _progress?.Item();
            }
        }
    }

    private void BindItem(FactKind kind, YamlMapping map)
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
                if (item.Ok && header is not null) _sources.Add(new SourceFact(header, title!, file!, published!, url));
                break;
            }
            case FactKind.Organization:
            {
                string? name = item.Text("name");
                string? native = item.Text("native");
                string? abbreviation = item.Text("abbreviation");
                LocatedString? country = item.Country("country");
                if (item.Ok && header is not null) _organizations.Add(new OrganizationFact(header, name!, native, abbreviation, country!));
                break;
            }
            case FactKind.Title:
            {
                string? name = item.Text("name");
                FactRef? organization = item.Ref("organization", RefTarget.Organization);
                LocatedString? country = item.Country("country");
                bool one = item.Holders();
                if (item.Ok && header is not null) _titles.Add(new TitleFact(header, name!, organization, country!, one));
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
                if (item.Ok && header is not null) _officials.Add(new OfficialFact(header, name!, romanized, native, country!, positions, aliases));
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
                if (item.Ok && header is not null) _events.Add(new EventFact(header, eventKind!, name!, summary, date, from, to, place, participants, partOf));
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
                if (item.Ok && header is not null) _agreements.Add(new AgreementFact(header, name!, date!, parties, negotiators, ev, summary));
                break;
            }
            case FactKind.Quote:
            {
                FactRef? speaker = item.Ref("speaker", RefTarget.Actor);
                LocatedString? text = item.Located("text", text: true);
                LocatedDate? date = item.Date("date");
                FactRef? ev = item.Ref("event", RefTarget.Event);
                if (item.Ok && header is not null) _quotes.Add(new QuoteFact(header, speaker!, text!, date!, ev));
                break;
            }
        }
    }

    private static string Describe(YamlNode node) => node is YamlScalar s ? YamlReader.Shorten(s.Value) : node.Describe;

    private void Invalid(YamlNode node, string value, string field, string reason)
        => Invalid(node.Location, value, field, reason);

    private void Invalid(LocationInfo location, string value, string field, string reason)
        => _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidValue, location, value, field, reason));

    private void Unknown(YamlScalar key, string where, IEnumerable<string> known)
    {
        string? suggestion = FactSchema.Closest(key.Value, known, _suggestions);
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnknownField, key.Location, YamlReader.Shorten(key.Value), where,
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
        private readonly FactKind _kind;
        private readonly YamlMapping _map;

        public ItemReader(FactParser parser, FactKind kind, YamlMapping map)
        {
            _parser = parser;
            _kind = kind;
            _map = map;
        }

        public bool Ok { get; private set; } = true;

        private string? _id;

        public void CheckFields()
        {
            ImmutableArray<string> known = FactSchema.KnownFieldsOf(_kind);
            foreach (var entry in _map.Entries)
            {
                if (!Contains(known, entry.Key.Value)) _parser.Unknown(entry.Key, IndefiniteArticle(FactSchema.Singular(_kind)), known);
            }
            if (_map.Get("source") is not null && _map.Get("sources") is not null)
            {
                _parser.Invalid(_map.Get("sources")!, "sources", "sources", "give either 'source' or 'sources', not both");
                Ok = false;
            }
        }

        public FactHeader? Header()
        {
            YamlNode? node = _map.Get("id");
            if (node is null || node is YamlScalar { IsNull: true })
            {
                Missing("id");
                return null;
            }
            if (node is not YamlScalar id)
            {
                WrongType(node, "id");
                return null;
            }
            if (!IsValidId(id.Value))
            {
                _parser.Invalid(id, YamlReader.Shorten(id.Value), "id", "an id is kebab-case ASCII: lowercase letters and digits in words joined by single hyphens, starting with a letter (e.g. 'he-lifeng')");
                Ok = false;
                return null;
            }
            _id = id.Value;
            Provenance provenance = ReadProvenance(_map, isItem: true);
            return new FactHeader(id.Value, id.Location, _map.Location, provenance);
        }

        private Provenance ReadProvenance(YamlMapping map, bool isItem)
        {
            // Most items and positions have no provenance at all: nothing is allocated for them.
            FactRef? single = RefIn(map, "source", RefTarget.Source, required: false);
            EquatableArray<FactRef> many = map.Get("sources") is not null ? RefsIn(map, "sources", RefTarget.Source) : EquatableArray<FactRef>.Empty;
            EquatableArray<FactRef> sources = single is null ? many
                : many.Count == 0 ? new EquatableArray<FactRef>(new[] { single })
                : Prepend(single, many);
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

        private LocatedString? LocatedIn(YamlMapping map, string field, bool required, bool text)
        {
            YamlNode? node = map.Get(field);
            if (node is null || node is YamlScalar { IsNull: true })
            {
                if (required) Missing(field);
                return null;
            }
            if (node is not YamlScalar scalar)
            {
                WrongType(node, field);
                return null;
            }
            if (required && scalar.Value.Trim().Length == 0)
            {
                _parser.Invalid(scalar, scalar.Value, field, "the value is empty");
                Ok = false;
                return null;
            }
            var located = new LocatedString(scalar.Value, scalar.Location);
            if (text) _parser._texts.Add(located);
            return located;
        }

        public LocatedString? Country(string field)
        {
            LocatedString? value = Located(field, text: false);
            if (value is not null && !Countries.IsKnown(value.Value))
            {
                string upper = value.Value.ToUpperInvariant();
                _parser._diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidValue, value.Location, YamlReader.Shorten(value.Value), field,
                    Countries.IsKnown(upper) ? "country codes are upper case; write '" + upper + "'" : "not an ISO 3166-1 alpha-2 country code (e.g. 'US', 'CN')"));
                Ok = false;
                return null;
            }
            return value;
        }

        public string? Choice(string field, string[] allowed, string hint)
        {
            LocatedString? value = Located(field, text: false);
            if (value is null) return null;
            if (Array.IndexOf(allowed, value.Value) < 0)
            {
                string? close = FactSchema.Closest(value.Value, allowed, _parser._suggestions);
                _parser.Invalid(value.Location, YamlReader.Shorten(value.Value), field,
                    "expected one of " + hint + (close is null ? string.Empty : "; did you mean '" + close + "'?"));
                Ok = false;
                return null;
            }
            return value.Value;
        }

        public bool Holders()
        {
            string? value = Choice("holders", new[] { "one", "many" }, "one, many");
            return value == "one";
        }

        public LocatedDate? Date(string field) => DateIn(_map, field, IsRequired(field));

        private LocatedDate? DateIn(YamlMapping map, string field, bool required)
        {
            YamlNode? node = map.Get(field);
            if (node is null || node is YamlScalar { IsNull: true })
            {
                if (required) Missing(field);
                return null;
            }
            if (node is not YamlScalar scalar)
            {
                WrongType(node, field);
                return null;
            }
            if (!FactDateValue.TryParse(scalar.Value, out FactDateValue date))
            {
                _parser.Invalid(scalar, YamlReader.Shorten(scalar.Value), field, "a date is ISO 8601 at the precision the source gives ('2023', '2023-06' or '2023-08-29') and must exist");
                Ok = false;
                return null;
            }
            return new LocatedDate(date, scalar.Location);
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
                _parser.Invalid(_map.Get(from is not null ? "from" : "to")!, "from/to", "date", "give either 'date' (one day or period) or 'from'/'to' (a span), not both");
                Ok = false;
            }
        }

        private bool Given(string field) => _map.Get(field) is { } node && node is not YamlScalar { IsNull: true };

        public FactRef? Ref(string field, RefTarget target) => RefIn(_map, field, target, IsRequired(field));

        private FactRef? RefIn(YamlMapping map, string field, RefTarget target, bool required)
        {
            YamlNode? node = map.Get(field);
            if (node is null || node is YamlScalar { IsNull: true })
            {
                if (required) Missing(field);
                return null;
            }
            return RefFrom(node, field, target);
        }

        private FactRef? RefFrom(YamlNode node, string field, RefTarget target)
        {
            if (node is YamlScalar scalar)
            {
                string id = scalar.Value;
                if (target == RefTarget.Party && id.Length == 2 && id[0] >= 'A' && id[0] <= 'Z')
                {
                    if (!Countries.IsKnown(id))
                    {
                        _parser.Invalid(scalar, id, field, "not an ISO 3166-1 alpha-2 country code (e.g. 'US', 'CN')");
                        Ok = false;
                        return null;
                    }
                    return new FactRef(id, RefTarget.Party, scalar.Location, null);
                }
                if (!IsValidId(id))
                {
                    _parser.Invalid(scalar, YamlReader.Shorten(id), field, "a reference is the kebab-case id of a fact" + (target == RefTarget.Party ? " or an ISO country code" : string.Empty));
                    Ok = false;
                    return null;
                }
                return new FactRef(id, target, scalar.Location, null);
            }
            if (node is YamlMapping map && (target == RefTarget.Actor || target == RefTarget.Official || target == RefTarget.Party))
            {
                foreach (var entry in map.Entries)
                {
                    if (Array.IndexOf(FactSchema.RefFields, entry.Key.Value) < 0) _parser.Unknown(entry.Key, "a reference", FactSchema.RefFields);
                }
                YamlNode? official = map.Get("official");
                YamlNode? organization = map.Get("organization");
                if ((official is null) == (organization is null) || (organization is not null && target == RefTarget.Official))
                {
                    _parser.Invalid(map, "a mapping", field, target == RefTarget.Official
                        ? "write the reference as an id or as {official: <id>, as: <title id>}"
                        : "write the reference as an id, {official: <id>, as: <title id>} or {organization: <id>}");
                    Ok = false;
                    return null;
                }
                RefTarget pinned = official is not null ? RefTarget.Official : RefTarget.Organization;
                FactRef? inner = RefFrom(official ?? organization!, official is not null ? "official" : "organization", pinned);
                if (inner is null) return null;
                LocatedString? asTitle = null;
                YamlNode? asNode = map.Get("as");
                if (asNode is not null)
                {
                    if (pinned != RefTarget.Official)
                    {
                        _parser.Invalid(asNode, Describe(asNode), "as", "'as' names the title an official acted in; organizations have none");
                        Ok = false;
                        return null;
                    }
                    if (asNode is not YamlScalar asScalar || !IsValidId(asScalar.Value))
                    {
                        _parser.Invalid(asNode, Describe(asNode), "as", "'as' is the id of a title");
                        Ok = false;
                        return null;
                    }
                    asTitle = new LocatedString(asScalar.Value, asScalar.Location);
                }
                return inner with { As = asTitle };
            }
            WrongType(node, field);
            return null;
        }

        public EquatableArray<FactRef> Refs(string field, RefTarget target) => RefsIn(_map, field, target);

        private EquatableArray<FactRef> RefsIn(YamlMapping map, string field, RefTarget target)
        {
            YamlNode? node = map.Get(field);
            if (node is null || node is YamlScalar { IsNull: true })
            {
                if (_kind == FactKind.Agreement && field == "parties" && map == _map) Missing(field);
                return EquatableArray<FactRef>.Empty;
            }
            if (node is not YamlSequence seq)
            {
                WrongType(node, field);
                return EquatableArray<FactRef>.Empty;
            }
            var refs = new FactRef[seq.Items.Length];
            int count = 0;
            foreach (YamlNode child in seq.Items)
            {
                FactRef? r = RefFrom(child, field, target);
                if (r is not null) refs[count++] = r;
            }
            return Exact(refs, count);
        }

        public EquatableArray<string> Strings(string field)
        {
            YamlNode? node = _map.Get(field);
            if (node is null || node is YamlScalar { IsNull: true }) return EquatableArray<string>.Empty;
            if (node is not YamlSequence seq)
            {
                WrongType(node, field);
                return EquatableArray<string>.Empty;
            }
            var values = new string[seq.Items.Length];
            int count = 0;
            foreach (YamlNode child in seq.Items)
            {
                if (child is YamlScalar s && !s.IsNull)
                {
                    values[count++] = s.Value;
                    _parser._texts.Add(new LocatedString(s.Value, s.Location));
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
            YamlNode? node = _map.Get("positions");
            if (node is null || node is YamlScalar { IsNull: true }) return EquatableArray<PositionFact>.Empty;
            if (node is not YamlSequence seq)
            {
                WrongType(node, "positions");
                return EquatableArray<PositionFact>.Empty;
            }
            var positions = new PositionFact[seq.Items.Length];
            int count = 0;
            foreach (YamlNode child in seq.Items)
            {
                if (child is not YamlMapping map)
                {
                    WrongType(child, "positions");
                    continue;
                }
                foreach (var entry in map.Entries)
                {
                    if (Array.IndexOf(FactSchema.PositionFields, entry.Key.Value) < 0) _parser.Unknown(entry.Key, "a position", FactSchema.PositionFields);
                }
                FactRef? title = RefIn(map, "title", RefTarget.Title, required: true);
                LocatedDate? from = DateIn(map, "from", required: false);
                LocatedDate? to = DateIn(map, "to", required: false);
                Provenance provenance = ReadProvenance(map, isItem: false);
                if (title is not null) positions[count++] = new PositionFact(title, from, to, map.Location, provenance);
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
            _parser._diagnostics.Add(DiagnosticInfo.Create(Descriptors.MissingField, _map.Location, char.ToUpperInvariant(kind[0]) + kind.Substring(1), _id ?? "(no id)", field));
            Ok = false;
        }

        private void WrongType(YamlNode node, string field)
        {
            string expected = field switch
            {
                "positions" => "a list of mappings (title, from, to)",
                "aliases" => "a list of text values",
                "participants" or "parties" or "negotiators" or "sources" => "a list of ids",
                _ => "a text value",
            };
            _parser.Invalid(node, Describe(node), field, "expected " + expected + ", found " + node.Describe);
            Ok = false;
        }
    }
}
