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
    private readonly Dictionary<string, LinkedSource> _sources = new(StringComparer.Ordinal);
    // Filled by Define (sized to the kind's facts) before any reference is resolved against them.
    private Dictionary<string, Linked<OrganizationFact>> _organizations = null!;
    private Dictionary<string, Linked<TitleFact>> _titles = null!;
    private Dictionary<string, Linked<OfficialFact>> _officials = null!;
    private Dictionary<string, Linked<EventFact>> _events = null!;

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

        // 1. Definitions: first definition wins (files in path order), later duplicates are reported. Each kind's
        // table of linked facts by id is filled here; the references below resolve against them.
        var sourceList = Define(files, f => f.Sources, s => s.Header, "Sources", "Source", out _);
        var orgList = Define(files, f => f.Organizations, s => s.Header, "Organizations", "Organization", out _organizations);
        var titleList = Define(files, f => f.Titles, s => s.Header, "Titles", "Title", out _titles);
        var officialList = Define(files, f => f.Officials, s => s.Header, "Officials", "Official", out _officials);
        var eventList = Define(files, f => f.Events, s => s.Header, "Events", "Event", out _events);
        var agreementList = Define(files, f => f.Agreements, s => s.Header, "Agreements", "Agreement", out _);
        var quoteList = Define(files, f => f.Quotes, s => s.Header, "Quotes", "Quote", out _);

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

        // 2. References: resolve, report and remove dangling ones. Each fact is kept as it is (the same instance)
        // unless a reference of it changed: see Resolve.
        var sources = new List<LinkedSource>(_sources.Count);
        foreach (var s in _sources.Values)
        {
            bool changed = false;
            FactHeader h = Header(s.Fact.Header, ref changed);
            sources.Add(changed ? s with { Fact = s.Fact with { Header = h } } : s);
        }
        var organizations = new List<Linked<OrganizationFact>>(orgList.Count);
        foreach (var o in orgList)
        {
            bool changed = false;
            FactHeader h = Header(o.Fact.Header, ref changed);
            organizations.Add(changed ? o with { Fact = o.Fact with { Header = h } } : o);
        }
        var titles = new List<Linked<TitleFact>>(titleList.Count);
        foreach (var t in titleList)
        {
            bool changed = false;
            FactHeader h = Header(t.Fact.Header, ref changed);
            FactRef? organization = Optional(t.Fact.Organization, ref changed);
            titles.Add(changed ? t with { Fact = t.Fact with { Header = h, Organization = organization } } : t);
        }
        var officials = new List<Linked<OfficialFact>>(officialList.Count);
        foreach (var o in officialList)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            EquatableArray<PositionFact> parsed = o.Fact.Positions;
            List<PositionFact>? positions = null; // made only when a position changes or is dropped
            for (int i = 0; i < parsed.Count; i++)
            {
                PositionFact p = parsed[i];
                bool changed = false;
                PositionFact? kept = null;
                if (Optional(p.Title, ref changed) is { } title)
                {
                    Provenance provenance = Prov(p.Provenance, ref changed);
                    kept = changed ? p with { Title = title, Provenance = provenance } : p;
                }
                if (positions is null)
                {
                    if (ReferenceEquals(kept, p)) continue;
                    positions = new List<PositionFact>(parsed.Count);
                    for (int j = 0; j < i; j++) positions.Add(parsed[j]);
                }
                if (kept is not null) positions.Add(kept);
            }
            bool headerChanged = false;
            FactHeader header = Header(o.Fact.Header, ref headerChanged);
            officials.Add(positions is null && !headerChanged
                ? o
                : o with { Fact = o.Fact with { Header = header, Positions = positions is null ? parsed : EquatableArray.From(positions) } });
        }
        var events = new List<Linked<EventFact>>(eventList.Count);
        foreach (var e in eventList)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            bool changed = false;
            FactHeader header = Header(e.Fact.Header, ref changed);
            EquatableArray<FactRef> participants = Many(e.Fact.Participants, ref changed);
            FactRef? partOf = Optional(e.Fact.PartOf, ref changed);
            events.Add(changed ? e with { Fact = e.Fact with { Header = header, Participants = participants, PartOf = partOf } } : e);
        }
        var agreements = new List<Linked<AgreementFact>>(agreementList.Count);
        foreach (var a in agreementList)
        {
            bool changed = false;
            FactHeader header = Header(a.Fact.Header, ref changed);
            EquatableArray<FactRef> parties = Many(a.Fact.Parties, ref changed), negotiators = Many(a.Fact.Negotiators, ref changed);
            FactRef? ev = Optional(a.Fact.Event, ref changed);
            agreements.Add(changed ? a with { Fact = a.Fact with { Header = header, Parties = parties, Negotiators = negotiators, Event = ev } } : a);
        }
        var quotes = new List<Linked<QuoteFact>>(quoteList.Count);
        foreach (var q in quoteList)
        {
            bool changed = false;
            if (Optional(q.Fact.Speaker, ref changed) is not { } speaker) continue; // a quote without a speaker cannot be generated; FG0006 says why
            FactHeader header = Header(q.Fact.Header, ref changed);
            FactRef? ev = Optional(q.Fact.Event, ref changed);
            quotes.Add(changed ? q with { Fact = q.Fact with { Header = header, Speaker = speaker, Event = ev } } : q);
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

    private List<Linked<T>> Define<T>(List<FactFile> files, Func<FactFile, EquatableArray<T>> select, Func<T, FactHeader> header, string className, string kind,
        out Dictionary<string, Linked<T>> byId)
        where T : class, IEquatable<T>
    {
        int count = 0;
        foreach (FactFile file in files) count += select(file).Count;
        byId = new Dictionary<string, Linked<T>>(count, StringComparer.Ordinal); // sized: no rehashing as it grows
        var byName = new Dictionary<string, T>(count, StringComparer.Ordinal);
        var result = new List<Linked<T>>(count);
        foreach (FactFile file in files)
        {
            foreach (T fact in select(file))
            {
                FactHeader h = header(fact);
                if (byId.TryGetValue(h.Id, out Linked<T>? firstFact))
                {
                    FactHeader first = header(firstFact.Fact);
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
                var linked = new Linked<T>(fact, Naming.Escape(name));
                byId.Add(h.Id, linked);
                byName.Add(name, fact);
                result.Add(linked);
            }
        }
        return result;
    }

    // Resolution returns the very instance it was given when nothing changes (the usual case; a header or a
    // reference, values, come back equal), so the linked model shares the parsed records instead of copying
    // every fact: less to allocate and compare.

    private FactHeader Header(FactHeader header, ref bool changed)
    {
        Provenance provenance = Prov(header.Provenance, ref changed);
        return ReferenceEquals(provenance, header.Provenance) ? header : header with { Provenance = provenance };
    }

    private Provenance Prov(Provenance provenance, ref bool changed)
    {
        EquatableArray<FactRef> sources = Many(provenance.Sources, ref changed);
        return sources.SameItems(provenance.Sources) ? provenance : provenance with { Sources = sources };
    }

    /// <summary>Resolves a list of references; the same array when none changed, else sets <paramref name="changed"/>.</summary>
    private EquatableArray<FactRef> Many(EquatableArray<FactRef> refs, ref bool changed)
    {
        ReadOnlySpan<FactRef> all = refs.AsSpan();
        FactRef[]? kept = null;
        int count = 0;
        for (int i = 0; i < all.Length; i++)
        {
            Resolution how = Resolve(all[i], out FactRef resolved);
            if (kept is null)
            {
                if (how == Resolution.Same) continue;
                kept = new FactRef[all.Length];
                all.Slice(0, i).CopyTo(kept);
                count = i;
            }
            if (how == Resolution.Same) kept[count++] = all[i];
            else if (how == Resolution.Changed) kept[count++] = resolved;
        }
        if (kept is null) return refs;
        changed = true;
        if (count == 0) return EquatableArray<FactRef>.Empty;
        if (count < kept.Length) Array.Resize(ref kept, count);
        return new EquatableArray<FactRef>(kept);
    }

    /// <summary>Resolves an optional reference: it, its resolved form, or null after FG0006 (both set <paramref name="changed"/>).</summary>
    private FactRef? Optional(FactRef? reference, ref bool changed)
    {
        if (reference is not { } r) return null;
        switch (Resolve(r, out FactRef resolved))
        {
            case Resolution.Same:
                return reference;
            case Resolution.Changed:
                changed = true;
                return resolved;
            default:
                changed = true;
                return null;
        }
    }

    private enum Resolution
    {
        /// <summary>It names a fact of its kind, as it is: the reference is kept unchanged (the usual case).</summary>
        Same,

        /// <summary>An actor or party pinned to the kind it names, or its dangling <c>as</c> title dropped.</summary>
        Changed,

        /// <summary>It names no fact (FG0006 reported): the reference is removed.</summary>
        Dropped,
    }

    /// <summary>
    /// Resolves a reference: <see cref="Resolution.Same"/>, or <see cref="Resolution.Changed"/> with the resolved
    /// reference (actors pinned to official or organization), or <see cref="Resolution.Dropped"/> after FG0006. Takes the
    /// reference by <c>in</c> and copies it only when it changes: references are ~100-byte structs.
    /// </summary>
    private Resolution Resolve(in FactRef r, out FactRef resolved)
    {
        resolved = default;
        RefTarget target = r.Target;
        switch (r.Target)
        {
            case RefTarget.Source:
                if (!_sources.ContainsKey(r.Id)) return Dangling(r, "source", _sources.Keys);
                break;
            case RefTarget.Organization:
                if (!_organizations.ContainsKey(r.Id)) return Dangling(r, "organization", _organizations.Keys);
                break;
            case RefTarget.Title:
                if (!_titles.ContainsKey(r.Id)) return Dangling(r, "title", _titles.Keys);
                break;
            case RefTarget.Official:
                if (!_officials.ContainsKey(r.Id)) return Dangling(r, "official", _officials.Keys);
                break;
            case RefTarget.Event:
                if (!_events.ContainsKey(r.Id)) return Dangling(r, "event", _events.Keys);
                break;
            case RefTarget.Actor:
                if (_officials.ContainsKey(r.Id)) target = RefTarget.Official;
                else if (_organizations.ContainsKey(r.Id)) target = RefTarget.Organization;
                else return Dangling(r, "official or organization", Concat(_officials.Keys, _organizations.Keys));
                break;
            case RefTarget.Party:
                if (IsCountry(r.Id)) break;
                if (!_organizations.ContainsKey(r.Id)) return Dangling(r, "organization (or country code)", _organizations.Keys);
                target = RefTarget.Organization;
                break;
            default:
                return Resolution.Dropped;
        }
        bool asDangles = false;
        if (r.As is { } asTitle && !_titles.ContainsKey(asTitle.Value))
        {
            Dangling(new FactRef(asTitle.Value, RefTarget.Title, asTitle.Location, null), "title", _titles.Keys);
            asDangles = true;
        }
        if (target == r.Target && !asDangles) return Resolution.Same;
        resolved = asDangles ? r with { Target = target, As = null } : r with { Target = target };
        return Resolution.Changed;
    }

    public static bool IsCountry(string id) => id.Length == 2 && id[0] >= 'A' && id[0] <= 'Z';

    private static IEnumerable<string> Concat(IEnumerable<string> a, IEnumerable<string> b)
    {
        foreach (string s in a) yield return s;
        foreach (string s in b) yield return s;
    }

    private Resolution Dangling(in FactRef r, string what, IEnumerable<string> candidates)
    {
        string? suggestion = FactSchema.Closest(r.Id, candidates, _suggestions);
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.DanglingReference, r.Location, r.Id, what,
            suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
        return Resolution.Dropped;
    }
}
