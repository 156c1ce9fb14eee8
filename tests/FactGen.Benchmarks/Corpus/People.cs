using System.Globalization;
using System.Text;

namespace FactGen.Benchmarks.Corpus;

/// <summary>A generated person's names: ASCII <c>name</c>, <c>romanized</c> with diacritics (null when the
/// name has none), <c>native</c> in the native script (null for Latin-script cultures), and the ASCII family name.</summary>
public sealed record PersonName(string Name, string? Romanized, string? Native, string Family);

/// <summary>How names of one culture are made. <c>name</c> is always the diacritics-stripped form of
/// <c>romanized</c>, which is what rule FG0014 checks.</summary>
public abstract class NameCulture
{
    public abstract PersonName Make(Rng rng);

    /// <summary>The ASCII form of a romanized name: decomposed, combining marks dropped.</summary>
    public static string Ascii(string romanized)
    {
        string d = romanized.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (char c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        }
        string ascii = sb.ToString().Normalize(NormalizationForm.FormC);
        foreach (char c in ascii)
        {
            if (c > 0x7E) throw new InvalidOperationException("name data bug: '" + romanized + "' has no ASCII form");
        }
        return ascii;
    }

    protected static PersonName Latin(string romanized, string familyRomanized)
    {
        string name = Ascii(romanized);
        return new PersonName(name, name == romanized ? null : romanized, null, Ascii(familyRomanized));
    }

    protected static (string Native, string Latin)[] Pairs(string data)
    {
        // "native=latin|native=latin|…"; empty for none
        if (data.Length == 0) return Array.Empty<(string, string)>();
        string[] items = data.Split('|');
        var result = new (string, string)[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            int eq = items[i].IndexOf('=');
            result[i] = (items[i][..eq], items[i][(eq + 1)..]);
        }
        return result;
    }

    protected static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>Hanzi native name, pinyin with tone marks (Wáng Lìfēng → Wang Lifeng).</summary>
public sealed class ChineseNames : NameCulture
{
    private static readonly (string Native, string Latin)[] s_family = Pairs(
        "王=Wáng|李=Lǐ|张=Zhāng|刘=Liú|陈=Chén|杨=Yáng|黄=Huáng|赵=Zhào|吴=Wú|周=Zhōu|徐=Xú|孙=Sūn|马=Mǎ|朱=Zhū|胡=Hú|郭=Guō|何=Hé|高=Gāo|林=Lín|罗=Luó|郑=Zhèng|梁=Liáng|谢=Xiè|宋=Sòng|唐=Táng|韩=Hán|冯=Féng|邓=Dèng|曹=Cáo|彭=Péng");

    private static readonly (string Native, string Latin)[] s_syllables = Pairs(
        "伟=wěi|芳=fāng|娜=nà|敏=mǐn|静=jìng|丽=lì|强=qiáng|磊=lěi|军=jūn|洋=yáng|勇=yǒng|艳=yàn|杰=jié|涛=tāo|明=míng|超=chāo|秀=xiù|霞=xiá|平=píng|刚=gāng|华=huá|建=jiàn|国=guó|文=wén|志=zhì|海=hǎi|红=hóng|东=dōng|峰=fēng|宁=níng|立=lì|新=xīn|春=chūn|振=zhèn|荣=róng|德=dé|晓=xiǎo|庆=qìng|松=sōng|林=lín");

    public override PersonName Make(Rng rng)
    {
        var f = rng.Pick(s_family);
        var a = rng.Pick(s_syllables);
        var b = rng.Pick(s_syllables);
        bool single = rng.Chance(15);
        string given = Cap(single ? a.Latin : a.Latin + b.Latin);
        string romanized = f.Latin + " " + given;
        string name = Ascii(romanized);
        return new PersonName(name, name == romanized ? null : romanized, f.Native + a.Native + (single ? "" : b.Native), Ascii(f.Latin));
    }
}

/// <summary>Kanji native name, Hepburn with macrons (Itō Hiroshi → Ito Hiroshi), family name first.</summary>
public sealed class JapaneseNames : NameCulture
{
    private static readonly (string Native, string Latin)[] s_family = Pairs(
        "佐藤=Satō|鈴木=Suzuki|高橋=Takahashi|田中=Tanaka|伊藤=Itō|渡辺=Watanabe|山本=Yamamoto|中村=Nakamura|小林=Kobayashi|加藤=Katō|吉田=Yoshida|山田=Yamada|佐々木=Sasaki|松本=Matsumoto|井上=Inoue|木村=Kimura|斎藤=Saitō|清水=Shimizu|近藤=Kondō|後藤=Gotō");

    private static readonly (string Native, string Latin)[] s_given = Pairs(
        "太郎=Tarō|大輔=Daisuke|翔=Shō|洋子=Yōko|恵子=Keiko|浩=Hiroshi|誠=Makoto|裕子=Yūko|直樹=Naoki|美咲=Misaki|和也=Kazuya|修=Osamu|健太=Kenta|由美=Yumi|雄一=Yūichi|亮=Ryō|智子=Tomoko|拓也=Takuya|陽子=Yōko|隆=Takashi");

