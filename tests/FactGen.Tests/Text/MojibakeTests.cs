using System;
using System.IO;
using System.Linq;
using System.Text;
using FactGen.Validation.Text;
using Xunit;

namespace FactGen.Tests.Text
{
    /// <summary>Locates the real damaged article the text-analysis tests run against.</summary>
    internal static class ArticleSeed
    {
        public const string SeedFileName = "000_ad1b164110e9592f.txt";

        private static readonly Lazy<string> Text = new Lazy<string>(Load);

        /// <summary>The article text (UTF-8, as stored).</summary>
        public static string Read() => Text.Value;

        /// <summary>The article's lines.</summary>
        public static string[] Lines() => Read().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

        private static string Load()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "FactGen.sln")))
            {
                dir = dir.Parent;
            }

            if (dir == null)
            {
                throw new InvalidOperationException(
                    "Cannot find the repository root (a directory containing FactGen.sln) above " + AppContext.BaseDirectory + ".");
            }

            // The shared seed lives beside the repository (shared/ is a sibling of the work tree, also in CI);
            // seeds/ in the repository holds a copy of the same article.
            string shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seeds", SeedFileName));
            string copy = Path.Combine(dir.FullName, "seeds", "raimondo-beijing-2023-08-29.txt");
            string? path = File.Exists(shared) ? shared : File.Exists(copy) ? copy : null;
            if (path == null)
            {
                throw new InvalidOperationException(
                    "The damaged article seed is missing: expected " + shared + " (or its copy " + copy + ").");
            }

            return File.ReadAllText(path, new UTF8Encoding(false, true));
        }
    }

    public class MojibakeTests
    {
        private const string Lost = "\uFFFD";

        // ---------------------------------------------------------------- Windows-874 damage, article strings

        [Theory]
        [InlineData("Premier Lว Qiรกng ๆๅผบ", "Premier L" + Lost + " Qiáng " + Lost + "强")]
        [InlineData("Lว Qiรกng", "L" + Lost + " Qiáng")]
        [InlineData("Vice Premier Hรฉ Lรฌfฤng ไฝ็ซๅณฐ, and", "Vice Premier Hé Lìf" + Lost + "ng " + Lost + Lost + "峰, and")]
        [InlineData("Hรฉ Lรฌfฤng ไฝ็ซๅณฐ", "Hé Lìf" + Lost + "ng " + Lost + Lost + "峰")]
        [InlineData("Wรกng Wรฉntฤo ็ๆๆถ", "Wáng Wént" + Lost + "o " + Lost + Lost + Lost)]
        [InlineData("Hรบ Hรฉpรญng ่กๅๅนณ", "Hú Hépíng " + Lost + Lost + "平")]
        [InlineData("Xรญ Jรฌnpรญng’s ไน ่ฟๅนณ.", "Xí Jìnpíng’s 习" + Lost + "平.")]
        [InlineData("The Biden administrationโs wave", "The Biden administration" + Lost + "s wave")]
        [InlineData("the worldโs biggest economies", "the world" + Lost + "s biggest economies")]
        [InlineData("agreed to launch an โinformation exchangeโ on U.S.", "agreed to launch an " + Lost + "information exchange" + Lost + " on U.S.")]
        [InlineData("undertake โconcrete actionsโ โ likely a reference", "undertake " + Lost + "concrete actions" + Lost + " " + Lost + " likely a reference")]
        [InlineData("closer to Mr. Xi over the years.โ", "closer to Mr. Xi over the years." + Lost)]
        [InlineData("โnew communication channels,โ according", Lost + "new communication channels," + Lost + " according")]
        [InlineData("next year โ a sign of both sidesโ appreciation", "next year " + Lost + " a sign of both sides" + Lost + " appreciation")]
        public void Windows874DamageIsFlaggedAndRepaired(string damaged, string expectedRepair)
        {
            var finding = Mojibake.Analyze(damaged);

            Assert.NotNull(finding);
            Assert.Equal(MojibakeKind.Windows874, finding!.Kind);
            Assert.Equal(expectedRepair, finding.RepairedText);
        }

        [Fact]
        public void LiQiangReportsTheCharacterLostAfterL()
        {
            var finding = Mojibake.Analyze("Lว Qiรกng")!;

            Assert.NotNull(finding);
            Assert.Equal(1, finding.Start);
            Assert.Equal(1, finding.Length);
            Assert.Contains("Qiáng", finding.RepairedText, StringComparison.Ordinal);
            Assert.StartsWith("1 character lost after \"L\" (a character in U+01C0–U+01DF", finding.Description, StringComparison.Ordinal);
            Assert.Contains("ǐ", finding.Description, StringComparison.Ordinal);
            Assert.Equal(1, finding.LostCharacters);
        }

        [Fact]
        public void PremierLiQiangHasThreeSpansInTextOrder()
        {
            var finding = Mojibake.Analyze("Premier Lว Qiรกng ๆๅผบ")!;

            Assert.Equal(new[] { "ว", "รก", "ๆๅผบ" }, finding.Spans.Select(s => s.Original).ToArray());
            Assert.Equal(new[] { 9, 13, 18 }, finding.Spans.Select(s => s.Start).ToArray());
            Assert.Equal(new[] { Lost, "á", Lost + "强" }, finding.Spans.Select(s => s.Repair).ToArray());
            Assert.Equal(0, finding.Spans[1].LostCharacters);
            Assert.Contains("nothing is lost", finding.Spans[1].Description, StringComparison.Ordinal);
            Assert.Contains("lost after \"Qiáng \" (a character in U+6000–U+67DF", finding.Spans[2].Description, StringComparison.Ordinal);
            Assert.Contains("CJK ideograph", finding.Spans[2].Description, StringComparison.Ordinal);
            Assert.Equal(2, finding.LostCharacters);
        }

        [Fact]
        public void HeLifengReportsTheLostMacronVowel()
        {
            var finding = Mojibake.Analyze("Vice Premier Hรฉ Lรฌfฤng ไฝ็ซๅณฐ")!;

            Assert.Equal(14, finding.Start); // "รฉ": fully recoverable é
            Assert.Contains("1 character lost after \"Lìf\" (a character in U+0100–U+011F, e.g. ā ē", finding.Description, StringComparison.Ordinal);
            Assert.Contains("2 characters lost after \"Lìf" + Lost + "ng \"", finding.Description, StringComparison.Ordinal);
            Assert.Equal(3, finding.LostCharacters);
        }

        [Fact]
        public void ApostropheLostBetweenLettersIsDescribed()
        {
            var finding = Mojibake.Analyze("The Biden administrationโs wave")!;

            Assert.Equal(24, finding.Start);
            Assert.Equal(1, finding.Length);
            Assert.Equal("1 character lost after \"administration\" (a character in U+2000–U+27DF, e.g. ’ “ ” ‘)", finding.Description);
        }

        [Theory]
        [InlineData("Lǐ Qiáng 李强")]
        [InlineData("Hé Lìfēng 何立峰")]
        [InlineData("Wáng Wéntāo 王文涛")]
        [InlineData("Hú Hépíng 胡和平")]
        [InlineData("Xí Jìnpíng’s 习近平")]
        [InlineData("The Biden administration’s wave")]
        [InlineData("an “information exchange” on")]
        [InlineData("Grüße aus München")]
        [InlineData("Nguyễn Phú Trọng")]
        [InlineData("Crème brûlée — déjà vu")]
        public void DamagedCleanTextRepairsToTheOriginalWithLostCharactersMarked(string clean)
        {
            string damaged = Windows874.Damage(clean);
            Assert.NotEqual(clean, damaged);

            var finding = Mojibake.Analyze(damaged);

            Assert.NotNull(finding);
            Assert.Equal(MojibakeKind.Windows874, finding!.Kind);
            Assert.Equal(clean.Length, finding.RepairedText.Length);
            for (int i = 0; i < clean.Length; i++)
            {
                Assert.True(
                    finding.RepairedText[i] == clean[i] || finding.RepairedText[i] == '\uFFFD',
                    $"position {i}: expected '{clean[i]}' or U+FFFD in \"{finding.RepairedText}\"");
            }
        }

        // ---------------------------------------------------------------- Windows-1252 / Latin-1

        [Theory]
        [InlineData("CafÃ©", "Café", 3, 2)]
        [InlineData("Chinaâ€™s economy", "China’s economy", 5, 3)]
        [InlineData("Ã¼ber", "über", 0, 2)]
        [InlineData("Â£100", "£100", 0, 2)]
        [InlineData("Ä°stanbul", "İstanbul", 0, 2)]
        [InlineData("ä¸­æ–‡", "中文", 0, 6)]
        [InlineData("ðŸ˜€ ok", "😀 ok", 0, 4)]
        [InlineData("â€œquotedâ€ here", "“quoted" + Lost + " here", 0, 3)]
        [InlineData("Ã¢â‚¬â„¢", "’", 0, 8)]
        [InlineData("Ã“scar", "Óscar", 0, 2)]
        [InlineData("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет", 0, 12)]
        public void Windows1252MojibakeIsFlaggedAndRepaired(string damaged, string expectedRepair, int start, int length)
        {
            var finding = Mojibake.Analyze(damaged);

            Assert.NotNull(finding);
            Assert.Equal(MojibakeKind.Windows1252, finding!.Kind);
            Assert.Equal(expectedRepair, finding.RepairedText);
            Assert.Equal(start, finding.Start);
            Assert.Equal(length, finding.Length);
        }

        [Fact]
        public void Windows1252PartialQuoteReportsTheLostCharacter()
        {
            var finding = Mojibake.Analyze("â€œquotedâ€ here")!;

            Assert.Equal(1, finding.LostCharacters);
            Assert.Contains("1 character lost after \"“quoted\"", finding.Description, StringComparison.Ordinal);
            Assert.Contains("”", finding.Description, StringComparison.Ordinal);
        }

        // ---------------------------------------------------------------- U+FFFD

        [Theory]
        [InlineData("Li Qiang \uFFFD here", 9, 1)]
        [InlineData("\uFFFD\uFFFD", 0, 2)]
        [InlineData("Xi Jinping \uFFFD\uFFFD\uFFFD", 11, 3)]
        public void ReplacementCharacterIsFlagged(string text, int start, int length)
        {
            var finding = Mojibake.Analyze(text);

            Assert.NotNull(finding);
            Assert.Equal(MojibakeKind.ReplacementCharacter, finding!.Kind);
            Assert.Equal(start, finding.Start);
            Assert.Equal(length, finding.Length);
            Assert.Equal(length, finding.LostCharacters);
            Assert.Equal(text, finding.RepairedText);
            Assert.Contains("U+FFFD", finding.Description, StringComparison.Ordinal);
        }

        // ---------------------------------------------------------------- clean text: no false positives

        [Theory]
        [InlineData("")]
        [InlineData("U.S. Commerce Secretary in Beijing to discuss trade. Expectations are low.")]
        [InlineData("A wave of diplomacy")]
        [InlineData("ภาษาไทย")]
        [InlineData("กรุงเทพมหานคร")]
        [InlineData("สวัสดีครับ")]
        [InlineData("ประชุม G20 ที่บาหลี")]
        [InlineData("นายกรัฐมนตรีเดินทางไปประชุม G20 ที่บาหลี อินโดนีเซีย เมื่อวันที่ 15 พฤศจิกายน 2565")]
        [InlineData("ไก่")]
        [InlineData("ใช้")]
        [InlineData("เก่ง")]
        [InlineData("โรงเรียน")]
        [InlineData("ไป ไหน")]
        [InlineData("ต่าง ๆ")]
        [InlineData("สระ โ")]
        [InlineData("ใช้ Facebook ทุกวัน")]
        [InlineData("iPhone รุ่นใหม่")]
        [InlineData("iPhoneรุ่นใหม่")]
        [InlineData("Googleแปลภาษา")]
        [InlineData("Appleโลก")]
        [InlineData("Appleลด")]
        [InlineData("ราคา 1,500 บาท (฿)")]
        [InlineData("๑๒๓ ๒๕๖๖")]
        [InlineData("Lǐ Qiáng")]
        [InlineData("Hé Lìfēng")]
        [InlineData("Wáng Wéntāo")]
        [InlineData("Xí Jìnpíng")]
        [InlineData("李强 何立峰")]
        [InlineData("习近平 王文涛 胡和平")]
        [InlineData("China’s “concrete actions”")]
        [InlineData("“de-risking” — ‘not decoupling’ … • €5 ™")]
        [InlineData("Grüße")]
        [InlineData("Nguyễn Phú Trọng")]
        [InlineData("İstanbul")]
        [InlineData("São Paulo, naïve façade, Dvořák, Ærøskøbing, Œuvre")]
        [InlineData("10 °C, © 2023 Acme™, ½ × 3, £5, ¥7")]
        [InlineData("«ÉTÉ» “IRMÃ” PERCHÈ” café…»")]
        [InlineData("Привет, мир. Γειά σου κόσμε. שלום. 안녕하세요. こんにちは。")]
        [InlineData("emoji 😀 👍🏽 🇹🇭 ok")]
        [InlineData("e\u0301 NFD text a\u0300")]
        public void CleanTextIsNotFlagged(string text)
        {
            Assert.Null(Mojibake.Analyze(text));
        }

        // ---------------------------------------------------------------- robustness

        [Theory]
        [InlineData("\uD800")]
        [InlineData("\uDC00abc")]
        [InlineData("abc\uD83D")]
        [InlineData("โ\uD800ๆ\uDC00ๅ")]
        [InlineData("Ã\uD800©")]
        [InlineData("\u0E42")]
        [InlineData("\u0E47")]
        [InlineData("\u00A0\u0E44\u00A0")]
        [InlineData("ไน ")]
        [InlineData("ร ")]
        public void OddInputNeverThrows(string text)
        {
            var exception = Record.Exception(() => Mojibake.Analyze(text));
            Assert.Null(exception);
        }

        [Fact]
        public void HugeInputsAreHandled()
        {
            var clean = new StringBuilder();
            var damaged = new StringBuilder();
            for (int i = 0; i < 20000; i++)
            {
                clean.Append("U.S. Commerce Secretary Gina Raimondo met Premier Lǐ Qiáng. ");
                damaged.Append("Premier Lว Qiรกng ๆๅผบ met โinformation exchangeโ. ");
            }

            Assert.Null(Mojibake.Analyze(clean.ToString()));
            var finding = Mojibake.Analyze(damaged.ToString());
            Assert.NotNull(finding);
            Assert.Equal(9, finding!.Start);
            Assert.Equal(20000 * 5, finding.Spans.Count);
        }

        // ---------------------------------------------------------------- Windows-874 table and damage model

        [Theory]
        [InlineData("“", "โ")]
        [InlineData("’", "โ")]
        [InlineData("—", "โ")]
        [InlineData("…", "โฆ")]
        [InlineData("Lǐ Qiáng 李强", "Lว Qiรกng ๆๅผบ")]
        [InlineData("Hé Lìfēng 何立峰", "Hรฉ Lรฌfฤng ไฝ็ซๅณฐ")]
        [InlineData("Xí Jìnpíng 习近平", "Xรญ Jรฌnpรญng ไน\u00A0่ฟๅนณ")]
        [InlineData("Wáng Wéntāo 王文涛", "Wรกng Wรฉntฤo ็ๆๆถ")]
        [InlineData("Hú Hépíng 胡和平", "Hรบ Hรฉpรญng ่กๅๅนณ")]
        [InlineData("plain ASCII", "plain ASCII")]
        [InlineData("", "")]
        public void DamageModelReproducesTheArticle(string clean, string damaged)
        {
            Assert.Equal(damaged, Windows874.Damage(clean));
        }

        [Fact]
        public void TableMapsThaiBytesBothWays()
        {
            for (int b = 0; b < 0x100; b++)
            {
                bool defined = b < 0x80 || b == 0xA0 || (b >= 0xA1 && b <= 0xDA) || (b >= 0xDF && b <= 0xFB);
                Assert.Equal(defined, Windows874.TryGetChar((byte)b, out char c));
                if (!defined)
                {
                    continue;
                }

                if (b >= 0xA1)
                {
                    Assert.Equal(0x0E00 + b - 0xA0, c);
                    Assert.True(Windows874.IsThaiBlockChar(c));
                }

                Assert.True(Windows874.TryGetByte(c, out byte back));
                Assert.Equal(b, back);
            }

            Assert.True(Windows874.TryGetCharStrict(0x93, out char quote));
            Assert.Equal('\u201C', quote);
            Assert.False(Windows874.TryGetChar(0x93, out _));
            Assert.False(Windows874.TryGetByte('é', out _));
        }

        // ---------------------------------------------------------------- the real article

        [Fact]
        public void ArticleDamagedLinesAreFlaggedAndCleanLinesAreNot()
        {
            string[] lines = ArticleSeed.Lines();
            Assert.True(lines.Length >= 15, "the article should have its ~18 lines");
            int damagedLines = 0;
            foreach (string line in lines)
            {
                bool hasThai = line.Any(Windows874.IsThaiBlockChar);
                var finding = Mojibake.Analyze(line);
                if (!hasThai)
                {
                    Assert.True(finding == null, "clean line flagged: " + line + " => " + finding);
                    continue;
                }

                damagedLines++;
                Assert.True(finding != null, "damaged line not flagged: " + line);
                Assert.Equal(MojibakeKind.Windows874, finding!.Kind);
                Assert.True(finding.RepairedText.All(c => !Windows874.IsThaiBlockChar(c)), "Thai left after repair: " + finding.RepairedText);
            }

            Assert.Equal(13, damagedLines);
        }

        [Theory]
        [InlineData("U.S. Commerce Secretary in Beijing to discuss trade. Expectations are low.")]
        [InlineData("A wave of diplomacy")]
        public void ArticleCleanLinesAreClean(string line)
        {
            Assert.Contains(line, ArticleSeed.Lines());
            Assert.Null(Mojibake.Analyze(line));
        }

        [Fact]
        public void WholeArticleRepairsTheNamesAndQuotes()
        {
            string article = ArticleSeed.Read();
            var finding = Mojibake.Analyze(article);

            Assert.NotNull(finding);
            Assert.Equal(MojibakeKind.Windows874, finding!.Kind);
            Assert.Equal(article.IndexOf("administrationโs", StringComparison.Ordinal) + "administration".Length, finding.Start);
            string repaired = finding.RepairedText;
            Assert.Contains("Premier L" + Lost + " Qiáng " + Lost + "强", repaired, StringComparison.Ordinal);
            Assert.Contains("Hé Lìf" + Lost + "ng " + Lost + Lost + "峰", repaired, StringComparison.Ordinal);
            Assert.Contains("Xí Jìnpíng’s 习" + Lost + "平", repaired, StringComparison.Ordinal);
            Assert.Contains("Hú Hépíng " + Lost + Lost + "平", repaired, StringComparison.Ordinal);
            Assert.Contains("Wáng Wént" + Lost + "o", repaired, StringComparison.Ordinal);
            Assert.Contains(Lost + "we do not seek to decouple or to hold China" + Lost + "s economy back." + Lost, repaired, StringComparison.Ordinal);
            Assert.Contains("U.S. Commerce Secretary in Beijing to discuss trade. Expectations are low.", repaired, StringComparison.Ordinal);
            Assert.DoesNotContain(repaired, Windows874.IsThaiBlockChar);
        }
    }
}
