using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>
/// One dated fact's dates: its id (to tell which fact it is), the key it sorts by chronologically
/// (<see cref="FactDateValue.SortKey"/> of its start), and its start and end packed (equal for a one-date fact).
/// </summary>
internal readonly record struct FactDates(string Id, long SortKey, int Start, int End)
{
    public static FactDates Of(string id, FactDateValue start, FactDateValue end) => new(id, start.SortKey, start.Packed, end.Packed);
}

/// <summary>
/// One fact file's dated facts — events, agreements, quotes — with their dates, each kind sorted by id (ordinal), the
/// first of each id (the one linking keeps: a later one is a duplicate, FG0005). Made from the parsed file and compared
/// by value. These dates are not structure (<see cref="Structure"/> blanks them; linking orders every kind by id), so an
/// edit to an event's, agreement's or quote's date links and plans nothing again: it makes again this small record, the
/// dates file (which orders the facts chronologically) and the edited file's own file.
/// </summary>
internal sealed record FileDates(string Path, EquatableArray<FactDates> Events, EquatableArray<FactDates> Agreements, EquatableArray<FactDates> Quotes)
{
    public static FileDates Of(FactFile file)
    {
        var events = new FactDates[file.Events.Count];
        for (int i = 0; i < events.Length; i++)
        {
            EventFact e = file.Events[i];
            var (start, end) = Linker.EventPeriod(e);
            events[i] = FactDates.Of(e.Header.Id, start, end);
        }
        var agreements = new FactDates[file.Agreements.Count];
        for (int i = 0; i < agreements.Length; i++)
        {
            AgreementFact a = file.Agreements[i];
            agreements[i] = FactDates.Of(a.Header.Id, a.Date.Value, a.Date.Value);
        }
        var quotes = new FactDates[file.Quotes.Count];
        for (int i = 0; i < quotes.Length; i++)
        {
            QuoteFact q = file.Quotes[i];
            quotes[i] = FactDates.Of(q.Header.Id, q.Date.Value, q.Date.Value);
        }
        return new FileDates(file.Path, ById(events), ById(agreements), ById(quotes));
    }

    /// <summary>Sorted by id as the plan lists a file's facts of a kind (stable: the first of an id stays first), each id once.</summary>
    private static EquatableArray<FactDates> ById(FactDates[] facts)
    {
        if (facts.Length == 0) return EquatableArray<FactDates>.Empty;
        var order = new int[facts.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => string.CompareOrdinal(facts[a].Id, facts[b].Id) is var c && c != 0 ? c : a.CompareTo(b));
        var kept = new List<FactDates>(facts.Length);
        foreach (int i in order)
        {
            if (kept.Count == 0 || !string.Equals(kept[kept.Count - 1].Id, facts[i].Id, StringComparison.Ordinal)) kept.Add(facts[i]);
        }
        return EquatableArray.From(kept);
    }
}

/// <summary>
/// The dates file: the dates of events, agreements and quotes and their chronological order, which the data file's
/// loader reads when it makes those facts. Made from the plan and the files' dates alone (see <see cref="FileDates"/>).
/// </summary>
internal static class Dates
{
    /// <summary>The dates file's hint name.</summary>
    public const string HintName = "FactGen.Dates.g.cs";

    /// <summary>
    /// One literal, <c>Dates</c>, numbers as <c>FactData.Number</c> reads them: each event's start and end, each agreement's
    /// date, each quote's date (packed, in generated order: by id); then the events', agreements' and quotes' generated
    /// indexes in chronological order (by start, coarser dates first, then by id).
    /// </summary>
    public static GeneratedFile Emit(ImmutableArray<FileDates> files, EmitPlan plan, CancellationToken cancellationToken)
    {
        var byPath = new Dictionary<string, FileDates>(files.Length, StringComparer.Ordinal);
        foreach (FileDates file in files) byPath[file.Path] = file;

        var events = new FactDates[plan.Facts.Events.Count];
        var agreements = new FactDates[plan.Facts.Agreements.Count];
        var quotes = new FactDates[plan.Facts.Quotes.Count];

        // File by file: the plan lists a file's facts of a kind by index, which is by id, as FileDates sorts them, so the
        // two are walked side by side (a fact linking dropped is skipped over).
        foreach (PlannedFile file in plan.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byPath.TryGetValue(file.Path, out FileDates? dates); // every parsed file has its dates; without them Next throws
            int nextEvent = 0, nextAgreement = 0, nextQuote = 0;
            foreach (var (kind, index) in file.Facts)
            {
                switch (kind)
                {
                    case FactKind.Event:
                        events[index] = Next(dates?.Events, ref nextEvent, plan.Facts.Events[index].Fact.Header.Id, file.Path);
                        break;
                    case FactKind.Agreement:
                        agreements[index] = Next(dates?.Agreements, ref nextAgreement, plan.Facts.Agreements[index].Fact.Header.Id, file.Path);
                        break;
                    case FactKind.Quote:
                        quotes[index] = Next(dates?.Quotes, ref nextQuote, plan.Facts.Quotes[index].Fact.Header.Id, file.Path);
                        break;
                }
            }
        }

        var numbers = new List<int>((2 * events.Length) + (2 * agreements.Length) + (2 * quotes.Length));
        foreach (FactDates e in events)
        {
            numbers.Add(e.Start);
            numbers.Add(e.End);
        }
        foreach (FactDates a in agreements) numbers.Add(a.Start);
        foreach (FactDates q in quotes) numbers.Add(q.Start);
        numbers.AddRange(Chronological(events));
        numbers.AddRange(Chronological(agreements));
        numbers.AddRange(Chronological(quotes));

        var w = new SourceWriter(1024 + (numbers.Count * 3));
        Emitter.Header(w);
        w.Open("namespace " + plan.Settings.Namespace);
        w.Line("static partial class FactData");
        w.Line("{");
        w.Line("    // Each event's start and end, each agreement's and quote's date (yyyymmdd, generated order), then the events',");
        w.Line("    // agreements' and quotes' indexes in chronological order; as Number reads them (see Create in FactGen.Data.g.cs).");
        w.Start().Append("    private const string Dates = \"").Encoded(new[] { (IReadOnlyList<int>)numbers }, utf8: false).Append("\";").EndLine();
        w.Line("}");
        w.Close();
        return new GeneratedFile(HintName, w.ToString());
    }

    /// <summary>The dates of the planned fact <paramref name="id"/>: the next of the file's with that id.</summary>
    private static FactDates Next(EquatableArray<FactDates>? ofFile, ref int next, string id, string path)
    {
        EquatableArray<FactDates> list = ofFile ?? EquatableArray<FactDates>.Empty;
        while (next < list.Count && string.CompareOrdinal(list[next].Id, id) < 0) next++;
        if (next == list.Count || !string.Equals(list[next].Id, id, StringComparison.Ordinal))
        {
            // The plan and the file's dates come from the same parsed text: a miss is a bug, not bad input.
            throw new InvalidOperationException("no dates for '" + id + "' in " + path);
        }
        return list[next++];
    }

    /// <summary>The indexes of <paramref name="facts"/> (in generated order: by id) sorted by start, then index (so by id).</summary>
    private static int[] Chronological(FactDates[] facts)
    {
        var order = new int[facts.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => facts[a].SortKey != facts[b].SortKey ? facts[a].SortKey.CompareTo(facts[b].SortKey) : a.CompareTo(b));
        return order;
    }
}
