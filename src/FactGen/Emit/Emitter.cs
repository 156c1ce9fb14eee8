using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>
/// Emit step: <see cref="LinkedFacts"/> → C# sources. The shape keeps compile and first-access time flat
/// as facts grow: the data lives in string literals decoded by fixed loops, in three parts read at three
/// moments — ids, names, rows and lookup tables at first access; the lists, terms of office and the strings
/// only they name on the first use of a list; each fact file's values on the first read of a value. Each
/// fact's member is a one-line accessor into the decoded array; lookups use a hash table computed here at
/// build time. Output is byte-identical for the same facts.
/// </summary>
internal sealed class Emitter
{
    public static readonly string Version = typeof(Emitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// From this many facts the loader's methods are compiled optimized at once (AggressiveOptimization); below it
    /// tier-0 code finishes first. Measured again with the two-part loader (`startup 9`, fresh processes, 2026-11-30):
    /// 4000/40 (8,600 facts) is even, 13.7 ms either way; 10000/100 takes 25.2 ms optimized vs 28.6 ms; 1000/10 takes
    /// 7.7 ms at tier 0 vs 9.6 ms optimized.
    /// </summary>
    internal const int OptimizeLoaderFrom = 8000;

    /// <summary>From this many chars of text and tables together the tables are a UTF-8 literal (with C# 11).</summary>
    internal const int Utf8IntsFrom = 6_000_000;

    private readonly EmitPlan _plan;
    private readonly LinkedFacts _facts;
    private readonly EmitSettings _settings;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, int> _sourceIndex;
    private readonly Dictionary<string, int> _orgIndex;
    private readonly Dictionary<string, int> _titleIndex;
    private readonly Dictionary<string, int> _officialIndex;
    private readonly Dictionary<string, int> _eventIndex;
    private readonly DataTables _data;

    private Emitter(EmitPlan plan, CancellationToken cancellationToken)
    {
        _plan = plan;
        _facts = plan.Facts;
        _settings = plan.Settings;
        _cancellationToken = cancellationToken;
        _sourceIndex = plan.SourceIndex;
        _orgIndex = plan.OrganizationIndex;
        _titleIndex = plan.TitleIndex;
        _officialIndex = plan.OfficialIndex;
        _eventIndex = plan.EventIndex;
        _data = new DataTables();
    }

    private string Ns => "global::" + _settings.Namespace;

    private string GeneratedCode => "[global::System.CodeDom.Compiler.GeneratedCode(\"FactGen\", \"" + Version + "\")]";

    /// <summary>Emits the files every fact file shares: the model types, the data tables and loader, the lookups (not the names: <see cref="EmitNames"/>; each fact file's own file: <see cref="FileEmitter"/>).</summary>
    public static List<GeneratedFile> EmitShared(EmitPlan plan, CancellationToken cancellationToken)
    {
        var emitter = new Emitter(plan, cancellationToken);
        return new List<GeneratedFile>
        {
            new(ModelHintName, emitter.ModelSource()),
            new(DataHintName, emitter.DataSource()),
            new(KindsHintName, emitter.KindsSource()),
        };
    }

    /// <summary>
    /// Emits the names file: every linked fact's name in <see cref="EmitPlan.NameKey"/> order, as one chunk the loader reads
    /// at first access (Fact.Name and the like). Made from the names alone, so a rename makes it again without the data file.
    /// </summary>
    public static GeneratedFile EmitNames(NameTable table, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int chars = 0;
        foreach (string name in table.Names.AsSpan()) chars += name.Length + 2;
        var w = new SourceWriter(1024 + chars);
        Header(w);
        w.Open("namespace " + table.Settings.Namespace);
        w.Line("static partial class FactData");
        w.Line("{");
        w.Line("    // Sources' titles, then organizations', titles' and officials' names, each kind in the order of its array, as a");
        w.Line("    // chunk of values (see Values in FactGen.Data.g.cs): read by the loader at first access.");
        w.Start().Append("    private const string Names = \"");
        Chunk(w, table.Names);
        w.Append("\";").EndLine();
        w.Line("}");
        w.Close();
        return new GeneratedFile(NamesHintName, w.ToString());
    }

    /// <summary>The names file's hint name (see <see cref="EmitNames"/>).</summary>
    public const string NamesHintName = "FactGen.Names.g.cs";

    public const string ModelHintName = "FactGen.Model.g.cs";

    public const string DataHintName = "FactGen.Data.g.cs";

    public const string KindsHintName = "FactGen.Kinds.g.cs";

    /// <summary>The hint names of the files every fact file shares; no fact file's own file may take one.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> SharedHintNames = System.Collections.Immutable.ImmutableArray.Create(ModelHintName, DataHintName, KindsHintName, NamesHintName, Terms.HintName, Dates.HintName);

    private int[] HashTable(string type) => DataTables.HashTable(_plan.Lookups[type].Ids, _plan.Lookups[type].Hash);

    private string ModelSource()
    {
        using Stream stream = typeof(Emitter).Assembly.GetManifestResourceStream("FactGen.Emit.Templates.Model.cs")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n")
            .Replace("__NAMESPACE__", _settings.Namespace)
            .Replace("__VISIBILITY__", _settings.Visibility)
            .Replace("__VERSION__", Version);
    }

    // ---- data -----------------------------------------------------------------------------------

    /// <summary>
    /// The columns every row starts with: id, sources, and the fact's first value slot (its values, see
    /// <see cref="ValueSlots"/>, are read from its file's chunk on first use).
    /// </summary>
    private void CommonRow(List<int> row, FactHeader header, FactKind kind, int index)
    {
        row.Add(_data.String(header.Id));
        row.Add(SourceList(header.Provenance));
        row.Add(_plan.Slots[(int)kind][index]);
    }

    // A fact's lists are built in these and copied into the list table (DataTables.List), one at a time: one list for
    // a fact's sources, which are listed while another of its lists is being built (its terms), one for the others.
    private readonly List<int> _sourceItems = new();
    private readonly List<int> _items = new();

    private static List<int> Cleared(List<int> list)
    {
        list.Clear();
        return list;
    }

    private int SourceList(Provenance provenance)
    {
        if (provenance.Sources.Count == 0) return 0; // the empty list
        List<int> items = Cleared(_sourceItems);
        foreach (FactRef r in provenance.Sources) items.Add(_sourceIndex[r.Id]);
        return _data.List(items);
    }

    private int ActorCode(FactRef r) => r.Target == RefTarget.Official ? _officialIndex[r.Id] * 2 : (_orgIndex[r.Id] * 2) + 1;

    private int AsCode(FactRef r) => r.As is { } title ? _titleIndex[title.Value] + 1 : 0;

    /// <summary>
    /// The reverse links (an official's events, quotes and agreements; an organization's too, and its titles; an
    /// event's parts, agreements and quotes; a title's terms), worked out here so the generated code only copies
    /// them: in the order of the facts that make them, each item once.
    /// </summary>
    private Reverse ReverseLinks()
    {
        var reverse = new Reverse(_facts.Officials.Count, _facts.Organizations.Count, _facts.Titles.Count, _facts.Events.Count);
        int ActorKey(FactRef r) => r.Target == RefTarget.Official ? _officialIndex[r.Id] : reverse.OrganizationKey(_orgIndex[r.Id]);
        int[] positionTitles = _plan.PositionTitles; // a term's place there is its position number
        for (int position = 0; position < positionTitles.Length; position++) reverse.Terms.Add(positionTitles[position], position);
        for (int i = 0; i < _facts.Titles.Count; i++)
        {
            if (_facts.Titles[i].Fact.Organization is { } org) reverse.TitlesOf.Add(_orgIndex[org.Id], i);
        }
        for (int i = 0; i < _facts.Events.Count; i++)
        {
            EventFact f = _facts.Events[i].Fact;
            foreach (FactRef r in f.Participants)
            {
                int key = ActorKey(r);
                reverse.ParticipantKeys.Add(key);
                reverse.EventsOf.Add(key, i);
            }
            if (f.PartOf is { } partOf) reverse.Parts.Add(_eventIndex[partOf.Id], i);
        }
        for (int i = 0; i < _facts.Agreements.Count; i++)
        {
            AgreementFact f = _facts.Agreements[i].Fact;
            foreach (FactRef r in f.Parties)
            {
                if (r.Target == RefTarget.Organization) reverse.AgreementsOf.Add(reverse.OrganizationKey(_orgIndex[r.Id]), i);
            }
            foreach (FactRef r in f.Negotiators) reverse.AgreementsOf.Add(_officialIndex[r.Id], i);
            if (f.Event is { } ev) reverse.AgreementsOf.Add(reverse.EventKey(_eventIndex[ev.Id]), i);
        }
        for (int i = 0; i < _facts.Quotes.Count; i++)
        {
            QuoteFact f = _facts.Quotes[i].Fact;
            reverse.QuotesOf.Add(ActorKey(f.Speaker), i);
            if (f.Event is { } ev) reverse.QuotesOf.Add(reverse.EventKey(_eventIndex[ev.Id]), i);
        }
        return reverse;
    }

    private string DataSource()
    {
        var reverse = ReverseLinks();
        var sources = new List<int>();
        for (int j = 0; j < _facts.Sources.Count; j++)
        {
            var s = _facts.Sources[j];
            CommonRow(sources, s.Fact.Header, FactKind.Source, j);
            sources.Add(_data.String(s.Fact.File.Value));
            sources.Add(s.Fact.Published.Value.Packed);
        }
        var orgs = new List<int>();
        for (int j = 0; j < _facts.Organizations.Count; j++)
        {
            var o = _facts.Organizations[j];
            CommonRow(orgs, o.Fact.Header, FactKind.Organization, j);
            orgs.Add(_data.List(reverse.EventsOf.Of(reverse.OrganizationKey(j))));
            orgs.Add(_data.List(reverse.QuotesOf.Of(reverse.OrganizationKey(j))));
            orgs.Add(_data.List(reverse.AgreementsOf.Of(reverse.OrganizationKey(j))));
            orgs.Add(_data.List(reverse.TitlesOf.Of(j)));
        }

        var titles = new List<int>();
        for (int j = 0; j < _facts.Titles.Count; j++)
        {
            var t = _facts.Titles[j];
            CommonRow(titles, t.Fact.Header, FactKind.Title, j);
            titles.Add(t.Fact.Organization is { } org ? _orgIndex[org.Id] + 1 : 0);
            titles.Add(t.Fact.OneHolder ? 1 : 0);
            titles.Add(_data.List(reverse.Terms.Of(j)));
        }
        var officials = new List<int>();
        var positions = new List<int>();
        int positionCount = 0;
        for (int i = 0; i < _facts.Officials.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            OfficialFact o = _facts.Officials[i].Fact;
            CommonRow(officials, o.Header, FactKind.Official, i);
            List<int> mine = Cleared(_items);
            foreach (PositionFact p in o.Positions)
            {
                int at = positionCount++;
                mine.Add(at);
                positions.Add(i);
                positions.Add(_plan.PositionTitles[at]);
                positions.Add(SourceList(p.Provenance)); // its dates, evidence and note are in the terms file (see Terms)
            }
            officials.Add(_data.List(mine));
            List<int> aliases = Cleared(_items);
            foreach (string a in o.Aliases) aliases.Add(_data.ListStrings.String(a));
            officials.Add(_data.List(aliases));
            officials.Add(_data.List(reverse.EventsOf.Of(i)));
            officials.Add(_data.List(reverse.QuotesOf.Of(i)));
            officials.Add(_data.List(reverse.AgreementsOf.Of(i)));
        }
        var events = new List<int>();
        int participant = 0; // the events' participants one after another, as ReverseLinks resolved them
        for (int j = 0; j < _facts.Events.Count; j++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            EventFact f = _facts.Events[j].Fact;
            CommonRow(events, f.Header, FactKind.Event, j);
            events.Add(Array.IndexOf(Parsing.FactSchema.EventKinds, f.Kind)); // its dates are in the dates file (see Dates)
            List<int> participants = Cleared(_items);
            foreach (FactRef r in f.Participants)
            {
                participants.Add(reverse.ActorCode(reverse.ParticipantKeys[participant++]));
                participants.Add(AsCode(r));
            }
            events.Add(_data.List(participants));
            events.Add(f.PartOf is { } partOf ? _eventIndex[partOf.Id] + 1 : 0);
            events.Add(_data.List(reverse.Parts.Of(j)));
            events.Add(_data.List(reverse.AgreementsOf.Of(reverse.EventKey(j))));
            events.Add(_data.List(reverse.QuotesOf.Of(reverse.EventKey(j))));
        }
        var agreements = new List<int>();
        for (int j = 0; j < _facts.Agreements.Count; j++)
        {
            AgreementFact f = _facts.Agreements[j].Fact;
            CommonRow(agreements, f.Header, FactKind.Agreement, j);
            List<int> parties = Cleared(_items);
            foreach (FactRef r in f.Parties) parties.Add(r.Target == RefTarget.Organization ? (_orgIndex[r.Id] * 2) + 1 : _data.ListStrings.String(r.Id) * 2);
            agreements.Add(_data.List(parties));
            List<int> negotiators = Cleared(_items);
            foreach (FactRef r in f.Negotiators)
            {
                negotiators.Add(_officialIndex[r.Id] * 2);
                negotiators.Add(AsCode(r));
            }
            agreements.Add(_data.List(negotiators));
            agreements.Add(f.Event is { } ev ? _eventIndex[ev.Id] + 1 : 0);
        }
        var quotes = new List<int>();
        for (int j = 0; j < _facts.Quotes.Count; j++)
        {
            QuoteFact f = _facts.Quotes[j].Fact;
            CommonRow(quotes, f.Header, FactKind.Quote, j);
            quotes.Add(ActorCode(f.Speaker));
            quotes.Add(AsCode(f.Speaker));
            quotes.Add(f.Event is { } ev ? _eventIndex[ev.Id] + 1 : 0);
        }

        // The int tables go into literals (Ints: what first access reads; ListInts: what the first use of a list reads),
        // decoded by fixed loops: a literal costs the compiler next to nothing, where an array initializer binds one
        // expression per element (2.3 s of compile time at 10,000 officials). The order here is the order the loader
        // decodes them in.
        var tables = new List<(string Name, IReadOnlyList<int> Values)>
        {
            ("ends", _data.Strings.Ends),
            ("sourceRows", sources),
            ("organizationRows", orgs),
            ("titleRows", titles),
            ("officialRows", officials),
            ("eventRows", events),
            ("agreementRows", agreements),
            ("quoteRows", quotes),
            ("SourceTable", HashTable("Source")),
            ("OrganizationTable", HashTable("Organization")),
            ("TitleTable", HashTable("Title")),
            ("OfficialTable", HashTable("Official")),
            ("EventTable", HashTable("Event")),
            ("AgreementTable", HashTable("Agreement")),
            ("QuoteTable", HashTable("Quote")),
            ("ChunkStarts", ChunkStarts()),
            ("FactStarts", FactStarts(out List<int> fileFacts)),
            ("FileFacts", fileFacts),
        };
        var listTables = new List<(string Name, IReadOnlyList<int> Values)>
        {
            ("ends", _data.ListStrings.Ends),
            ("Data", _data.Lists),
            ("positionRows", positions),
        };
        int EncodedLength(List<(string Name, IReadOnlyList<int> Values)> list, bool utf8)
        {
            int length = 0;
            foreach (var table in list) length += DataTables.EncodedLength(table.Values, utf8);
            return length;
        }
        int textLength = _data.Strings.Length + _data.ListStrings.Length;
        // Every string literal of an assembly shares one user-string heap of 16 MB (CS8103 beyond), about 8 million
        // chars. When text and tables come near that, and the consumer has C# 11, the tables become UTF-8 literals,
        // whose bytes sit in the assembly's data instead. Not sooner: the compiler takes longer over a large u8
        // literal (+0.5 s at 10,000 officials) than over a string constant.
        // The files' values are counted by an upper bound (their structures say how many 1K blocks they take), so a value edit
        // does not change this file.
        bool utf8Ints = _settings.Utf8Literals && (_settings.Utf8TablesAlways
            || textLength + EncodedLength(tables, false) + EncodedLength(listTables, false) + _plan.ValueChars >= Utf8IntsFrom);
        int intsLength = EncodedLength(tables, utf8Ints) + EncodedLength(listTables, utf8Ints);
        // sized for the whole file (a few escapes in the text aside): at 10,000 officials it is 2.5 million chars
        var w = new SourceWriter(64 * 1024 + textLength + (textLength / 16) + intsLength);
        Header(w);
        w.Open("namespace " + _settings.Namespace);
        w.Line("/// <summary>The decoded fact data behind the generated members. Not for direct use.</summary>");
        w.Line("[global::Microsoft.CodeAnalysis.EmbeddedAttribute]");
        w.Line(GeneratedCode);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open("internal static partial class FactData");
        Kinds(w, "Source", "Sources", _facts.Sources.Count);
        Kinds(w, "Organization", "Organizations", _facts.Organizations.Count);
        Kinds(w, "Title", "Titles", _facts.Titles.Count);
        Kinds(w, "Official", "Officials", _facts.Officials.Count);
        Kinds(w, "Event", "Events", _facts.Events.Count, chronological: true);
        Kinds(w, "Agreement", "Agreements", _facts.Agreements.Count, chronological: true);
        Kinds(w, "Quote", "Quotes", _facts.Quotes.Count, chronological: true);
        w.Line();
        foreach (string kind in new[] { "Source", "Organization", "Title", "Official", "Event", "Agreement", "Quote" })
        {
            w.Line("internal static readonly int[] " + kind + "Table;");
        }
        w.Line("private static readonly int[] ChunkStarts;");
        w.Line("private static readonly int[] FactStarts;");
        w.Line("private static readonly int[] FileFacts;");
        w.Line();
        Literals(w, "Text", "The strings first access needs (ids, sources' files; names are in FactGen.Names.g.cs, values in the fact files' chunks), each once, concatenated; string i spans ends[i - 1]..ends[i]; 0 is null.", _data.Strings,
            "Ints", "The int tables first access reads", tables, utf8Ints);
        w.Line();
        LoaderSource(w, tables, utf8Ints);
        w.Line();
        ListsSource(w, listTables, positions.Count / 3, utf8Ints);
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The first value slot of each fact file's chunk, in chunk order, then one past the last slot.</summary>
    private List<int> ChunkStarts()
    {
        var starts = new List<int>(_plan.Files.Count + 1);
        foreach (PlannedFile file in _plan.Files)
        {
            var (kind, index) = file.Facts[0];
            starts.Add(_plan.Slots[(int)kind][index]);
        }
        starts.Add(_plan.ValueSlotCount + 1);
        return starts;
    }

    /// <summary>
    /// Where each fact file's facts start in <paramref name="fileFacts"/>, in chunk order, then one past the last; and in
    /// <paramref name="fileFacts"/>, each file's facts' indexes in their kinds' arrays, in the file's chunk order. A fact's
    /// member reads it through these (<c>OfficialAt(chunk, at)</c>), so the fact files' own files do not hold the
    /// indexes, which an edit to another file can move.
    /// </summary>
    private List<int> FactStarts(out List<int> fileFacts)
    {
        var starts = new List<int>(_plan.Files.Count + 1);
        fileFacts = new List<int>(_plan.FactCount);
        foreach (PlannedFile file in _plan.Files)
        {
            starts.Add(fileFacts.Count);
            foreach (var (_, index) in file.Facts) fileFacts.Add(index);
        }
        starts.Add(fileFacts.Count);
        return starts;
    }

    /// <summary>A part's two literals: its strings (<paramref name="strings"/>) and its int tables, each with its comment.</summary>
    private static void Literals(SourceWriter w, string textName, string textComment, StringTable strings,
        string intsName, string intsWhat, List<(string Name, IReadOnlyList<int> Values)> tables, bool utf8)
    {
        w.Line("// " + textComment);
        w.Start().Append("private const string ").Append(textName).Append(" = ").AppendLiteral(strings.Text).Append(';').EndLine();
        w.Line("// " + intsWhat + ", one after another (see Decode).");
        w.Start().Append(utf8 ? "private static global::System.ReadOnlySpan<byte> " + intsName + " => \"" : "private const string " + intsName + " = \"")
            .Encoded(tables.ConvertAll(t => t.Values), utf8).Append(utf8 ? "\"u8;" : "\";").EndLine();
    }

    /// <summary>
    /// The statements that decode <paramref name="tables"/> from the literal <paramref name="literal"/>. The literal is named
    /// once: the JIT resolves every ldstr of a method when it compiles it, and each resolution of the same long string
    /// hashes and compares all of it again (one per table cost ~1 ms each at 10,000 officials).
    /// </summary>
    private static void DecodeCalls(SourceWriter w, string literal, List<(string Name, IReadOnlyList<int> Values)> tables, bool utf8)
    {
        w.Line(utf8 ? "    global::System.ReadOnlySpan<byte> data = " + literal + ";" : "    string data = " + literal + ";");
        w.Line("    int at = 0;");
        foreach (var (name, values) in tables)
        {
            w.Start().Append("    ").Append(char.IsUpper(name[0]) ? "" : "int[] ").Append(name).Append(" = Decode(data, ref at, ").Append(values.Count).Append(");").EndLine();
        }
    }

    /// <summary>
    /// The nested class <c>FactData.Lists</c>: the list table, the terms of office and the strings only lists name, decoded
    /// by its static constructor on the first use of any list — which the runtime runs once, whichever thread comes first.
    /// First access (every fact, id and name) never reads them. Its constructor reads the facts, never the other way round.
    /// </summary>
    private void ListsSource(SourceWriter w, List<(string Name, IReadOnlyList<int> Values)> tables, int positionCount, bool utf8Ints)
    {
        string p = Ns + ".";
        w.Line("/// <summary>The lists, the terms of office and the strings only they name: read on the first use of any list.</summary>");
        w.Open("internal static class Lists");
        w.Line("internal static readonly int[] Data;");
        w.Line("internal static readonly " + p + "Position[] Positions = new " + p + "Position[" + positionCount + "];");
        w.Line("internal static readonly string?[] Strings;");
        w.Line();
        Literals(w, "ListText", "The strings of aliases and parties (country codes), as Text is.", _data.ListStrings,
            "ListInts", "The list tables", tables, utf8Ints);
        w.Line();
        w.Line("static Lists()");
        w.Line("{");
        DecodeCalls(w, "ListInts", tables, utf8Ints);
        string[] lines =
        {
            "    Strings = Split(ListText, ends);",
            "    Terms(positionRows);",
            "}",
            "",
            Optimize,
            "// The terms' links are here; their dates, evidence and notes in FactGen.Terms.g.cs (TermDates, TermValues).",
            "private static void Terms(int[] positionRows)",
            "{",
            "    global::System.ReadOnlySpan<int> r = positionRows;",
            "    var values = new string?[2 * Positions.Length];",
            "    Values(values, TermValues);",
            "    string dates = TermDates;",
            "    int p = 0;",
            "    for (int i = 0, k = 0; i < Positions.Length; i++, k += 3)",
            "    {",
            "        int from = Number(dates, ref p), to = Number(dates, ref p);",
            "        var position = new " + p + "Position(Officials[r[k]], Titles[r[k + 1]], from == 0 ? null : " + p + "FactDate.FromPacked(from), to == 0 ? null : " + p + "FactDate.FromPacked(to));",
            "        position.SourcesList = r[k + 2];",
            "        position.Evidence = values[2 * i];",
            "        position.Note = values[(2 * i) + 1];",
            "        Positions[i] = position;",
            "    }",
            "}",
        };
        foreach (string line in lines) w.Line(line);
        w.Close();
    }

    private static List<string> Ids<T>(EquatableArray<T> items, Func<T, string> id) where T : IEquatable<T>
    {
        var ids = new List<string>(items.Count);
        foreach (T item in items) ids.Add(id(item));
        return ids;
    }

    /// <summary>
    /// A kind's arrays: ids and facts in generated order (by id), and the view All returns. A chronological kind's view is
    /// over its facts in chronological order (ByDate), with each fact's place in it (Ranks), both set by Chronology.
    /// </summary>
    private void Kinds(SourceWriter w, string type, string plural, int count, bool chronological = false)
    {
        string array = Ns + "." + type + "[]";
        w.Line("internal static readonly string[] " + type + "Ids = new string[" + count + "];");
        w.Line("internal static readonly " + array + " " + plural + " = new " + Ns + "." + type + "[" + count + "];");
        if (chronological)
        {
            w.Line("internal static readonly " + array + " " + plural + "ByDate = new " + Ns + "." + type + "[" + count + "];");
            w.Line("internal static readonly int[] " + type + "Ranks = new int[" + count + "];");
        }
        w.Line("internal static readonly global::System.Collections.ObjectModel.ReadOnlyCollection<" + Ns + "." + type + "> " + plural + "View = new global::System.Collections.ObjectModel.ReadOnlyCollection<" + Ns + "." + type + ">(" + plural + (chronological ? "ByDate" : string.Empty) + ");");
    }

    /// <summary>
    /// The generated FactData.Number, which reads one number of a string literal as <see cref="DataTables.Encode(StringBuilder, int, bool)"/>
    /// writes it (tests compile it to check the two agree).
    /// </summary>
    internal static IEnumerable<string> NumberMethod()
    {
        yield return "/// <summary>Reads one number of a string literal at <paramref name=\"p\"/>: 14 bits a char, least significant first, U+4000 + d for the last digit, U+8000 + d before it.</summary>";
        yield return "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        yield return "private static int Number(string data, ref int p)";
        yield return "{";
        yield return "    unchecked";
        yield return "    {";
        yield return "        uint value = 0;";
        yield return "        int shift = 0, c;";
        yield return "        while ((c = data[p++]) >= 0x8000)";
        yield return "        {";
        yield return "            value |= (uint)(c - 0x8000) << shift;";
        yield return "            shift += 14;";
        yield return "        }";
        yield return "        return (int)(value | ((uint)(c - 0x4000) << shift));";
        yield return "    }";
        yield return "}";
    }

    private static string AtMethod(string p, string type, string plural)
        => "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] internal static "
            + p + type + " " + type + "At(int chunk, int at) => " + plural + "[FileFacts[FactStarts[chunk] + at]];";

    /// <summary>Stands in the loader's lines for <see cref="NumberMethod"/>'s.</summary>
    private const string NumberPlaceholder = "(number)";

    /// <summary>Stands in the loader's lines for the statements of <see cref="IdHash.Code"/>.</summary>
    private const string HashPlaceholder = "(hash)";

    /// <summary>Stands in the loader's lines for the calls that read each fact file's chunk of values.</summary>
    private const string ValuesPlaceholder = "(values)";

    /// <summary>
    /// The attribute of the loader's methods. Their loops run once, over every fact: with many facts AggressiveOptimization
    /// skips their tier-0 code (3× slower there); for a few hundred facts tier-0 code is done sooner. (They are split into a
    /// few methods because the optimizing JIT's time grows faster than a method's size.)
    /// </summary>
    private string Optimize => _plan.FactCount >= OptimizeLoaderFrom
        ? "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]"
        : "// (few facts: tier-0 code)";

    private void LoaderSource(SourceWriter w, List<(string Name, IReadOnlyList<int> Values)> tables, bool utf8Ints)
    {
        string p = Ns + ".";
        w.Line("static FactData()");
        w.Line("{");
        DecodeCalls(w, "Ints", tables, utf8Ints);
        string chunkCount = _plan.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string optimize = Optimize;
        string?[] lines =
        {
            "    string?[] s = Split(Text, ends);",
            "    var n = new string?[Sources.Length + Organizations.Length + Titles.Length + Officials.Length];",
            "    Values(n, Names);",
            "    int d = Create(s, n, sourceRows, organizationRows, titleRows, officialRows, eventRows, agreementRows, quoteRows);",
            "    Chronology(d);",
            "    Link(sourceRows, organizationRows, titleRows, officialRows, eventRows, agreementRows, quoteRows);",
            "}",
            "",
            "/// <summary>The strings of <paramref name=\"text\"/>: string i runs from ends[i - 1] to ends[i], and string 0 is null.</summary>",
            optimize,
            "private static string?[] Split(string text, int[] ends)",
            "{",
            "    var s = new string?[ends.Length];",
            "    for (int i = 1; i < ends.Length; i++) s[i] = text.Substring(ends[i - 1], ends[i] - ends[i - 1]);",
            "    return s;",
            "}",
            "",
            "// Each fact file's values, once read: chunk k holds the slots ChunkStarts[k]..ChunkStarts[k + 1].",
            "private static readonly string?[]?[] s_chunks = new string?[]?[" + chunkCount + "];",
            "private static readonly object ValuesLock = new object();",
            "",
            "/// <summary>The value in <paramref name=\"slot\"/> (see Fact.ValueSlot); the first read of a fact file's value reads that file's chunk.</summary>",
            "internal static string? Value(int slot)",
            "{",
            "    int[] starts = ChunkStarts;",
            "    int lo = 0, hi = starts.Length - 2;",
            "    while (lo < hi)",
            "    {",
            "        int mid = (lo + hi + 1) >> 1;",
            "        if (starts[mid] <= slot) lo = mid;",
            "        else hi = mid - 1;",
            "    }",
            "    string?[] values = global::System.Threading.Volatile.Read(ref s_chunks[lo]) ?? LoadChunk(lo);",
            "    return values[slot - starts[lo]];",
            "}",
            "",
            "// Not in the static constructor: values are most of the text, and the JIT loads every string literal a method names",
            "// when it compiles the method; so each file's chunk is named by its own method (ChunkN, in that file's generated file),",
            "// and a program loads the literals of the files whose values it reads, none if it reads none.",
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]",
            "private static string?[] LoadChunk(int chunk)",
            "{",
            "    lock (ValuesLock)",
            "    {",
            "        string?[]? values = s_chunks[chunk];",
            "        if (values is null)",
            "        {",
            "            values = new string?[ChunkStarts[chunk + 1] - ChunkStarts[chunk]];",
            "            Values(values, Chunk(chunk));",
            "            global::System.Threading.Volatile.Write(ref s_chunks[chunk], values);",
            "        }",
            "        return values;",
            "    }",
            "}",
            "",
            "private static string Chunk(int chunk)",
            "{",
            "    switch (chunk)",
            "    {",
            ValuesPlaceholder,
            "        default: throw new global::System.ArgumentOutOfRangeException(nameof(chunk));",
            "    }",
            "}",
            "",
            "/// <summary>",
            "/// Reads a fact file's chunk of values into <paramref name=\"s\"/>: per value a code (a number as Number reads it): 0 null,",
            "/// 2·length + 1 a new value whose chars follow, 2·distance the value that many slots back.",
            "/// </summary>",
            optimize,
            "private static void Values(string?[] s, string chunk)",
            "{",
            "    int p = 0, at = 0;",
            "    unchecked",
            "    {",
            "        while (p < chunk.Length)",
            "        {",
            "            int code = Number(chunk, ref p);",
            "            if ((code & 1) != 0)",
            "            {",
            "                s[at] = chunk.Substring(p, code >> 1);",
            "                p += code >> 1;",
            "            }",
            "            else if (code != 0)",
            "            {",
            "                s[at] = s[at - (code >> 1)];",
            "            }",
            "            at++;",
            "        }",
            "    }",
            "}",
            "",
            optimize,
            "/// <summary>",
            "/// Makes the facts: s holds the strings of Text, n the names (sources' titles, then organizations', titles' and officials'",
            "/// names); events', agreements' and quotes' dates are read from Dates (FactGen.Dates.g.cs). Returns where Dates goes on.",
            "/// </summary>",
            "private static int Create(string?[] s, string?[] n, int[] sourceRows, int[] organizationRows, int[] titleRows, int[] officialRows, int[] eventRows, int[] agreementRows, int[] quoteRows)",
            "{",
            "    global::System.ReadOnlySpan<int> r;",
            "    int at = 0, d = 0;",
            "    string dates = Dates;",
            "    r = sourceRows;",
            "    for (int i = 0, k = 0; i < Sources.Length; i++, k += 5) Sources[i] = new " + p + "Source(s[r[k]]!, n[at++]!, s[r[k + 3]]!, " + p + "FactDate.FromPacked(r[k + 4]), r[k + 2]);",
            "    r = organizationRows;",
            "    for (int i = 0, k = 0; i < Organizations.Length; i++, k += 7) Organizations[i] = new " + p + "Organization(s[r[k]]!, n[at++]!, r[k + 2]);",
            "    r = titleRows;",
            "    for (int i = 0, k = 0; i < Titles.Length; i++, k += 6) Titles[i] = new " + p + "Title(s[r[k]]!, n[at++]!, r[k + 4] != 0, r[k + 2]);",
            "    r = officialRows;",
            "    for (int i = 0, k = 0; i < Officials.Length; i++, k += 8) Officials[i] = new " + p + "Official(s[r[k]]!, n[at++]!, r[k + 2]);",
            "    r = eventRows;",
            "    for (int i = 0, k = 0; i < Events.Length; i++, k += 9) Events[i] = new " + p + "Event(s[r[k]]!, (" + p + "EventKind)r[k + 3], " + p + "FactDate.FromPacked(Number(dates, ref d)), " + p + "FactDate.FromPacked(Number(dates, ref d)), r[k + 2]);",
            "    r = agreementRows;",
            "    for (int i = 0, k = 0; i < Agreements.Length; i++, k += 6) Agreements[i] = new " + p + "Agreement(s[r[k]]!, " + p + "FactDate.FromPacked(Number(dates, ref d)), r[k + 2]);",
            "    r = quoteRows;",
            "    for (int i = 0, k = 0; i < Quotes.Length; i++, k += 6) Quotes[i] = new " + p + "Quote(s[r[k]]!, Actor(r[k + 3]), r[k + 4] == 0 ? null : Titles[r[k + 4] - 1], " + p + "FactDate.FromPacked(Number(dates, ref d)), r[k + 2]);",
            "    // Find compares ids in these arrays, not through the facts: one memory read fewer per lookup.",
            "    for (int i = 0; i < Sources.Length; i++) SourceIds[i] = Sources[i].Id;",
            "    for (int i = 0; i < Organizations.Length; i++) OrganizationIds[i] = Organizations[i].Id;",
            "    for (int i = 0; i < Titles.Length; i++) TitleIds[i] = Titles[i].Id;",
            "    for (int i = 0; i < Officials.Length; i++) OfficialIds[i] = Officials[i].Id;",
            "    for (int i = 0; i < Events.Length; i++) EventIds[i] = Events[i].Id;",
            "    for (int i = 0; i < Agreements.Length; i++) AgreementIds[i] = Agreements[i].Id;",
            "    for (int i = 0; i < Quotes.Length; i++) QuoteIds[i] = Quotes[i].Id;",
            "    return d;",
            "}",
            "",
            "/// <summary>",
            "/// The chronological order of events, agreements and quotes (All, Between, and the lists of them), from Dates at",
            "/// <paramref name=\"d\"/>: their indexes in that order. The facts themselves are in generated order, by id.",
            "/// </summary>",
            optimize,
            "private static void Chronology(int d)",
            "{",
            "    string dates = Dates;",
            "    for (int j = 0; j < Events.Length; j++)",
            "    {",
            "        int i = Number(dates, ref d);",
            "        EventsByDate[j] = Events[i];",
            "        EventRanks[i] = j;",
            "    }",
            "    for (int j = 0; j < Agreements.Length; j++)",
            "    {",
            "        int i = Number(dates, ref d);",
            "        AgreementsByDate[j] = Agreements[i];",
            "        AgreementRanks[i] = j;",
            "    }",
            "    for (int j = 0; j < Quotes.Length; j++)",
            "    {",
            "        int i = Number(dates, ref d);",
            "        QuotesByDate[j] = Quotes[i];",
            "        QuoteRanks[i] = j;",
            "    }",
            "}",
            "",
            "/// <summary>Links (forward ones set here; lists: where each starts in Lists.Data, made on first use by the facts themselves).</summary>",
            optimize,
            "private static void Link(int[] sourceRows, int[] organizationRows, int[] titleRows, int[] officialRows, int[] eventRows, int[] agreementRows, int[] quoteRows)",
            "{",
            "    global::System.ReadOnlySpan<int> r = sourceRows;",
            "    for (int i = 0, k = 0; i < Sources.Length; i++, k += 5) Sources[i].SourcesList = r[k + 1];",
            "    r = organizationRows;",
            "    for (int i = 0, k = 0; i < Organizations.Length; i++, k += 7)",
            "    {",
            "        " + p + "Organization o = Organizations[i];",
            "        o.SourcesList = r[k + 1];",
            "        o.EventsList = r[k + 3];",
            "        o.QuotesList = r[k + 4];",
            "        o.AgreementsList = r[k + 5];",
            "        o.TitlesList = r[k + 6];",
            "    }",
            "    r = titleRows;",
            "    for (int i = 0, k = 0; i < Titles.Length; i++, k += 6)",
            "    {",
            "        Titles[i].SourcesList = r[k + 1];",
            "        if (r[k + 3] != 0) Titles[i].Organization = Organizations[r[k + 3] - 1];",
            "        Titles[i].TermsList = r[k + 5];",
            "    }",
            "    r = officialRows;",
            "    for (int i = 0, k = 0; i < Officials.Length; i++, k += 8)",
            "    {",
            "        " + p + "Official o = Officials[i];",
            "        o.SourcesList = r[k + 1];",
            "        o.PositionsList = r[k + 3];",
            "        o.AliasesList = r[k + 4];",
            "        o.EventsList = r[k + 5];",
            "        o.QuotesList = r[k + 6];",
            "        o.AgreementsList = r[k + 7];",
            "    }",
            "    r = eventRows;",
            "    for (int i = 0, k = 0; i < Events.Length; i++, k += 9)",
            "    {",
            "        " + p + "Event e = Events[i];",
            "        e.SourcesList = r[k + 1];",
            "        e.ParticipantsList = r[k + 4];",
            "        if (r[k + 5] != 0) e.PartOf = Events[r[k + 5] - 1];",
            "        e.PartsList = r[k + 6];",
            "        e.AgreementsList = r[k + 7];",
            "        e.QuotesList = r[k + 8];",
            "    }",
            "    r = agreementRows;",
            "    for (int i = 0, k = 0; i < Agreements.Length; i++, k += 6)",
            "    {",
            "        " + p + "Agreement a = Agreements[i];",
            "        a.SourcesList = r[k + 1];",
            "        a.PartiesList = r[k + 3];",
            "        a.NegotiatorsList = r[k + 4];",
            "        if (r[k + 5] != 0) a.Event = Events[r[k + 5] - 1];",
            "    }",
            "    r = quoteRows;",
            "    for (int i = 0, k = 0; i < Quotes.Length; i++, k += 6)",
            "    {",
            "        " + p + "Quote q = Quotes[i];",
            "        q.SourcesList = r[k + 1];",
            "        if (r[k + 5] != 0) q.Event = Events[r[k + 5] - 1];",
            "    }",
            "}",
            "",
            "/// <summary>",
            utf8Ints
                ? "/// Reads <paramref name=\"count\"/> numbers of <paramref name=\"data\"/> from <paramref name=\"at\"/>: each is a uint written least"
                : "/// Reads <paramref name=\"count\"/> numbers of <paramref name=\"data\"/> from <paramref name=\"at\"/>: each is a uint written 14 bits a char,",
            utf8Ints
                ? "/// significant digit first in base 27, a digit d as the byte 37 + d, or 64 + d when more digits follow."
                : "/// least significant first, a digit d as the char U+4000 + d, or U+8000 + d when more digits follow.",
            "/// </summary>",
            optimize,
            utf8Ints ? "private static int[] Decode(global::System.ReadOnlySpan<byte> data, ref int at, int count)" : "private static int[] Decode(string data, ref int at, int count)",
            "{",
            "    var result = new int[count];",
            "    int p = at;",
            "    unchecked",
            "    {",
            "        for (int i = 0; i < count; i++)",
            utf8Ints ? "        {" : "            result[i] = Number(data, ref p);",
            utf8Ints ? "            uint value = 0, scale = 1;" : null,
            utf8Ints ? "            int digit;" : null,
            utf8Ints ? "            while ((digit = data[p++] - 37) >= 27)" : null,
            utf8Ints ? "            {" : null,
            utf8Ints ? "                value += (uint)(digit - 27) * scale;" : null,
            utf8Ints ? "                scale *= 27;" : null,
            utf8Ints ? "            }" : null,
            utf8Ints ? "            result[i] = (int)(value + ((uint)digit * scale));" : null,
            utf8Ints ? "        }" : null,
            "    }",
            "    at = p;",
            "    return result;",
            "}",
            "",
            NumberPlaceholder,
            "",
            "private static " + p + "Actor Actor(int code) => (code & 1) == 0 ? Officials[code >> 1] : Organizations[code >> 1];",
            "",
            "// What each fact's member reads: the fact at its place in its fact file (chunk), through FactStarts and FileFacts.",
            AtMethod(p, "Source", "Sources"),
            AtMethod(p, "Organization", "Organizations"),
            AtMethod(p, "Title", "Titles"),
            AtMethod(p, "Official", "Officials"),
            AtMethod(p, "Event", "Events"),
            AtMethod(p, "Agreement", "Agreements"),
            AtMethod(p, "Quote", "Quotes"),
            "",

            "internal static global::System.Collections.Generic.IReadOnlyList<" + p + "Participant> Participants(int list)",
            "{",
            "    int[] data = Lists.Data;",
            "    int count = data[list] / 2;",
            "    if (count == 0) return global::System.Array.Empty<" + p + "Participant>();",
            "    var result = new " + p + "Participant[count];",
            "    for (int j = 0; j < count; j++)",
            "    {",
            "        int code = data[list + 1 + (2 * j)], title = data[list + 2 + (2 * j)];",
            "        result[j] = new " + p + "Participant(Actor(code), title == 0 ? null : Titles[title - 1]);",
            "    }",
            "    return new global::System.Collections.ObjectModel.ReadOnlyCollection<" + p + "Participant>(result);",
            "}",
            "",
            "/// <summary>The items of <paramref name=\"all\"/> a list of indexes in Lists.Data names (count, then indexes).</summary>",
            "internal static global::System.Collections.Generic.IReadOnlyList<T> Slice<T>(T[] all, int list)",
            "{",
            "    int[] data = Lists.Data;",
            "    int count = data[list];",
            "    if (count == 0) return global::System.Array.Empty<T>();",
            "    var result = new T[count];",
            "    for (int j = 0; j < count; j++) result[j] = all[data[list + 1 + j]];",
            "    return new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(result);",
            "}",
            "",
            "/// <summary>A list of events, agreements or quotes, chronologically: its facts' places in <paramref name=\"byDate\"/>, sorted.</summary>",
            "internal static global::System.Collections.Generic.IReadOnlyList<T> SliceByDate<T>(T[] byDate, int[] ranks, int list)",
            "{",
            "    int[] data = Lists.Data;",
            "    int count = data[list];",
            "    if (count == 0) return global::System.Array.Empty<T>();",
            "    var places = new int[count];",
            "    for (int j = 0; j < count; j++) places[j] = ranks[data[list + 1 + j]];",
            "    global::System.Array.Sort(places);",
            "    var result = new T[count];",
            "    for (int j = 0; j < count; j++) result[j] = byDate[places[j]];",
            "    return new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(result);",
            "}",
            "",
            "/// <summary>An agreement's parties: per party 2·organization + 1, or 2·string for a country code in Lists.Strings.</summary>",
            "internal static global::System.Collections.Generic.IReadOnlyList<" + p + "Party> Parties(int list)",
            "{",
            "    int[] data = Lists.Data;",
            "    int count = data[list];",
            "    if (count == 0) return global::System.Array.Empty<" + p + "Party>();",
            "    var result = new " + p + "Party[count];",
            "    for (int j = 0; j < count; j++)",
            "    {",
            "        int code = data[list + 1 + j];",
            "        result[j] = (code & 1) == 0 ? new " + p + "Party(Lists.Strings[code >> 1], null) : new " + p + "Party(null, Organizations[code >> 1]);",
            "    }",
            "    return new global::System.Collections.ObjectModel.ReadOnlyCollection<" + p + "Party>(result);",
            "}",
            "",
            "/// <summary>",
            "/// The hash the build computed a kind's table with (FactGen's IdHash): the id's length and its chars from <paramref name=\"start\"/>,",
            "/// <paramref name=\"count\"/> of them (the window that tells the kind's ids apart, which the kind's Find passes), two lanes, four chars per step.",
            "/// </summary>",
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]",
            "internal static uint Hash(string id, int start, int count)",
            "{",
            "    unchecked // the consumer may compile with overflow checks; hashing wraps on purpose",
            "    {",
            HashPlaceholder,
            "        return h;",
            "    }",
            "}",
            "",
            "/// <summary>",
            "/// Index of <paramref name=\"id\"/> in a kind's array, or -1, given its hash (computed by the kind's Find): a linear",
            "/// probe over the table, then one string comparison with the kind's ids (kept apart from the facts, so a lookup reads",
            "/// no fact), no allocation. An entry is index+1 in its low 21 bits and the hash's top",
            "/// bits above them (none with 2^21 - 1 or more facts), so a probe that meets another id is rejected without reading that fact.",
            "/// </summary>",
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // into each kind's Find, where the table is a known static",
            "internal static int Probe(int[] table, string[] ids, string id, uint hash)",
            "{",
            "    unchecked // the consumer may compile with overflow checks",
            "    {",
            "        int mask = table.Length - 1;",
            "        int indexMask = ids.Length < " + DataTables.IndexMask.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ? " + DataTables.IndexMask.ToString(System.Globalization.CultureInfo.InvariantCulture) + " : -1;",
            "        int tag = (int)hash & ~indexMask;",
            "        for (int slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)",
            "        {",
            "            int entry = table[slot];",
            "            if (entry == 0) return -1;",
            "            if ((entry & ~indexMask) == tag && string.Equals(ids[(entry & indexMask) - 1], id)) return (entry & indexMask) - 1;",
            "        }",
            "    }",
            "}",
        };
        foreach (string? line in lines)
        {
            if (line is null) continue; // a line only the other kind of literal needs
            if (line == NumberPlaceholder)
            {
                foreach (string numberLine in NumberMethod()) w.Line(numberLine);
            }
            else if (line == HashPlaceholder)
            {
                foreach (string hashLine in IdHash.Code()) w.Line("        " + hashLine);
            }
            else if (line == ValuesPlaceholder)
            {
                foreach (PlannedFile file in _plan.Files)
                {
                    string n = file.Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    w.Line("        case " + n + ": return Chunk" + n + "();");
                }
            }
            else
            {
                w.Line(line);
            }
        }
    }

