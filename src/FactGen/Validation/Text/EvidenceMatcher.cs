using System;
using System.Text;

namespace FactGen.Validation.Text
{
    /// <summary>
    /// Finds evidence excerpts in a source text (rule FG0012), tolerating typography, whitespace, Unicode
    /// normalization and the source's own Windows-874 damage.
    /// </summary>
    /// <remarks>
    /// Both texts are mapped to a canonical form and compared ordinally (case-sensitive):
    /// <list type="number">
    /// <item>NFC normalization;</item>
    /// <item>every character outside ASCII and the Thai block goes through <see cref="Windows874.Damage"/>, so a
    /// clean <c>Lǐ Qiáng 李强</c> becomes the <c>Lว Qiรกng ๆๅผบ</c> a damaged source shows, while already
    /// damaged text stays as it is;</item>
    /// <item>quotes, apostrophes, primes, guillemets, backtick and dashes (and <c>โ</c>, their damaged form) fold to
    /// one punctuation class; <c>…</c> (and its damaged form <c>โฆ</c>) becomes <c>...</c>;</item>
    /// <item>any run of whitespace (NBSP, tabs, line breaks included) is one space; leading/trailing space is
    /// dropped.</item>
    /// </list>
    /// The canonical source keeps, per character, the span of the original text it came from, so a match is
    /// reported at its offset in the original source.
    /// </remarks>
    internal static class EvidenceMatcher
    {
        /// <summary>The one character every quote, apostrophe, prime and dash folds to.</summary>
        internal const char PunctuationClass = '\uE000';

        /// <summary>Normalizes a source text once, for many excerpt look-ups.</summary>
        public static PreparedEvidenceSource Prepare(string sourceText) => new PreparedEvidenceSource(sourceText ?? string.Empty);

        /// <summary>True when <paramref name="excerpt"/> occurs in <paramref name="sourceText"/> (see the class remarks).</summary>
        public static bool Contains(string sourceText, string excerpt) => IndexOf(sourceText, excerpt) >= 0;

        /// <summary>The offset in <paramref name="sourceText"/> where <paramref name="excerpt"/> matches, or -1.</summary>
        public static int IndexOf(string sourceText, string excerpt)
        {
            if (string.IsNullOrEmpty(sourceText) || string.IsNullOrEmpty(excerpt))
            {
                return -1;
            }

            return Prepare(sourceText).IndexOf(excerpt);
        }

        /// <summary>The canonical form of a text (what matching compares).</summary>
        internal static string Canonicalize(string text)
        {
            var output = Canonicalize(text ?? string.Empty, trackOffsets: false);
            return output.ToString();
        }

        internal static CanonicalBuffer Canonicalize(string text, bool trackOffsets)
            => Canonicalize(text, new CanonicalBuffer(text.Length + 8, trackOffsets), new CanonicalBuffer(text.Length + 8, trackOffsets), new byte[4]);

        /// <summary>The canonical form of an excerpt, with offsets, in <paramref name="scratch"/>'s buffers (valid until its next use).</summary>
        internal static CanonicalBuffer Canonicalize(string text, EvidenceScratch scratch)
        {
            scratch.Stage1.Length = 0;
            scratch.Folded.Length = 0;
            return Canonicalize(text, scratch.Stage1, scratch.Folded, scratch.Bytes);
        }

