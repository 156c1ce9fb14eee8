using System;
using FactGen.Validation.Text;
using Xunit;

namespace FactGen.Tests.Text
{
    public class EvidenceMatcherTests
    {
        private static readonly Lazy<PreparedEvidenceSource> Article =
            new Lazy<PreparedEvidenceSource>(() => EvidenceMatcher.Prepare(ArticleSeed.Read()));

        private static int ArticleIndexOf(string exactText)
        {
            int index = ArticleSeed.Read().IndexOf(exactText, StringComparison.Ordinal);
            Assert.True(index >= 0, "test anchor not in the article: " + exactText);
            return index;
        }

        // ---------------------------------------------------------------- byte-for-byte excerpts of the damaged article

        [Theory]
        [InlineData("Premier Lว Qiรกng ๆๅผบ")]
        [InlineData("โinformation exchangeโ")]
        [InlineData("Vice Premier Hรฉ Lรฌfฤng ไฝ็ซๅณฐ, and the minister of culture and tourism.")]
        [InlineData("Xรญ Jรฌnpรญng’s ไน ่ฟๅนณ")]
        [InlineData("Wรกng Wรฉntฤo ็ๆๆถ")]
        [InlineData("Hรบ Hรฉpรญng ่กๅๅนณ")]
        [InlineData("โwe do not seek to decouple or to hold Chinaโs economy back.โ")]
        [InlineData("U.S. Commerce Secretary in Beijing to discuss trade. Expectations are low.")]
        [InlineData("A wave of diplomacy")]
        [InlineData("maintained Trump administration tariffs.")]
        public void ExactDamagedExcerptMatchesWhereItIs(string excerpt)
        {
            Assert.True(EvidenceMatcher.Contains(ArticleSeed.Read(), excerpt));
            Assert.Equal(ArticleIndexOf(excerpt), Article.Value.IndexOf(excerpt));
        }

        [Fact]
        public void EveryArticleLineMatchesItself()
        {
            foreach (string line in ArticleSeed.Lines())
            {
                Assert.Equal(ArticleIndexOf(line), Article.Value.IndexOf(line));
            }
        }

        // ---------------------------------------------------------------- clean excerpts against the damaged article

        [Theory]
        [InlineData("Premier Lǐ Qiáng 李强", "Premier Lว Qiรกng ๆๅผบ")]
        [InlineData("we do not seek to decouple or to hold China’s economy back.", "we do not seek to decouple")]
        [InlineData("“we do not seek to decouple or to hold China’s economy back.”", "โwe do not seek to decouple")]
        [InlineData("“information exchange”", "โinformation exchangeโ")]
        [InlineData("Vice Premier Hé Lìfēng 何立峰", "Vice Premier Hรฉ Lรฌfฤng ไฝ็ซๅณฐ")]
        [InlineData("Xí Jìnpíng’s 习近平", "Xรญ Jรฌnpรญng’s ไน ่ฟๅนณ")]
        [InlineData("Minister Wáng Wéntāo 王文涛", "Minister Wรกng Wรฉntฤo ็ๆๆถ")]
        [InlineData("Minister Hú Hépíng 胡和平", "Minister Hรบ Hรฉpรญng ่กๅๅนณ")]
        [InlineData("the world’s biggest economies", "the worldโs biggest economies")]
        [InlineData("“concrete actions” — likely a reference to U.S. export controls", "โconcrete actionsโ โ likely")]
        [InlineData("“de-risking” supply chains", "โde-riskingโ supply chains")]
        [InlineData("The Biden administration’s wave of diplomacy", "The Biden administrationโs wave")]
        [InlineData("China's Ministry of Commerce (MOFCOM)", "China’s Ministry of Commerce")]
        [InlineData("House Speaker Nancy Pelosi's visit to Taiwan", "House Speaker Nancy Pelosiโs visit")]
        [InlineData("“empower key senior officials”", "โempower key senior officialsโ")]
        [InlineData("new communication channels,", "new communication channels,")]
        public void CleanExcerptMatchesTheDamagedArticle(string excerpt, string anchor)
        {
            Assert.True(EvidenceMatcher.Contains(ArticleSeed.Read(), excerpt));
            Assert.Equal(ArticleIndexOf(anchor), Article.Value.IndexOf(excerpt));
        }

        // ---------------------------------------------------------------- typography, whitespace, normalization

