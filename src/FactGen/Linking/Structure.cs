using System.Collections.Generic;
using FactGen.Model;

namespace FactGen.Linking;

/// <summary>
/// One fact file's structure: its facts with ids, references, dates and kinds, but without any text linking does not
/// read — neither the values only the fact itself shows (quote texts, summaries, places, native names, countries,
/// evidence, notes, deprecation reasons) nor the names (sources' titles; organizations', titles' and officials'
/// names) nor the terms' dates, evidence and notes, nor the dates of events, agreements and quotes — and without
/// line/column: each location linking can report is numbered instead (see <see cref="Blanker"/>), and the link's errors
/// find their lines again in the parsed file (<see cref="Relocate"/>).
/// <para>
/// Linking runs over structures, so an edit to a value or a name, or one that only moves text around, leaves the
/// link and everything built from it (the data tables, the lookups) cached. Blanked values go to that file's own
/// chunk of the data (see <see cref="Emit.EmitPlan"/>), in the order <see cref="Emit.ValueSlots"/> gives; names go
/// to the names file, and to the docs of the files that show them (see <see cref="Emit.NameTable"/>), so a rename
/// makes again the names file and the generated files whose docs show the name, and nothing else; terms' dates, evidence
/// and notes go to the terms file (see <see cref="Emit.FileTerms"/>), so an edit to them makes again that file and the
/// edited file's own; the dates of events, agreements and quotes go to the dates file (see <see cref="Emit.FileDates"/>),
/// which orders them chronologically, so an edit to them makes again that file and the edited file's own.
/// </para>
/// </summary>
/// <param name="Facts">The file's facts, structure only.</param>
/// <param name="ValueBlocks">
/// How many blocks of <see cref="BlockChars"/> chars the blanked values take, rounded up: the emitter needs an upper
/// bound of all text to choose the tables' literal (the 16 MB string heap). Coarse enough that a small value edit
/// seldom changes it (an 8-char edit crosses a block boundary about once in 128), fine enough that the bound stays
/// close (at most 1K over per file: 64K blocks made 100 files of 17K chars look like 6.5 million).
/// </param>
internal sealed record FileStructure(FactFile Facts, int ValueBlocks)
{
    public const int BlockChars = 1024;
}

internal static class Structure
{
    /// <summary>Links the files' structures (see <see cref="Linker"/>); with an upper bound of the chars their values take.</summary>
    public static (LinkedFacts Facts, long ValueChars) Link(IReadOnlyList<FileStructure> structures, IReadOnlyCollection<string> additionalFilePaths, System.Threading.CancellationToken cancellationToken)
    {
        var facts = new List<FactFile>(structures.Count);
        long valueChars = 0;
        foreach (FileStructure s in structures)
        {
            facts.Add(s.Facts);
            valueChars += (long)s.ValueBlocks * FileStructure.BlockChars;
        }
        return (Linker.Link(facts, additionalFilePaths, cancellationToken), valueChars);
    }

    /// <summary>The structure of a parsed file (see <see cref="FileStructure"/>).</summary>
    public static FileStructure Of(FactFile file) => Of(file, originals: null);

    /// <summary>
    /// The real locations behind a structure's: where <see cref="Of(FactFile)"/> puts the location numbered n (see
    /// <see cref="Blanker"/>), this has <paramref name="file"/>'s own location at index n.
    /// </summary>
    public static List<LocationInfo> LocationsOf(FactFile file)
    {
        var originals = new List<LocationInfo>();
        Of(file, originals);
        return originals;
    }