        private static CanonicalBuffer Canonicalize(string text, CanonicalBuffer stage1, CanonicalBuffer folded, byte[] bytes)
        {
            bool isNfc;
            try
            {
                isNfc = text.IsNormalized(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                isNfc = false; // lone surrogates: normalize piecewise below
            }

            int i = 0;
            while (i < text.Length)
            {
                if (isNfc)
                {
                    int cp = Windows874.ReadCodePoint(text, i, out int width);
                    EmitCodePoint(stage1, cp, i, i + width, bytes);
                    i += width;
                    continue;
                }

                // A base character with the combining marks after it, normalized on its own.
                int end = i + CharWidth(text, i);
                while (end < text.Length && IsCombining(text, end))
                {
                    end += CharWidth(text, end);
                }

                string cluster = text.Substring(i, end - i);
                string normalized;
                try
                {
                    normalized = cluster.Normalize(NormalizationForm.FormC);
                }
                catch (ArgumentException)
                {
                    normalized = cluster;
                }

                for (int k = 0; k < normalized.Length;)
                {
                    int cp = Windows874.ReadCodePoint(normalized, k, out int width);
                    EmitCodePoint(stage1, cp, i, end, bytes);
                    k += width;
                }

                i = end;
            }

            return FoldDamagedPunctuation(stage1, folded);
        }

        private static int CharWidth(string s, int i)
            => char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;

        private static bool IsCombining(string s, int i)
        {
            switch (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(s, i))
            {
                case System.Globalization.UnicodeCategory.NonSpacingMark:
                case System.Globalization.UnicodeCategory.SpacingCombiningMark:
                case System.Globalization.UnicodeCategory.EnclosingMark:
                    return true;
                default:
                    return false;
            }
        }

        private static void EmitCodePoint(CanonicalBuffer output, int cp, int start, int end, byte[] bytes)
        {
            if (cp < 0x80)
            {
                char a = (char)cp;
                if (a == ' ' || (a >= '\t' && a <= '\r'))
                {
                    output.Append(' ', start, end);
                }
                else if (a == '"' || a == '\'' || a == '`' || a == '-')
                {
                    output.Append(PunctuationClass, start, end);
                }
                else
                {
                    output.Append(a, start, end);
                }

                return;
            }

            if (cp <= 0xFFFF)
            {
                char c = (char)cp;
                if (Windows874.IsThaiBlockChar(c))
                {
                    output.Append(c, start, end); // already damaged (or real Thai): unchanged
                    return;
                }

                if (char.IsWhiteSpace(c))
                {
                    output.Append(' ', start, end);
                    return;
                }

                if (IsIgnorable(c))
                {
                    return;
                }

                if (IsFoldedPunctuation(c))
                {
                    output.Append(PunctuationClass, start, end);
                    return;
                }

                if (c == '\u2026')
                {
                    output.Append('.', start, end);
                    output.Append('.', start, end);
                    output.Append('.', start, end);
                    return;
                }
            }

            int count = Windows874.EncodeUtf8(cp, bytes);
            for (int k = 0; k < count; k++)
            {
                if (Windows874.TryGetChar(bytes[k], out char d))
                {
                    output.Append(d == '\u00A0' ? ' ' : d, start, end);
                }
            }
        }

        private static bool IsIgnorable(char c) => c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';

        /// <summary>Quotes, apostrophes, primes, guillemets and dashes (ASCII ones are handled separately).</summary>
        private static bool IsFoldedPunctuation(char c)
        {
            switch (c)
            {
                case '\u201C': // “
                case '\u201D': // ”
                case '\u201E': // „
                case '\u201F': // ‟
                case '\u2018': // ‘
                case '\u2019': // ’
                case '\u201A': // ‚
                case '\u201B': // ‛
                case '\u2032': // ′
                case '\u2033': // ″
                case '\u00AB': // «
                case '\u00BB': // »
                case '\u2039': // ‹
                case '\u203A': // ›
                case '\u00B4': // ´
                case '\u2010': // ‐
                case '\u2011': // ‑
                case '\u2012': // ‒
                case '\u2013': // –
                case '\u2014': // —
                case '\u2015': // ―
                case '\u2212': // −
                    return true;
                default:
                    return false;
            }
        }

        internal static bool IsDamagedContinuation(char c) => c >= '\u0E01' && c <= '\u0E1F';

        /// <summary>
        /// True when the character at <paramref name="index"/> of the original text reaches the canonical form through
        /// <see cref="Windows874.Damage"/> (not ASCII, not Thai, not whitespace or folded punctuation).
        /// </summary>
        internal static bool IsDamagedForm(string text, int index)
        {
            if (index < 0 || index >= text.Length)
            {
                return false;
            }

            int cp = Windows874.ReadCodePoint(text, index, out _);
            if (cp < 0x80)
            {
                return false;
            }

            if (cp > 0xFFFF)
            {
                return true;
            }

            char c = (char)cp;
            return !Windows874.IsThaiBlockChar(c) && !char.IsWhiteSpace(c) && !IsIgnorable(c) && !IsFoldedPunctuation(c) && c != '\u2026';
        }

        /// <summary>
        /// Second pass: the damaged forms of folded punctuation (<c>โ</c> = E2 80 xx with both continuation bytes
        /// lost; <c>โฆ</c> = …; <c>โฒ โณ โน โบ</c> = ′ ″ ‹ ›) join their class, and whitespace runs collapse.
        /// (A leading vowel โ and the consonant after it always share a Thai syllable, so folding them together
        /// never hides a word boundary of real Thai.)
        /// </summary>
        private static CanonicalBuffer FoldDamagedPunctuation(CanonicalBuffer input, CanonicalBuffer output)
        {
            int n = input.Length;
            int k = 0;
            while (k < n)
            {
                char c = input.CharAt(k);
                if (c == ' ')
                {
                    if (output.Length > 0 && output.CharAt(output.Length - 1) != ' ')
                    {
                        output.Append(' ', input.StartAt(k), input.EndAt(k));
                    }

                    k++;
                    continue;
                }

                if (c == '\u0E42') // โ = lead byte 0xE2
                {
                    int conts = 0;
                    while (conts < 2 && k + 1 + conts < n && IsDamagedContinuation(input.CharAt(k + 1 + conts)))
                    {
                        conts++;
                    }

                    if (conts == 0)
                    {
                        output.Append(PunctuationClass, input.StartAt(k), input.EndAt(k));
                        k++;
                        continue;
                    }

                    if (conts == 1)
                    {
                        char next = input.CharAt(k + 1);
                        if (next == '\u0E06') // ฆ = 0xA6: E2 80 A6 …
                        {
                            output.Append('.', input.StartAt(k), input.EndAt(k + 1));
                            output.Append('.', input.StartAt(k), input.EndAt(k + 1));
                            output.Append('.', input.StartAt(k), input.EndAt(k + 1));
                            k += 2;
                            continue;
                        }

                        if (next == '\u0E12' || next == '\u0E13' || next == '\u0E19' || next == '\u0E1A') // ′ ″ ‹ ›
                        {
                            output.Append(PunctuationClass, input.StartAt(k), input.EndAt(k + 1));
                            k += 2;
                            continue;
                        }
                    }

                    for (int t = 0; t <= conts; t++)
                    {
                        output.Append(input.CharAt(k + t), input.StartAt(k + t), input.EndAt(k + t));
                    }

                    k += conts + 1;
                    continue;
                }

                output.Append(c, input.StartAt(k), input.EndAt(k));
                k++;
            }

            if (output.Length > 0 && output.CharAt(output.Length - 1) == ' ')
            {
                output.Length--;
            }

            return output;
        }
    }

