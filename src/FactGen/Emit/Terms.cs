using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>
/// What the data shows of one term of office beyond its links: its dates (packed, 0 for none), evidence and note. Its
/// title's id only to tell which term it is (see <see cref="Terms.Match"/>).
/// </summary>
internal readonly record struct TermValues(string TitleId, int From, int To, string? Evidence, string? Note);

/// <summary>An official's terms as its file gives them, in order (terms whose title names no fact included).</summary>
internal sealed record OfficialTerms(string Id, EquatableArray<TermValues> Terms);

/// <summary>
/// One fact file's terms of office: per official with terms (by id), their dates, evidence and notes. Made from the
/// parsed file and compared by value. Terms' dates are not structure (<see cref="Structure"/> blanks them: linking
/// never orders or resolves by them), so an edit to a term's dates — the edit a facts repository sees most: a term ends —
/// links and plans nothing again: it makes again this small file's terms, the terms file and the edited file's own file.
/// </summary>
internal sealed record FileTerms(string Path, EquatableArray<OfficialTerms> Officials)
{
    /// <summary>The file's officials with terms, sorted by id (ordinal), the first of each id (the one linking keeps).</summary>
    public static FileTerms Of(FactFile file)
    {
        var officials = new List<(OfficialTerms Terms, int Order)>();
        foreach (OfficialFact o in file.Officials)
        {
            if (o.Positions.Count == 0) continue;
            var terms = new TermValues[o.Positions.Count];
            for (int i = 0; i < terms.Length; i++)
            {
                PositionFact p = o.Positions[i];
                terms[i] = new TermValues(p.Title.Id, p.From?.Value.Packed ?? 0, p.To?.Value.Packed ?? 0, p.Provenance.Evidence?.Value, p.Provenance.Note);
            }
            officials.Add((new OfficialTerms(o.Header.Id, new EquatableArray<TermValues>(terms)), officials.Count));
        }
        if (officials.Count == 0) return new FileTerms(file.Path, EquatableArray<OfficialTerms>.Empty);
        // By id as the plan orders a file's officials, so Terms.Emit walks the two side by side; an id met again is a
        // duplicate linking drops (FG0005), and if its first official had no terms, linking keeps one without terms.
        officials.Sort(static (a, b) => string.CompareOrdinal(a.Terms.Id, b.Terms.Id) is var c && c != 0 ? c : a.Order.CompareTo(b.Order));
        var kept = new List<OfficialTerms>(officials.Count);
        foreach (var (terms, _) in officials)
        {
            if (kept.Count == 0 || !string.Equals(kept[kept.Count - 1].Id, terms.Id, StringComparison.Ordinal)) kept.Add(terms);
        }
        return new FileTerms(file.Path, EquatableArray.From(kept));
    }
}

internal static class Terms
{
    /// <summary>The terms file's hint name (see <see cref="Emit"/>).</summary>
    public const string HintName = "FactGen.Terms.g.cs";

    /// <summary>
    /// Which of an official's parsed terms each linked term is: their indexes in <paramref name="parsed"/>, one per linked
    /// term. Linking keeps a term unless its title names no fact, and it keeps the order, so the linked terms are the
    /// parsed ones whose title resolved: each is the first parsed term after the previous one with the same title id (a
    /// term it skipped has a title id that names no fact, which no linked term has). Fails loudly when the two do not
    /// match — the plan and the parsed file come from the same text, so that would be a bug, not bad input.
    /// </summary>
    public static int[] Match<T>(EquatableArray<PositionFact> linked, EquatableArray<T> parsed, Func<T, string> title, string officialId)
        where T : IEquatable<T>
    {
        var result = new int[linked.Count];
        int at = 0;
        for (int j = 0; j < result.Length; j++)
        {
            string id = linked[j].Title.Id;
            while (at < parsed.Count && !string.Equals(title(parsed[at]), id, StringComparison.Ordinal)) at++;
            if (at == parsed.Count) throw new InvalidOperationException("official '" + officialId + "': linked term " + j + " (" + id + ") is not among the parsed terms");
            result[j] = at++;
        }
        return result;
    }

    /// <summary>
    /// The terms file: every linked term's dates, evidence and note, in the order of <c>FactData.Lists.Positions</c> (the
    /// officials in generated order, each one's terms in file order), read by the lists' loader with the terms' rows of the
    /// data file. Made from the plan and the files' terms alone.
    /// </summary>
    public static GeneratedFile Emit(ImmutableArray<FileTerms> files, EmitPlan plan, CancellationToken cancellationToken)
    {
        var byPath = new Dictionary<string, FileTerms>(files.Length, StringComparer.Ordinal);
        foreach (FileTerms file in files) byPath[file.Path] = file;

        // Where each official's terms go: officials in generated order, each one's terms in a row.
        EquatableArray<Linked<OfficialFact>> officials = plan.Facts.Officials;
        var offsets = new int[officials.Count];
        int count = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = count;
            count += officials[i].Fact.Positions.Count;
        }
        var dates = new int[2 * count];
        var values = new string?[2 * count];

        // File by file: the plan lists a file's officials by id, as FileTerms does, so the two are walked side by side.
        foreach (PlannedFile file in plan.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EquatableArray<OfficialTerms> ofFile = byPath.TryGetValue(file.Path, out FileTerms? terms) ? terms.Officials : EquatableArray<OfficialTerms>.Empty;
            int next = 0;
            foreach (var (kind, index) in file.Facts)
            {
                OfficialFact o;
                if (kind != FactKind.Official || (o = officials[index].Fact).Positions.Count == 0) continue;
                while (next < ofFile.Count && string.CompareOrdinal(ofFile[next].Id, o.Header.Id) < 0) next++;
                if (next == ofFile.Count || !string.Equals(ofFile[next].Id, o.Header.Id, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("no terms for official '" + o.Header.Id + "' in " + file.Path);
                }
                EquatableArray<TermValues> parsed = ofFile[next].Terms;
                int at = offsets[index];
                foreach (int i in Match(o.Positions, parsed, static t => t.TitleId, o.Header.Id))
                {
                    TermValues t = parsed[i];
                    dates[2 * at] = t.From;
                    dates[(2 * at) + 1] = t.To;
                    values[2 * at] = t.Evidence;
                    values[(2 * at) + 1] = t.Note;
                    at++;
                }
            }
        }

        var w = new SourceWriter(1024 + (dates.Length * 3) + (values.Length * 4));
        Emitter.Header(w);
        w.Open("namespace " + plan.Settings.Namespace);
        w.Line("static partial class FactData");
        w.Line("{");
        w.Line("    // The terms of office (Lists.Positions), in order: each one's start and end (yyyymmdd, 0 for none), as Number reads");
        w.Line("    // them, and each one's evidence and note, as a chunk of values (see Values in FactGen.Data.g.cs).");
        w.Start().Append("    private const string TermDates = \"").Encoded(new[] { (IReadOnlyList<int>)dates }, utf8: false).Append("\";").EndLine();
        w.Start().Append("    private const string TermValues = \"");
        Emitter.Chunk(w, values);
        w.Append("\";").EndLine();
        w.Line("}");
        w.Close();
        return new GeneratedFile(HintName, w.ToString());
    }
}
