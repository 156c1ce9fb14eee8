using System;
using System.Collections.Generic;
using System.Text;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>
/// What every emitted file shares, worked out once from the linked structure (<see cref="Structure"/>) and the
/// settings: each fact's index in its kind, the lookups, the generated file of each fact file (its hint name, its
/// chunk of values, the names its docs show) and each fact's value slots. The shared files (model, data, lookups) are
/// made from the plan alone; a fact file's own file from its <see cref="FileView"/> of the plan, the names it shows and
/// that file's parsed facts (<see cref="OwnFileInput"/>). An edit that leaves the structure as it was leaves the plan
/// equal, so only the edited file's own file is made again; one that changes the plan re-makes the own files whose view
/// changed.
/// </summary>
internal sealed class EmitPlan : IEquatable<EmitPlan>
{
    private EmitPlan(LinkedFacts facts, EmitSettings settings, long valueChars)
    {
        Facts = facts;
        Settings = settings;
        ValueChars = valueChars;
    }

    /// <summary>The linked facts, structure only: values are blank, locations are file starts.</summary>
    public LinkedFacts Facts { get; }

    public EmitSettings Settings { get; }

    /// <summary>An upper bound of the chars of all files' values (see <see cref="FileStructure.ValueBlocks"/>).</summary>
    public long ValueChars { get; }

    public Dictionary<string, int> SourceIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> OrganizationIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> TitleIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> OfficialIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> EventIndex { get; } = new(StringComparer.Ordinal);

    /// <summary>Per kind (by type name): the ids in generated order and their hash parameters.</summary>
    public Dictionary<string, (List<string> Ids, IdHash Hash)> Lookups { get; } = new(StringComparer.Ordinal);

    /// <summary>The fact files that have facts, in path order; the index is the file's chunk number.</summary>
    public List<PlannedFile> Files { get; } = new();

    public Dictionary<string, PlannedFile> FileByPath { get; } = new(StringComparer.Ordinal);

    /// <summary>Per kind, the first value slot of each fact; slot 0 is null, values run 1..<see cref="ValueSlotCount"/>.</summary>
    public int[][] Slots { get; } = new int[7][];

    public int ValueSlotCount { get; private set; }

    /// <summary>
    /// Each term of office's title index: officials in generated order, each official's terms in order (a term's place
    /// here is its position number in the data file). Official i's terms are at <see cref="PositionStarts"/>[i] up to
    /// [i + 1]. Resolved once for the shown names, the reverse links and the rows, which each looked the ids up.
    /// </summary>
    public int[] PositionTitles { get; private set; } = Array.Empty<int>();

    /// <summary>Where each official's terms start in <see cref="PositionTitles"/>, then one past the last.</summary>
    public int[] PositionStarts { get; private set; } = Array.Empty<int>();

    public int FactCount => Facts.Sources.Count + Facts.Organizations.Count + Facts.Titles.Count + Facts.Officials.Count
        + Facts.Events.Count + Facts.Agreements.Count + Facts.Quotes.Count;

    public static EmitPlan Create(LinkedFacts facts, long valueChars, EmitSettings settings)
    {
        var plan = new EmitPlan(facts, settings, valueChars);
        plan.Build();
        return plan;
    }

    private void Build()
    {
        Index(Facts.Sources, s => s.Fact.Header.Id, SourceIndex);
        Index(Facts.Organizations, s => s.Fact.Header.Id, OrganizationIndex);
        Index(Facts.Titles, s => s.Fact.Header.Id, TitleIndex);
        Index(Facts.Officials, s => s.Fact.Header.Id, OfficialIndex);
        Index(Facts.Events, s => s.Fact.Header.Id, EventIndex);

        Lookup("Source", Facts.Sources, s => s.Fact.Header.Id);
        Lookup("Organization", Facts.Organizations, s => s.Fact.Header.Id);
        Lookup("Title", Facts.Titles, s => s.Fact.Header.Id);
        Lookup("Official", Facts.Officials, s => s.Fact.Header.Id);
        Lookup("Event", Facts.Events, s => s.Fact.Header.Id);
        Lookup("Agreement", Facts.Agreements, s => s.Fact.Header.Id);
        Lookup("Quote", Facts.Quotes, s => s.Fact.Header.Id);

        Positions();

        // Each fact file's facts, kind by kind in generated order: the order of its chunk's values.
        var byPath = new Dictionary<string, List<(FactKind, int)>>(StringComparer.Ordinal); // hashed: paths share long prefixes
        Group(byPath, Facts.Sources, FactKind.Source, s => s.Fact.Header);
        Group(byPath, Facts.Organizations, FactKind.Organization, o => o.Fact.Header);
        Group(byPath, Facts.Titles, FactKind.Title, t => t.Fact.Header);
        Group(byPath, Facts.Officials, FactKind.Official, o => o.Fact.Header);
        Group(byPath, Facts.Events, FactKind.Event, e => e.Fact.Header);
        Group(byPath, Facts.Agreements, FactKind.Agreement, a => a.Fact.Header);
        Group(byPath, Facts.Quotes, FactKind.Quote, q => q.Fact.Header);

        var usedHints = new HashSet<string>(Emitter.SharedHintNames, StringComparer.OrdinalIgnoreCase);
        Slots[(int)FactKind.Source] = new int[Facts.Sources.Count];
        Slots[(int)FactKind.Organization] = new int[Facts.Organizations.Count];
        Slots[(int)FactKind.Title] = new int[Facts.Titles.Count];
        Slots[(int)FactKind.Official] = new int[Facts.Officials.Count];
        Slots[(int)FactKind.Event] = new int[Facts.Events.Count];
        Slots[(int)FactKind.Agreement] = new int[Facts.Agreements.Count];
        Slots[(int)FactKind.Quote] = new int[Facts.Quotes.Count];
        int slot = 1;
        var seen = new int[NameCount];
        var paths = new List<string>(byPath.Keys);
        paths.Sort(string.CompareOrdinal);
        foreach (string path in paths)
        {
            List<(FactKind, int)> facts = byPath[path];
            string hint = HintName(path, usedHints);
            var file = new PlannedFile(path, hint, Files.Count, facts, ShownNames(facts, seen, Files.Count + 1), FileView.Of(path, hint, Files.Count, facts, this));
            Files.Add(file);
            FileByPath.Add(file.Path, file);
            foreach (var (kind, index) in facts)
            {
                Slots[(int)kind][index] = slot;
                slot += ValueSlots.Count(kind);
            }
        }
        ValueSlotCount = slot - 1;
    }

