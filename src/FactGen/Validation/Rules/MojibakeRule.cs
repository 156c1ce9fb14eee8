using System;
using System.Collections.Generic;
using System.Text;
using FactGen.Model;
using FactGen.Validation.Text;

namespace FactGen.Validation.Rules;

/// <summary>
/// FG0011: a text value looks damaged by a wrong encoding. Evidence excerpts are exempt: they must stay
/// exactly as the (possibly damaged) source has them.
/// </summary>
internal static class MojibakeRule
{
    public static void Check(FactFile file, List<DiagnosticInfo> diagnostics)
    {
        foreach (LocatedString text in file.Texts)
        {
            MojibakeFinding? finding = Mojibake.Analyze(text.Value);
            if (finding is null) continue;
            string kind = finding.Kind switch
            {
                MojibakeKind.Windows874 => "UTF-8 read as Windows-874 (Thai)",
                MojibakeKind.Windows1252 => "UTF-8 read as Windows-1252/Latin-1",
                _ => "replacement-character (U+FFFD)",
            };
            var (damaged, repaired) = Excerpt(text.Value, finding);
            string lost = finding.LostCharacters > 0 ? " (" + finding.Description + ")" : string.Empty;
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.Mojibake, text.Location, damaged, kind, repaired, lost));
        }
    }

    private const int ShortText = 80;

    /// <summary>
    /// The damaged text and its repair as the message shows them: the whole value when it is short (the
    /// usual name or title), else a window from just before the first damaged span, repaired span by span,
    /// so that a long note damaged near its end still shows the damage and the repair.
    /// </summary>
    private static (string Damaged, string Repaired) Excerpt(string value, MojibakeFinding finding)
    {
        if (value.Length <= ShortText) return (Parsing.YamlReader.Shorten(value), Parsing.YamlReader.Shorten(finding.RepairedText));
        MojibakeSpan first = finding.Spans[0];
        int start = Math.Max(0, Math.Min(first.Start, value.Length) - 16);
        for (int back = 0; start > 0 && back < 16 && !char.IsWhiteSpace(value[start - 1]); back++) start--; // a whole first word
        int end = Math.Min(value.Length, start + 64);
        foreach (MojibakeSpan span in finding.Spans)
        {
            if (span.Start < end && span.Start + span.Length > end) end = Math.Min(value.Length, span.Start + span.Length);
        }
        end = Math.Min(end, start + 2 * ShortText); // a span longer than that stays unrepaired in the excerpt
        if (start > 0 && char.IsLowSurrogate(value[start])) start--;
        if (end < value.Length && char.IsLowSurrogate(value[end])) end++;
        var repaired = new StringBuilder();
        int pos = start;
        foreach (MojibakeSpan span in finding.Spans)
        {
            if (span.Start < start || span.Start + span.Length > end) continue;
            repaired.Append(value, pos, span.Start - pos).Append(span.Repair);
            pos = span.Start + span.Length;
        }
        repaired.Append(value, pos, end - pos);
        string before = start > 0 ? "…" : string.Empty;
        string after = end < value.Length ? "…" : string.Empty;
        return (before + Clean(value.Substring(start, end - start)) + after, before + Clean(repaired.ToString()) + after);
    }

    /// <summary>Control characters and line breaks become spaces, so the message stays on one line.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) sb.Append(c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' ? ' ' : c);
        return sb.ToString();
    }
}
