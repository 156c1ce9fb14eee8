using System.Text;

namespace FactGen.Validation.Text
{
    /// <summary>
    /// The Windows-874 (TIS-620 + Microsoft extensions) code page for bytes 0x80–0xFF, embedded so the
    /// generator needs no System.Text.Encoding.CodePages, plus a model of the damage seen in curated
    /// sources: UTF-8 text that was decoded as Windows-874 and re-encoded as UTF-8, with every byte in
    /// 0x80–0x9F (and every byte undefined in Windows-874) dropped along the way.
    /// </summary>
    internal static class Windows874
    {
        // Damage-model table for bytes 0x80–0xFF; '\0' marks a byte that was lost.
        // 0x80–0x9F: lost (real cp874 defines a few of them, see StrictC1Table, but this damage dropped them);
        // 0xA0: U+00A0; 0xA1–0xDA: U+0E01–U+0E3A; 0xDB–0xDE: undefined; 0xDF–0xFB: U+0E3F–U+0E5B;
        // 0xFC–0xFF: undefined.
        private const string HighTable =
            "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" + // 0x80
            "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" + // 0x90
            "\u00A0\u0E01\u0E02\u0E03\u0E04\u0E05\u0E06\u0E07\u0E08\u0E09\u0E0A\u0E0B\u0E0C\u0E0D\u0E0E\u0E0F" + // 0xA0
            "\u0E10\u0E11\u0E12\u0E13\u0E14\u0E15\u0E16\u0E17\u0E18\u0E19\u0E1A\u0E1B\u0E1C\u0E1D\u0E1E\u0E1F" + // 0xB0
            "\u0E20\u0E21\u0E22\u0E23\u0E24\u0E25\u0E26\u0E27\u0E28\u0E29\u0E2A\u0E2B\u0E2C\u0E2D\u0E2E\u0E2F" + // 0xC0
            "\u0E30\u0E31\u0E32\u0E33\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E3A\u0000\u0000\u0000\u0000\u0E3F" + // 0xD0
            "\u0E40\u0E41\u0E42\u0E43\u0E44\u0E45\u0E46\u0E47\u0E48\u0E49\u0E4A\u0E4B\u0E4C\u0E4D\u0E4E\u0E4F" + // 0xE0
            "\u0E50\u0E51\u0E52\u0E53\u0E54\u0E55\u0E56\u0E57\u0E58\u0E59\u0E5A\u0E5B\u0000\u0000\u0000\u0000";  // 0xF0

        // The Microsoft extensions of real cp874 in 0x80–0x9F (€ … ‘ ’ “ ” • – —); '\0' = undefined.
        private const string StrictC1Table =
            "\u20AC\u0000\u0000\u0000\u0000\u2026\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" + // 0x80
            "\u0000\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000";  // 0x90

        /// <summary>The character a byte became in the damaged text, or false when the byte was lost.</summary>
        public static bool TryGetChar(byte b, out char c)
        {
            if (b < 0x80)
            {
                c = (char)b;
                return true;
            }

            c = HighTable[b - 0x80];
            return c != '\0';
        }

        /// <summary>Real Windows-874 decoding of one byte (including the 0x80–0x9F Microsoft extensions).</summary>
        public static bool TryGetCharStrict(byte b, out char c)
        {
            if (b >= 0x80 && b < 0xA0)
            {
                c = StrictC1Table[b - 0x80];
                return c != '\0';
            }

            return TryGetChar(b, out c);
        }

        /// <summary>
        /// The byte a character of damaged text came from: ASCII is itself, U+00A0 is 0xA0 and the Thai-block
        /// characters U+0E01–U+0E3A / U+0E3F–U+0E5B are 0xA1–0xFB. Anything else has no byte.
        /// </summary>
        public static bool TryGetByte(char c, out byte b)
        {
            if (c < 0x80)
            {
                b = (byte)c;
                return true;
            }

            if (c == '\u00A0')
            {
                b = 0xA0;
                return true;
            }

            if (IsThaiBlockChar(c))
            {
                b = (byte)(c - 0x0E00 + 0xA0);
                return true;
            }

            b = 0;
            return false;
        }

        /// <summary>True for the Thai-block characters that Windows-874 maps bytes 0xA1–0xFB to.</summary>
        public static bool IsThaiBlockChar(char c)
            => (c >= '\u0E01' && c <= '\u0E3A') || (c >= '\u0E3F' && c <= '\u0E5B');

        /// <summary>
        /// Applies the damage to clean text: UTF-8 encode; each byte below 0x80 stays; bytes 0x80–0x9F and bytes
        /// undefined in Windows-874 are dropped; the others become their Windows-874 character.
        /// Lone surrogates are encoded as U+FFFD (as UTF-8 encoders do).
        /// </summary>
        public static string Damage(string clean)
        {
            if (string.IsNullOrEmpty(clean))
            {
                return string.Empty;
            }

            var sb = new StringBuilder(clean.Length + 8);
            var buffer = new byte[4];
            for (int i = 0; i < clean.Length; i++)
            {
                char c = clean[i];
                if (c < 0x80)
                {
                    sb.Append(c);
                    continue;
                }

                int cp = ReadCodePoint(clean, i, out int width);
                i += width - 1;
                AppendDamaged(sb, cp, buffer);
            }

            return sb.ToString();
        }

        /// <summary>Appends the damaged form of one code point (see <see cref="Damage"/>).</summary>
        internal static void AppendDamaged(StringBuilder sb, int codePoint, byte[] buffer)
        {
            int count = EncodeUtf8(codePoint, buffer);
            for (int k = 0; k < count; k++)
            {
                if (TryGetChar(buffer[k], out char d))
                {
                    sb.Append(d);
                }
            }
        }

        /// <summary>
        /// The code point at <paramref name="index"/>; a lone surrogate reads as U+FFFD. Width is 2 for a pair.
        /// </summary>
        internal static int ReadCodePoint(string s, int index, out int width)
        {
            char c = s[index];
            if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
            {
                width = 2;
                return char.ConvertToUtf32(c, s[index + 1]);
            }

            width = 1;
            return char.IsSurrogate(c) ? 0xFFFD : c;
        }

        /// <summary>UTF-8 encodes a code point into <paramref name="buffer"/> (length ≥ 4); invalid ones as U+FFFD.</summary>
        internal static int EncodeUtf8(int cp, byte[] buffer)
        {
            if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                cp = 0xFFFD;
            }

            if (cp < 0x80)
            {
                buffer[0] = (byte)cp;
                return 1;
            }

            if (cp < 0x800)
            {
                buffer[0] = (byte)(0xC0 | (cp >> 6));
                buffer[1] = (byte)(0x80 | (cp & 0x3F));
                return 2;
            }

            if (cp < 0x10000)
            {
                buffer[0] = (byte)(0xE0 | (cp >> 12));
                buffer[1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                buffer[2] = (byte)(0x80 | (cp & 0x3F));
                return 3;
            }

            buffer[0] = (byte)(0xF0 | (cp >> 18));
            buffer[1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
            buffer[2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
            buffer[3] = (byte)(0x80 | (cp & 0x3F));
            return 4;
        }
    }
}