    /// <summary>A source text normalized once for many evidence look-ups. Immutable; safe to share across threads.</summary>
    internal sealed class PreparedEvidenceSource
    {
        private readonly CanonicalBuffer _canonical;

        internal PreparedEvidenceSource(string sourceText)
        {
            SourceText = sourceText;
            _canonical = EvidenceMatcher.Canonicalize(sourceText, trackOffsets: true);
            CanonicalText = _canonical.ToString();
        }

        /// <summary>The original source text.</summary>
        public string SourceText { get; }

        /// <summary>The canonical form matching runs on (for diagnostics and tests).</summary>
        internal string CanonicalText { get; }

        /// <summary>True when <paramref name="excerpt"/> occurs in the source.</summary>
        public bool Contains(string excerpt) => IndexOf(excerpt) >= 0;

        /// <summary>Offset in <see cref="SourceText"/> where the excerpt's match starts, or -1.</summary>
        public int IndexOf(string excerpt) => TryMatch(excerpt, out int start, out _) ? start : -1;

        /// <summary>
        /// Finds the first match of <paramref name="excerpt"/>; <paramref name="start"/> and
        /// <paramref name="length"/> give the matched part of <see cref="SourceText"/>. An empty or
        /// whitespace-only excerpt never matches.
        /// </summary>
        public bool TryMatch(string excerpt, out int start, out int length) => TryMatch(excerpt, new EvidenceScratch(), out start, out length);