    /// <summary>
    /// Writes a chunk's values in slot order, each as a code (a number as <see cref="SourceWriter.Encoded(int)"/> writes it): 0 for null,
    /// 2·length + 1 followed by the chars of a value not met before in the chunk, 2·distance for the same value as the one
    /// that many slots back (a country code or a repeated name is one string at run time, not one per fact).
    /// </summary>
    internal static void Chunk(SourceWriter w, IReadOnlyList<string?> values)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int slot = 0; slot < values.Count; slot++)
        {
            string? v = values[slot];
            if (v is null)
            {
                w.Encoded(0);
                continue;
            }
            if (last.TryGetValue(v, out int earlier))
            {
                w.Encoded(2 * (slot - earlier));
            }
            else
            {
                w.Encoded((2 * v.Length) + 1).AppendLiteralBody(v);
            }
            last[v] = slot;
        }
    }

    private string KindsSource()
    {
        var w = new SourceWriter(16 * 1024);
        Header(w);
        w.Open("namespace " + _settings.Namespace);
        KindClass(w, "Sources", "Source", "The sources the facts are taken from, by id.", chronological: false);
        w.Line();
        KindClass(w, "Organizations", "Organization", "The organizations in the facts, by id.", chronological: false);
        w.Line();
        KindClass(w, "Titles", "Title", "The titles and offices in the facts, by id.", chronological: false);
        w.Line();
        KindClass(w, "Officials", "Official", "The officials in the facts, by id.", chronological: false);
        w.Line();
        KindClass(w, "Events", "Event", "The dated events in the facts, chronologically.", chronological: true);
        w.Line();
        KindClass(w, "Agreements", "Agreement", "The agreements and announcements in the facts, chronologically.", chronological: false);
        w.Line();
        KindClass(w, "Quotes", "Quote", "The direct quotes in the facts, chronologically.", chronological: false);
        w.Close();
        return w.ToString();
    }

    private void KindClass(SourceWriter w, string cls, string type, string summary, bool chronological)
    {
        string t = Ns + "." + type;
        w.Line("/// <summary>" + summary + "</summary>");
        w.Line(GeneratedCode);
        w.Open(_settings.Visibility + " static partial class " + cls);
        w.Line("/// <summary>Every " + type.ToLowerInvariant() + (cls is "Events" or "Agreements" or "Quotes" ? ", in chronological order." : ", ordered by id.") + "</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + t + "> All => " + Ns + ".FactData." + cls + "View;");
        w.Line();
        w.Line("/// <summary>The " + type.ToLowerInvariant() + " with the id, or null. Allocates nothing.</summary>");
        IdHash hash = _plan.Lookups[type].Hash;
        string I(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.Line("public static " + t + "? Find(string? id)");
        w.Line("{");
        if (hash.MaxLength < hash.MinLength)
        {
            w.Line("    _ = id; // there are none");
            w.Line("    return null;");
        }
        else
        {
            w.Line("    if (id is null || id.Length < " + I(hash.MinLength) + " || id.Length > " + I(hash.MaxLength) + ") return null;");
            w.Line("    int index = " + Ns + ".FactData.Probe(" + Ns + ".FactData." + type + "Table, " + Ns + ".FactData." + type + "Ids, id, " + Ns + ".FactData.Hash(id, " + hash.StartCode + ", " + hash.CountCode + "));");
            w.Line("    return index < 0 ? null : " + Ns + ".FactData." + cls + "[index];");
        }
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Looks up the " + type.ToLowerInvariant() + " with the id. Allocates nothing.</summary>");
        w.Line("public static bool TryGet(string? id, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + t + "? value)");
        w.Line("{");
        w.Line("    value = Find(id);");
        w.Line("    return value is not null;");
        w.Line("}");
        if (cls is "Officials" or "Organizations" or "Titles")
        {
            w.Line();
            w.Line("/// <summary>The " + cls.ToLowerInvariant() + " of a country (ISO 3166-1 alpha-2 code), ordered by id.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + t + "> FromCountry(string country)");
            w.Line("{");
            w.Line("    var result = new global::System.Collections.Generic.List<" + t + ">();");
            w.Line("    foreach (" + t + " item in " + Ns + ".FactData." + cls + ") if (string.Equals(item.Country, country, global::System.StringComparison.OrdinalIgnoreCase)) result.Add(item);");
            w.Line("    return result;");
            w.Line("}");
        }
        if (chronological)
        {
            w.Line();
            w.Line("/// <summary>The events whose period overlaps <paramref name=\"from\"/>..<paramref name=\"to\"/> (both as periods), chronologically.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + t + "> Between(" + Ns + ".FactDate from, " + Ns + ".FactDate to)");
            w.Line("{");
            w.Line("    var result = new global::System.Collections.Generic.List<" + t + ">();");
            w.Line("    foreach (" + t + " item in " + Ns + ".FactData." + cls + "ByDate) if (item.From.StartDateTime <= to.EndDateTime && from.StartDateTime <= item.To.EndDateTime) result.Add(item);");
            w.Line("    return result;");
            w.Line("}");
        }
        w.Line();
        w.Line("/// <summary>The ids of the " + cls.ToLowerInvariant() + ", as constants for attributes and <c>switch</c>: <c>" + cls + ".Ids.X</c> is the id of <c>" + cls + ".X</c>.</summary>");
        w.Line(GeneratedCode);
        w.Line("public static partial class Ids");
        w.Line("{");
        w.Line("}");
        w.Close();
    }

    /// <summary>
    /// The first lines of a generated file. Nullable annotations are always on (the public API is the same whatever the
    /// consumer's setting). <paramref name="nullableWarnings"/> false turns nullable analysis off for the file: the
    /// fact files' members and Ids, where the compiler would otherwise run its flow analysis over tens of thousands of
    /// one-line accessors that cannot produce a warning (at 10,000 officials that analysis was 14% of compiling the
    /// generated code and 63 MB of its allocations). The assembly built is byte-identical either way.
    /// </summary>
    internal static void Header(SourceWriter w, bool nullableWarnings = true)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by FactGen from the project's fact files. Edit the YAML, not this file.");
        if (nullableWarnings)
        {
            w.Line("#nullable enable");
        }
        else
        {
            w.Line("#nullable enable annotations");
            w.Line("#nullable disable warnings");
        }

        w.Line();
    }

    /// <summary>Reverse links by key: officials are 0.., organizations follow them, events follow those.</summary>
    private sealed class Reverse
    {
        private readonly int _officials;
        private readonly int _organizations;

        public Reverse(int officials, int organizations, int titles, int events)
        {
            _officials = officials;
            _organizations = organizations;
            int all = officials + organizations + events;
            EventsOf = new Lists(all);
            QuotesOf = new Lists(all);
            AgreementsOf = new Lists(all);
            TitlesOf = new Lists(organizations);
            Terms = new Lists(titles);
            Parts = new Lists(events);
        }

        public Lists EventsOf { get; }

        public Lists QuotesOf { get; }

        public Lists AgreementsOf { get; }

        public Lists TitlesOf { get; }

        public Lists Terms { get; }

        public Lists Parts { get; }

        /// <summary>Each participant's key (an official's index, or an organization's key), events in order: resolved once, for the events' rows too.</summary>
        public List<int> ParticipantKeys { get; } = new();

        public int OrganizationKey(int organization) => _officials + organization;

        /// <summary>The rows' code of an actor's key: an official's index × 2, an organization's × 2 + 1 (as <c>ActorCode</c>).</summary>
        public int ActorCode(int key) => key < _officials ? key * 2 : ((key - _officials) * 2) + 1;

        public int EventKey(int @event) => _officials + _organizations + @event;
    }

    /// <summary>A list of indexes per key, each index once, in the order added.</summary>
    private sealed class Lists
    {
        private readonly List<int> _none = new();
        private readonly List<int>?[] _lists;

        public Lists(int keys) => _lists = new List<int>?[keys];

        /// <summary>Adds in increasing order (each list is filled by one pass over one kind), so a repeat can only be the last item.</summary>
        public void Add(int key, int index)
        {
            List<int> list = _lists[key] ??= new List<int>();
            if (list.Count == 0 || list[list.Count - 1] != index) list.Add(index);
        }

        public List<int> Of(int key) => _lists[key] ?? _none;
    }
}
