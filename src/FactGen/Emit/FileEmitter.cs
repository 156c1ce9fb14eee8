using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>
/// Emits a fact file's own generated file from an <see cref="OwnFileInput"/> alone: the parsed file (values), the file's
/// <see cref="FileView"/> of the plan (its facts as linked, their indexes and member names, its chunk and hint name) and
/// the names its docs show. It is never given the plan, so it cannot read anything its input's equality does not
/// cover: an edit elsewhere that leaves the input equal leaves the file cached, and is right to.
/// </summary>
internal sealed class FileEmitter
{
    private readonly FileView _view;
    private readonly EmitSettings _settings;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string>?[] _names = new Dictionary<string, string>?[4];
    private readonly Dictionary<string, string> _sourceTitleDocs = new(StringComparer.Ordinal);

    private FileEmitter(FileView view, EquatableArray<NamedFact> names, CancellationToken cancellationToken)
    {
        _view = view;
        _settings = view.Settings;
        _cancellationToken = cancellationToken;
        foreach (NamedFact n in names)
        {
            Dictionary<string, string> ofKind = _names[(int)n.Kind] ??= new Dictionary<string, string>(StringComparer.Ordinal);
            ofKind[n.Id] = n.Name;
        }
    }

    private string Ns => "global::" + _settings.Namespace;

    /// <summary>The file's generated file; none when no fact of the file survived linking.</summary>
    public static List<GeneratedFile> Emit(OwnFileInput input, CancellationToken cancellationToken)
    {
        var result = new List<GeneratedFile>(1);
        if (input.View is { } view) result.Add(new FileEmitter(view, input.ShownNames, cancellationToken).FileSource(input.File));
        return result;
    }

    /// <summary>The name of the fact <paramref name="id"/> of <paramref name="kind"/>: one of the names this file shows (see <see cref="PlannedFile.ShownNames"/>).</summary>
    private string Name(FactKind kind, string id)
        => _names[(int)kind] is { } ofKind && ofKind.TryGetValue(id, out string? name)
            ? name
            : throw new InvalidOperationException(kind + " '" + id + "': a name the docs show is missing from the file's shown names (EmitPlan.ShownNames)");

