using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FactGen.Model;

namespace FactGen.Validation.Rules;

/// <summary>
/// FG0014: an official's <c>name</c> must be <c>romanized</c> with diacritics and tone marks removed. Not checked
/// when <c>romanized</c> itself looks like mojibake (FG0011 reports that, with the repair).
/// </summary>
internal static class RomanizationRule
{
    public static void Check(FactFile file, List<DiagnosticInfo> diagnostics)
    {
        foreach (OfficialFact o in file.Officials)
        {
            // Damaged romanized text is FG0011's to report; its "ASCII form" would be a wrong fix to suggest.
            // Text .NET cannot normalize (a lone surrogate, U+FFFE) has no ASCII form to compare with.
            if (o.Romanized is not { } romanized || !CanNormalize(romanized.Value) || Text.Mojibake.Analyze(romanized.Value) is not null) continue;
            string ascii = ToAscii(romanized.Value);
            if (ascii != o.Name.Value)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.NameMismatch, o.Name.Location, romanized.Location, o.Name.Value, ascii, romanized.Value));
            }
        }
    }

    private static bool CanNormalize(string value)
    {
        try
        {
            value.IsNormalized(NormalizationForm.FormD);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // string.Normalize would throw the same for this value
        }
    }

    /// <summary>Removes combining marks after canonical decomposition and folds the few letters that have none (the value must be normalizable).</summary>
    public static string ToAscii(string value)
    {
        string decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            switch (c)
            {
                case 'ø': sb.Append('o'); break;
                case 'Ø': sb.Append('O'); break;
                case 'đ': sb.Append('d'); break;
                case 'Đ': sb.Append('D'); break;
                case 'ł': sb.Append('l'); break;
                case 'Ł': sb.Append('L'); break;
                case 'ß': sb.Append("ss"); break;
                case 'æ': sb.Append("ae"); break;
                case 'Æ': sb.Append("AE"); break;
                case 'œ': sb.Append("oe"); break;
                case 'Œ': sb.Append("OE"); break;
                case 'ı': sb.Append('i'); break;
                case 'ʼ': case '’': sb.Append('\''); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
