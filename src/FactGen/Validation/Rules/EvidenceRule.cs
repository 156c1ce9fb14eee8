using System;
using System.Collections.Generic;
using FactGen.Linking;
using FactGen.Model;
using FactGen.Validation.Text;

namespace FactGen.Validation.Rules;

/// <summary>
/// FG0012: an <c>evidence</c> excerpt (or a quote's <c>text</c>) is not found in the text of any source
/// the fact cites. Matching tolerates typographic quotes, dashes, whitespace, Unicode normalization and
/// the source's own encoding damage (see <see cref="EvidenceMatcher"/>). Facts that cite no source with a
/// readable file are not checked (FG0013 covers missing files).
/// </summary>
internal static class EvidenceRule
{
    public static void Check(LinkedFacts facts, Func<string, string?> readSource, List<DiagnosticInfo> diagnostics)
    {
        var sources = new Dictionary<string, LinkedSource>(StringComparer.Ordinal);
        foreach (var s in facts.Sources) sources[s.Fact.Header.Id] = s;
        var prepared = new Dictionary<string, PreparedEvidenceSource?>(StringComparer.Ordinal);
        var scratch = new EvidenceScratch();

        void CheckText(Provenance provenance, LocatedString? located, string what)
        {
            if (located is not { } excerpt || provenance.Sources.Count == 0) return;
            var titles = new List<string>();
            foreach (FactRef r in provenance.Sources)
            {
                if (!sources.TryGetValue(r.Id, out LinkedSource? source) || source.ResolvedPath is null) continue;
                if (!prepared.TryGetValue(source.ResolvedPath, out PreparedEvidenceSource? matcher))
                {
                    string? text = readSource(source.ResolvedPath);
                    matcher = text is null ? null : EvidenceMatcher.Prepare(text);
                    prepared.Add(source.ResolvedPath, matcher);
                }
                if (matcher is null) continue;
                if (matcher.TryMatch(excerpt.Value, scratch, out _, out _)) return;
                titles.Add("source '" + r.Id + "'");
            }
            if (titles.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.EvidenceNotFound, excerpt.Location, what, Parsing.YamlReader.Shorten(excerpt.Value), string.Join(" or ", titles)));
            }
        }

        foreach (var s in facts.Sources) CheckText(s.Fact.Header.Provenance, s.Fact.Header.Provenance.Evidence, "Evidence");
        foreach (var o in facts.Organizations) CheckText(o.Fact.Header.Provenance, o.Fact.Header.Provenance.Evidence, "Evidence");
        foreach (var t in facts.Titles) CheckText(t.Fact.Header.Provenance, t.Fact.Header.Provenance.Evidence, "Evidence");
        foreach (var o in facts.Officials)
        {
            CheckText(o.Fact.Header.Provenance, o.Fact.Header.Provenance.Evidence, "Evidence");
            foreach (PositionFact p in o.Fact.Positions) CheckText(p.Provenance, p.Provenance.Evidence, "Evidence");
        }
        foreach (var e in facts.Events) CheckText(e.Fact.Header.Provenance, e.Fact.Header.Provenance.Evidence, "Evidence");
        foreach (var a in facts.Agreements) CheckText(a.Fact.Header.Provenance, a.Fact.Header.Provenance.Evidence, "Evidence");
        foreach (var q in facts.Quotes)
        {
            CheckText(q.Fact.Header.Provenance, q.Fact.Header.Provenance.Evidence, "Evidence");
            CheckText(q.Fact.Header.Provenance, q.Fact.Text, "Quote text");
        }
    }
}
