using System.Collections.Generic;
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
            string damaged = Parsing.YamlReader.Shorten(finding.Start >= 0 && finding.Start + finding.Length <= text.Value.Length
                ? text.Value.Substring(finding.Start, finding.Length)
                : text.Value);
            string lost = finding.LostCharacters > 0 ? " (" + finding.Description + ")" : string.Empty;
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.Mojibake, text.Location, damaged, kind, Parsing.YamlReader.Shorten(finding.RepairedText), lost));
        }
    }
}