        [Theory]
        [InlineData("we  do\nnot\tseek   to\r\ndecouple", "we do not seek to decouple")]
        [InlineData("  Gina Raimondo told Chinese officials \n", "Gina Raimondo told Chinese officials")]
        [InlineData("Gina\u00A0Raimondo\u2009told", "Gina Raimondo told")]
        [InlineData("\"information exchange\"", "โinformation exchangeโ")]
        [InlineData("«information exchange»", "โinformation exchangeโ")]
        [InlineData("‘information exchange’", "โinformation exchangeโ")]
        [InlineData("„information exchange‟", "โinformation exchangeโ")]
        [InlineData("`information exchange´", "โinformation exchangeโ")]
        [InlineData("“de–risking”", "โde-riskingโ")]
        [InlineData("“de—risking”", "โde-riskingโ")]
        [InlineData("“de‑risking”", "โde-riskingโ")]
        [InlineData("“de−risking”", "โde-riskingโ")]
        [InlineData("concrete actions” - likely", "concrete actionsโ โ likely")]
        [InlineData("four-day trip", "four-day trip")]
        [InlineData("four–day trip", "four-day trip")]
        [InlineData("Premier Li\u030C Qia\u0301ng", "Premier Lว Qiรกng")]
        [InlineData("Vice Premier He\u0301 Li\u0300fe\u0304ng", "Vice Premier Hรฉ Lรฌfฤng")]
        public void TypographicAndWhitespaceVariantsMatch(string excerpt, string anchor)
        {
            Assert.Equal(ArticleIndexOf(anchor), Article.Value.IndexOf(excerpt));
        }

        [Theory]
        [InlineData("He said… nothing more.", "He said... nothing")]
        [InlineData("He said... nothing more.", "He said… nothing")]
        [InlineData("He saidโฆ nothing more.", "He said... nothing")]
        [InlineData("He saidโฆ nothing more.", "He said… nothing")]
        [InlineData("Cafe\u0301 au lait", "Café au")]
        [InlineData("Café au lait", "Cafe\u0301 au")]
        public void EllipsisAndNormalizationVariantsMatch(string source, string excerpt)
        {
            Assert.Equal(0, EvidenceMatcher.IndexOf(source, excerpt));
        }

        /// <summary>
        /// One scratch reused over many excerpts — long then short, matching and not, clean and damaged — gives what a
        /// fresh canonicalization gives each: nothing of an earlier, longer excerpt leaks into a later one.
        /// </summary>
        [Fact]
        public void AReusedScratchMatchesAsFreshBuffersDo()
        {
            var lines = Article.Value.SourceText.Split('\n').Where(l => l.Trim().Length > 0).ToList();
            var excerpts = new List<string>();
            foreach (string line in lines.OrderByDescending(l => l.Length))
            {
                excerpts.Add(line);
                excerpts.Add(line.Substring(0, line.Length / 3));
                excerpts.Add(line.Substring(line.Length / 2) + " nowhere");
            }
            excerpts.AddRange(new[] { "Premier Lǐ Qiáng 李强", "李刚", "“information exchange”", "Li Qiang", "x", Windows874.Damage("Premier Lǐ Qiáng 李强"), Windows874.Damage("李刚 said “no”") });
            var scratch = new EvidenceScratch();
            int matched = 0;
            foreach (string excerpt in excerpts)
            {
                bool fresh = Article.Value.TryMatch(excerpt, out int freshStart, out int freshLength);
                bool reused = Article.Value.TryMatch(excerpt, scratch, out int start, out int length);
                Assert.Equal((fresh, freshStart, freshLength), (reused, start, length));
                if (fresh) matched++;
            }
            Assert.InRange(matched, excerpts.Count / 4, excerpts.Count - 1);
        }

        [Fact]
        public void MatchOffsetsAreInTheOriginalText()
        {
            // NFD source: offsets must count the original (decomposed) characters.
            var source = EvidenceMatcher.Prepare("Cafe\u0301 au  lait, “très” bon");
            Assert.True(source.TryMatch("au lait", out int start, out int length));
            Assert.Equal(6, start);
            Assert.Equal("au  lait".Length, length);

            Assert.True(source.TryMatch("\"très\"", out start, out length));
            Assert.Equal("“très”", source.SourceText.Substring(start, length));

            Assert.True(Article.Value.TryMatch("“information exchange”", out start, out length));
            Assert.Equal("โinformation exchangeโ", ArticleSeed.Read().Substring(start, length));

            Assert.True(Article.Value.TryMatch("Premier Lǐ Qiáng 李强", out start, out length));
            Assert.Equal("Premier Lว Qiรกng ๆๅผบ", ArticleSeed.Read().Substring(start, length));
        }

