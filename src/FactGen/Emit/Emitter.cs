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
/// as facts grow: all values live in one string literal plus int arrays, decoded by fixed loops on first
/// use; each fact's member is a one-line accessor into the decoded array; lookups use a hash table
/// computed here at build time. Output is byte-identical for the same facts.
/// </summary>
internal sealed class Emitter
{
    public static readonly string Version = typeof(Emitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// From this many facts the loader's methods are compiled optimized at once (AggressiveOptimization); below it
    /// tier-0 code finishes first. Measured (`startup`, fresh processes): 4000/40 (8,600 facts) is even, 36 ms either
    /// way; 10000/100 takes 66 ms optimized vs 81 ms; 1000/10 takes 12.5 ms at tier 0 vs 19 ms optimized.
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
    private string?[]? _sourceTitleDocs;

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

    /// <summary>Emits the files every fact file shares: the model types, the data tables and loader, the lookups.</summary>
    public static List<GeneratedFile> EmitShared(EmitPlan plan, CancellationToken cancellationToken)
    {
        var emitter = new Emitter(plan, cancellationToken);
        return new List<GeneratedFile>
        {
            new("FactGen.Model.g.cs", emitter.ModelSource()),
            new("FactGen.Data.g.cs", emitter.DataSource()),
            new("FactGen.Kinds.g.cs", emitter.KindsSource()),
        };
    }

    /// <summary>
    /// Emits the generated file of one fact file: its members, and its chunk of values (what the structure left out).
    /// None when no fact of the file survived linking. <paramref name="file"/> is the parsed file the plan's structure came from.
    /// </summary>
    public static List<GeneratedFile> EmitFile(FactFile file, EmitPlan plan, CancellationToken cancellationToken)
    {
        var result = new List<GeneratedFile>(1);
        if (plan.FileByPath.TryGetValue(file.Path, out PlannedFile? planned))
        {
            result.Add(new Emitter(plan, cancellationToken).FileSource(file, planned));
        }
        return result;
    }

    private int[] HashTable(string type) => DataTables.HashTable(_plan.Lookups[type].Ids);

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

    private int SourceList(Provenance provenance)
    {
        if (provenance.Sources.Count == 0) return 0; // the empty list
        var items = new List<int>(provenance.Sources.Count);
        foreach (FactRef r in provenance.Sources) items.Add(_sourceIndex[r.Id]);
        return _data.List(items);
    }

    private static int Date(LocatedDate? date) => date?.Value.Packed ?? 0;

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
        int position = 0;
        foreach (var o in _facts.Officials)
        {
            foreach (PositionFact p in o.Fact.Positions) reverse.Terms.Add(_titleIndex[p.Title.Id], position++);
        }
        for (int i = 0; i < _facts.Titles.Count; i++)
        {
            if (_facts.Titles[i].Fact.Organization is { } org) reverse.TitlesOf.Add(_orgIndex[org.Id], i);
        }
        for (int i = 0; i < _facts.Events.Count; i++)
        {
            EventFact f = _facts.Events[i].Fact;
            foreach (FactRef r in f.Participants) reverse.EventsOf.Add(ActorKey(r), i);
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
            sources.Add(_data.String(s.Fact.Title));
            sources.Add(_data.String(s.Fact.File.Value));
            sources.Add(s.Fact.Published.Value.Packed);
        }
        var orgs = new List<int>();
        for (int j = 0; j < _facts.Organizations.Count; j++)
        {
            var o = _facts.Organizations[j];
            CommonRow(orgs, o.Fact.Header, FactKind.Organization, j);
            orgs.Add(_data.String(o.Fact.Name));
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
            titles.Add(_data.String(t.Fact.Name));
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
            officials.Add(_data.String(o.Name.Value));
            var mine = new List<int>();
            foreach (PositionFact p in o.Positions)
            {
                mine.Add(positionCount++);
                positions.Add(i);
                positions.Add(_titleIndex[p.Title.Id]);
                positions.Add(Date(p.From));
                positions.Add(Date(p.To));
                positions.Add(SourceList(p.Provenance));
                positions.Add(_data.String(p.Provenance.Evidence?.Value));
                positions.Add(_data.String(p.Provenance.Note));
            }
            officials.Add(_data.List(mine));
            var aliases = new List<int>();
            foreach (string a in o.Aliases) aliases.Add(_data.String(a));
            officials.Add(_data.List(aliases));
            officials.Add(_data.List(reverse.EventsOf.Of(i)));
            officials.Add(_data.List(reverse.QuotesOf.Of(i)));
            officials.Add(_data.List(reverse.AgreementsOf.Of(i)));
        }
        var events = new List<int>();
        for (int j = 0; j < _facts.Events.Count; j++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            EventFact f = _facts.Events[j].Fact;
            CommonRow(events, f.Header, FactKind.Event, j);
            var (start, end) = Linker.EventPeriod(f);
            events.Add(Array.IndexOf(Parsing.FactSchema.EventKinds, f.Kind));
            events.Add(start.Packed);
            events.Add(end.Packed);
            var participants = new List<int>();
            foreach (FactRef r in f.Participants)
            {
                participants.Add(ActorCode(r));
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
            agreements.Add(f.Date.Value.Packed);
            var parties = new List<int>();
            foreach (FactRef r in f.Parties) parties.Add(r.Target == RefTarget.Organization ? (_orgIndex[r.Id] * 2) + 1 : _data.String(r.Id) * 2);
            agreements.Add(_data.List(parties));
            var negotiators = new List<int>();
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
            quotes.Add(f.Date.Value.Packed);
            quotes.Add(f.Event is { } ev ? _eventIndex[ev.Id] + 1 : 0);
        }

        // Every int table goes into one literal (Ints) and is decoded in the static constructor: a literal costs the
        // compiler next to nothing, where an array initializer binds one expression per element (2.3 s of compile
        // time at 10,000 officials). The order here is the order LoaderSource decodes them in.
        var tables = new List<(string Name, IReadOnlyList<int> Values)>
        {
            ("ends", _data.Ends),
            ("ListData", _data.Lists),
            ("sourceRows", sources),
            ("organizationRows", orgs),
            ("titleRows", titles),
            ("officialRows", officials),
            ("positionRows", positions),
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
        };
        int intsLength = 0;
        foreach (var table in tables) intsLength += DataTables.EncodedLength(table.Values);
        string text = _data.Text;
        // Every string literal of an assembly shares one user-string heap of 16 MB (CS8103 beyond), about 8 million
        // chars. When text and tables come near that, and the consumer has C# 11, the tables become a UTF-8 literal,
        // whose bytes sit in the assembly's data instead. Not sooner: the compiler takes longer over a large u8
        // literal (+0.5 s at 10,000 officials) than over a string constant.
        // The files' values are counted by an upper bound (their structures say how many 64K blocks they take), so a value edit
        // does not change this file.
        bool utf8Ints = _settings.Utf8Literals && (_settings.Utf8TablesAlways || text.Length + intsLength + _plan.ValueChars >= Utf8IntsFrom);
        // sized for the whole file (a few escapes in the text aside): at 10,000 officials it is 4 million chars
        var w = new SourceWriter(64 * 1024 + text.Length + (text.Length / 16) + intsLength);
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
        Kinds(w, "Event", "Events", _facts.Events.Count);
        Kinds(w, "Agreement", "Agreements", _facts.Agreements.Count);
        Kinds(w, "Quote", "Quotes", _facts.Quotes.Count);
        w.Line("internal static readonly " + Ns + ".Position[] Positions = new " + Ns + ".Position[" + (positions.Count / 7) + "];");
        w.Line();
        foreach (string kind in new[] { "Source", "Organization", "Title", "Official", "Event", "Agreement", "Quote" })
        {
            w.Line("internal static readonly int[] " + kind + "Table;");
        }
        w.Line("private static readonly int[] ListData;");
        w.Line();
        w.Line("// Every string of the structure once (ids, names, files, aliases; the values are in the fact files' chunks), concatenated; string i spans ends[i - 1]..ends[i]; 0 is null.");
        w.Start().Append("private const string Text = ").AppendLiteral(text).Append(';').EndLine();
        w.Line("// The int tables, one after another, as base-27 numbers (see Decode).");
        w.Start().Append(utf8Ints ? "private static global::System.ReadOnlySpan<byte> Ints => \"" : "private const string Ints = \"")
            .Encoded(tables.ConvertAll(t => t.Values)).Append(utf8Ints ? "\"u8;" : "\";").EndLine();
        w.Line();
        LoaderSource(w, tables, utf8Ints);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static List<string> Ids<T>(EquatableArray<T> items, Func<T, string> id) where T : IEquatable<T>
    {
        var ids = new List<string>(items.Count);
        foreach (T item in items) ids.Add(id(item));
        return ids;
    }

    private void Kinds(SourceWriter w, string type, string plural, int count)
    {
        w.Line("internal static readonly string[] " + type + "Ids = new string[" + count + "];");
        w.Line("internal static readonly " + Ns + "." + type + "[] " + plural + " = new " + Ns + "." + type + "[" + count + "];");
        w.Line("internal static readonly global::System.Collections.ObjectModel.ReadOnlyCollection<" + Ns + "." + type + "> " + plural + "View = new global::System.Collections.ObjectModel.ReadOnlyCollection<" + Ns + "." + type + ">(" + plural + ");");
    }

    /// <summary>Stands in the loader's lines for the statements of <see cref="IdHash.Code"/>.</summary>
    private const string HashPlaceholder = "(hash)";

    /// <summary>Stands in the loader's lines for the calls that read each fact file's chunk of values.</summary>
    private const string ValuesPlaceholder = "(values)";

    private void LoaderSource(SourceWriter w, List<(string Name, IReadOnlyList<int> Values)> tables, bool utf8Ints)
    {
        string p = Ns + ".";
        // The loops run once, over every fact: with many facts AggressiveOptimization skips their tier-0 code (3× slower
        // there). They are split into a few methods because the optimizing JIT's time grows faster than a method's size.
        w.Line("static FactData()");
        w.Line("{");
        w.Line("    int at = 0;");
        foreach (var (name, values) in tables)
        {
            w.Start().Append("    ").Append(char.IsUpper(name[0]) ? "" : "int[] ").Append(name).Append(" = Decode(ref at, ").Append(values.Count).Append(");").EndLine();
        }
        // Optimized code pays off once the loops are long; for a few hundred facts tier-0 code is done sooner.
        int facts = _plan.FactCount;
        string V = _plan.ValueSlotCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string optimize = facts >= OptimizeLoaderFrom
            ? "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]"
            : "// (few facts: tier-0 code)";
        string[] lines =
        {
            "    string?[] s = Strings(ends);",
            "    Create(s, sourceRows, organizationRows, titleRows, officialRows, positionRows, eventRows, agreementRows, quoteRows);",
            "    Link(s, sourceRows, organizationRows, titleRows, officialRows, positionRows, eventRows, agreementRows, quoteRows);",
            "}",
            "",
            optimize,
            "private static string?[] Strings(int[] ends)",
            "{",
            "    string text = Text;",
            "    var s = new string?[ends.Length];",
            "    for (int i = 1; i < ends.Length; i++) s[i] = text.Substring(ends[i - 1], ends[i] - ends[i - 1]);",
            "    return s;",
            "}",
            "",
            "private static string?[]? s_values;",
            "private static readonly object ValuesLock = new object();",
            "",
            "/// <summary>The value in <paramref name=\"slot\"/> (see Fact.ValueSlot); the first call reads every fact file's chunk.</summary>",
            "internal static string? Value(int slot) => (global::System.Threading.Volatile.Read(ref s_values) ?? LoadValues())[slot];",
            "",
            "// Not in the static constructor: its values are most of the text, and the JIT loads every string literal a method",
            "// names when it compiles the method, so a program that reads no value never loads them.",
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]",
            "private static string?[] LoadValues()",
            "{",
            "    lock (ValuesLock)",
            "    {",
            "        if (s_values is null)",
            "        {",
            "            var s = new string?[" + V + " + 1];",
            ValuesPlaceholder,
            "            global::System.Threading.Volatile.Write(ref s_values, s);",
            "        }",
            "        return s_values;",
            "    }",
            "}",
            "",
            "/// <summary>",
            "/// Reads a fact file's chunk of values into <paramref name=\"s\"/> from <paramref name=\"at\"/>: per value a base-27 code",
            "/// (digits as in Decode): 0 null, 2·length + 1 a new value whose chars follow, 2·distance the value that many slots back.",
            "/// </summary>",
            optimize,
            "private static void Values(string?[] s, ref int at, string chunk)",
            "{",
            "    int p = 0;",
            "    unchecked",
            "    {",
            "        while (p < chunk.Length)",
            "        {",
            "            uint value = 0, scale = 1;",
            "            int digit;",
            "            while ((digit = chunk[p++] - 37) >= 27)",
            "            {",
            "                value += (uint)(digit - 27) * scale;",
            "                scale *= 27;",
            "            }",
            "            int code = (int)(value + ((uint)digit * scale));",
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
            "private static void Create(string?[] s, int[] sourceRows, int[] organizationRows, int[] titleRows, int[] officialRows, int[] positionRows, int[] eventRows, int[] agreementRows, int[] quoteRows)",
            "{",
            "    global::System.ReadOnlySpan<int> r;",
            "    r = sourceRows;",
            "    for (int i = 0, k = 0; i < Sources.Length; i++, k += 6) Sources[i] = new " + p + "Source(s[r[k]]!, s[r[k + 3]]!, s[r[k + 4]]!, " + p + "FactDate.FromPacked(r[k + 5]), r[k + 2]);",
            "    r = organizationRows;",
            "    for (int i = 0, k = 0; i < Organizations.Length; i++, k += 8) Organizations[i] = new " + p + "Organization(s[r[k]]!, s[r[k + 3]]!, r[k + 2]);",
            "    r = titleRows;",
            "    for (int i = 0, k = 0; i < Titles.Length; i++, k += 7) Titles[i] = new " + p + "Title(s[r[k]]!, s[r[k + 3]]!, r[k + 5] != 0, r[k + 2]);",
            "    r = officialRows;",
            "    for (int i = 0, k = 0; i < Officials.Length; i++, k += 9) Officials[i] = new " + p + "Official(s[r[k]]!, s[r[k + 3]]!, r[k + 2]);",
            "    r = eventRows;",
            "    for (int i = 0, k = 0; i < Events.Length; i++, k += 11) Events[i] = new " + p + "Event(s[r[k]]!, (" + p + "EventKind)r[k + 3], " + p + "FactDate.FromPacked(r[k + 4]), " + p + "FactDate.FromPacked(r[k + 5]), r[k + 2]);",
            "    r = agreementRows;",
            "    for (int i = 0, k = 0; i < Agreements.Length; i++, k += 7) Agreements[i] = new " + p + "Agreement(s[r[k]]!, " + p + "FactDate.FromPacked(r[k + 3]), r[k + 2]);",
            "    r = quoteRows;",
            "    for (int i = 0, k = 0; i < Quotes.Length; i++, k += 7) Quotes[i] = new " + p + "Quote(s[r[k]]!, Actor(r[k + 3]), r[k + 4] == 0 ? null : Titles[r[k + 4] - 1], " + p + "FactDate.FromPacked(r[k + 5]), r[k + 2]);",
            "    // Find compares ids in these arrays, not through the facts: one memory read fewer per lookup.",
            "    for (int i = 0; i < Sources.Length; i++) SourceIds[i] = Sources[i].Id;",
            "    for (int i = 0; i < Organizations.Length; i++) OrganizationIds[i] = Organizations[i].Id;",
            "    for (int i = 0; i < Titles.Length; i++) TitleIds[i] = Titles[i].Id;",
            "    for (int i = 0; i < Officials.Length; i++) OfficialIds[i] = Officials[i].Id;",
            "    for (int i = 0; i < Events.Length; i++) EventIds[i] = Events[i].Id;",
            "    for (int i = 0; i < Agreements.Length; i++) AgreementIds[i] = Agreements[i].Id;",
            "    for (int i = 0; i < Quotes.Length; i++) QuoteIds[i] = Quotes[i].Id;",
            "}",
            "",
            "/// <summary>Links (forward ones set here; lists: where each starts in ListData, made on first use by the facts themselves).</summary>",
            optimize,
            "private static void Link(string?[] s, int[] sourceRows, int[] organizationRows, int[] titleRows, int[] officialRows, int[] positionRows, int[] eventRows, int[] agreementRows, int[] quoteRows)",
            "{",
            "    global::System.ReadOnlySpan<int> r = positionRows;",
            "    for (int i = 0, k = 0; i < Positions.Length; i++, k += 7)",
            "    {",
            "        var position = new " + p + "Position(Officials[r[k]], Titles[r[k + 1]], r[k + 2] == 0 ? null : " + p + "FactDate.FromPacked(r[k + 2]), r[k + 3] == 0 ? null : " + p + "FactDate.FromPacked(r[k + 3]));",
            "        position.SourcesList = r[k + 4];",
            "        position.Evidence = s[r[k + 5]];",
            "        position.Note = s[r[k + 6]];",
            "        Positions[i] = position;",
            "    }",
            "    r = sourceRows;",
            "    for (int i = 0, k = 0; i < Sources.Length; i++, k += 6) Sources[i].SourcesList = r[k + 1];",
            "    r = organizationRows;",
            "    for (int i = 0, k = 0; i < Organizations.Length; i++, k += 8)",
            "    {",
            "        " + p + "Organization o = Organizations[i];",
            "        o.SourcesList = r[k + 1];",
            "        o.EventsList = r[k + 4];",
            "        o.QuotesList = r[k + 5];",
            "        o.AgreementsList = r[k + 6];",
            "        o.TitlesList = r[k + 7];",
            "    }",
            "    r = titleRows;",
            "    for (int i = 0, k = 0; i < Titles.Length; i++, k += 7)",
            "    {",
            "        Titles[i].SourcesList = r[k + 1];",
            "        if (r[k + 4] != 0) Titles[i].Organization = Organizations[r[k + 4] - 1];",
            "        Titles[i].TermsList = r[k + 6];",
            "    }",
            "    r = officialRows;",
            "    for (int i = 0, k = 0; i < Officials.Length; i++, k += 9)",
            "    {",
            "        " + p + "Official o = Officials[i];",
            "        o.SourcesList = r[k + 1];",
            "        o.PositionsList = r[k + 4];",
            "        int aliasList = r[k + 5];",
            "        if (aliasList != 0)",
            "        {",
            "            var aliases = new string[ListData[aliasList]];",
            "            for (int j = 0; j < aliases.Length; j++) aliases[j] = s[ListData[aliasList + 1 + j]]!;",
            "            o.Aliases = new global::System.Collections.ObjectModel.ReadOnlyCollection<string>(aliases);",
            "        }",
            "        o.EventsList = r[k + 6];",
            "        o.QuotesList = r[k + 7];",
            "        o.AgreementsList = r[k + 8];",
            "    }",
            "    r = eventRows;",
            "    for (int i = 0, k = 0; i < Events.Length; i++, k += 11)",
            "    {",
            "        " + p + "Event e = Events[i];",
            "        e.SourcesList = r[k + 1];",
            "        e.ParticipantsList = r[k + 6];",
            "        if (r[k + 7] != 0) e.PartOf = Events[r[k + 7] - 1];",
            "        e.PartsList = r[k + 8];",
            "        e.AgreementsList = r[k + 9];",
            "        e.QuotesList = r[k + 10];",
            "    }",
            "    r = agreementRows;",
            "    for (int i = 0, k = 0; i < Agreements.Length; i++, k += 7)",
            "    {",
            "        " + p + "Agreement a = Agreements[i];",
            "        a.SourcesList = r[k + 1];",
            "        int list = r[k + 4];",
            "        var parties = new " + p + "Party[ListData[list]];",
            "        for (int j = 0; j < parties.Length; j++)",
            "        {",
            "            int code = ListData[list + 1 + j];",
            "            parties[j] = (code & 1) == 0 ? new " + p + "Party(s[code >> 1], null) : new " + p + "Party(null, Organizations[code >> 1]);",
            "        }",
            "        a.Parties = new global::System.Collections.ObjectModel.ReadOnlyCollection<" + p + "Party>(parties);",
            "        a.NegotiatorsList = r[k + 5];",
            "        if (r[k + 6] != 0) a.Event = Events[r[k + 6] - 1];",
            "    }",
            "    r = quoteRows;",
            "    for (int i = 0, k = 0; i < Quotes.Length; i++, k += 7)",
            "    {",
            "        " + p + "Quote q = Quotes[i];",
            "        q.SourcesList = r[k + 1];",
            "        if (r[k + 6] != 0) q.Event = Events[r[k + 6] - 1];",
            "    }",
            "}",
            "",
            "/// <summary>",
            "/// Reads <paramref name=\"count\"/> numbers of <see cref=\"Ints\"/> from <paramref name=\"at\"/>: each is a uint written",
            "/// least significant digit first in base 27, a digit d as the char 37 + d, or 64 + d when more digits follow.",
            "/// </summary>",
            optimize,
            "private static int[] Decode(ref int at, int count)",
            "{",
            utf8Ints ? "    global::System.ReadOnlySpan<byte> data = Ints;" : "    string data = Ints;",
            "    var result = new int[count];",
            "    int p = at;",
            "    unchecked",
            "    {",
            "        for (int i = 0; i < count; i++)",
            "        {",
            "            uint value = 0, scale = 1;",
            "            int digit;",
            "            while ((digit = data[p++] - 37) >= 27)",
            "            {",
            "                value += (uint)(digit - 27) * scale;",
            "                scale *= 27;",
            "            }",
            "            result[i] = (int)(value + ((uint)digit * scale));",
            "        }",
            "    }",
            "    at = p;",
            "    return result;",
            "}",
            "",
            "private static " + p + "Actor Actor(int code) => (code & 1) == 0 ? Officials[code >> 1] : Organizations[code >> 1];",
            "",

            "internal static global::System.Collections.Generic.IReadOnlyList<" + p + "Participant> Participants(int list)",
            "{",
            "    int count = ListData[list] / 2;",
            "    if (count == 0) return global::System.Array.Empty<" + p + "Participant>();",
            "    var result = new " + p + "Participant[count];",
            "    for (int j = 0; j < count; j++)",
            "    {",
            "        int code = ListData[list + 1 + (2 * j)], title = ListData[list + 2 + (2 * j)];",
            "        result[j] = new " + p + "Participant(Actor(code), title == 0 ? null : Titles[title - 1]);",
            "    }",
            "    return new global::System.Collections.ObjectModel.ReadOnlyCollection<" + p + "Participant>(result);",
            "}",
            "",
            "/// <summary>The items of <paramref name=\"all\"/> a list of indexes in ListData names (count, then indexes).</summary>",
            "internal static global::System.Collections.Generic.IReadOnlyList<T> Slice<T>(T[] all, int list)",
            "{",
            "    int count = ListData[list];",
            "    if (count == 0) return global::System.Array.Empty<T>();",
            "    var result = new T[count];",
            "    for (int j = 0; j < count; j++) result[j] = all[ListData[list + 1 + j]];",
            "    return new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(result);",
            "}",
            "",
            "/// <summary>",
            "/// Index of <paramref name=\"id\"/> in a kind's array, or -1, given its hash (computed by the kind's Find): a linear",
            "/// probe over the table, then one string comparison with the kind's ids (kept apart from the facts, so a lookup reads",
            "/// no fact), no allocation. An entry is index+1 in its low 21 bits and the hash's top",
            "/// bits above them (none with 2^21 - 1 or more facts), so a probe that meets another id is rejected without reading that fact.",
            "/// </summary>",
            "/// <summary>The hash of an id the build computed the tables with (FactGen's IdHash): two lanes, four chars per step.</summary>",
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]",
            "internal static uint Hash(string id)",
            "{",
            "    unchecked // the consumer may compile with overflow checks; hashing wraps on purpose",
            "    {",
            HashPlaceholder,
            "        return h;",
            "    }",
            "}",
            "",
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
        foreach (string line in lines)
        {
            if (line == HashPlaceholder)
            {
                foreach (string hashLine in IdHash.Code()) w.Line("        " + hashLine);
            }
            else if (line == ValuesPlaceholder)
            {
                if (_plan.Files.Count > 0) w.Line("            int at = 1;");
                foreach (PlannedFile file in _plan.Files) w.Line("            Values(s, ref at, Values" + file.Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture) + ");");
            }
            else
            {
                w.Line(line);
            }
        }
    }

