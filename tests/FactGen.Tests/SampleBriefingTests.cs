using FactGen.Sample;
using FactGen.Sample.Facts;
using Xunit;

namespace FactGen.Tests;

/// <summary>The README's main job, asserted: the sample's briefing built from the repository's facts.</summary>
public class SampleBriefingTests
{
    private static readonly string Text = Briefing.Write();

    [Fact]
    public void OfficialsShowNativeNamesAndTheTitleHeldOnTheArticleDate()
    {
        Assert.Contains("He Lifeng / Hé Lìfēng / 何立峰 [CN]: Vice Premier of the State Council", Text);
        Assert.Contains("Li Qiang / Lǐ Qiáng / 李强 [CN]: Premier of the State Council", Text);
        Assert.Contains("Gina Raimondo [US]: United States Secretary of Commerce", Text);
        Assert.Contains("Nancy Pelosi [US]: no office on that date", Text);
    }

    [Fact]
    public void TimelineRunsFromAugust2022ToTheTripDayByDay()
    {
        int breakOff = Text.IndexOf("2022-08                 China breaks off dialogue", StringComparison.Ordinal);
        int trip = Text.IndexOf("2023-08-28..2023-08-31  Gina Raimondo's trip to China", StringComparison.Ordinal);
        int day1 = Text.IndexOf("day 1, 2023-08-28:", StringComparison.Ordinal);
        int day2 = Text.IndexOf("day 2, 2023-08-29:", StringComparison.Ordinal);
        int day3 = Text.IndexOf("day 3, 2023-08-30:", StringComparison.Ordinal);
        Assert.True(breakOff >= 0 && breakOff < trip && trip < day1 && day1 < day2 && day2 < day3, Text);
    }

    [Fact]
    public void AgreementsAndQuotesAreListedWithPartiesAndSpeakers()
    {
        Assert.Contains("2023-08-28  Information exchange on U.S. technology export controls\n      parties: US, CN", Text);
        Assert.Contains("“we do not seek to decouple or to hold China’s economy back.”\n      — Gina Raimondo, United States Secretary of Commerce", Text);
    }

    [Fact]
    public void GeneratedApiAnswersFromTheRealFacts()
    {
        Assert.Equal("何立峰", Officials.HeLifeng.Native);
        Assert.Same(Titles.Premier, Officials.LiQiang.TitleOn(new FactDate(2023, 8, 29)));
        Assert.Null(Officials.LiQiang.TitleOn(new FactDate(2022)));
        Agreement exchange = Agreements.ExportControlInformationExchange;
        Assert.Equal(new FactDate(2023, 8, 28), exchange.Date);
        Assert.Equal(new[] { "US", "CN" }, exchange.Parties.Select(p => p.Country));
        Assert.Same(Officials.HeLifeng, Quotes.HeLifengRationalAndPractical.Speaker);
        Event trip = Events.RaimondoChinaTrip;
        Assert.Equal(new FactDate(2023, 8, 28), trip.From);
        Assert.Equal(new FactDate(2023, 8, 31), trip.To);
        var days = trip.Parts.Select(p => p.Date).ToList();
        Assert.Equal(days.OrderBy(d => d).ToList(), days);
        Assert.All(trip.Parts, p => Assert.Same(trip, p.PartOf));
        Assert.Contains(Events.RaimondoLiQiangMeeting, Officials.LiQiang.Events);
    }
}
