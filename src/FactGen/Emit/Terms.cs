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
/// One fact file's terms of office: per official with terms, in file order, their dates, evidence and notes. Made from the
/// parsed file and compared by value. Terms' dates are not structure (<see cref="Structure"/> blanks them: linking
/// never orders or resolves by them), so an edit to a term's dates — the edit a facts repository sees most: a term ends —
/// links and plans nothing again: it makes again this small file's terms, the terms file and the edited file's own file.
/// </summary>
internal sealed record FileTerms(string Path, EquatableArray<OfficialTerms> Officials)
{
    public static FileTerms Of(FactFile file)
    {
        List<OfficialTerms>? officials = null;
        foreach (OfficialFact o in file.Officials)
        {
            if (o.Positions.Count == 0) continue;
            var terms = new TermValues[o.Positions.Count];
            for (int i = 0; i < terms.Length; i++)
            {
                PositionFact p = o.Positions[i];
                terms[i] = new TermValues(p.Title.Id, p.From?.Value.Packed ?? 0, p.To?.Value.Packed ?? 0, p.Provenance.Evidence?.Value, p.Provenance.Note);
            }
            (officials ??= new List<OfficialTerms>()).Add(new OfficialTerms(o.Header.Id, new EquatableArray<TermValues>(terms)));
        }
        return new FileTerms(file.Path, officials is null ? EquatableArray<OfficialTerms>.Empty : EquatableArray.From(officials));
    }
}

internal static class Terms
{
    /// <summary>The terms file's hint name (see <see cref="Emit"/>).</summary>
    public const string HintName = "FactGen.Terms.g.cs";

    /// <summary>
    /// Which of an official's parsed terms each linked term is: their indexes in <paramref name="parsedCount"/>, one per
    /// linked term. Linking keeps a term unless its title names no fact, and it keeps the order, so the linked terms are
    /// the parsed ones whose title resolved: each is the first parsed term after the previous one with the same title id
    /// (a term it skipped has a title id that names no fact, which no linked term has). Fails loudly when the two do not
    /// match — the plan and the parsed file come from the same text, so that would be a bug, not bad input.
    /// </summary>
    public static int[] Match(EquatableArray<PositionFact> linked, int parsedCount, Func<int, string> parsedTitle, string officialId)
    {
        var result = new int[linked.Count];
        int at = 0;
        for (int j = 0; j < result.Length; j++)
        {
            string title = linked[j].Title.Id;
            while (at < parsedCount && !string.Equals(parsedTitle(at), title, StringComparison.Ordinal)) at++;
            if (at == parsedCount) throw new InvalidOperationException("official '" + officialId + "': linked term " + j + " (" + title + ") is not among the parsed terms");
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
        var indexed = new Dictionary<string, Dictionary<string, OfficialTerms>>(files.Length, StringComparer.Ordinal);

        var dates = new List<int>();
        var values = new List<string?>();
        foreach (Linked<OfficialFact> linked in plan.Facts.Officials)
        {
            OfficialFact o = linked.Fact;
            if (o.Positions.Count == 0) continue;
            cancellationToken.ThrowIfCancellationRequested();
            string path = o.Header.Location.Path;
            if (!indexed.TryGetValue(path, out Dictionary<string, OfficialTerms>? ofFile))
            {
                indexed.Add(path, ofFile = ById(byPath.TryGetValue(path, out FileTerms? file) ? file : throw new InvalidOperationException("no terms for " + path)));
            }
            if (!ofFile.TryGetValue(o.Header.Id, out OfficialTerms? parsed)) throw new InvalidOperationException("no terms for official '" + o.Header.Id + "' in " + path);
            EquatableArray<TermValues> terms = parsed.Terms;
            foreach (int i in Match(o.Positions, terms.Count, k => terms[k].TitleId, o.Header.Id))
            {
                TermValues t = terms[i];
                dates.Add(t.From);
                dates.Add(t.To);
                values.Add(t.Evidence);
                values.Add(t.Note);
            }
        }

        var w = new SourceWriter(1024 + (dates.Count * 3) + (values.Count * 4));
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

    // Each official's terms by id: the first official of the id, which is the one linking kept (see Linker).
    private static Dictionary<string, OfficialTerms> ById(FileTerms file)
    {
        var result = new Dictionary<string, OfficialTerms>(file.Officials.Count, StringComparer.Ordinal);
        foreach (OfficialTerms o in file.Officials)
        {
            if (!result.ContainsKey(o.Id)) result.Add(o.Id, o);
        }
        return result;
    }
}