    /// <summary>
    /// The structures' link diagnostics with real locations: each numbered location (see <see cref="Blanker"/>) becomes
    /// the parsed file's own, and the messages that name a location (FG0005's first definition, FG0010's clashing id)
    /// name the real one. Sorted as <see cref="Linker"/> sorts them, so they equal what linking the parsed files reports.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> Relocate(EquatableArray<DiagnosticInfo> diagnostics, IReadOnlyList<FactFile> parsed)
    {
        if (diagnostics.Count == 0) return diagnostics;
        var tables = new Dictionary<string, List<LocationInfo>?>(System.StringComparer.Ordinal);
        LocationInfo Real(LocationInfo at)
        {
            if (at.Length != Numbered) return at;
            if (!tables.TryGetValue(at.Path, out List<LocationInfo>? table))
            {
                table = null;
                foreach (FactFile f in parsed)
                {
                    if (string.Equals(f.Path, at.Path, System.StringComparison.Ordinal)) table = LocationsOf(f);
                }
                tables.Add(at.Path, table);
            }
            // Both come from the same text, so every numbered location has its real one (were one missing, the file's start
            // is still a place to report at; a numbered location itself is not: its length is -1).
            return table is not null && at.Start >= 0 && at.Start < table.Count ? table[at.Start] : LocationInfo.FileStart(at.Path);
        }

        var result = new DiagnosticInfo[diagnostics.Count];
        for (int i = 0; i < result.Length; i++)
        {
            DiagnosticInfo d = diagnostics[i];
            var others = new LocationInfo[d.AdditionalLocations.Count];
            for (int k = 0; k < others.Length; k++) others[k] = Real(d.AdditionalLocations[k]);
            string[] arguments = d.Arguments.AsSpan().ToArray();
            for (int k = 0; k < others.Length; k++)
            {
                string numbered = d.AdditionalLocations[k].ToString(), real = others[k].ToString();
                for (int a = 0; a < arguments.Length; a++) arguments[a] = arguments[a].Replace(numbered, real);
            }
            result[i] = new DiagnosticInfo(d.Id, Real(d.Location), new EquatableArray<string>(arguments), new EquatableArray<LocationInfo>(others));
        }
        System.Array.Sort(result, DiagnosticInfo.Compare);
        return new EquatableArray<DiagnosticInfo>(result);
    }

    /// <summary>The <see cref="LocationInfo.Length"/> that marks a numbered location (no real one has it).</summary>
    private const int Numbered = -1;

    private static FileStructure Of(FactFile file, List<LocationInfo>? originals)
    {
        var blank = new Blanker(LocationInfo.FileStart(file.Path), originals);
        var structure = new FactFile(
            file.Path,
            blank.All(file.Sources, blank.Source),
            blank.All(file.Organizations, blank.Organization),
            blank.All(file.Titles, blank.Title),
            blank.All(file.Officials, blank.Official),
            blank.All(file.Events, blank.Event),
            blank.All(file.Agreements, blank.Agreement),
            blank.All(file.Quotes, blank.Quote),
            EquatableArray<LocatedString>.Empty,
            EquatableArray<DiagnosticInfo>.Empty);
        long chars = blank.ValueChars;
        return new FileStructure(structure, (int)((chars + FileStructure.BlockChars - 1) / FileStructure.BlockChars));
    }

    /// <summary>
    /// Makes a file's structure. Every location linking can report (ids, references, sources' files, terms) is replaced by
    /// its number in the order this class meets them, in a location no text edit moves: <c>(path, Start: n, Length:
    /// -1, line n)</c> — so a structure stays equal when text moves, and <see cref="Relocate"/> finds the real location
    /// again by walking the parsed file the same way (<see cref="LocationsOf"/>). Blanked values keep the file's start.
    /// </summary>
    private sealed class Blanker
    {
        private readonly LocationInfo _at;
        private readonly List<LocationInfo>? _originals;
        private int _next;
        private readonly LocatedString _blank;
        private readonly LocatedDate _noDate;

        // What a blanked date costs in the dates file, in chars (an upper bound: a packed date takes 2 of the literal's
        // 14-bit digits): a date; a dated fact's date and its place in the chronological order.
        private const int DateChars = 3;
        private const int DatedChars = DateChars + 3;

        public Blanker(LocationInfo at, List<LocationInfo>? originals)
        {
            _at = at;
            _originals = originals;
            _blank = new LocatedString(string.Empty, at);
            _noDate = new LocatedDate(default, at);
        }

        /// <summary>Chars of the values blanked so far (plus one per value, for its length).</summary>
        public long ValueChars { get; private set; }

        public EquatableArray<T> All<T>(EquatableArray<T> items, System.Func<T, T> map) where T : System.IEquatable<T>
        {
            if (items.Count == 0) return items;
            var result = new T[items.Count];
            for (int i = 0; i < result.Length; i++) result[i] = map(items[i]);
            return new EquatableArray<T>(result);
        }

        private void Value(string? value) => ValueChars += (value?.Length ?? 0) + 1;

        private void Value(LocatedString? value) => Value(value?.Value);

