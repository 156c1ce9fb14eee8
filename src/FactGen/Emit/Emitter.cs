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

    private readonly LinkedFacts _facts;
    private readonly EmitSettings _settings;
    private readonly CancellationToken _cancellationToken;
    private readonly DataTables _data = new();
    private readonly Dictionary<string, int> _sourceIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _orgIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _titleIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _officialIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _eventIndex = new(StringComparer.Ordinal);
    private string?[]? _sourceTitleDocs;
    private readonly Dictionary<string, (List<string> Ids, IdHash Hash)> _lookups = new(StringComparer.Ordinal);

    private Emitter(LinkedFacts facts, EmitSettings settings, CancellationToken cancellationToken)
    {
        _facts = facts;
        _settings = settings;
        _cancellationToken = cancellationToken;
    }

    private string Ns => "global::" + _settings.Namespace;

    private string GeneratedCode => "[global::System.CodeDom.Compiler.GeneratedCode(\"FactGen\", \"" + Version + "\")]";

    /// <summary>Emits every source: the model types, the data, and one file of members per fact file.</summary>
    public static List<GeneratedFile> Emit(LinkedFacts facts, EmitSettings settings, CancellationToken cancellationToken)
        => new Emitter(facts, settings, cancellationToken).Run();

    private List<GeneratedFile> Run()
    {
        Index(_facts.Sources, s => s.Fact.Header.Id, _sourceIndex);
        Index(_facts.Organizations, s => s.Fact.Header.Id, _orgIndex);
        Index(_facts.Titles, s => s.Fact.Header.Id, _titleIndex);
        Index(_facts.Officials, s => s.Fact.Header.Id, _officialIndex);
        Index(_facts.Events, s => s.Fact.Header.Id, _eventIndex);

        Lookup("Source", Ids(_facts.Sources, s => s.Fact.Header.Id));
        Lookup("Organization", Ids(_facts.Organizations, s => s.Fact.Header.Id));
        Lookup("Title", Ids(_facts.Titles, s => s.Fact.Header.Id));
        Lookup("Official", Ids(_facts.Officials, s => s.Fact.Header.Id));
        Lookup("Event", Ids(_facts.Events, s => s.Fact.Header.Id));
        Lookup("Agreement", Ids(_facts.Agreements, s => s.Fact.Header.Id));
        Lookup("Quote", Ids(_facts.Quotes, s => s.Fact.Header.Id));

        var result = new List<GeneratedFile>
        {
            new("FactGen.Model.g.cs", ModelSource()),
            new("FactGen.Data.g.cs", DataSource()),
        };
        result.AddRange(MemberSources());
        return result;
    }

    private void Lookup(string type, List<string> ids) => _lookups.Add(type, (ids, IdHash.For(ids)));

    private int[] HashTable(string type) => DataTables.HashTable(_lookups[type].Ids);

    private static void Index<T>(EquatableArray<T> items, Func<T, string> id, Dictionary<string, int> index) where T : IEquatable<T>
    {
        for (int i = 0; i < items.Count; i++) index[id(items[i])] = i;
    }

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

    private void CommonRow(List<int> row, FactHeader header)
    {
        row.Add(_data.String(header.Id));
        row.Add(SourceList(header.Provenance));
        row.Add(_data.String(header.Provenance.Evidence?.Value));
        row.Add(_data.String(header.Provenance.Note));
        row.Add(_data.String(header.Provenance.Deprecated));
    }

    private int SourceList(Provenance provenance)
    {
        if (provenance.Sources.Count == 0) return 0; // the empty list
        var items = new List<int>(provenance.Sources.Count);
        foreach (FactRef r in provenance.Sources) items.Add(_sourceIndex[r.Id]);
        return _data.List(items);
    }

    private static int Date(LocatedDate? date) => date is null ? 0 : date.Value.Packed;

    private int ActorCode(FactRef r) => r.Target == RefTarget.Official ? _officialIndex[r.Id] * 2 : (_orgIndex[r.Id] * 2) + 1;

    private int AsCode(FactRef r) => r.As is null ? 0 : _titleIndex[r.As.Value] + 1;

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
            if (f.PartOf is not null) reverse.Parts.Add(_eventIndex[f.PartOf.Id], i);
        }
        for (int i = 0; i < _facts.Agreements.Count; i++)
        {
            AgreementFact f = _facts.Agreements[i].Fact;
            foreach (FactRef r in f.Parties)
            {
                if (r.Target == RefTarget.Organization) reverse.AgreementsOf.Add(reverse.OrganizationKey(_orgIndex[r.Id]), i);
            }
            foreach (FactRef r in f.Negotiators) reverse.AgreementsOf.Add(_officialIndex[r.Id], i);
            if (f.Event is not null) reverse.AgreementsOf.Add(reverse.EventKey(_eventIndex[f.Event.Id]), i);
        }
        for (int i = 0; i < _facts.Quotes.Count; i++)
        {
            QuoteFact f = _facts.Quotes[i].Fact;
            reverse.QuotesOf.Add(ActorKey(f.Speaker), i);
            if (f.Event is not null) reverse.QuotesOf.Add(reverse.EventKey(_eventIndex[f.Event.Id]), i);
        }
        return reverse;
    }

    private string DataSource()
    {
        var reverse = ReverseLinks();
        var sources = new List<int>();
        foreach (var s in _facts.Sources)
        {
            CommonRow(sources, s.Fact.Header);
            sources.Add(_data.String(s.Fact.Title));
            sources.Add(_data.String(s.Fact.File.Value));
            sources.Add(s.Fact.Published.Value.Packed);
            sources.Add(_data.String(s.Fact.Url));
        }
        var orgs = new List<int>();
        for (int j = 0; j < _facts.Organizations.Count; j++)
        {
            var o = _facts.Organizations[j];
            CommonRow(orgs, o.Fact.Header);
            orgs.Add(_data.String(o.Fact.Name));
            orgs.Add(_data.String(o.Fact.Native));
            orgs.Add(_data.String(o.Fact.Abbreviation));
            orgs.Add(_data.String(o.Fact.Country.Value));
            orgs.Add(_data.List(reverse.EventsOf.Of(reverse.OrganizationKey(j))));
            orgs.Add(_data.List(reverse.QuotesOf.Of(reverse.OrganizationKey(j))));
            orgs.Add(_data.List(reverse.AgreementsOf.Of(reverse.OrganizationKey(j))));
            orgs.Add(_data.List(reverse.TitlesOf.Of(j)));
        }

        var titles = new List<int>();
        for (int j = 0; j < _facts.Titles.Count; j++)
        {
            var t = _facts.Titles[j];
            CommonRow(titles, t.Fact.Header);
            titles.Add(_data.String(t.Fact.Name));
            titles.Add(t.Fact.Organization is null ? 0 : _orgIndex[t.Fact.Organization.Id] + 1);
            titles.Add(_data.String(t.Fact.Country.Value));
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
            CommonRow(officials, o.Header);
            officials.Add(_data.String(o.Name.Value));
            officials.Add(_data.String(o.Romanized?.Value));
            officials.Add(_data.String(o.Native?.Value));
            officials.Add(_data.String(o.Country.Value));
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
            CommonRow(events, f.Header);
            var (start, end) = Linker.EventPeriod(f);
            events.Add(Array.IndexOf(Parsing.FactSchema.EventKinds, f.Kind));
            events.Add(_data.String(f.Name));
            events.Add(_data.String(f.Summary));
            events.Add(start.Packed);
            events.Add(end.Packed);
            events.Add(_data.String(f.Place));
            var participants = new List<int>();
            foreach (FactRef r in f.Participants)
            {
                participants.Add(ActorCode(r));
                participants.Add(AsCode(r));
            }
            events.Add(_data.List(participants));
            events.Add(f.PartOf is null ? 0 : _eventIndex[f.PartOf.Id] + 1);
            events.Add(_data.List(reverse.Parts.Of(j)));
            events.Add(_data.List(reverse.AgreementsOf.Of(reverse.EventKey(j))));
            events.Add(_data.List(reverse.QuotesOf.Of(reverse.EventKey(j))));
        }
        var agreements = new List<int>();
        foreach (var a in _facts.Agreements)
        {
            AgreementFact f = a.Fact;
            CommonRow(agreements, f.Header);
            agreements.Add(_data.String(f.Name));
            agreements.Add(f.Date.Value.Packed);
            agreements.Add(_data.String(f.Summary));
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
            agreements.Add(f.Event is null ? 0 : _eventIndex[f.Event.Id] + 1);
        }
        var quotes = new List<int>();
        foreach (var q in _facts.Quotes)
        {
            QuoteFact f = q.Fact;
            CommonRow(quotes, f.Header);
            quotes.Add(ActorCode(f.Speaker));
            quotes.Add(AsCode(f.Speaker));
            quotes.Add(_data.String(f.Text.Value));
            quotes.Add(f.Date.Value.Packed);
            quotes.Add(f.Event is null ? 0 : _eventIndex[f.Event.Id] + 1);
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
        bool utf8Ints = _settings.Utf8Literals && text.Length + intsLength >= Utf8IntsFrom;
        // sized for the whole file (a few escapes in the text aside): at 10,000 officials it is 4 million chars
        var w = new SourceWriter(64 * 1024 + text.Length + (text.Length / 16) + intsLength);
        Header(w);
        w.Open("namespace " + _settings.Namespace);
        w.Line("/// <summary>The decoded fact data behind the generated members. Not for direct use.</summary>");
        w.Line("[global::Microsoft.CodeAnalysis.EmbeddedAttribute]");
        w.Line(GeneratedCode);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open("internal static class FactData");
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
        w.Line("// Every string once, concatenated; string i spans ends[i - 1]..ends[i]; 0 is null.");
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
        int facts = _facts.Sources.Count + _facts.Organizations.Count + _facts.Titles.Count + _facts.Officials.Count
            + _facts.Events.Count + _facts.Agreements.Count + _facts.Quotes.Count;
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
            optimize,
            "private static void Create(string?[] s, int[] sourceRows, int[] organizationRows, int[] titleRows, int[] officialRows, int[] positionRows, int[] eventRows, int[] agreementRows, int[] quoteRows)",
            "{",
            "    global::System.ReadOnlySpan<int> r;",
            "    r = sourceRows;",
            "    for (int i = 0, k = 0; i < Sources.Length; i++, k += 9) Sources[i] = new " + p + "Source(s[r[k]]!, s[r[k + 5]]!, s[r[k + 6]]!, " + p + "FactDate.FromPacked(r[k + 7]), s[r[k + 8]]);",
            "    r = organizationRows;",
            "    for (int i = 0, k = 0; i < Organizations.Length; i++, k += 13) Organizations[i] = new " + p + "Organization(s[r[k]]!, s[r[k + 5]]!, s[r[k + 6]], s[r[k + 7]], s[r[k + 8]]!);",
            "    r = titleRows;",
            "    for (int i = 0, k = 0; i < Titles.Length; i++, k += 10) Titles[i] = new " + p + "Title(s[r[k]]!, s[r[k + 5]]!, s[r[k + 7]]!, r[k + 8] != 0);",
            "    r = officialRows;",
            "    for (int i = 0, k = 0; i < Officials.Length; i++, k += 14) Officials[i] = new " + p + "Official(s[r[k]]!, s[r[k + 5]]!, s[r[k + 6]], s[r[k + 7]], s[r[k + 8]]!);",
            "    r = eventRows;",
            "    for (int i = 0, k = 0; i < Events.Length; i++, k += 16) Events[i] = new " + p + "Event(s[r[k]]!, (" + p + "EventKind)r[k + 5], s[r[k + 6]]!, s[r[k + 7]], " + p + "FactDate.FromPacked(r[k + 8]), " + p + "FactDate.FromPacked(r[k + 9]), s[r[k + 10]]);",
            "    r = agreementRows;",
            "    for (int i = 0, k = 0; i < Agreements.Length; i++, k += 11) Agreements[i] = new " + p + "Agreement(s[r[k]]!, s[r[k + 5]]!, " + p + "FactDate.FromPacked(r[k + 6]), s[r[k + 7]]);",
            "    r = quoteRows;",
            "    for (int i = 0, k = 0; i < Quotes.Length; i++, k += 10) Quotes[i] = new " + p + "Quote(s[r[k]]!, Actor(r[k + 5]), r[k + 6] == 0 ? null : Titles[r[k + 6] - 1], s[r[k + 7]]!, " + p + "FactDate.FromPacked(r[k + 8]));",
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
            "/// <summary>Links and reverse links (worked out by the generator: here they are only copied).</summary>",
            optimize,
            "private static void Link(string?[] s, int[] sourceRows, int[] organizationRows, int[] titleRows, int[] officialRows, int[] positionRows, int[] eventRows, int[] agreementRows, int[] quoteRows)",
            "{",
            "    global::System.ReadOnlySpan<int> r = positionRows;",
            "    for (int i = 0, k = 0; i < Positions.Length; i++, k += 7)",
            "    {",
            "        var position = new " + p + "Position(Officials[r[k]], Titles[r[k + 1]], r[k + 2] == 0 ? null : " + p + "FactDate.FromPacked(r[k + 2]), r[k + 3] == 0 ? null : " + p + "FactDate.FromPacked(r[k + 3]));",
            "        position.Sources = Slice(Sources, r[k + 4]);",
            "        position.Evidence = s[r[k + 5]];",
            "        position.Note = s[r[k + 6]];",
            "        Positions[i] = position;",
            "    }",
            "    r = sourceRows;",
            "    for (int i = 0, k = 0; i < Sources.Length; i++, k += 9) Common(Sources[i], r, k, s);",
            "    r = organizationRows;",
            "    for (int i = 0, k = 0; i < Organizations.Length; i++, k += 13)",
            "    {",
            "        " + p + "Organization o = Organizations[i];",
            "        Common(o, r, k, s);",
            "        o.Events = Slice(Events, r[k + 9]);",
            "        o.Quotes = Slice(Quotes, r[k + 10]);",
            "        o.Agreements = Slice(Agreements, r[k + 11]);",
            "        o.Titles = Slice(Titles, r[k + 12]);",
            "    }",
            "    r = titleRows;",
            "    for (int i = 0, k = 0; i < Titles.Length; i++, k += 10)",
            "    {",
            "        Common(Titles[i], r, k, s);",
            "        if (r[k + 6] != 0) Titles[i].Organization = Organizations[r[k + 6] - 1];",
            "        Titles[i].Terms = Slice(Positions, r[k + 9]);",
            "    }",
            "    r = officialRows;",
            "    for (int i = 0, k = 0; i < Officials.Length; i++, k += 14)",
            "    {",
            "        " + p + "Official o = Officials[i];",
            "        Common(o, r, k, s);",
            "        o.Positions = Slice(Positions, r[k + 9]);",
            "        var aliases = new string[ListData[r[k + 10]]];",
            "        for (int j = 0; j < aliases.Length; j++) aliases[j] = s[ListData[r[k + 10] + 1 + j]]!;",
            "        o.Aliases = aliases.Length == 0 ? global::System.Array.Empty<string>() : new global::System.Collections.ObjectModel.ReadOnlyCollection<string>(aliases);",
            "        o.Events = Slice(Events, r[k + 11]);",
            "        o.Quotes = Slice(Quotes, r[k + 12]);",
            "        o.Agreements = Slice(Agreements, r[k + 13]);",
            "    }",
            "    r = eventRows;",
            "    for (int i = 0, k = 0; i < Events.Length; i++, k += 16)",
            "    {",
            "        " + p + "Event e = Events[i];",
            "        Common(e, r, k, s);",
            "        e.Participants = Participants(r[k + 11]);",
            "        if (r[k + 12] != 0) e.PartOf = Events[r[k + 12] - 1];",
            "        e.Parts = Slice(Events, r[k + 13]);",
            "        e.Agreements = Slice(Agreements, r[k + 14]);",
            "        e.Quotes = Slice(Quotes, r[k + 15]);",
            "    }",
            "    r = agreementRows;",
            "    for (int i = 0, k = 0; i < Agreements.Length; i++, k += 11)",
            "    {",
            "        " + p + "Agreement a = Agreements[i];",
            "        Common(a, r, k, s);",
            "        int list = r[k + 8];",
            "        var parties = new " + p + "Party[ListData[list]];",
            "        for (int j = 0; j < parties.Length; j++)",
            "        {",
            "            int code = ListData[list + 1 + j];",
            "            parties[j] = (code & 1) == 0 ? new " + p + "Party(s[code >> 1], null) : new " + p + "Party(null, Organizations[code >> 1]);",
            "        }",
            "        a.Parties = new global::System.Collections.ObjectModel.ReadOnlyCollection<" + p + "Party>(parties);",
            "        a.Negotiators = Participants(r[k + 9]);",
            "        if (r[k + 10] != 0) a.Event = Events[r[k + 10] - 1];",
            "    }",
            "    r = quoteRows;",
            "    for (int i = 0, k = 0; i < Quotes.Length; i++, k += 10)",
            "    {",
            "        " + p + "Quote q = Quotes[i];",
            "        Common(q, r, k, s);",
            "        if (r[k + 9] != 0) q.Event = Events[r[k + 9] - 1];",
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
            "private static void Common(" + p + "Fact fact, global::System.ReadOnlySpan<int> r, int k, string?[] s)",
            "{",
            "    fact.Sources = Slice(Sources, r[k + 1]);",
            "    fact.Evidence = s[r[k + 2]];",
            "    fact.Note = s[r[k + 3]];",
            "    fact.Deprecated = s[r[k + 4]];",
            "}",
            "",
            "private static global::System.Collections.Generic.IReadOnlyList<" + p + "Participant> Participants(int list)",
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
            "private static global::System.Collections.Generic.IReadOnlyList<T> Slice<T>(T[] all, int list)",
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
            else
            {
                w.Line(line);
            }
        }
    }

    // ---- members --------------------------------------------------------------------------------

    private IEnumerable<GeneratedFile> MemberSources()
    {
        // Members go in one file per fact file, so Go to Definition lands next to that file's facts.
        var kinds = new SortedDictionary<string, SortedDictionary<string, List<(string Class, string Type, string Member, string Id, string Doc, string? Obsolete, int Index)>>>(StringComparer.Ordinal);

        void AddKind<T>(EquatableArray<T> items, string cls, string type, Func<T, FactHeader> header, Func<T, string> member, Func<T, string> doc)
            where T : IEquatable<T>
        {
            for (int i = 0; i < items.Count; i++)
            {
                T item = items[i];
                FactHeader h = header(item);
                if (!kinds.TryGetValue(h.Location.Path, out var classes)) kinds.Add(h.Location.Path, classes = new(StringComparer.Ordinal));
                if (!classes.TryGetValue(cls, out var list)) classes.Add(cls, list = new());
                list.Add((cls, type, member(item), h.Id, doc(item), h.Provenance.Deprecated, i));
            }
        }

        AddKind(_facts.Sources, "Sources", "Source", s => s.Fact.Header, s => s.MemberName, s => SourceDoc(s.Fact));
        AddKind(_facts.Organizations, "Organizations", "Organization", o => o.Fact.Header, o => o.MemberName, o => OrganizationDoc(o.Fact));
        AddKind(_facts.Titles, "Titles", "Title", t => t.Fact.Header, t => t.MemberName, t => TitleDoc(t.Fact));
        AddKind(_facts.Officials, "Officials", "Official", o => o.Fact.Header, o => o.MemberName, o => OfficialDoc(o.Fact));
        AddKind(_facts.Events, "Events", "Event", e => e.Fact.Header, e => e.MemberName, e => EventDoc(e.Fact));
        AddKind(_facts.Agreements, "Agreements", "Agreement", a => a.Fact.Header, a => a.MemberName, a => AgreementDoc(a.Fact));
        AddKind(_facts.Quotes, "Quotes", "Quote", q => q.Fact.Header, q => q.MemberName, q => QuoteDoc(q.Fact));

        var result = new List<GeneratedFile> { new("FactGen.Kinds.g.cs", KindsSource()) };
        var usedHints = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "FactGen.Model.g.cs", "FactGen.Data.g.cs", "FactGen.Kinds.g.cs" };
        foreach (var file in kinds)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            int capacity = 4096;
            foreach (var cls in file.Value)
            {
                foreach (var m in cls.Value) capacity += m.Doc.Length + (m.Member.Length * 3) + m.Id.Length + (m.Obsolete?.Length ?? 0) + 240;
            }
            var w = new SourceWriter(capacity);
            Header(w);
            w.Line("// Facts from " + CSharp.Xml(RelativePath(file.Key)));
            w.Open("namespace " + _settings.Namespace);
            bool first = true;
            foreach (var cls in file.Value)
            {
                if (!first) w.Line();
                first = false;
                w.Open(_settings.Visibility + " static partial class " + cls.Key);
                // Written piecewise: at 10,000 facts these lines are most of the generated text.
                string type = "public static " + Ns + "." + cls.Value[0].Type + " ";
                string array = " => " + Ns + ".FactData." + cls.Key + "[";
                foreach (var m in cls.Value)
                {
                    w.Start().Append("/// <summary>").Append(m.Doc).Append("</summary>").EndLine();
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
            }
            w.Close();
            result.Add(new GeneratedFile(HintName(file.Key, usedHints), w.ToString()));
        }
        return result;
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
        IdHash hash = _lookups[type].Hash;
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

    private string RelativePath(string path)
    {
        string p = PathUtil.Normalize(path);
        if (_settings.ProjectDirectory is { Length: > 0 } dir)
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

    private static void Header(SourceWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by FactGen from the project's fact files. Edit the YAML, not this file.");
        w.Line("#nullable enable");
        w.Line();
    }

    // ---- doc comments ---------------------------------------------------------------------------

    private string SourceTail(FactHeader header) => SourceTail(header.Provenance, header.Provenance.Deprecated);

    private string SourceTail(Provenance provenance, string? deprecated)
    {
        if (deprecated is null && provenance.Sources.Count == 0) return string.Empty;
        var sb = new StringBuilder();
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
        return sb.ToString();
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

    private string SourceDoc(SourceFact s)
        => CSharp.Xml(s.Title) + ", published " + s.Published.Value + " (" + CSharp.Xml(s.File.Value) + ")." + SourceTail(s.Header);

    private string OrganizationDoc(OrganizationFact o)
    {
        var sb = new StringBuilder(CSharp.Xml(o.Name));
        var extra = new List<string>();
        if (o.Abbreviation is not null) extra.Add(CSharp.Xml(o.Abbreviation));
        if (o.Native is not null) extra.Add(CSharp.Xml(o.Native));
        if (extra.Count > 0) sb.Append(" (").Append(string.Join(", ", extra)).Append(')');
        sb.Append(", ").Append(o.Country.Value).Append('.');
        return sb + SourceTail(o.Header);
    }

    private string TitleDoc(TitleFact t)
    {
        var sb = new StringBuilder(CSharp.Xml(t.Name));
        if (t.Organization is not null) sb.Append(", ").Append(CSharp.Xml(_facts.Organizations[_orgIndex[t.Organization.Id]].Fact.Name));
        sb.Append(" (").Append(t.Country.Value).Append(')');
        if (t.OneHolder) sb.Append("; one holder at a time");
        sb.Append('.');
        return sb + SourceTail(t.Header);
    }

    private string OfficialDoc(OfficialFact o)
    {
        var sb = new StringBuilder(CSharp.Xml(o.Name.Value));
        var extra = new List<string>();
        if (o.Romanized is not null && o.Romanized.Value != o.Name.Value) extra.Add(CSharp.Xml(o.Romanized.Value));
        if (o.Native is not null) extra.Add(CSharp.Xml(o.Native.Value));
        if (extra.Count > 0) sb.Append(" (").Append(string.Join(", ", extra)).Append(')');
        sb.Append(", ").Append(o.Country.Value).Append('.');
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
                    if (p.From is not null) sb.Append("from ").Append(p.From.Value);
                    if (p.From is not null && p.To is not null) sb.Append(' ');
                    if (p.To is not null) sb.Append("to ").Append(p.To.Value);
                    sb.Append(')');
                }
            }
            EndSentence(sb).Append("</para>");
        }
        return sb + SourceTail(o.Header);
    }

    private string EventDoc(EventFact e)
    {
        var (start, end) = Linker.EventPeriod(e);
        var sb = new StringBuilder();
        sb.Append(start.ToString());
        if (end != start) sb.Append(" to ").Append(end);
        sb.Append(": ").Append(CSharp.Xml(e.Name));
        if (e.Place is not null) sb.Append(", ").Append(CSharp.Xml(e.Place));
        EndSentence(sb);
        if (e.Summary is not null) sb.Append(' ').Append(CSharp.Xml(e.Summary));
        return sb + SourceTail(e.Header);
    }

    private string AgreementDoc(AgreementFact a)
    {
        var sb = new StringBuilder();
        EndSentence(sb.Append(a.Date.Value).Append(": ").Append(CSharp.Xml(a.Name)));
        if (a.Summary is not null) sb.Append(' ').Append(CSharp.Xml(a.Summary));
        return sb + SourceTail(a.Header);
    }

    private string QuoteDoc(QuoteFact q)
    {
        string speaker = q.Speaker.Target == RefTarget.Official
            ? _facts.Officials[_officialIndex[q.Speaker.Id]].Fact.Name.Value
            : _facts.Organizations[_orgIndex[q.Speaker.Id]].Fact.Name;
        return "“" + CSharp.Xml(q.Text.Value, 200) + "” — " + CSharp.Xml(speaker) + ", " + q.Date.Value + "." + SourceTail(q.Header);
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
