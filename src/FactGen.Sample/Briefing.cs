using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FactGen.Sample.Facts;

namespace FactGen.Sample;

/// <summary>Writes the briefing: officials, the dated timeline, agreements and quotes of the article.</summary>
internal static class Briefing
{
    /// <summary>The article everything here is resolved against; a renamed source id breaks this build.</summary>
    public static Source Article => Sources.RaimondoBeijing;

    public static string Write()
    {
        var w = new StringBuilder();
        FactDate today = Article.Published;
        w.Append("BRIEFING: ").Append(Article.Title).Append('\n');
        w.Append("Source dated ").Append(today).Append(" (").Append(Article.File).Append(")\n");

        Section(w, "OFFICIALS (title held on " + today + ")");
        foreach (Official o in Officials.All)
        {
            w.Append("  ").Append(o.Name);
            if (o.Romanized is not null && o.Romanized != o.Name) w.Append(" / ").Append(o.Romanized);
            if (o.Native is not null) w.Append(" / ").Append(o.Native);
            w.Append(" [").Append(o.Country).Append("]: ");
            Title? title = o.TitleOn(today);
            w.Append(title is null ? "no office on that date (" + Last(o) + ")" : title.Name);
            w.Append('\n');
        }

        Section(w, "TIMELINE");
        foreach (Event e in Events.All)
        {
            if (e.PartOf is not null) continue; // days of a trip are listed under it
            WriteEvent(w, e, "  ");
        }

        Section(w, "AGREEMENTS AND ANNOUNCEMENTS");
        foreach (Agreement a in Agreements.All)
        {
            w.Append("  ").Append(Pad(a.Date)).Append(a.Name).Append('\n');
            w.Append("      parties: ").Append(Join(a.Parties)).Append('\n');
            if (a.Negotiators.Count > 0) w.Append("      negotiators: ").Append(Join(a.Negotiators)).Append('\n');
            if (a.Event is not null) w.Append("      from: ").Append(a.Event.Name).Append('\n');
        }

        Section(w, "QUOTES");
        foreach (Quote q in Quotes.All)
        {
            w.Append("  ").Append(Pad(q.Date)).Append('\u201C').Append(q.Text).Append("\u201D\n");
            w.Append("      \u2014 ").Append(q.Speaker.Name);
            if (q.Speaker is Official speaker && speaker.TitleOn(q.Date) is Title t) w.Append(", ").Append(t.Name);
            if (q.Event is not null) w.Append(" (").Append(q.Event.Name).Append(')');
            w.Append('\n');
        }

        w.Append('\n').Append(string.Format(CultureInfo.InvariantCulture,
            "{0} officials, {1} organizations, {2} titles, {3} events, {4} agreements, {5} quotes from {6} sources.\n",
            Officials.All.Count, Organizations.All.Count, Titles.All.Count, Events.All.Count, Agreements.All.Count, Quotes.All.Count, Sources.All.Count));
        return w.ToString();
    }

    private static void WriteEvent(StringBuilder w, Event e, string indent)
    {
        string when = e.IsSpan ? e.From + ".." + e.To : e.Date.ToString();
        w.Append(indent).Append(Pad(when, 24 - indent.Length + 2)).Append(e.Name);
        if (e.Location is not null) w.Append(" \u2014 ").Append(e.Location);
        w.Append('\n');
        if (e.Participants.Count > 0) w.Append(indent).Append(new string(' ', 24 - indent.Length + 2)).Append("with ").Append(Join(e.Participants)).Append('\n');
        if (e.Parts.Count > 0)
        {
            FactDate? day = null;
            foreach (Event part in e.Parts)
            {
                bool daily = e.From.Precision == FactDatePrecision.Day && part.Date.Precision == FactDatePrecision.Day;
                if (daily && day != part.Date)
                {
                    day = part.Date;
                    w.Append(indent).Append("  day ").Append((part.Date.StartDateTime - e.From.StartDateTime).Days + 1).Append(", ").Append(part.Date).Append(":\n");
                }
                WriteEvent(w, part, indent + (daily ? "    " : "  "));
            }
        }
    }

    private static void Section(StringBuilder w, string title) => w.Append('\n').Append(title).Append('\n').Append(new string('-', title.Length)).Append('\n');

    private static string Last(Official o) => o.Positions.Count == 0 ? "no recorded term" : "last: " + o.Positions[o.Positions.Count - 1];

    private static string Pad(FactDate date) => Pad(date.ToString());

    private static string Pad(string text, int width = 12) => text.Length >= width ? text + " " : text + new string(' ', width - text.Length);

    private static string Join<T>(IEnumerable<T> items)
    {
        var parts = new List<string>();
        foreach (T item in items) parts.Add(item?.ToString() ?? string.Empty);
        return string.Join(", ", parts);
    }
}