        private LocatedString Blank(LocatedString value)
        {
            ValueChars += value.Value.Length + 1;
            return _blank;
        }

        private string Blank(string value)
        {
            ValueChars += value.Length + 1;
            return string.Empty;
        }

        /// <summary>The next numbered location, standing for <paramref name="original"/>.</summary>
        private LocationInfo Mark(LocationInfo original)
        {
            _originals?.Add(original);
            int n = _next++;
            return new LocationInfo(_at.Path, n, Numbered, n, 0, n, 0);
        }

        private LocatedString Keep(LocatedString value) => new(value.Value, Mark(value.Location));

        private LocatedString? Keep(LocatedString? value) => value is { } v ? Keep(v) : null;

        private LocatedDate Keep(LocatedDate value) => new(value.Value, Mark(value.Location));

        private LocatedDate? Keep(LocatedDate? value) => value is { } v ? Keep(v) : null;

        private FactRef Keep(FactRef r) => new(r.Id, r.Target, Mark(r.Location), Keep(r.As));

        private FactRef? Keep(FactRef? r) => r is { } v ? Keep(v) : null;

        private EquatableArray<FactRef> Keep(EquatableArray<FactRef> refs) => All(refs, Keep);

        private FactHeader Header(FactHeader h)
        {
            Provenance p = h.Provenance;
            Value(p.Evidence);
            Value(p.Note);
            Value(p.Deprecated);
            Provenance kept = p.Sources.Count == 0 && p.Evidence is null && p.Note is null && p.Deprecated is null
                ? Provenance.None
                : new Provenance(Keep(p.Sources), null, null, null);
            return new FactHeader(h.Id, Mark(h.IdLocation), Mark(h.Location), kept);
        }

        public SourceFact Source(SourceFact s)
        {
            Value(s.Url);
            return new SourceFact(Header(s.Header), Blank(s.Title), Keep(s.File), Keep(s.Published), null);
        }

        public OrganizationFact Organization(OrganizationFact o)
        {
            Value(o.Native);
            Value(o.Abbreviation);
            return new OrganizationFact(Header(o.Header), Blank(o.Name), null, null, Blank(o.Country));
        }

        public TitleFact Title(TitleFact t)
            => new(Header(t.Header), Blank(t.Name), Keep(t.Organization), Blank(t.Country), t.OneHolder);

        public OfficialFact Official(OfficialFact o)
        {
            Value(o.Romanized);
            Value(o.Native);
            return new OfficialFact(Header(o.Header), Blank(o.Name), null, null, Blank(o.Country), All(o.Positions, Position), o.Aliases);
        }

        // A term keeps its title and sources (links); its dates, evidence and note go to the terms file (see
        // Emit.FileTerms): linking never orders or resolves by them, and FG0007 is checked when parsing.
        private PositionFact Position(PositionFact p)
        {
            Value(p.Provenance.Evidence);
            Value(p.Provenance.Note);
            ValueChars += 2 * DateChars; // its two dates in the terms file
            return new(Keep(p.Title), null, null, Mark(p.Location), p.Provenance.Sources.Count == 0 ? Provenance.None : new Provenance(Keep(p.Provenance.Sources), null, null, null));
        }

        // Events, agreements and quotes keep their links; their dates go to the dates file (see Emit.FileDates), which
        // also orders them chronologically: linking orders every kind by id, so a date edit links and plans nothing.
        // (Reversed ranges, FG0007, are checked when parsing.)
        public EventFact Event(EventFact e)
        {
            Value(e.Summary);
            Value(e.Place);
            ValueChars += DatedChars + DateChars; // its start and end in the dates file
            return new EventFact(Header(e.Header), e.Kind, Blank(e.Name), null, null, null, null, null, Keep(e.Participants), Keep(e.PartOf));
        }

        public AgreementFact Agreement(AgreementFact a)
        {
            Value(a.Summary);
            ValueChars += DatedChars;
            return new AgreementFact(Header(a.Header), Blank(a.Name), _noDate, Keep(a.Parties), Keep(a.Negotiators), Keep(a.Event), null);
        }

        public QuoteFact Quote(QuoteFact q)
        {
            ValueChars += DatedChars;
            return new(Header(q.Header), Keep(q.Speaker), Blank(q.Text), _noDate, Keep(q.Event));
        }
    }
}
