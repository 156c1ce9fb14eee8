using System.Collections;
using System.Reflection;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.Benchmarks;

/// <summary>
/// The generator works out reverse links (an official's events, quotes and agreements; an organization's too, and
/// its titles; an event's parts, agreements and quotes; a title's terms) and the generated code only copies them.
/// Here they are worked out again from the forward links of the loaded facts, in the order the facts come in and
/// each item once, and must be the same objects in the same order — over the 1,000-official synthetic corpus.
/// </summary>
public class ReverseLinkTests
{
    [Fact]
    public void ReverseLinksEqualTheForwardLinksReadBackwards()
    {
        GeneratorRun run = GeneratorHarness.Run(Generation.AdditionalTexts(FactCorpus.Get("1000/10")));
        Assert.Empty(run.GeneratorDiagnostics);
        Assembly assembly = GeneratorHarness.Load(run.Output);
        List<object> All(string kind) => ((IEnumerable)assembly.GetType("Test.Facts." + kind, throwOnError: true)!.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();
        static List<object> Items(object? list) => ((IEnumerable)list!).Cast<object>().ToList();
        static object? P(object o, string name) => GeneratorHarness.Prop(o, name);

        var expected = new Dictionary<(object, string), List<object>>(new KeyComparer());
        void Add(object? key, string link, object item)
        {
            if (key is null) return;
            if (!expected.TryGetValue((key, link), out var list)) expected.Add((key, link), list = new List<object>());
            if (!list.Any(x => ReferenceEquals(x, item))) list.Add(item);
        }

        List<object> officials = All("Officials"), organizations = All("Organizations"), titles = All("Titles"),
            events = All("Events"), agreements = All("Agreements"), quotes = All("Quotes");
        foreach (object official in officials)
        {
            foreach (object position in Items(P(official, "Positions"))) Add(P(position, "Title"), "Terms", position);
        }
        foreach (object title in titles) Add(P(title, "Organization"), "Titles", title);
        foreach (object e in events)
        {
            foreach (object participant in Items(P(e, "Participants"))) Add(P(participant, "Actor"), "Events", e);
            Add(P(e, "PartOf"), "Parts", e);
        }
        foreach (object a in agreements)
        {
            foreach (object party in Items(P(a, "Parties"))) Add(P(party, "Organization"), "Agreements", a);
            foreach (object negotiator in Items(P(a, "Negotiators"))) Add(P(negotiator, "Actor"), "Agreements", a);
            Add(P(a, "Event"), "Agreements", a);
        }
        foreach (object q in quotes)
        {
            Add(P(q, "Speaker"), "Quotes", q);
            Add(P(q, "Event"), "Quotes", q);
        }
        Assert.Contains(expected.Keys, k => k.Item2 == "Parts"); // the corpus has trips with days, so every link kind is exercised
        Assert.Contains(expected.Keys, k => k.Item2 == "Terms");

        // a position has no id of its own: name it by its official and dates
        static string Name(object x) => x.GetType().Name == "Position" ? P(P(x, "Official")!, "Id") + " " + P(x, "From") + ".." + P(x, "To") : (string)P(x, "Id")!;
        int compared = 0;
        void Check(List<object> facts, params string[] links)
        {
            foreach (object fact in facts)
            {
                foreach (string link in links)
                {
                    List<object> want = expected.TryGetValue((fact, link), out var list) ? list : new List<object>();
                    List<object> got = Items(P(fact, link));
                    Assert.True(want.Count == got.Count && want.Zip(got).All(p => ReferenceEquals(p.First, p.Second)),
                        $"{P(fact, "Id")}.{link}: expected [{string.Join(", ", want.Select(Name))}], got [{string.Join(", ", got.Select(Name))}]");
                    compared += got.Count;
                }
            }
        }
        Check(officials, "Events", "Quotes", "Agreements");
        Check(organizations, "Events", "Quotes", "Agreements", "Titles");
        Check(events, "Parts", "Agreements", "Quotes");
        Check(titles, "Terms");
        Assert.True(compared > 1000, "compared " + compared + " reverse-link items");
    }

    private sealed class KeyComparer : IEqualityComparer<(object, string)>
    {
        public bool Equals((object, string) x, (object, string) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;

        public int GetHashCode((object, string) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), obj.Item2);
    }
}