    /// <summary>How many facts have a name (sources, organizations, titles, officials): the length of the <see cref="NameTable"/>.</summary>
    public int NameCount => Facts.Sources.Count + Facts.Organizations.Count + Facts.Titles.Count + Facts.Officials.Count;

    /// <summary>
    /// The place of a fact's name in the <see cref="NameTable"/>: sources' titles, then organizations', titles' and
    /// officials' names, each kind in generated order. Only these four kinds have names other facts show.
    /// </summary>
    public int NameKey(FactKind kind, int index) => kind switch
    {
        FactKind.Source => index,
        FactKind.Organization => Facts.Sources.Count + index,
        FactKind.Title => Facts.Sources.Count + Facts.Organizations.Count + index,
        FactKind.Official => Facts.Sources.Count + Facts.Organizations.Count + Facts.Titles.Count + index,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "only sources, organizations, titles and officials have names"),
    };

    /// <summary>The kind and id of the fact whose name is at <paramref name="key"/> (see <see cref="NameKey"/>).</summary>
    public (FactKind Kind, string Id) NamedFactAt(int key)
    {
        if (key < Facts.Sources.Count) return (FactKind.Source, Facts.Sources[key].Fact.Header.Id);
        key -= Facts.Sources.Count;
        if (key < Facts.Organizations.Count) return (FactKind.Organization, Facts.Organizations[key].Fact.Header.Id);
        key -= Facts.Organizations.Count;
        if (key < Facts.Titles.Count) return (FactKind.Title, Facts.Titles[key].Fact.Header.Id);
        key -= Facts.Titles.Count;
        return (FactKind.Official, Facts.Officials[key].Fact.Header.Id);
    }

    /// <summary>
    /// The names a fact file's docs show (their <see cref="NameKey"/>s, sorted, each once): its own facts' names, the titles
    /// of the sources its facts cite, the organization of each of its titles, the title of each term of its officials, the
    /// speaker of each of its quotes. This is every name <see cref="FileEmitter"/>'s docs read (it can read no other: it is
    /// given these alone), so a rename makes again only the files that show the name.
    /// </summary>
    /// <param name="facts">The file's facts.</param>
    /// <param name="seen">Per name key, the <paramref name="stamp"/> of the last file that showed it (shared by the files, so each key is taken once per file without a set).</param>
    /// <param name="stamp">This file's number in <paramref name="seen"/>, unique among the files.</param>
    private int[] ShownNames(List<(FactKind Kind, int Index)> facts, int[] seen, int stamp)
    {
        var keys = new List<int>(facts.Count + 8);
        void Add(int key)
        {
            if (seen[key] == stamp) return;
            seen[key] = stamp;
            keys.Add(key);
        }
        string? lastSource = null;
        int lastSourceKey = 0;
        void Sources(FactHeader header)
        {
            foreach (FactRef r in header.Provenance.Sources.AsSpan())
            {
                // most facts of a file cite the same source or two: skip the lookup when the id is the last one's
                if (!ReferenceEquals(r.Id, lastSource))
                {
                    lastSource = r.Id;
                    lastSourceKey = NameKey(FactKind.Source, SourceIndex[r.Id]);
                }
                Add(lastSourceKey);
            }
        }
        foreach (var (kind, index) in facts)
        {
            switch (kind)
            {
                case FactKind.Source:
                    Add(NameKey(kind, index));
                    Sources(Facts.Sources[index].Fact.Header);
                    break;
                case FactKind.Organization:
                    Add(NameKey(kind, index));
                    Sources(Facts.Organizations[index].Fact.Header);
                    break;
                case FactKind.Title:
                    TitleFact title = Facts.Titles[index].Fact;
                    Add(NameKey(kind, index));
                    if (title.Organization is { } org) Add(NameKey(FactKind.Organization, OrganizationIndex[org.Id]));
                    Sources(title.Header);
                    break;
                case FactKind.Official:
                    OfficialFact official = Facts.Officials[index].Fact;
                    Add(NameKey(kind, index));
                    for (int k = PositionStarts[index]; k < PositionStarts[index + 1]; k++) Add(NameKey(FactKind.Title, PositionTitles[k]));
                    Sources(official.Header);
                    break;
                case FactKind.Event:
                    Sources(Facts.Events[index].Fact.Header);
                    break;
                case FactKind.Agreement:
                    Sources(Facts.Agreements[index].Fact.Header);
                    break;
                default:
                    QuoteFact quote = Facts.Quotes[index].Fact;
                    Add(quote.Speaker.Target == RefTarget.Official
                        ? NameKey(FactKind.Official, OfficialIndex[quote.Speaker.Id])
                        : NameKey(FactKind.Organization, OrganizationIndex[quote.Speaker.Id]));
                    Sources(quote.Header);
                    break;
            }
        }
        int[] result = keys.ToArray();
        Array.Sort(result);
        return result;
    }

    private void Positions()
    {
        var starts = new int[Facts.Officials.Count + 1];
        var titles = new List<int>(Facts.Officials.Count * 3);
        for (int i = 0; i < Facts.Officials.Count; i++)
        {
            starts[i] = titles.Count;
            foreach (PositionFact p in Facts.Officials[i].Fact.Positions.AsSpan()) titles.Add(TitleIndex[p.Title.Id]);
        }
        starts[starts.Length - 1] = titles.Count;
        PositionStarts = starts;
        PositionTitles = titles.ToArray();
    }

    private static void Index<T>(EquatableArray<T> items, Func<T, string> id, Dictionary<string, int> index) where T : IEquatable<T>
    {
        for (int i = 0; i < items.Count; i++) index[id(items[i])] = i;
    }

    private void Lookup<T>(string type, EquatableArray<T> items, Func<T, string> id) where T : IEquatable<T>
    {
        var ids = new List<string>(items.Count);
        foreach (T item in items) ids.Add(id(item));
        Lookups.Add(type, (ids, IdHash.For(ids)));
    }

    private static void Group<T>(Dictionary<string, List<(FactKind, int)>> byPath, EquatableArray<T> items, FactKind kind, Func<T, FactHeader> header)
        where T : IEquatable<T>
    {
        for (int i = 0; i < items.Count; i++)
        {
            string path = header(items[i]).Location.Path;
            if (!byPath.TryGetValue(path, out var list)) byPath.Add(path, list = new List<(FactKind, int)>());
            list.Add((kind, i));
        }
    }

    /// <summary>The path as the generated files show it: relative to the project (or the folder above it).</summary>
    public string RelativePath(string path)
    {
        string p = PathUtil.Normalize(path);
        if (Settings.ProjectDirectory is { Length: > 0 } dir)
        {
            string d = PathUtil.Normalize(dir).TrimEnd('/') + "/";
            if (p.StartsWith(d, StringComparison.Ordinal)) return p.Substring(d.Length);
            // facts outside the project folder (../facts): keep the path relative to the folder above
            string parent = PathUtil.Directory(d.TrimEnd('/'));
            if (parent.Length > 0 && p.StartsWith(parent + "/", StringComparison.Ordinal)) return p.Substring(parent.Length + 1);
        }
        int cut = p.LastIndexOf('/');
        return cut < 0 ? p : p.Substring(cut + 1);
    }

    private string HintName(string path, HashSet<string> used)
    {
        string rel = RelativePath(path);
        var sb = new StringBuilder(rel.Length + 8);
        foreach (char c in rel)
        {
            sb.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '-' ? c : '_');
        }
        string stem = sb.ToString().Trim('.');
        string hint = stem + ".g.cs";
        for (int n = 2; !used.Add(hint); n++) hint = stem + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        return hint;
    }

    // Everything else is worked out from these three, so they decide equality.
    public bool Equals(EmitPlan? other)
        => other is not null && (ReferenceEquals(this, other) || (ValueChars == other.ValueChars && Settings.Equals(other.Settings) && Facts.Equals(other.Facts)));

    public override bool Equals(object? obj) => Equals(obj as EmitPlan);

    public override int GetHashCode() => Settings.GetHashCode() ^ ValueChars.GetHashCode(); // cheap; equality decides
}

/// <summary>
/// A fact file with facts: its generated file's hint name, its chunk number, its facts (kind, index) in chunk order, the
/// <see cref="EmitPlan.NameKey"/>s of the names its docs show, sorted, and its view of the plan (made once per plan, so
/// an edit that leaves the plan as it was, a rename, hands every file the same view instance).
/// </summary>
internal sealed record PlannedFile(string Path, string HintName, int Chunk, List<(FactKind Kind, int Index)> Facts, int[] ShownNames, FileView View);
