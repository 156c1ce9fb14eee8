using System.Collections.Generic;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Validation.Rules;

/// <summary>FG0015: an event lies (partly) outside the period of the event it is <c>part_of</c>, compared as periods.</summary>
internal static class PartOfRule
{
    public static void Check(LinkedFacts facts, List<DiagnosticInfo> diagnostics)
    {
        var events = new Dictionary<string, EventFact>(System.StringComparer.Ordinal);
        foreach (var e in facts.Events) events[e.Fact.Header.Id] = e.Fact;
        foreach (var e in facts.Events)
        {
            if (e.Fact.PartOf is not { } partOf || !events.TryGetValue(partOf.Id, out EventFact? parent)) continue;
            var (cs, ce) = Linker.EventPeriod(e.Fact);
            var (ps, pe) = Linker.EventPeriod(parent);
            if (cs.StartDayNumber < ps.StartDayNumber || ce.EndDayNumber > pe.EndDayNumber)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.OutsideParent, partOf.Location, parent.Header.IdLocation,
                    e.Fact.Header.Id, Period(cs, ce), parent.Header.Id, Period(ps, pe)));
            }
        }
    }

    private static string Period(FactDateValue start, FactDateValue end) => start == end ? start.ToString() : start + ".." + end;
}
