using System.Collections.Generic;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Validation.Rules;

/// <summary>
/// FG0009: a fact names the title an official acted in (<c>{official: li-qiang, as: premier}</c>), but the
/// fact's date lies outside every term of that title the official held.
/// </summary>
internal static class TermCapacityRule
{
    public static void Check(LinkedFacts facts, List<DiagnosticInfo> diagnostics)
    {
        var officials = new Dictionary<string, OfficialFact>(System.StringComparer.Ordinal);
        foreach (var o in facts.Officials) officials[o.Fact.Header.Id] = o.Fact;

        foreach (var e in facts.Events)
        {
            var (start, end) = Linker.EventPeriod(e.Fact);
            foreach (FactRef r in e.Fact.Participants) Check(r, start, end, "Participant '" + r.Id + "' of event '" + e.Fact.Header.Id + "'", officials, diagnostics);
        }
        foreach (var a in facts.Agreements)
        {
            foreach (FactRef r in a.Fact.Negotiators) Check(r, a.Fact.Date.Value, a.Fact.Date.Value, "Negotiator '" + r.Id + "' of agreement '" + a.Fact.Header.Id + "'", officials, diagnostics);
        }
        foreach (var q in facts.Quotes)
        {
            Check(q.Fact.Speaker, q.Fact.Date.Value, q.Fact.Date.Value, "Speaker '" + q.Fact.Speaker.Id + "' of quote '" + q.Fact.Header.Id + "'", officials, diagnostics);
        }
    }

    private static void Check(FactRef r, FactDateValue start, FactDateValue end, string what, Dictionary<string, OfficialFact> officials, List<DiagnosticInfo> diagnostics)
    {
        if (r.As is not { } capacity || r.Target != RefTarget.Official || !officials.TryGetValue(r.Id, out OfficialFact? official)) return;
        var terms = new List<string>();
        foreach (PositionFact p in official.Positions)
        {
            if (p.Title.Id != capacity.Value) continue;
            int from = p.From?.Value.StartDayNumber ?? int.MinValue;
            int to = p.To?.Value.EndDayNumber ?? int.MaxValue;
            if (from <= end.EndDayNumber && start.StartDayNumber <= to) return; // held at some point of the period
            terms.Add(TermOverlapRule.Describe(p));
        }
        string dated = start == end ? start.ToString() : start + ".." + end;
        diagnostics.Add(DiagnosticInfo.Create(Descriptors.OutsideTerm, capacity.Location, what, dated, capacity.Value, r.Id,
            terms.Count == 0 ? "no recorded term" : "terms " + string.Join(", ", terms)));
    }
}
