using System.Collections.Generic;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Validation.Rules;

/// <summary>
/// FG0008: two officials hold a <c>holders: one</c> title at the same time, or one official holds the same
/// title twice at once. Open ends count as open (no <c>from</c> = since ever, no <c>to</c> = still). Only a
/// certain overlap is reported: each term is taken at the span it surely covers (a <c>from: 2023-03</c>
/// surely began by 31 March, a <c>to: 2023-03</c> surely lasted to 1 March), and sharing only the handover
/// day (<c>to: 2021-01-20</c>, next <c>from: 2021-01-20</c>) is succession, not overlap.
/// </summary>
internal static class TermOverlapRule
{
    private sealed record Term(string Official, PositionFact Position, int Start, int End);

    public static void Check(LinkedFacts facts, List<DiagnosticInfo> diagnostics)
    {
        var oneHolder = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var t in facts.Titles)
        {
            if (t.Fact.OneHolder) oneHolder.Add(t.Fact.Header.Id);
        }
        var byTitle = new SortedDictionary<string, List<Term>>(System.StringComparer.Ordinal);
        foreach (var o in facts.Officials)
        {
            foreach (PositionFact p in o.Fact.Positions)
            {
                if (!byTitle.TryGetValue(p.Title.Id, out var list)) byTitle.Add(p.Title.Id, list = new List<Term>());
                list.Add(new Term(o.Fact.Header.Id, p, p.From?.Value.EndDayNumber ?? int.MinValue, p.To?.Value.StartDayNumber ?? int.MaxValue));
            }
        }
        foreach (var entry in byTitle)
        {
            List<Term> terms = entry.Value;
            if (terms.Count < 2) continue;
            terms.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Official, b.Official));
            bool one = oneHolder.Contains(entry.Key);
            // Sweep: compare each term with the one reaching furthest so far (per official for the
            // same-official check), so a long list costs n log n, not n².
            Term? widest = null;
            var widestByOfficial = new Dictionary<string, Term>(System.StringComparer.Ordinal);
            foreach (Term term in terms)
            {
                if (widestByOfficial.TryGetValue(term.Official, out Term? mine) && term.Start < mine.End)
                {
                    Report(diagnostics, term, mine, entry.Key, "'" + term.Official + "' holds '" + entry.Key + "' twice at once");
                }
                else if (one && widest is not null && widest.Official != term.Official && term.Start < widest.End)
                {
                    Report(diagnostics, term, widest, entry.Key, "'" + term.Official + "' and '" + widest.Official + "' both hold '" + entry.Key + "', which has one holder at a time");
                }
                if (widest is null || term.End > widest.End) widest = term;
                if (mine is null || term.End > mine.End) widestByOfficial[term.Official] = term;
            }
        }
    }

    private static void Report(List<DiagnosticInfo> diagnostics, Term term, Term other, string title, string what)
        => diagnostics.Add(DiagnosticInfo.Create(Descriptors.OverlappingTerms, term.Position.Location, other.Position.Location,
            what + ": " + Describe(term.Position) + " overlaps " + Describe(other.Position)));

    internal static string Describe(PositionFact p)
        => (p.From?.Value.ToString() ?? "(no start)") + ".." + (p.To?.Value.ToString() ?? "(open)");
}
