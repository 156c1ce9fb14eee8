using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FactGen.Validation.Text
{
    /// <summary>The kind of encoding damage a <see cref="MojibakeSpan"/> shows.</summary>
    internal enum MojibakeKind
    {
        /// <summary>UTF-8 decoded as Windows-874 (Thai), with bytes 0x80–0x9F lost: <c>Qiรกng</c>, <c>Chinaโs</c>.</summary>
        Windows874,

        /// <summary>UTF-8 decoded as Windows-1252 / Latin-1: <c>CafÃ©</c>, <c>Chinaâ€™s</c>.</summary>
        Windows1252,

        /// <summary>U+FFFD REPLACEMENT CHARACTER: the original character is gone.</summary>
        ReplacementCharacter,
    }

    /// <summary>One damaged span of a text, with its best-effort repair.</summary>
    internal sealed class MojibakeSpan
    {
        public MojibakeSpan(MojibakeKind kind, int start, int length, string original, string repair, int lostCharacters, string description)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Original = original;
            Repair = repair;
            LostCharacters = lostCharacters;
            Description = description;
        }

        public MojibakeKind Kind { get; }

        /// <summary>Offset (in UTF-16 chars) of the span in the analysed text.</summary>
        public int Start { get; }

        /// <summary>Length (in UTF-16 chars) of the span in the analysed text.</summary>
        public int Length { get; }

        /// <summary>The damaged text of the span.</summary>
        public string Original { get; }

        /// <summary>What the span repairs to; an unrecoverable character is U+FFFD.</summary>
        public string Repair { get; }

        /// <summary>How many characters of the span cannot be recovered.</summary>
        public int LostCharacters { get; }

        /// <summary>Human description of what is lost (or that nothing is).</summary>
        public string Description { get; }

        public override string ToString() => Kind + " @" + Start.ToString(CultureInfo.InvariantCulture) + ": " + Description;
    }

    /// <summary>The result of <see cref="Mojibake.Analyze"/> for a damaged text.</summary>
    internal sealed class MojibakeFinding
    {
        public MojibakeFinding(IReadOnlyList<MojibakeSpan> spans, string repairedText)
        {
            Spans = spans;
            RepairedText = repairedText;
            int lost = 0;
            int lossySpans = 0;
            var description = new StringBuilder();
            for (int i = 0; i < spans.Count; i++)
            {
                if (spans[i].LostCharacters == 0)
                {
                    continue;
                }

                lost += spans[i].LostCharacters;
                lossySpans++;
                if (lossySpans <= MaxDescribedSpans)
                {
                    if (description.Length > 0)
                    {
                        description.Append("; ");
                    }

                    description.Append(spans[i].Description);
                }
            }

            if (lossySpans > MaxDescribedSpans)
            {
                description.Append("; and ").Append((lossySpans - MaxDescribedSpans).ToString(CultureInfo.InvariantCulture))
                    .Append(" more damaged span").Append(lossySpans - MaxDescribedSpans == 1 ? string.Empty : "s")
                    .Append(" with lost characters");
            }

            LostCharacters = lost;
            Description = lost == 0 ? spans[0].Description : description.ToString();
        }

        private const int MaxDescribedSpans = 3;

        /// <summary>The kind of the first damaged span.</summary>
        public MojibakeKind Kind => Spans[0].Kind;

        /// <summary>Offset of the first damaged span.</summary>
        public int Start => Spans[0].Start;

        /// <summary>Length of the first damaged span.</summary>
        public int Length => Spans[0].Length;

        /// <summary>
        /// What is lost, over the whole text (the descriptions of the first damaged spans that lose characters), or
        /// the first span's description when every span is fully recoverable.
        /// </summary>
        public string Description { get; }

        /// <summary>The whole text with every damaged span repaired (best effort; U+FFFD where a character is lost).</summary>
        public string RepairedText { get; }

        /// <summary>All damaged spans, in text order (never empty).</summary>
        public IReadOnlyList<MojibakeSpan> Spans { get; }

        /// <summary>Characters lost in all spans together.</summary>
        public int LostCharacters { get; }

        public override string ToString() => Spans[0] + " => " + RepairedText;
    }

    /// <summary>
    /// Detects and repairs mojibake (rule FG0011): UTF-8 that was misread as Windows-874 with bytes lost,
    /// UTF-8 misread as Windows-1252 / Latin-1, and U+FFFD replacement characters.
    /// Detection is tuned for no false positives on clean text, including real Thai.
    /// </summary>
    internal static class Mojibake
    {
        private const char Replacement = '\uFFFD';

        /// <summary>Returns null when <paramref name="text"/> looks clean, else the damage found.</summary>
        public static MojibakeFinding? Analyze(string text)
        {
            if (string.IsNullOrEmpty(text) || !HasNonAscii(text))
            {
                return null;
            }

            var spans = new List<SpanDraft>();
            Detect874(text, spans);
            Detect1252(text, spans);
            DetectReplacement(text, spans);
            if (spans.Count == 0)
            {
                return null;
            }

            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            var result = new List<MojibakeSpan>(spans.Count);
            var sb = new StringBuilder(text.Length);
            int pos = 0;
            bool any1252 = false;
            foreach (var span in spans)
            {
                if (span.Start < pos)
                {
                    continue; // overlapping detections cannot happen by construction; be safe anyway
                }

                sb.Append(text, pos, span.Start - pos);
                result.Add(Render(text, span, sb));
                pos = span.End;
                any1252 |= span.Kind == MojibakeKind.Windows1252;
            }

            sb.Append(text, pos, text.Length - pos);
            string repaired = sb.ToString();

            // Double-encoded Windows-1252 mojibake ("Ã¢â‚¬â„¢") needs more than one round.
            for (int round = 0; any1252 && round < 2; round++)
            {
                var again = new List<SpanDraft>();
                Detect1252(repaired, again);
                if (again.Count == 0)
                {
                    break;
                }

                repaired = ApplySimple(repaired, again);
            }

            return new MojibakeFinding(result, repaired);
        }

        private static bool HasNonAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] >= 0x80)
                {
                    return true;
                }
            }

            return false;
        }

        // ------------------------------------------------------------------------------------------------
        // Shared model: a UTF-8 sequence some of whose continuation bytes may have been lost.
        // ------------------------------------------------------------------------------------------------

        /// <summary>Which byte values a lost continuation byte can have.</summary>
        private enum LostBytes
        {
            /// <summary>Windows-874 damage: 0x80–0x9F.</summary>
            C1Range,

            /// <summary>Windows-1252 misread: the five bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D).</summary>
            Cp1252Undefined,
        }

        private sealed class Seq
        {
            public Seq(byte lead, int start)
            {
                Lead = lead;
                Need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
                Start = start;
                End = start + 1;
            }

            public byte Lead { get; }

            /// <summary>Continuation bytes the lead byte calls for.</summary>
            public int Need { get; }

            public byte[] Known { get; } = new byte[3];

            public int KnownCount { get; set; }

            public int Start { get; }

            public int End { get; set; }

            public bool Complete => KnownCount == Need;

            public byte FirstKnown => KnownCount > 0 ? Known[0] : (byte)0;

            public void Add(byte b, int end)
            {
                Known[KnownCount++] = b;
                End = end;
            }

            /// <summary>The code point of a complete, well-formed sequence; -1 otherwise.</summary>
            public int DecodeComplete()
            {
                if (!Complete)
                {
                    return -1;
                }

                int cp = Lead & (Need == 1 ? 0x1F : Need == 2 ? 0x0F : 0x07);
                for (int k = 0; k < Need; k++)
                {
                    cp = (cp << 6) | (Known[k] & 0x3F);
                }

                if (!SecondByteAllowed(Lead, Known[0]))
                {
                    return -1;
                }

                if (Need == 1 && cp < 0x80)
                {
                    return -1;
                }

                return cp;
            }
        }

        private static bool IsLeadByte(int b) => b >= 0xC2 && b <= 0xF4;

        private static bool IsContinuationByte(int b) => b >= 0x80 && b <= 0xBF;

        /// <summary>Well-formedness limits on the byte after a lead (overlongs, surrogates, beyond U+10FFFF).</summary>
        private static bool SecondByteAllowed(byte lead, byte second)
        {
            switch (lead)
            {
                case 0xE0: return second >= 0xA0;
                case 0xED: return second <= 0x9F;
                case 0xF0: return second >= 0x90;
                case 0xF4: return second <= 0x8F;
                default: return lead <= 0xF4;
            }
        }

        private static void SecondByteLimits(byte lead, out int lo, out int hi)
        {
            lo = 0x80;
            hi = 0xBF;
            switch (lead)
            {
                case 0xE0: lo = 0xA0; break;
                case 0xED: hi = 0x9F; break;
                case 0xF0: lo = 0x90; break;
                case 0xF4: hi = 0x8F; break;
            }
        }

        private static bool IsLostValue(int b, LostBytes lost)
            => lost == LostBytes.C1Range
                ? b >= 0x80 && b <= 0x9F
                : b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;

        /// <summary>
        /// Considers every way the known continuation bytes can sit among the slots the lead calls for (a lost byte
        /// may have been any slot) and returns the code-point range the sequence may have encoded; false when no
        /// arrangement is well-formed UTF-8.
        /// </summary>
        private static bool PossibleRange(Seq s, LostBytes lost, out int min, out int max)
        {
            min = int.MaxValue;
            max = -1;
            int lostLo = lost == LostBytes.C1Range ? 0x80 : 0x81;
            int lostHi = lost == LostBytes.C1Range ? 0x9F : 0x9D;
            int slots = s.Need;
            int arrangements = 0;
            for (int mask = 0; mask < (1 << slots); mask++)
            {
                if (PopCount(mask) != s.KnownCount)
                {
                    continue;
                }

                int lo = s.Lead & (slots == 1 ? 0x1F : slots == 2 ? 0x0F : 0x07);
                int hi = lo;
                int known = 0;
                bool ok = true;
                for (int slot = 0; slot < slots; slot++)
                {
                    int bLo, bHi;
                    if ((mask & (1 << slot)) != 0)
                    {
                        bLo = bHi = s.Known[known++];
                    }
                    else
                    {
                        bLo = lostLo;
                        bHi = lostHi;
                    }

                    if (slot == 0)
                    {
                        SecondByteLimits(s.Lead, out int limLo, out int limHi);
                        bLo = Math.Max(bLo, limLo);
                        bHi = Math.Min(bHi, limHi);
                        if (bLo > bHi)
                        {
                            ok = false;
                            break;
                        }
                    }

                    lo = (lo << 6) | (bLo & 0x3F);
                    hi = (hi << 6) | (bHi & 0x3F);
                }

                if (!ok)
                {
                    continue;
                }

                if (slots == 1 && lo < 0x80)
                {
                    lo = 0x80;
                }

                if (lo > hi)
                {
                    continue;
                }

                min = Math.Min(min, lo);
                max = Math.Max(max, hi);
                arrangements++;
            }

            if (arrangements > 1)
            {
                // The known bytes may sit in more than one slot: report the lead byte's whole block instead of a
                // union of interleaved ranges.
                SecondByteLimits(s.Lead, out int lo2, out int hi2);
                min = s.Lead & (slots == 1 ? 0x1F : slots == 2 ? 0x0F : 0x07);
                max = min;
                for (int slot = 0; slot < slots; slot++)
                {
                    min = (min << 6) | ((slot == 0 ? lo2 : 0x80) & 0x3F);
                    max = (max << 6) | ((slot == 0 ? hi2 : 0xBF) & 0x3F);
                }
            }

            return arrangements > 0;
        }

        /// <summary>Could <paramref name="cp"/> be the character a partial sequence came from?</summary>
        private static bool CouldBe(Seq s, LostBytes lost, int cp, byte[] buffer)
        {
            int len = Windows874.EncodeUtf8(cp, buffer);
            if (len != s.Need + 1 || buffer[0] != s.Lead)
            {
                return false;
            }

            int slots = s.Need;
            for (int mask = 0; mask < (1 << slots); mask++)
            {
                if (PopCount(mask) != s.KnownCount)
                {
                    continue;
                }

                int known = 0;
                bool ok = true;
                for (int slot = 0; slot < slots && ok; slot++)
                {
                    byte actual = buffer[slot + 1];
                    ok = (mask & (1 << slot)) != 0 ? actual == s.Known[known++] : IsLostValue(actual, lost);
                }

                if (ok)
                {
                    return true;
                }
            }

            return false;
        }

        private static int PopCount(int v)
        {
            int n = 0;
            while (v != 0)
            {
                n += v & 1;
                v >>= 1;
            }

            return n;
        }

        // Characters offered as examples of what a lost character may have been, most useful first.
        private const string ExampleCandidates =
            "ǎǐǒǔǖǘǚǜāēīōūěčšžřňńőűłśźżğışơư’“”‘–—…•€™′″‰" +
            "àáâãäåçèéêëìíîïñòóôõöùúûüýÿß" +
            "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹșț" +
            "ǍǏǑǓĀĒĪŌŪĚČŠŽŘŇŃŐŰŁŚŹŻĞŞİƠƯÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝȘȚ";

        private static string DescribeLostCharacter(Seq s, LostBytes lost)
        {
            if (!PossibleRange(s, lost, out int min, out int max))
            {
                return "an unknown character";
            }

            string range = min == max ? "U+" + Hex(min) : "U+" + Hex(min) + "–U+" + Hex(max);
            var examples = new StringBuilder();
            var buffer = new byte[4];
            int found = 0;
            for (int i = 0; i < ExampleCandidates.Length && found < 4; i++)
            {
                char c = ExampleCandidates[i];
                if (c >= min && c <= max && CouldBe(s, lost, c, buffer))
                {
                    if (found > 0)
                    {
                        examples.Append(' ');
                    }

                    examples.Append(c);
                    found++;
                }
            }

            if (found > 0)
            {
                return "a character in " + range + ", e.g. " + examples;
            }

            string? label = RangeLabel(min, max);
            return label == null ? "a character in " + range : "a character in " + range + ", likely " + label;
        }

        private static string? RangeLabel(int min, int max)
        {
            if (Overlaps(min, max, 0x3400, 0x4DBF) || Overlaps(min, max, 0x4E00, 0x9FFF) || Overlaps(min, max, 0x20000, 0x2FFFF))
            {
                return "a CJK ideograph";
            }

            if (Overlaps(min, max, 0x1F000, 0x1FAFF))
            {
                return "an emoji";
            }

            if (Overlaps(min, max, 0xAC00, 0xD7A3))
            {
                return "a Hangul syllable";
            }

            if (Overlaps(min, max, 0x3000, 0x30FF))
            {
                return "CJK punctuation or kana";
            }

            if (Overlaps(min, max, 0x0E00, 0x0E7F))
            {
                return "a Thai character";
            }

            if (Overlaps(min, max, 0x0400, 0x04FF))
            {
                return "a Cyrillic letter";
            }

            if (Overlaps(min, max, 0x0370, 0x03FF))
            {
                return "a Greek letter";
            }

            if (Overlaps(min, max, 0x2000, 0x206F))
            {
                return "punctuation";
            }

            return null;
        }

        private static bool Overlaps(int min, int max, int lo, int hi) => min <= hi && max >= lo;

        private static string Hex(int cp) => cp.ToString("X4", CultureInfo.InvariantCulture);

        // ------------------------------------------------------------------------------------------------
        // Drafts and rendering (repair text + description with context).
        // ------------------------------------------------------------------------------------------------

        private sealed class SpanDraft
        {
            public SpanDraft(MojibakeKind kind, int start, int end)
            {
                Kind = kind;
                Start = start;
                End = end;
            }

            public MojibakeKind Kind { get; }

            public int Start { get; }

            public int End { get; set; }

            /// <summary>Decoded sequences (complete ones carry a code point, partial ones are losses).</summary>
            public List<Seq> Pieces { get; } = new List<Seq>();
        }

        private static MojibakeSpan Render(string text, SpanDraft span, StringBuilder sb)
        {
            string original = text.Substring(span.Start, span.End - span.Start);
            if (span.Kind == MojibakeKind.ReplacementCharacter)
            {
                string where = ContextPhrase(sb);
                sb.Append(original);
                int n = original.Length;
                return new MojibakeSpan(
                    span.Kind,
                    span.Start,
                    original.Length,
                    original,
                    original,
                    n,
                    Count(n) + " replaced by U+FFFD " + where + "; the original is unrecoverable");
            }

            LostBytes lost = span.Kind == MojibakeKind.Windows874 ? LostBytes.C1Range : LostBytes.Cp1252Undefined;
            int before = sb.Length;
            int lostCount = 0;
            var description = new StringBuilder();
            var group = new List<string>();
            string groupWhere = string.Empty;
            foreach (var piece in span.Pieces)
            {
                int cp = piece.DecodeComplete();
                if (cp >= 0)
                {
                    FlushLossGroup(description, group, groupWhere);
                    AppendCodePoint(sb, cp);
                    continue;
                }

                if (group.Count == 0)
                {
                    groupWhere = ContextPhrase(sb);
                }

                group.Add(DescribeLostCharacter(piece, lost));
                sb.Append(Replacement);
                lostCount++;
            }

            FlushLossGroup(description, group, groupWhere);
            string repair = sb.ToString(before, sb.Length - before);
            if (lostCount == 0)
            {
                string codePage = span.Kind == MojibakeKind.Windows874 ? "Windows-874 (Thai)" : "Windows-1252";
                description.Append('"').Append(original).Append("\" is the UTF-8 encoding of \"").Append(repair)
                    .Append("\" misread as ").Append(codePage).Append("; nothing is lost");
            }

            return new MojibakeSpan(span.Kind, span.Start, span.End - span.Start, original, repair, lostCount, description.ToString());
        }

        private static void FlushLossGroup(StringBuilder description, List<string> group, string where)
        {
            if (group.Count == 0)
            {
                return;
            }

            if (description.Length > 0)
            {
                description.Append("; ");
            }

            description.Append(Count(group.Count)).Append(" lost ").Append(where).Append(" (");
            for (int i = 0; i < group.Count; i++)
            {
                if (i > 0)
                {
                    description.Append("; ");
                }

                description.Append(group[i]);
            }

            description.Append(')');
            group.Clear();
        }

        private static string Count(int n)
            => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " character" : " characters");

        /// <summary>Where in the (repaired) text we are: after the current word, or the previous one when at a word start.</summary>
        private static string ContextPhrase(StringBuilder sb)
        {
            const int MaxContext = 24;
            int end = sb.Length;
            if (end == 0)
            {
                return "at the start of the text";
            }

            int floor = Math.Max(0, end - MaxContext);
            int i = end;
            while (i > floor && !char.IsWhiteSpace(sb[i - 1]))
            {
                i--;
            }

            if (i == end)
            {
                int j = end;
                while (j > floor && char.IsWhiteSpace(sb[j - 1]) && !IsNewline(sb[j - 1]))
                {
                    j--;
                }

                if (j == 0)
                {
                    return "at the start of the text";
                }

                if (IsNewline(sb[j - 1]))
                {
                    return "at the start of a line";
                }

                i = j;
                while (i > floor && !char.IsWhiteSpace(sb[i - 1]))
                {
                    i--;
                }
            }

            if (i < end && char.IsLowSurrogate(sb[i]))
            {
                i++;
            }

            return "after \"" + sb.ToString(i, end - i) + "\"";
        }

        private static bool IsNewline(char c) => c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';

        private static void AppendCodePoint(StringBuilder sb, int cp)
        {
            if (cp < 0x10000)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        private static string ApplySimple(string text, List<SpanDraft> spans)
        {
            var sb = new StringBuilder(text.Length);
            int pos = 0;
            foreach (var span in spans)
            {
                if (span.Start < pos)
                {
                    continue;
                }

                sb.Append(text, pos, span.Start - pos);
                foreach (var piece in span.Pieces)
                {
                    int cp = piece.DecodeComplete();
                    if (cp >= 0)
                    {
                        AppendCodePoint(sb, cp);
                    }
                    else
                    {
                        sb.Append(Replacement);
                    }
                }

                pos = span.End;
            }

            sb.Append(text, pos, text.Length - pos);
            return sb.ToString();
        }

        // ------------------------------------------------------------------------------------------------
        // U+FFFD
        // ------------------------------------------------------------------------------------------------

        private static void DetectReplacement(string text, List<SpanDraft> spans)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != Replacement)
                {
                    continue;
                }

                int j = i + 1;
                while (j < text.Length && text[j] == Replacement)
                {
                    j++;
                }

                spans.Add(new SpanDraft(MojibakeKind.ReplacementCharacter, i, j));
                i = j - 1;
            }
        }

        // ------------------------------------------------------------------------------------------------
        // Windows-874
        //
        // Every Thai-block character of damaged text stands for one UTF-8 byte: U+0E22–U+0E3A and U+0E3F are
        // 2-byte lead bytes (0xC2–0xDA, 0xDF), U+0E40–U+0E4F 3-byte leads (0xE0–0xEF), U+0E50–U+0E54 4-byte
        // leads, U+0E01–U+0E1F continuation bytes (0xA1–0xBF), U+0E20/U+0E21/U+0E55–U+0E5B bytes that never
        // occur in UTF-8. A maximal run of Thai characters is parsed as lead + at most the continuation bytes
        // that lead calls for (the missing ones were lost, and a lost byte was 0x80–0x9F).
        //
        // A run is *consistent* when that parse succeeds. Damage always yields consistent runs; real Thai
        // almost never does over a whole text (it starts words with consonants that are continuation bytes,
        // uses ภ ม, stacks vowels...). A consistent run is flagged only on strong evidence:
        //   A. glued to Latin letters (both sides, or one side for a single sequence) and every sequence decodes
        //      (or partly decodes) to Latin letters or general punctuation (Qiรกng, Lว, Chinaโs);
        //   B. every sequence is a CJK / punctuation 3-byte lead and the run breaks Thai spelling rules that
        //      real Thai keeps (a tone mark with no consonant before it, ๅ not after ฤ/ฦ, a leading vowel with
        //      no consonant after it, ๆ not after a Thai word): ๆๅผบ, ไฝ็ซๅณฐ, " โ ";
        //   C. double-damaged Thai (เธช...).
        // Once one run is flagged and the text holds no inconsistent run (no real Thai), every consistent run
        // whose sequences are all plausible is repaired too. With real Thai in the text only rule A with Latin
        // letters on both sides still applies.
        // ------------------------------------------------------------------------------------------------

        private sealed class Run
        {
            public Run(int start)
            {
                Start = start;
            }

            public int Start { get; }

            public int End { get; set; }

            public List<Seq> Groups { get; } = new List<Seq>();

            public bool Consistent { get; set; } = true;

            public bool LatinPlausible { get; set; }

            public bool CjkPlausible { get; set; }

            public bool WeakPlausible { get; set; }

            public bool DoubleThai { get; set; }

            public bool Violation { get; set; }

            public bool Flag { get; set; }
        }

        private static void Detect874(string text, List<SpanDraft> spans)
        {
            List<Run>? runs = null;
            for (int i = 0; i < text.Length; i++)
            {
                if (!Windows874.IsThaiBlockChar(text[i]))
                {
                    continue;
                }

                var run = ParseRun(text, i);
                runs ??= new List<Run>();
                runs.Add(run);
                i = run.End - 1;
            }

            if (runs == null)
            {
                return;
            }

            bool realThai = false;
            foreach (var run in runs)
            {
                if (!run.Consistent)
                {
                    realThai = true;
                    break;
                }
            }

            bool anyStrong = false;
            for (int k = 0; k < runs.Count; k++)
            {
                var run = runs[k];
                if (!run.Consistent)
                {
                    continue;
                }

                bool left = run.Start > 0 && IsLatinLetter(text[run.Start - 1]);
                bool right = run.End < text.Length && IsLatinLetter(text[run.End]);
                // Glued to Latin letters on both sides (inside a word: Qiรกng, Chinaโs), or on one side when the run is a
                // single damaged character (Lว, Hรฉ, exchangeโ); a longer run glued on one side only is more
                // likely a real Thai word written without a space (Appleโลก).
                if (run.LatinPlausible && !UppercaseAfterLowercase(text, run)
                    && ((left && right) || (!realThai && (left || right) && run.Groups.Count == 1)))
                {
                    run.Flag = true;
                }
                else if (!realThai && run.CjkPlausible && run.Violation && NeighboursPlausible(text, runs, k))
                {
                    run.Flag = true;
                }
                else if (!realThai && run.DoubleThai)
                {
                    run.Flag = true;
                }

                anyStrong |= run.Flag;
            }

            if (!anyStrong)
            {
                return;
            }

            foreach (var run in runs)
            {
                if (!run.Flag && !realThai && run.Consistent && run.WeakPlausible)
                {
                    run.Flag = true;
                }

                if (run.Flag)
                {
                    var draft = new SpanDraft(MojibakeKind.Windows874, run.Start, run.End);
                    draft.Pieces.AddRange(run.Groups);
                    spans.Add(draft);
                }
            }
        }

        /// <summary>A decoded capital glued after a lowercase letter (AppleŴ from Appleลด) is not how Latin words look.</summary>
        private static bool UppercaseAfterLowercase(string text, Run run)
        {
            if (run.Start == 0 || !char.IsLower(text[run.Start - 1]) || run.Groups.Count == 0)
            {
                return false;
            }

            int cp = run.Groups[0].DecodeComplete();
            return cp > 0 && cp < 0x10000 && char.IsUpper((char)cp);
        }

        /// <summary>A run's nearest non-space neighbours, when Thai, must themselves look like damage.</summary>
        private static bool NeighboursPlausible(string text, List<Run> runs, int k)
        {
            if (k > 0 && OnlyWhitespace(text, runs[k - 1].End, runs[k].Start) && !(runs[k - 1].Consistent && runs[k - 1].WeakPlausible))
            {
                return false;
            }

            if (k + 1 < runs.Count && OnlyWhitespace(text, runs[k].End, runs[k + 1].Start) && !(runs[k + 1].Consistent && runs[k + 1].WeakPlausible))
            {
                return false;
            }

            return true;
        }

        private static bool OnlyWhitespace(string text, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static Run ParseRun(string text, int start)
        {
            var run = new Run(start);
            Seq? current = null;
            int i = start;
            while (i < text.Length)
            {
                char c = text[i];
                if (Windows874.IsThaiBlockChar(c))
                {
                    Windows874.TryGetByte(c, out byte b);
                    if (IsContinuationByte(b))
                    {
                        if (current != null && current.KnownCount < current.Need)
                        {
                            current.Add(b, i + 1);
                        }
                        else
                        {
                            run.Consistent = false; // orphan continuation byte or too many of them
                            current = null;
                        }
                    }
                    else if (IsLeadByte(b))
                    {
                        current = new Seq(b, i);
                        run.Groups.Add(current);
                    }
                    else
                    {
                        run.Consistent = false; // ภ ม ๕–๛: bytes that never occur in UTF-8
                        current = null;
                    }

                    i++;
                    continue;
                }

                // 0xA0 (NBSP) as a continuation byte; the article shows it as a plain space ("ไน ่ฟๅนณ" = 习近平).
                if ((c == ' ' || c == '\u00A0') && current != null && SpaceMayContinue(text, i, current))
                {
                    current.Add(0xA0, i + 1);
                    i++;
                    continue;
                }

                break;
            }

            run.End = i;
            if (!run.Consistent)
            {
                return run;
            }

            bool latin = true, cjk = true, weak = true, doubleThai = run.Groups.Count >= 2;
            foreach (var g in run.Groups)
            {
                if (!g.Complete)
                {
                    if (!PossibleRange(g, LostBytes.C1Range, out _, out _))
                    {
                        run.Consistent = false;
                        return run;
                    }
                }
                else if (g.DecodeComplete() < 0)
                {
                    run.Consistent = false;
                    return run;
                }

                bool l = LatinPlausible(g);
                bool j = CjkPlausible(g);
                bool t = g.Lead == 0xE0 && g.KnownCount >= 1 && (g.Known[0] == 0xB8 || g.Known[0] == 0xB9);
                latin &= l;
                cjk &= j;
                doubleThai &= t;
                weak &= l || j || t || g.Lead == 0xF0 || (g.Lead == 0xC2 && g.Complete);
            }

            run.LatinPlausible = latin;
            run.CjkPlausible = cjk;
            run.WeakPlausible = weak;
            run.DoubleThai = doubleThai;
            for (int k = run.Start; k < run.End && !run.Violation; k++)
            {
                run.Violation = Windows874.IsThaiBlockChar(text[k]) && BreaksThaiSpelling(text, k);
            }

            return run;
        }

        private static bool SpaceMayContinue(string text, int i, Seq current)
        {
            if (current.Need - current.KnownCount != 1 || i + 1 >= text.Length)
            {
                return false;
            }

            char next = text[i + 1];
            if (!Windows874.IsThaiBlockChar(next) && !char.IsWhiteSpace(next))
            {
                return false;
            }

            byte lead = current.Lead;
            return (current.Need == 1 && (lead == 0xC2 || lead == 0xC3))
                || (current.Need == 2 && ((lead >= 0xE3 && lead <= 0xE9) || lead == 0xEB || lead == 0xEC));
        }

        /// <summary>Sequences that damaged Latin-script text produces (letters with diacritics, punctuation).</summary>
        private static bool LatinPlausible(Seq g)
        {
            switch (g.Lead)
            {
                case 0xC2: return g.Complete; // ¡–¿ symbols (C2 80–9F are C1 controls)
                case 0xC3: // À–ÿ
                case 0xC4: // Latin Extended-A
                case 0xC5:
                case 0xC6: // ơ ư ...
                case 0xC7: // ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
                case 0xCC: // combining diacritics (NFD text)
                    return true;
                case 0xC8: return !g.Complete; // ș ț
                case 0xE1: return g.KnownCount >= 1 && g.Known[0] >= 0xB8 && g.Known[0] <= 0xBB; // Vietnamese
                case 0xE2: return !g.Complete; // ’ “ ” – — … (the middle byte 0x80 is always lost)
                default: return false;
            }
        }

        /// <summary>Sequences that damaged CJK text or punctuation produces.</summary>
        private static bool CjkPlausible(Seq g)
        {
            byte lead = g.Lead;
            if (lead == 0xE2)
            {
                return !g.Complete;
            }

            if (lead >= 0xE3 && lead <= 0xE9)
            {
                return true; // CJK symbols, kana, CJK ideographs
            }

            switch (lead)
            {
                case 0xEA: return g.KnownCount == 0 || g.Known[0] >= 0xB0; // Hangul from U+AC00
                case 0xEB:
                case 0xEC: return true;
                case 0xED: return g.KnownCount == 0;
                case 0xEF: return g.KnownCount >= 1 && g.Known[0] >= 0xBC; // fullwidth forms
                default: return false;
            }
        }

        private static bool IsThaiConsonant(char c) => c >= '\u0E01' && c <= '\u0E2E';

        private static bool IsAboveOrBelowMark(char c)
            => c == '\u0E31' || (c >= '\u0E34' && c <= '\u0E3A') || (c >= '\u0E47' && c <= '\u0E4E');

        /// <summary>True when the Thai character at <paramref name="k"/> sits where Thai spelling never puts it.</summary>
        private static bool BreaksThaiSpelling(string text, int k)
        {
            char c = text[k];
            char prev = k > 0 ? text[k - 1] : '\0';
            char next = k + 1 < text.Length ? text[k + 1] : '\0';
            if (IsAboveOrBelowMark(c))
            {
                if (IsThaiConsonant(prev))
                {
                    return false;
                }

                // A tone mark (or thanthakhat) may follow a vowel sign above or below: ที่ ชั้น ดู้
                bool tone = c >= '\u0E48' && c <= '\u0E4C';
                bool vowelSign = prev == '\u0E31' || (prev >= '\u0E34' && prev <= '\u0E39');
                return !(tone && vowelSign);
            }

            if (c >= '\u0E40' && c <= '\u0E44')
            {
                return !IsThaiConsonant(next); // เ แ โ ใ ไ come before a consonant
            }

            if (c == '\u0E45')
            {
                return prev != '\u0E24' && prev != '\u0E26'; // ๅ only in ฤๅ ฦๅ
            }

            if (c == '\u0E46')
            {
                // ๆ repeats the preceding Thai word, written right after it or after one space.
                if (Windows874.IsThaiBlockChar(prev))
                {
                    return false;
                }

                return !(char.IsWhiteSpace(prev) && k >= 2 && Windows874.IsThaiBlockChar(text[k - 2]));
            }

            if (c == '\u0E30' || c == '\u0E32' || c == '\u0E33')
            {
                return !(IsThaiConsonant(prev) || IsAboveOrBelowMark(prev)); // ะ า ำ follow a consonant
            }

            return false;
        }

        private static bool IsLatinLetter(char c)
            => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7')
                || (c >= '\u1E00' && c <= '\u1EFF');

        // ------------------------------------------------------------------------------------------------
        // Windows-1252 / Latin-1
        //
        // A lead byte (Â Ã Ä ... â ã ... ð ñ) followed by the continuation bytes it calls for (cp1252 specials
        // € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ, C1 controls, or U+00A0–U+00BF), which decode to a
        // character of a script such text really carries. Sequences that real text can produce by accident
        // (an uppercase Ã/È... before a closing quote, a lowercase é before … ») only count when the same
        // text also has an unambiguous sequence.
        // ------------------------------------------------------------------------------------------------

        private static int Cp1252Byte(char c)
        {
            if (c < 0x100)
            {
                return c; // includes U+0080–U+009F for a Latin-1 reading
            }

            switch (c)
            {
                case '\u20AC': return 0x80;
                case '\u201A': return 0x82;
                case '\u0192': return 0x83;
                case '\u201E': return 0x84;
                case '\u2026': return 0x85;
                case '\u2020': return 0x86;
                case '\u2021': return 0x87;
                case '\u02C6': return 0x88;
                case '\u2030': return 0x89;
                case '\u0160': return 0x8A;
                case '\u2039': return 0x8B;
                case '\u0152': return 0x8C;
                case '\u017D': return 0x8E;
                case '\u2018': return 0x91;
                case '\u2019': return 0x92;
                case '\u201C': return 0x93;
                case '\u201D': return 0x94;
                case '\u2022': return 0x95;
                case '\u2013': return 0x96;
                case '\u2014': return 0x97;
                case '\u02DC': return 0x98;
                case '\u2122': return 0x99;
                case '\u0161': return 0x9A;
                case '\u203A': return 0x9B;
                case '\u0153': return 0x9C;
                case '\u017E': return 0x9E;
                case '\u0178': return 0x9F;
                default: return -1;
            }
        }

        private static void Detect1252(string text, List<SpanDraft> spans)
        {
            List<(Seq Seq, bool Strong)>? found = null;
            bool anyStrong = false;
            for (int i = 0; i < text.Length; i++)
            {
                int lead = Cp1252Byte(text[i]);
                if (!IsLeadByte(lead))
                {
                    continue;
                }

                var seq = new Seq((byte)lead, i);
                int j = i + 1;
                while (j < text.Length && seq.KnownCount < seq.Need)
                {
                    int b = Cp1252Byte(text[j]);
                    if (!IsContinuationByte(b))
                    {
                        break;
                    }

                    seq.Add((byte)b, j + 1);
                    j++;
                }

                bool strong;
                if (seq.Complete)
                {
                    int cp = seq.DecodeComplete();
                    if (cp < 0 || !Plausible1252(seq.Lead, cp))
                    {
                        continue;
                    }

                    strong = IsStrong1252(text, seq);
                }
                else if (seq.Lead == 0xE2 && seq.KnownCount == 1 && seq.Known[0] == 0x80)
                {
                    strong = true; // "â€" whose last byte (0x9D for ”, ...) cp1252 cannot show
                }
                else
                {
                    continue;
                }

                found ??= new List<(Seq, bool)>();
                found.Add((seq, strong));
                anyStrong |= strong;
                i = seq.End - 1;
            }

            if (found == null || !anyStrong)
            {
                return;
            }

            SpanDraft? current = null;
            foreach (var (seq, _) in found)
            {
                if (current == null || current.End != seq.Start)
                {
                    current = new SpanDraft(MojibakeKind.Windows1252, seq.Start, seq.End);
                    spans.Add(current);
                }
                else
                {
                    current.End = seq.End;
                }

                current.Pieces.Add(seq);
            }
        }

        private static bool IsStrong1252(string text, Seq seq)
        {
            char firstCont = text[seq.Start + 1];
            if (seq.Need == 1)
            {
                if (!IsQuoteLike(firstCont))
                {
                    return true;
                }

                // "Ã“scar" is damage; "IRMÃ”" is Portuguese before a closing quote.
                return seq.End < text.Length && char.IsLetter(text[seq.End]);
            }

            if (seq.Lead == 0xE2)
            {
                return true; // â€™ â€œ â€” â€¦ ...
            }

            return !IsTrailingPunctuation(firstCont);
        }

        private static bool IsQuoteLike(char c)
            => c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D' || c == '\u201A' || c == '\u201E'
                || c == '\u2039' || c == '\u203A' || c == '\u00AB' || c == '\u00BB';

        private static bool IsTrailingPunctuation(char c)
            => IsQuoteLike(c) || c == '\u2026' || c == '\u2013' || c == '\u2014' || c == '\u2022' || c == '\u00B7'
                || c == '\u00A0' || c == '\u00A1' || c == '\u00BF';

        private static bool Plausible1252(byte lead, int cp)
        {
            switch (lead)
            {
                case 0xC2: return cp >= 0xA0 && cp <= 0xBF;
                case 0xC3: return cp >= 0xC0 && cp <= 0xFF;
                case 0xC4:
                case 0xC5: return cp >= 0x100 && cp <= 0x17F;
                case 0xC6: return cp == 0x192 || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0;
                case 0xC7: return cp >= 0x1CD && cp <= 0x1DC;
                case 0xC8: return cp >= 0x218 && cp <= 0x21B;
                case 0xCC:
                case 0xCD: return cp >= 0x300 && cp <= 0x36F;
                case 0xCE:
                case 0xCF: return cp >= 0x384 && cp <= 0x3CE;
                case 0xD0:
                case 0xD1: return cp >= 0x400 && cp <= 0x45F;
                case 0xD7: return cp >= 0x5D0 && cp <= 0x5EA;
                case 0xD8:
                case 0xD9: return cp >= 0x620 && cp <= 0x64A;
                case 0xE0: return (cp >= 0x900 && cp <= 0xDFF) || (cp >= 0xE00 && cp <= 0xE7F);
                case 0xE1: return cp >= 0x1E00 && cp <= 0x1EFF;
                case 0xE2:
                    return (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x214F)
                        || (cp >= 0x2190 && cp <= 0x23FF) || (cp >= 0x2460 && cp <= 0x27BF);
                case 0xE3:
                case 0xE4:
                case 0xE5:
                case 0xE6:
                case 0xE7:
                case 0xE8:
                case 0xE9: return cp >= 0x3000 && cp <= 0x9FFF;
                case 0xEA:
                case 0xEB:
                case 0xEC:
                case 0xED: return cp >= 0xAC00 && cp <= 0xD7A3;
                case 0xEF: return cp == 0xFEFF || cp == 0xFFFD || (cp >= 0xFF01 && cp <= 0xFF60);
                case 0xF0: return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
                default: return false;
            }
        }
    }
}