        /// <summary>
        /// <see cref="TryMatch(string, out int, out int)"/> with the excerpt canonicalized in
        /// <paramref name="scratch"/>'s buffers: a caller matching many excerpts on one thread (a rule over
        /// 10,000s of facts) allocates them once instead of five arrays per excerpt.
        /// </summary>
        public bool TryMatch(string excerpt, EvidenceScratch scratch, out int start, out int length)
        {
            start = -1;
            length = 0;
            if (string.IsNullOrEmpty(excerpt) || CanonicalText.Length == 0)
            {
                return false;
            }

            CanonicalBuffer canonicalExcerpt = EvidenceMatcher.Canonicalize(excerpt, scratch);
            if (canonicalExcerpt.Length == 0)
            {
                return false;
            }

            string needle = canonicalExcerpt.ToString();

            // When the excerpt ends with a clean character whose damaged form lost bytes (李刚: 刚 = E5 88 9A → ๅ),
            // that form is a prefix of other damaged characters (强 → ๅผบ). Damage keeps every surviving byte of a
            // character, so a genuine match is never followed by one more continuation byte of the same sequence.
            bool endsWithDamagedForm = EvidenceMatcher.IsDamagedForm(excerpt, canonicalExcerpt.StartAt(canonicalExcerpt.Length - 1));
            int index = -1;
            int from = 0;
            while (from <= CanonicalText.Length - needle.Length)
            {
                int found = CanonicalText.IndexOf(needle, from, StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                int after = found + needle.Length;
                if (!endsWithDamagedForm || after >= CanonicalText.Length || !EvidenceMatcher.IsDamagedContinuation(CanonicalText[after]))
                {
                    index = found;
                    break;
                }

                from = found + 1;
            }

            if (index < 0)
            {
                return false;
            }

            start = _canonical.StartAt(index);
            length = _canonical.EndAt(index + needle.Length - 1) - start;
            return true;
        }
    }

    /// <summary>The buffers one thread reuses to canonicalize excerpts (see <see cref="PreparedEvidenceSource.TryMatch(string, EvidenceScratch, out int, out int)"/>). Never shared between threads.</summary>
    internal sealed class EvidenceScratch
    {
        internal CanonicalBuffer Stage1 { get; } = new(256, trackOffsets: true);

        internal CanonicalBuffer Folded { get; } = new(256, trackOffsets: true);

        internal byte[] Bytes { get; } = new byte[4];
    }

    /// <summary>Growable char buffer that remembers, per char, the span of the original text it came from.</summary>
    internal sealed class CanonicalBuffer
    {
        private char[] _chars;
        private int[]? _starts;
        private int[]? _ends;

        public CanonicalBuffer(int capacity, bool trackOffsets)
        {
            capacity = Math.Max(capacity, 16);
            _chars = new char[capacity];
            if (trackOffsets)
            {
                _starts = new int[capacity];
                _ends = new int[capacity];
            }
        }

        public int Length { get; set; }

        public char CharAt(int index) => _chars[index];

        public int StartAt(int index) => _starts == null ? 0 : _starts[index];

        public int EndAt(int index) => _ends == null ? 0 : _ends[index];

        public void Append(char c, int start, int end)
        {
            if (Length == _chars.Length)
            {
                int size = checked(_chars.Length * 2);
                Array.Resize(ref _chars, size);
                if (_starts != null && _ends != null)
                {
                    Array.Resize(ref _starts, size);
                    Array.Resize(ref _ends, size);
                }
            }

            _chars[Length] = c;
            if (_starts != null && _ends != null)
            {
                _starts[Length] = start;
                _ends[Length] = end;
            }

            Length++;
        }

        public override string ToString() => new string(_chars, 0, Length);
    }
}
