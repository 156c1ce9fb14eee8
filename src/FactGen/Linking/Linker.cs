using System;
using System.Collections.Generic;
using System.Threading;
using FactGen.Model;
using FactGen.Parsing;
using FactGen.Validation;

namespace FactGen.Linking;

/// <summary>
/// Link step: all parsed files → <see cref="LinkedFacts"/>. Reports duplicate ids (FG0005), dangling
/// references (FG0006), unusable C# names (FG0010) and missing source files (FG0013). (Reversed ranges, FG0007, are
/// a fact's own affair: the parser reports them.) The result depends only on the files' content, not on the order they arrive in.
/// </summary>
internal sealed class Linker
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly CancellationToken _cancellationToken;

    // "Did you mean" hints compare a dangling id with every id of its kind: bounded per link, or n dangling
    // references against n ids cost n² edit distances (3,000 × 3,000 took minutes).
    private readonly SuggestionBudget _suggestions = new();
    private Dictionary<string, LinkedSource> _sources = new(StringComparer.Ordinal);
    private Dictionary<string, Linked<OrganizationFact>> _organizations = new(StringComparer.Ordinal);
    private Dictionary<string, Linked<TitleFact>> _titles = new(StringComparer.Ordinal);
    private Dictionary<string, Linked<OfficialFact>> _officials = new(StringComparer.Ordinal);
    private Dictionary<string, Linked<EventFact>> _events = new(StringComparer.Ordinal);

    private Linker(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public static LinkedFacts Link(IEnumerable<FactFile> files, IReadOnlyCollection<string> additionalFilePaths, CancellationToken cancellationToken)
    {
        var sorted = new List<FactFile>(files);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new Linker(cancellationToken).Run(sorted, additionalFilePaths);
    }

    private LinkedFacts Run(List<FactFile> files, IReadOnlyCollection<string> additionalFilePaths)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var pathsIgnoreCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string p in additionalFilePaths)
        {
            string n = PathUtil.Normalize(p);
            paths.Add(n);
            pathsIgnoreCase[n] = n;
        }

        // 1. Definitions: first definition wins (files in path order), later duplicates are reported.
        var sourceList = Define(files, f => f.Sources, s => s.Header, "Sources", "Source");
        var orgList = Define(files, f => f.Organizations, s => s.Header, "Organizations", "Organization");
        var titleList = Define(files, f => f.Titles, s => s.Header, "Titles", "Title");
        var officialList = Define(files, f => f.Officials, s => s.Header, "Officials", "Official");
        var eventList = Define(files, f => f.Events, s => s.Header, "Events", "Event");
        var agreementList = Define(files, f => f.Agreements, s => s.Header, "Agreements", "Agreement");
        var quoteList = Define(files, f => f.Quotes, s => s.Header, "Quotes", "Quote");

        foreach (var s in sourceList)
        {
            string resolved = PathUtil.Normalize(PathUtil.Combine(PathUtil.Directory(s.Fact.Header.Location.Path), s.Fact.File.Value));
            string? found = paths.Contains(resolved) ? resolved : pathsIgnoreCase.TryGetValue(resolved, out string? other) ? other : null;
            if (found is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.SourceFileMissing, s.Fact.File.Location, s.Fact.Header.Id, s.Fact.File.Value, resolved));
            }
            _sources[s.Fact.Header.Id] = new LinkedSource(s.Fact, s.MemberName, found);
        }
        foreach (var o in orgList) _organizations[o.Fact.Header.Id] = o;
        foreach (var t in titleList) _titles[t.Fact.Header.Id] = t;
        foreach (var o in officialList) _officials[o.Fact.Header.Id] = o;
        foreach (var e in eventList) _events[e.Fact.Header.Id] = e;

        // 2. References: resolve, report and remove dangling ones.
        var sources = new List<LinkedSource>();
        foreach (var s in _sources.Values)
        {
            FactHeader h = Header(s.Fact.Header);
            sources.Add(h == s.Fact.Header ? s : s with { Fact = s.Fact with { Header = h } });
        }
        var organizations = new List<Linked<OrganizationFact>>();
        foreach (var o in orgList)
        {
            FactHeader h = Header(o.Fact.Header);
            organizations.Add(h == o.Fact.Header ? o : o with { Fact = o.Fact with { Header = h } });
        }
        var titles = new List<Linked<TitleFact>>();
        foreach (var t in titleList)
        {
            FactHeader h = Header(t.Fact.Header);
            FactRef? organization = Optional(t.Fact.Organization);
            titles.Add(h == t.Fact.Header && organization == t.Fact.Organization
                ? t
                : t with { Fact = t.Fact with { Header = h, Organization = organization } });
        }
        var officials = new List<Linked<OfficialFact>>();
        foreach (var o in officialList)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var positions = new List<PositionFact>(o.Fact.Positions.Count);
            bool same = true;
            foreach (PositionFact p in o.Fact.Positions)
            {
                if (Optional(p.Title) is not { } title)
                {
                    same = false;
                    continue;
                }
                Provenance provenance = Prov(p.Provenance);
                if (title == p.Title && ReferenceEquals(provenance, p.Provenance))
                {
                    positions.Add(p);
                    continue;
                }
                same = false;
                positions.Add(p with { Title = title, Provenance = provenance });
            }
            FactHeader header = Header(o.Fact.Header);
            officials.Add(same && header == o.Fact.Header
                ? o
                : o with { Fact = o.Fact with { Header = header, Positions = same ? o.Fact.Positions : EquatableArray.From(positions) } });
        }
        var events = new List<Linked<EventFact>>();
        foreach (var e in eventList)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            FactHeader header = Header(e.Fact.Header);
            EquatableArray<FactRef> participants = Many(e.Fact.Participants);
            FactRef? partOf = Optional(e.Fact.PartOf);
            events.Add(header == e.Fact.Header && participants.SameItems(e.Fact.Participants) && partOf == e.Fact.PartOf
                ? e
                : e with { Fact = e.Fact with { Header = header, Participants = participants, PartOf = partOf } });
        }
        var agreements = new List<Linked<AgreementFact>>();
        foreach (var a in agreementList)
        {
            FactHeader header = Header(a.Fact.Header);
            EquatableArray<FactRef> parties = Many(a.Fact.Parties), negotiators = Many(a.Fact.Negotiators);
            FactRef? ev = Optional(a.Fact.Event);
            agreements.Add(header == a.Fact.Header && parties.SameItems(a.Fact.Parties) && negotiators.SameItems(a.Fact.Negotiators) && ev == a.Fact.Event
                ? a
                : a with { Fact = a.Fact with { Header = header, Parties = parties, Negotiators = negotiators, Event = ev } });
        }
        var quotes = new List<Linked<QuoteFact>>();
        foreach (var q in quoteList)
        {
            if (Optional(q.Fact.Speaker) is not { } speaker) continue; // a quote without a speaker cannot be generated; FG0006 says why
            FactHeader header = Header(q.Fact.Header);
            FactRef? ev = Optional(q.Fact.Event);
            quotes.Add(header == q.Fact.Header && speaker == q.Fact.Speaker && ev == q.Fact.Event
                ? q
                : q with { Fact = q.Fact with { Header = header, Speaker = speaker, Event = ev } });
        }

        // 3. Generated order: by id, for every kind. Events, agreements and quotes are shown chronologically, but their
        // dates are not structure (see Structure): the dates file (Emit.Dates) orders them, so a date edit links nothing.
        SortById(sources, static s => s.Fact.Header.Id);
        SortById(organizations, static o => o.Fact.Header.Id);
        SortById(titles, static t => t.Fact.Header.Id);
        SortById(officials, static o => o.Fact.Header.Id);
        SortById(events, static e => e.Fact.Header.Id);
        SortById(agreements, static a => a.Fact.Header.Id);
        SortById(quotes, static q => q.Fact.Header.Id);

        _diagnostics.Sort(DiagnosticInfo.Compare);
        return new LinkedFacts(
            EquatableArray.From(sources), EquatableArray.From(organizations), EquatableArray.From(titles),
            EquatableArray.From(officials), EquatableArray.From(events), EquatableArray.From(agreements),
            EquatableArray.From(quotes), EquatableArray.From(_diagnostics));
    }

    /// <summary>The event's date, or its start (the parser keeps no event without one of them).</summary>
    private static FactDateValue EventStart(EventFact e) => (e.Date ?? e.From)?.Value ?? default;

    /// <summary>The event's period: its date, or from..to (to defaults to from).</summary>
    public static (FactDateValue Start, FactDateValue End) EventPeriod(EventFact e)
        => e.Date is { } date ? (date.Value, date.Value) : (EventStart(e), (e.To ?? e.From)?.Value ?? default);

    /// <summary>
    /// Sorts by id (ordinal; unique after linking: the order is total, so an unstable sort is deterministic). Each
    /// item's id is read once, not at every comparison (the headers are structs of ~80 bytes).
    /// </summary>
    private static void SortById<T>(List<T> list, Func<T, string> id)
    {
        var keyed = new Keyed<T>[list.Count];
        for (int i = 0; i < keyed.Length; i++) keyed[i] = new Keyed<T>(id(list[i]), list[i]);
        Array.Sort(keyed, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (int i = 0; i < keyed.Length; i++) list[i] = keyed[i].Item;
    }

    private readonly record struct Keyed<T>(string Id, T Item);

    private List<Linked<T>> Define<T>(List<FactFile> files, Func<FactFile, EquatableArray<T>> select, Func<T, FactHeader> header, string className, string kind)
        where T : class, IEquatable<T>
    {
        // The facts themselves (references), not their headers (structs four times the size).
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        var result = new List<Linked<T>>();
        foreach (FactFile file in files)
        {
            foreach (T fact in select(file))
            {
                FactHeader h = header(fact);
                if (byId.TryGetValue(h.Id, out T? firstFact))
                {
                    FactHeader first = header(firstFact);
                    _diagnostics.Add(DiagnosticInfo.Create(Descriptors.DuplicateId, h.IdLocation, first.IdLocation, kind, h.Id, first.IdLocation.ToString()));
                    continue;
                }
                string name = Naming.ToPascalCase(h.Id);
                string? problem = Naming.Problem(name, className);
                LocationInfo? clashAt = null;
                if (problem is null && byName.TryGetValue(name, out T? clashFact))
                {
                    FactHeader clash = header(clashFact);
                    clashAt = clash.IdLocation;
                    problem = "ids '" + h.Id + "' and '" + clash.Id + "' (at " + clash.IdLocation + ") both map to the C# name " + className + "." + name;
                }
                if (problem is not null)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Descriptors.NameClash, h.IdLocation, clashAt, kind + " '" + h.Id + "': " + problem));
                    continue;
                }
                byId.Add(h.Id, fact);
                byName.Add(name, fact);
                result.Add(new Linked<T>(fact, Naming.Escape(name)));
            }
        }
        return result;
    }

    // Resolution returns the very instance it was given when nothing changes (the usual case; a header or a
    // reference, values, come back equal), so the linked model shares the parsed records instead of copying
    // every fact: less to allocate and compare.

    private FactHeader Header(FactHeader header)
    {
        Provenance provenance = Prov(header.Provenance);
        return ReferenceEquals(provenance, header.Provenance) ? header : header with { Provenance = provenance };
    }

    private Provenance Prov(Provenance provenance)
    {
        if (provenance.Sources.Count == 0) return provenance;
        EquatableArray<FactRef> sources = Many(provenance.Sources);
        return sources.SameItems(provenance.Sources) ? provenance : provenance with { Sources = sources };
    }

    private EquatableArray<FactRef> Many(EquatableArray<FactRef> refs)
    {
        if (refs.Count == 0) return refs;
        List<FactRef>? kept = null;
        for (int i = 0; i < refs.Count; i++)
        {
            FactRef r = refs[i];
            FactRef? resolved = Optional(r);
            if (kept is null && resolved == r) continue;
            if (kept is null)
            {
                kept = new List<FactRef>(refs.Count);
                for (int j = 0; j < i; j++) kept.Add(refs[j]);
            }
            if (resolved is { } k) kept.Add(k);
        }
        return kept is null ? refs : EquatableArray.From(kept);
    }

    /// <summary>Resolves a reference: returns it (with actors pinned to official or organization) or null after FG0006.</summary>
    private FactRef? Optional(FactRef? reference)
    {
        if (reference is not { } r) return null;
        FactRef? result = r.Target switch
        {
            RefTarget.Source => _sources.ContainsKey(r.Id) ? r : Dangling(r, "source", _sources.Keys),
            RefTarget.Organization => _organizations.ContainsKey(r.Id) ? r : Dangling(r, "organization", _organizations.Keys),
            RefTarget.Title => _titles.ContainsKey(r.Id) ? r : Dangling(r, "title", _titles.Keys),
            RefTarget.Official => _officials.ContainsKey(r.Id) ? r : Dangling(r, "official", _officials.Keys),
            RefTarget.Event => _events.ContainsKey(r.Id) ? r : Dangling(r, "event", _events.Keys),
            RefTarget.Actor => _officials.ContainsKey(r.Id) ? r with { Target = RefTarget.Official }
                : _organizations.ContainsKey(r.Id) ? r with { Target = RefTarget.Organization }
                : Dangling(r, "official or organization", Concat(_officials.Keys, _organizations.Keys)),
            RefTarget.Party => IsCountry(r.Id) ? r
                : _organizations.ContainsKey(r.Id) ? r with { Target = RefTarget.Organization }
                : Dangling(r, "organization (or country code)", _organizations.Keys),
            _ => null,
        };
        if (result is { As: { } asTitle } resolved && !_titles.ContainsKey(asTitle.Value))
        {
            Dangling(new FactRef(asTitle.Value, RefTarget.Title, asTitle.Location, null), "title", _titles.Keys);
            result = resolved with { As = null };
        }
        return result;
    }

    public static bool IsCountry(string id) => id.Length == 2 && id[0] >= 'A' && id[0] <= 'Z';

    private static IEnumerable<string> Concat(IEnumerable<string> a, IEnumerable<string> b)
    {
        foreach (string s in a) yield return s;
        foreach (string s in b) yield return s;
    }

    private FactRef? Dangling(FactRef r, string what, IEnumerable<string> candidates)
    {
        string? suggestion = FactSchema.Closest(r.Id, candidates, _suggestions);
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.DanglingReference, r.Location, r.Id, what,
            suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
        return null;
    }
}