    // ---- members --------------------------------------------------------------------------------

    /// <summary>
    /// A fact file's generated file: its facts' members (so Go to Definition lands next to that file's facts), their
    /// Ids constants, and the file's chunk of values (<c>FactData.Values{chunk}</c>, read by the data file's loader).
    /// Structure (names, links, dates) comes from the plan, values from <paramref name="file"/>.
    /// </summary>
    private GeneratedFile FileSource(FactFile file, PlannedFile planned)
    {
        var own = new OwnFacts(file);
        var classes = new SortedDictionary<string, List<(string Type, string Member, string Id, FactKind Kind, object Fact, string? Obsolete, int Index)>>(StringComparer.Ordinal);
        var values = new List<string?>(planned.Facts.Count * 6);
        int capacity = 4096;
        foreach (var (kind, index) in planned.Facts)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            (string cls, string type, string member, FactHeader linked, object fact) = kind switch
            {
                FactKind.Source => ("Sources", "Source", _facts.Sources[index].MemberName, _facts.Sources[index].Fact.Header, (object)own.Sources[_facts.Sources[index].Fact.Header.Id]),
                FactKind.Organization => ("Organizations", "Organization", _facts.Organizations[index].MemberName, _facts.Organizations[index].Fact.Header, own.Organizations[_facts.Organizations[index].Fact.Header.Id]),
                FactKind.Title => ("Titles", "Title", _facts.Titles[index].MemberName, _facts.Titles[index].Fact.Header, own.Titles[_facts.Titles[index].Fact.Header.Id]),
                FactKind.Official => ("Officials", "Official", _facts.Officials[index].MemberName, _facts.Officials[index].Fact.Header, own.Officials[_facts.Officials[index].Fact.Header.Id]),
                FactKind.Event => ("Events", "Event", _facts.Events[index].MemberName, _facts.Events[index].Fact.Header, own.Events[_facts.Events[index].Fact.Header.Id]),
                FactKind.Agreement => ("Agreements", "Agreement", _facts.Agreements[index].MemberName, _facts.Agreements[index].Fact.Header, own.Agreements[_facts.Agreements[index].Fact.Header.Id]),
                _ => ("Quotes", "Quote", _facts.Quotes[index].MemberName, _facts.Quotes[index].Fact.Header, own.Quotes[_facts.Quotes[index].Fact.Header.Id]),
            };
            int before = values.Count;
            ValueSlots.Add(values, fact);
            for (int v = before; v < values.Count; v++) capacity += (2 * (values[v]?.Length ?? 0)) + 4; // in the chunk and in the doc
            string? obsolete = values[before + ValueSlots.Deprecated];
            capacity += (member.Length * 3) + linked.Id.Length + (obsolete?.Length ?? 0) + 320;
            if (!classes.TryGetValue(cls, out var list)) classes.Add(cls, list = new());
            list.Add((type, member, linked.Id, kind, fact, obsolete, index));
        }
        var w = new SourceWriter(capacity);
        Header(w);
        w.Line("// Facts from " + CSharp.Xml(_plan.RelativePath(file.Path)));
        w.Open("namespace " + _settings.Namespace);
        foreach (var cls in classes)
        {
            w.Open(_settings.Visibility + " static partial class " + cls.Key);
            // Written piecewise: at 10,000 facts these lines are most of the generated text.
            string type = "public static " + Ns + "." + cls.Value[0].Type + " ";
            string array = " => " + Ns + ".FactData." + cls.Key + "[";
            foreach (var m in cls.Value)
            {
                w.Start().Append("/// <summary>");
                Doc(w.Builder, m.Kind, m.Index, m.Fact);
                w.Append("</summary>").EndLine();
                if (m.Obsolete is not null) w.Start().Append("[global::System.Obsolete(").AppendLiteral(CSharp.WellFormed(m.Obsolete)).Append(")]").EndLine();
                w.Start().Append(type).Append(m.Member).Append(array).Append(m.Index).Append("];").EndLine();
                w.Line();
            }
            w.Open("public static partial class Ids");
            string see = "/// <summary>The id of <see cref=\"" + cls.Key + ".";
            for (int i = 0; i < cls.Value.Count; i++)
            {
                var m = cls.Value[i];
                w.Start().Append(see).Append(m.Member).Append("\"/>.</summary>").EndLine();
                w.Start().Append("public const string ").Append(m.Member).Append(" = ").AppendLiteral(m.Id).Append(';').EndLine();
            }
            w.Close();
            w.Close();
            w.Line();
        }
        w.Line("static partial class FactData");
        w.Line("{");
        w.Line("    // This file's values (see Values in FactGen.Data.g.cs): per value, a base-27 code, then the chars of a new one.");
        w.Start().Append("    private const string Values").Append(planned.Chunk).Append(" = \"");
        Chunk(w, values);
        w.Append("\";").EndLine();
        w.Line("}");
        w.Close();
        return new GeneratedFile(planned.HintName, w.ToString());
    }

    /// <summary>Writes the doc of the fact <paramref name="index"/> of <paramref name="kind"/> (<paramref name="parsed"/>: its parsed form).</summary>
    private void Doc(StringBuilder sb, FactKind kind, int index, object parsed)
    {
        switch (kind)
        {
            case FactKind.Source: SourceDoc(sb, _facts.Sources[index].Fact, (SourceFact)parsed); break;
            case FactKind.Organization: OrganizationDoc(sb, _facts.Organizations[index].Fact, (OrganizationFact)parsed); break;
            case FactKind.Title: TitleDoc(sb, _facts.Titles[index].Fact, (TitleFact)parsed); break;
            case FactKind.Official: OfficialDoc(sb, _facts.Officials[index].Fact, (OfficialFact)parsed); break;
            case FactKind.Event: EventDoc(sb, _facts.Events[index].Fact, (EventFact)parsed); break;
            case FactKind.Agreement: AgreementDoc(sb, _facts.Agreements[index].Fact, (AgreementFact)parsed); break;
            default: QuoteDoc(sb, _facts.Quotes[index].Fact, (QuoteFact)parsed); break;
        }
    }

    /// <summary>
    /// Writes a chunk's values in slot order, each as a base-27 code (<see cref="DataTables.Encode"/>'s digits): 0 for null,
    /// 2·length + 1 followed by the chars of a value not met before in the chunk, 2·distance for the same value as the one
    /// that many slots back (a country code or a repeated name is one string at run time, not one per fact).
    /// </summary>
    private static void Chunk(SourceWriter w, List<string?> values)
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

    /// <summary>A parsed file's facts by id: the first of each id, which is the one linking kept (see <see cref="Linker"/>).</summary>
    private sealed class OwnFacts
    {
        public OwnFacts(FactFile file)
        {
            Sources = ById(file.Sources, f => f.Header.Id);
            Organizations = ById(file.Organizations, f => f.Header.Id);
            Titles = ById(file.Titles, f => f.Header.Id);
            Officials = ById(file.Officials, f => f.Header.Id);
            Events = ById(file.Events, f => f.Header.Id);
            Agreements = ById(file.Agreements, f => f.Header.Id);
            Quotes = ById(file.Quotes, f => f.Header.Id);
        }

        public Dictionary<string, SourceFact> Sources { get; }

        public Dictionary<string, OrganizationFact> Organizations { get; }

        public Dictionary<string, TitleFact> Titles { get; }

        public Dictionary<string, OfficialFact> Officials { get; }

        public Dictionary<string, EventFact> Events { get; }

        public Dictionary<string, AgreementFact> Agreements { get; }

        public Dictionary<string, QuoteFact> Quotes { get; }

        private static Dictionary<string, T> ById<T>(EquatableArray<T> facts, Func<T, string> id) where T : IEquatable<T>
        {
            var result = new Dictionary<string, T>(facts.Count, StringComparer.Ordinal);
            foreach (T f in facts)
            {
                if (!result.ContainsKey(id(f))) result.Add(id(f), f);
            }
            return result;
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
            w.Line("    int index = " + Ns + ".FactData.Probe(" + Ns + ".FactData." + type + "Table, " + Ns + ".FactData." + type + "Ids, id, " + Ns + ".FactData.Hash(id));");
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
            w.Line("    foreach (" + t + " item in " + Ns + ".FactData." + cls + ") if (item.From.StartDateTime <= to.EndDateTime && from.StartDateTime <= item.To.EndDateTime) result.Add(item);");
            w.Line("    return result;");
            w.Line("}");
        }
        w.Line();
        w.Line("/// <summary>The ids of the " + cls.ToLowerInvariant() + ", as constants for attributes and <c>switch</c>.</summary>");
        w.Line(GeneratedCode);
        w.Line("public static partial class Ids");
        w.Line("{");
        w.Line("}");
        w.Close();
    }

    private static void Header(SourceWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by FactGen from the project's fact files. Edit the YAML, not this file.");
        w.Line("#nullable enable");
        w.Line();
    }

    // ---- doc comments ---------------------------------------------------------------------------

    // Each doc takes the fact twice: as linked (structure: names, resolved links, dates) and as parsed (its values), and
    // is written straight into the generated file's builder.

    private void SourceTail(StringBuilder sb, FactHeader linked, FactHeader parsed)
    {
        Provenance provenance = linked.Provenance;
        string? deprecated = parsed.Provenance.Deprecated;
        if (deprecated is not null) EndSentence(sb.Append(" <b>Deprecated:</b> ").Append(CSharp.Xml(deprecated)));
        if (provenance.Sources.Count > 0)
        {
            sb.Append(" <para>Source: ");
            for (int i = 0; i < provenance.Sources.Count; i++)
            {
                if (i > 0) sb.Append("; ");
                sb.Append(SourceTitleDoc(_sourceIndex[provenance.Sources[i].Id]));
            }
            EndSentence(sb).Append("</para>");
        }
    }

    /// <summary>A source's title as doc text, escaped once per source rather than once per citing fact.</summary>
    private string SourceTitleDoc(int index)
    {
        _sourceTitleDocs ??= new string?[_facts.Sources.Count];
        return _sourceTitleDocs[index] ??= CSharp.Xml(_facts.Sources[index].Fact.Title).TrimEnd('.');
    }

    /// <summary>Ends a doc sentence with a period, unless the text already ends one ("U.S.", "Expectations are low.").</summary>
    private static StringBuilder EndSentence(StringBuilder sb)
    {
        char last = sb.Length == 0 ? ' ' : sb[sb.Length - 1];
        return last is '.' or '!' or '?' or '…' ? sb : sb.Append('.');
    }

    /// <summary>" (a, b)" of the values that are there, or nothing.</summary>
    private static void Extras(StringBuilder sb, string? first, string? second)
    {
        if (first is null && second is null) return;
        sb.Append(" (");
        if (first is not null) sb.Append(CSharp.Xml(first));
        if (first is not null && second is not null) sb.Append(", ");
        if (second is not null) sb.Append(CSharp.Xml(second));
        sb.Append(')');
    }

    private void SourceDoc(StringBuilder sb, SourceFact s, SourceFact parsed)
    {
        sb.Append(CSharp.Xml(s.Title)).Append(", published ").Append(s.Published.Value.ToString()).Append(" (").Append(CSharp.Xml(s.File.Value)).Append(").");
        SourceTail(sb, s.Header, parsed.Header);
    }

    private void OrganizationDoc(StringBuilder sb, OrganizationFact o, OrganizationFact parsed)
    {
        sb.Append(CSharp.Xml(o.Name));
        Extras(sb, parsed.Abbreviation, parsed.Native);
        sb.Append(", ").Append(parsed.Country.Value).Append('.');
        SourceTail(sb, o.Header, parsed.Header);
    }

    private void TitleDoc(StringBuilder sb, TitleFact t, TitleFact parsed)
    {
        sb.Append(CSharp.Xml(t.Name));
        if (t.Organization is { } org) sb.Append(", ").Append(CSharp.Xml(_facts.Organizations[_orgIndex[org.Id]].Fact.Name));
        sb.Append(" (").Append(parsed.Country.Value).Append(')');
        if (t.OneHolder) sb.Append("; one holder at a time");
        sb.Append('.');
        SourceTail(sb, t.Header, parsed.Header);
    }

    private void OfficialDoc(StringBuilder sb, OfficialFact o, OfficialFact parsed)
    {
        sb.Append(CSharp.Xml(o.Name.Value));
        Extras(sb, parsed.Romanized is { } romanized && romanized.Value != o.Name.Value ? romanized.Value : null, parsed.Native?.Value);
        sb.Append(", ").Append(parsed.Country.Value).Append('.');
        if (o.Positions.Count > 0)
        {
            sb.Append(" <para>");
            for (int i = 0; i < o.Positions.Count; i++)
            {
                PositionFact p = o.Positions[i];
                if (i > 0) sb.Append("; ");
                sb.Append(CSharp.Xml(_facts.Titles[_titleIndex[p.Title.Id]].Fact.Name));
                if (p.From is not null || p.To is not null)
                {
                    sb.Append(" (");
                    if (p.From is { } from) sb.Append("from ").Append(from.Value.ToString());
                    if (p.From is not null && p.To is not null) sb.Append(' ');
                    if (p.To is { } to) sb.Append("to ").Append(to.Value.ToString());
                    sb.Append(')');
                }
            }
            EndSentence(sb).Append("</para>");
        }
        SourceTail(sb, o.Header, parsed.Header);
    }

    private void EventDoc(StringBuilder sb, EventFact e, EventFact parsed)
    {
        var (start, end) = Linker.EventPeriod(e);
        sb.Append(start.ToString());
        if (end != start) sb.Append(" to ").Append(end.ToString());
        sb.Append(": ").Append(CSharp.Xml(parsed.Name));
        if (parsed.Place is not null) sb.Append(", ").Append(CSharp.Xml(parsed.Place));
        EndSentence(sb);
        if (parsed.Summary is not null) sb.Append(' ').Append(CSharp.Xml(parsed.Summary));
        SourceTail(sb, e.Header, parsed.Header);
    }

    private void AgreementDoc(StringBuilder sb, AgreementFact a, AgreementFact parsed)
    {
        EndSentence(sb.Append(a.Date.Value.ToString()).Append(": ").Append(CSharp.Xml(parsed.Name)));
        if (parsed.Summary is not null) sb.Append(' ').Append(CSharp.Xml(parsed.Summary));
        SourceTail(sb, a.Header, parsed.Header);
    }

    private void QuoteDoc(StringBuilder sb, QuoteFact q, QuoteFact parsed)
    {
        string speaker = q.Speaker.Target == RefTarget.Official
            ? _facts.Officials[_officialIndex[q.Speaker.Id]].Fact.Name.Value
            : _facts.Organizations[_orgIndex[q.Speaker.Id]].Fact.Name;
        sb.Append('“').Append(CSharp.Xml(parsed.Text.Value, 200)).Append("” — ").Append(CSharp.Xml(speaker)).Append(", ").Append(q.Date.Value.ToString()).Append('.');
        SourceTail(sb, q.Header, parsed.Header);
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

        public int OrganizationKey(int organization) => _officials + organization;

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