    /// <summary>
    /// A fact file's generated file: its facts' members (so Go to Definition lands next to that file's facts), their
    /// Ids constants, and the file's chunk of values (<c>FactData.Values{chunk}</c>, read by the data file's loader).
    /// Structure (links, dates, indexes) comes from the file's view of the plan, names from the ones the file shows,
    /// values from <paramref name="file"/>.
    /// </summary>
    private GeneratedFile FileSource(FactFile file)
    {
        var own = new OwnFacts(file);
        var classes = new SortedDictionary<string, List<(string Type, string Member, string Id, int At, ViewFact Fact, object Parsed, string? Obsolete)>>(StringComparer.Ordinal);
        var values = new List<string?>(_view.Facts.Count * 6);
        int capacity = 4096;
        for (int at = 0; at < _view.Facts.Count; at++)
        {
            ViewFact f = _view.Facts[at];
            _cancellationToken.ThrowIfCancellationRequested();
            FactHeader linked = f.Header;
            (string cls, string type, object fact) = f.Kind switch
            {
                FactKind.Source => ("Sources", "Source", (object)own.Sources[linked.Id]),
                FactKind.Organization => ("Organizations", "Organization", own.Organizations[linked.Id]),
                FactKind.Title => ("Titles", "Title", own.Titles[linked.Id]),
                FactKind.Official => ("Officials", "Official", own.Officials[linked.Id]),
                FactKind.Event => ("Events", "Event", own.Events[linked.Id]),
                FactKind.Agreement => ("Agreements", "Agreement", own.Agreements[linked.Id]),
                _ => ("Quotes", "Quote", own.Quotes[linked.Id]),
            };
            int before = values.Count;
            ValueSlots.Add(values, fact);
            for (int v = before; v < values.Count; v++) capacity += (2 * (values[v]?.Length ?? 0)) + 4; // in the chunk and in the doc
            string? obsolete = values[before + ValueSlots.Deprecated];
            capacity += (f.MemberName.Length * 3) + linked.Id.Length + (obsolete?.Length ?? 0) + 320;
            if (!classes.TryGetValue(cls, out var list)) classes.Add(cls, list = new());
            list.Add((type, f.MemberName, linked.Id, at, f, fact, obsolete));
        }
        var w = new SourceWriter(capacity);
        Emitter.Header(w, nullableWarnings: false);
        w.Line("// Facts from " + CSharp.Xml(_view.RelativePath));
        w.Open("namespace " + _settings.Namespace);
        // Members name their type and the data class through aliases, bound once per file, instead of a global:: name
        // each (CompileBenchmarks 10000/100: 358 -> 335 MB). The aliases end in '_', which no member name has (ids are
        // kebab-case letters and digits), so no fact can shadow them; only the kinds this file has get one. (A user's own
        // type named like one, e.g. Official_, in the facts' namespace would clash: CS0576.)
        if (classes.Count > 0)
        {
            w.Line("using FactData_ = " + Ns + ".FactData;");
            foreach (var cls in classes) w.Line("using " + cls.Value[0].Type + "_ = " + Ns + "." + cls.Value[0].Type + ";");
            w.Line();
        }
        foreach (var cls in classes)
        {
            w.Open(_settings.Visibility + " static partial class " + cls.Key);
            // Written piecewise: at 10,000 facts these lines are most of the generated text. A member reads its fact by
            // its place in this file (FactData.OfficialAt(chunk, at)), not by its index in its kind's array, which an edit
            // to another file can move (see ViewFact).
            string type = "public static " + cls.Value[0].Type + "_ ";
            string array = " => FactData_." + cls.Value[0].Type + "At(" + _view.Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", ";
            foreach (var m in cls.Value)
            {
                w.Start().Append("/// <summary>");
                Doc(w.Builder, m.Fact, m.Parsed);
                w.Append("</summary>").EndLine();
                if (m.Obsolete is not null) w.Start().Append("[global::System.Obsolete(").AppendLiteral(CSharp.WellFormed(m.Obsolete)).Append(")]").EndLine();
                w.Start().Append(type).Append(m.Member).Append(array).Append(m.At).Append(");").EndLine();
                w.Line();
            }
            // No doc comment per constant: with GenerateDocumentationFile the compiler parses and binds each one, and at
            // 10,000 officials their 21,540 "The id of <see cref=...>" were ~40% of compiling the generated code
            // (5.2 -> 3.0 s, 558 -> 454 MB, CompileBenchmarks Docs=Diagnose). The Ids class says what the constants
            // are; IntelliSense shows the value. CompilationTests fail if CS1591 reaches a strict build.
            w.Line("#pragma warning disable CS1591 // the constants are documented by the Ids class");
            w.Open("public static partial class Ids");
            for (int i = 0; i < cls.Value.Count; i++)
            {
                var m = cls.Value[i];
                w.Start().Append("public const string ").Append(m.Member).Append(" = ").AppendLiteral(m.Id).Append(';').EndLine();
            }
            w.Close();
            w.Line("#pragma warning restore CS1591");
            w.Close();
            w.Line();
        }
        w.Line("static partial class FactData");
        w.Line("{");
        w.Line("    // This file's values (see Values in FactGen.Data.g.cs): per value, a code, then the chars of a new one.");
        w.Start().Append("    private const string Values").Append(_view.Chunk).Append(" = \"");
        Emitter.Chunk(w, values);
        w.Append("\";").EndLine();
        w.Line();
        w.Line("    // Its own method, so reading this file's values loads this literal alone (see LoadChunk).");
        w.Line("    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        w.Start().Append("    private static string Chunk").Append(_view.Chunk).Append("() => Values").Append(_view.Chunk).Append(';').EndLine();
        w.Line("}");
        w.Close();
        return new GeneratedFile(_view.HintName, w.ToString());
    }

    /// <summary>Writes the doc of <paramref name="fact"/> (as linked; <paramref name="parsed"/>: its parsed form).</summary>
    private void Doc(StringBuilder sb, ViewFact fact, object parsed)
    {
        switch (fact.Fact)
        {
            case SourceFact s: SourceDoc(sb, s, (SourceFact)parsed); break;
            case OrganizationFact o: OrganizationDoc(sb, o, (OrganizationFact)parsed); break;
            case TitleFact t: TitleDoc(sb, t, (TitleFact)parsed); break;
            case OfficialFact o: OfficialDoc(sb, o, (OfficialFact)parsed); break;
            case EventFact e: EventDoc(sb, e, (EventFact)parsed); break;
            case AgreementFact a: AgreementDoc(sb, a, (AgreementFact)parsed); break;
            default: QuoteDoc(sb, (QuoteFact)fact.Fact, (QuoteFact)parsed); break;
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

    // ---- doc comments ---------------------------------------------------------------------------

    // Each doc takes the fact twice: as linked (structure: resolved links, dates) and as parsed (its values), and is
    // written straight into the generated file's builder. Names, its own and other facts', come from Name: the names
    // the plan says the file shows (EmitPlan.ShownNames), which is what lets a rename skip the files that do not show it.
    // Names are found by id, never by index: an index another edit moved cannot pick a wrong name.

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
                sb.Append(SourceTitleDoc(provenance.Sources[i].Id));
            }
            EndSentence(sb).Append("</para>");
        }
    }