    public override PersonName Make(Rng rng)
    {
        var f = rng.Pick(s_family);
        var g = rng.Pick(s_given);
        string romanized = f.Latin + " " + g.Latin;
        string name = Ascii(romanized);
        return new PersonName(name, name == romanized ? null : romanized, f.Native + g.Native, Ascii(f.Latin));
    }
}

/// <summary>Hangul native name; the usual ASCII spelling (Kim Min-jun), no diacritics.</summary>
public sealed class KoreanNames : NameCulture
{
    private static readonly (string Native, string Latin)[] s_family = Pairs("김=Kim|이=Lee|박=Park|최=Choi|정=Jung|강=Kang|조=Cho|윤=Yoon|장=Jang|임=Lim|한=Han|오=Oh");

    private static readonly (string Native, string Latin)[] s_given = Pairs(
        "민준=Min-jun|서연=Seo-yeon|지훈=Ji-hoon|수빈=Su-bin|현우=Hyun-woo|지민=Ji-min|영호=Young-ho|은지=Eun-ji|성민=Sung-min|혜진=Hye-jin|동현=Dong-hyun|수진=Su-jin|재원=Jae-won|미경=Mi-kyung");

    public override PersonName Make(Rng rng)
    {
        var f = rng.Pick(s_family);
        var g = rng.Pick(s_given);
        return new PersonName(f.Latin + " " + g.Latin, null, f.Native + g.Native, f.Latin);
    }
}

/// <summary>Given + family in a non-Latin script with the usual ASCII transliteration; optionally gendered family names.</summary>
public sealed class ScriptNames : NameCulture
{
    private readonly (string Native, string Latin)[] _male;
    private readonly (string Native, string Latin)[] _female;
    private readonly (string Native, string Latin)[] _family;
    private readonly Func<(string Native, string Latin), (string Native, string Latin)>? _feminine;

    public ScriptNames(string male, string female, string family, Func<(string Native, string Latin), (string Native, string Latin)>? feminine = null)
    {
        _male = Pairs(male);
        _female = Pairs(female);
        _family = Pairs(family);
        _feminine = feminine;
    }

    public override PersonName Make(Rng rng)
    {
        bool female = _female.Length > 0 && rng.Chance(40);
        var g = rng.Pick(female ? _female : _male);
        var f = rng.Pick(_family);
        if (female && _feminine is not null) f = _feminine(f);
        return new PersonName(g.Latin + " " + f.Latin, null, g.Native + " " + f.Native, f.Latin);
    }
}

/// <summary>Arabic script native name, romanized with dots and macrons (Muḥammad al-Maṣrī → Muhammad al-Masri).</summary>
public sealed class ArabicNames : NameCulture
{
    private static readonly (string Native, string Latin)[] s_given = Pairs(
        "محمد=Muḥammad|أحمد=Aḥmad|حسن=Ḥasan|خالد=Khālid|يوسف=Yūsuf|إبراهيم=Ibrāhīm|سامي=Sāmī|فاطمة=Fāṭima|ليلى=Laylā|مريم=Maryam|نور=Nūr|طارق=Ṭāriq|كريم=Karīm|سلمى=Salmā|هشام=Hishām|رانيا=Rāniyā");

    private static readonly (string Native, string Latin)[] s_family = Pairs(
        "المصري=al-Maṣrī|الحسيني=al-Ḥusaynī|الخطيب=al-Khaṭīb|الشامي=al-Shāmī|النجار=al-Najjār|الزهراني=al-Zahrānī|حداد=Ḥaddād|منصور=Manṣūr|سليمان=Sulaymān|الفاسي=al-Fāsī|القاسمي=al-Qāsimī|الرشيد=al-Rashīd");

    public override PersonName Make(Rng rng)
    {
        var g = rng.Pick(s_given);
        var f = rng.Pick(s_family);
        string romanized = g.Latin + " " + f.Latin;
        string name = Ascii(romanized);
        return new PersonName(name, name == romanized ? null : romanized, g.Native + " " + f.Native, Ascii(f.Latin));
    }
}

/// <summary>Latin script with diacritics (Jiří Dvořák → Jiri Dvorak); native is not given, romanized carries the spelling.</summary>
public sealed class LatinNames : NameCulture
{
    private readonly string[] _male;
    private readonly string[] _female;
    private readonly (string Male, string Female)[] _family;
    private readonly string? _middle;

    /// <param name="family">"Male/Female|…" or "Name|…" when the family name does not change.</param>
    public LatinNames(string male, string female, string family, string? middle = null)
    {
        _male = male.Split('|');
        _female = female.Length == 0 ? Array.Empty<string>() : female.Split('|');
        _family = family.Split('|').Select(f => f.Contains('/') ? (f[..f.IndexOf('/')], f[(f.IndexOf('/') + 1)..]) : (f, f)).ToArray();
        _middle = middle;
    }

    public override PersonName Make(Rng rng)
    {
        bool female = _female.Length > 0 && rng.Chance(45);
        string given = rng.Pick(female ? _female : _male);
        var (m, f) = rng.Pick(_family);
        string family = female ? f : m;
        if (_middle is not null)
        {
            // Vietnamese order: family, middle, given.
            string[] middles = _middle.Split('|');
            string romanizedVn = family + " " + middles[rng.Next(middles.Length)] + " " + given;
            return Latin(romanizedVn, family);
        }
        return Latin(given + " " + family, family);
    }
}