        // ---------------------------------------------------------------- near misses

        [Theory]
        [InlineData("we do seek to decouple")]
        [InlineData("we do not seek to uncouple")]
        [InlineData("we do not seek to decouple or to hold China’s economy forward.")]
        [InlineData("Premier Li Qiang")]
        [InlineData("Premier Lì Qiáng")]
        [InlineData("Premier Lǐ Qiáng 李刚")]
        [InlineData("Vice Premier He Lifeng 何立峰")]
        [InlineData("economy back China’s hold to")]
        [InlineData("Expectations are low. U.S. Commerce Secretary in Beijing to discuss trade.")]
        [InlineData("Gina Raimondo told Chinese diplomats")]
        [InlineData("u.s. commerce secretary")]
        [InlineData("“information  exchanges”")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\n\t\u00A0")]
        public void NearMissesDoNotMatch(string excerpt)
        {
            Assert.False(EvidenceMatcher.Contains(ArticleSeed.Read(), excerpt));
            Assert.Equal(-1, Article.Value.IndexOf(excerpt));
            Assert.False(Article.Value.TryMatch(excerpt, out _, out _));
        }

        [Fact]
        public void PlainLiQiangIsOnlyFoundWhereTheArticleSpellsItSo()
        {
            // The article also writes "Li Qiang, China’s no. 2 leader" plainly; the tone-marked name elsewhere
            // is different text and must not be where the match lands.
            Assert.Equal(ArticleIndexOf("Li Qiang, Chinaโs no. 2"), Article.Value.IndexOf("Li Qiang"));
        }

        // ---------------------------------------------------------------- canonical form and robustness

        [Theory]
        [InlineData("Premier Lǐ Qiáng 李强")]
        [InlineData("“we do not seek to decouple or to hold China’s economy back.”")]
        [InlineData("Xí Jìnpíng’s 习近平 — Hú Hépíng 胡和平…")]
        [InlineData("Grüße — „Nguyễn Phú Trọng“ in İstanbul")]
        public void CleanTextAndItsDamagedFormShareACanonicalForm(string clean)
        {
            Assert.Equal(EvidenceMatcher.Canonicalize(clean), EvidenceMatcher.Canonicalize(Windows874.Damage(clean)));
        }

        [Fact]
        public void RealThaiMatchesItself()
        {
            const string thai = "นายกรัฐมนตรีเดินทางไปประชุม G20 ที่บาหลี โฆษณา โรงเรียน";
            var source = EvidenceMatcher.Prepare(thai);
            Assert.Equal(thai.IndexOf("ประชุม", StringComparison.Ordinal), source.IndexOf("ประชุม"));
            Assert.Equal(thai.IndexOf("โฆษณา", StringComparison.Ordinal), source.IndexOf("โฆษณา"));
            Assert.Equal(thai.IndexOf("โรงเรียน", StringComparison.Ordinal), source.IndexOf("โรงเรียน"));
            Assert.Equal(-1, source.IndexOf("โรงแรม"));
        }

        [Theory]
        [InlineData("\uD800", "\uD800")]
        [InlineData("abc\uDC00def", "\uDC00d")]
        [InlineData("\uD83D\uDE00 smile", "\uD83D")]
        [InlineData("", "x")]
        [InlineData("x", "")]
        [InlineData("\u0301\u0301", "\u0301")]
        public void OddInputNeverThrows(string source, string excerpt)
        {
            var exception = Record.Exception(() =>
            {
                EvidenceMatcher.Contains(source, excerpt);
                EvidenceMatcher.Prepare(source).TryMatch(excerpt, out _, out _);
            });
            Assert.Null(exception);
        }

        [Fact]
        public void NullArgumentsDoNotThrow()
        {
            Assert.False(EvidenceMatcher.Contains(null!, "x"));
            Assert.False(EvidenceMatcher.Contains("x", null!));
            Assert.Equal(-1, EvidenceMatcher.Prepare(null!).IndexOf("x"));
        }

        [Fact]
        public void LargeSourceIsSearchedRepeatedly()
        {
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < 2000; i++)
            {
                text.Append(ArticleSeed.Read()).Append('\n');
            }

            text.Append("The closing line is “unique”.");
            var source = EvidenceMatcher.Prepare(text.ToString());
            for (int i = 0; i < 200; i++)
            {
                Assert.True(source.Contains("Premier Lǐ Qiáng 李强"));
            }

            Assert.Equal(text.ToString().IndexOf("The closing line", StringComparison.Ordinal), source.IndexOf("The closing line is \"unique\"."));
        }
    }
}