    /// <summary>A source's title as doc text, escaped once per source rather than once per citing fact.</summary>
    private string SourceTitleDoc(string id)
    {
        if (!_sourceTitleDocs.TryGetValue(id, out string? doc)) _sourceTitleDocs.Add(id, doc = CSharp.Xml(Name(FactKind.Source, id)).TrimEnd('.'));
        return doc;
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
        sb.Append(CSharp.Xml(Name(FactKind.Source, s.Header.Id))).Append(", published ").Append(s.Published.Value.ToString()).Append(" (").Append(CSharp.Xml(s.File.Value)).Append(").");
        SourceTail(sb, s.Header, parsed.Header);
    }

    private void OrganizationDoc(StringBuilder sb, OrganizationFact o, OrganizationFact parsed)
    {
        sb.Append(CSharp.Xml(Name(FactKind.Organization, o.Header.Id)));
        Extras(sb, parsed.Abbreviation, parsed.Native);
        sb.Append(", ").Append(parsed.Country.Value).Append('.');
        SourceTail(sb, o.Header, parsed.Header);
    }

    private void TitleDoc(StringBuilder sb, TitleFact t, TitleFact parsed)
    {
        sb.Append(CSharp.Xml(Name(FactKind.Title, t.Header.Id)));
        if (t.Organization is { } org) sb.Append(", ").Append(CSharp.Xml(Name(FactKind.Organization, org.Id)));
        sb.Append(" (").Append(parsed.Country.Value).Append(')');
        if (t.OneHolder) sb.Append("; one holder at a time");
        sb.Append('.');
        SourceTail(sb, t.Header, parsed.Header);
    }

    private void OfficialDoc(StringBuilder sb, OfficialFact o, OfficialFact parsed)
    {
        string name = Name(FactKind.Official, o.Header.Id);
        sb.Append(CSharp.Xml(name));
        Extras(sb, parsed.Romanized is { } romanized && romanized.Value != name ? romanized.Value : null, parsed.Native?.Value);
        sb.Append(", ").Append(parsed.Country.Value).Append('.');
        if (o.Positions.Count > 0)
        {
            // The linked terms (links only: their dates are not structure) and, matched to them, the parsed ones (dates).
            EquatableArray<PositionFact> terms = parsed.Positions;
            int[] matched = Terms.Match(o.Positions, terms, static t => t.Title.Id, o.Header.Id);
            sb.Append(" <para>");
            for (int i = 0; i < o.Positions.Count; i++)
            {
                PositionFact p = terms[matched[i]];
                if (i > 0) sb.Append("; ");
                sb.Append(CSharp.Xml(Name(FactKind.Title, p.Title.Id)));
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
        var (start, end) = Linker.EventPeriod(parsed); // dates are not structure (see Dates)
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
        EndSentence(sb.Append(parsed.Date.Value.ToString()).Append(": ").Append(CSharp.Xml(parsed.Name)));
        if (parsed.Summary is not null) sb.Append(' ').Append(CSharp.Xml(parsed.Summary));
        SourceTail(sb, a.Header, parsed.Header);
    }

    private void QuoteDoc(StringBuilder sb, QuoteFact q, QuoteFact parsed)
    {
        string speaker = q.Speaker.Target == RefTarget.Official
            ? Name(FactKind.Official, q.Speaker.Id)
            : Name(FactKind.Organization, q.Speaker.Id);
        sb.Append('“').Append(CSharp.Xml(parsed.Text.Value, 200)).Append("” — ").Append(CSharp.Xml(speaker)).Append(", ").Append(parsed.Date.Value.ToString()).Append('.');
        SourceTail(sb, q.Header, parsed.Header);
    }
}
