using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The generated code makes a fact's values and lists on first use, not at start-up. Several threads reading them for
/// the first time at once, in a freshly loaded assembly, all see every value and list (aliases, terms, parties too), the same as one thread does.
/// </summary>
public class LazyValuesTests
{
    private const string RaceSource = """
        using System.Linq;
        using System.Threading;
        using Test.Facts;

        internal static class Race
        {
            private static string Read()
            {
                var lines = Quotes.All.Select(q => q.Id + ": " + q.Text + " | " + q.Note + " | " + q.Deprecated + " | " + q.Speaker.Name)
                    .Concat(Events.All.Select(e => e.Id + ": " + e.Name + " | " + e.Summary + " | " + e.Location + " | " + e.Evidence + " | " + e.Participants.Count + " | " + e.Quotes.Count + " | " + e.Sources.Count))
                    .Concat(Officials.All.Select(o => o.Id + ": " + o.Native + " | " + o.Romanized + " | " + o.Country + " | " + o.Events.Count + " | " + string.Join(", ", o.Aliases)
                        + " | " + string.Join(", ", o.Positions.Select(p => p.Title.Id + " " + p.From + " " + p.Evidence + " " + p.Note))))
                    .Concat(Titles.All.Select(t => t.Id + ": " + string.Join(", ", t.Terms.Select(p => p.Official.Id))))
                    .Concat(Organizations.All.Select(o => o.Id + ": " + o.Abbreviation + " | " + o.Native + " | " + o.Country + " | " + o.Titles.Count))
                    .Concat(Agreements.All.Select(a => a.Id + ": " + a.Name + " | " + a.Summary + " | " + a.Negotiators.Count + " | " + string.Join(", ", a.Parties.Select(p => p.Country ?? p.Organization!.Id))))
                    .Concat(Sources.All.Select(s => s.Id + ": " + s.Url + " | " + s.Note));
                return string.Join("\n", lines);
            }

            public static string FirstReadsAtOnce()
            {
                const int threads = 8;
                var barrier = new Barrier(threads);
                var results = new string[threads];
                var workers = new Thread[threads];
                for (int t = 0; t < threads; t++)
                {
                    int me = t;
                    workers[t] = new Thread(() =>
                    {
                        barrier.SignalAndWait();
                        results[me] = Read();
                    });
                    workers[t].Start();
                }
                foreach (Thread worker in workers) worker.Join();
                return string.Join("\n====\n", results.Distinct());
            }

            public static string OneThread() => Read();

            /// <summary>Reads one event's name, then one official's native name: each read loads its own file's chunk.</summary>
            public static string ChunksAfterTwoReads()
            {
                var chunks = (object?[])typeof(Events).Assembly.GetType("Test.Facts.FactData", true)!
                    .GetField("s_chunks", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
                int before = chunks.Count(c => c is not null);
                string first = Events.All[0].Name;
                int afterOne = chunks.Count(c => c is not null);
                string? native = Officials.YamadaTaro.Native;
                int afterTwo = chunks.Count(c => c is not null);
                return before + " " + afterOne + " " + afterTwo + " of " + chunks.Length + " " + first + " " + native;
            }
        }
        """;

    private static byte[] Build()
    {
        var run = StrictCompilation.Run(FactSets.Mixed(), FactSets.PublicOptions(), StrictCompilation.Create("Race", new[] { RaceSource }));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        return StrictCompilation.Emit(run.Output);
    }

    [Fact]
    public void ReadingAValueLoadsOnlyItsOwnFactFilesChunk()
    {
        string result = StrictCompilation.Call(StrictCompilation.LoadTogether(("Race", Build())), "Race", "ChunksAfterTwoReads");
        // the mixed set has four fact files; events and officials live in different ones
        Assert.Matches(@"^0 1 2 of 4 \S", result);
        Assert.EndsWith(" 山田太郎", result);
    }

    [Fact]
    public void ThreadsReadingValuesAndListsForTheFirstTimeAtOnceAllSeeThemWhole()
    {
        byte[] image = Build();
        string alone = StrictCompilation.Call(StrictCompilation.LoadTogether(("Race", image)), "Race", "OneThread");
        Assert.Contains("council-welcomes: We welcome every ship. |", alone);
        Assert.Contains("Shared berths & lower fees for \"green\" ships.", alone);
        Assert.Contains("山田太郎 | Yamada Tarō | JP", alone);
        // the lists and what only they name (aliases, terms' evidence, parties' country codes) are read together, on first use of any list
        Assert.Contains("Minister Yamada | trade-minister 2022-08-10 Yamada Taro, Minister of Trade from 10 August 2022", alone);
        Assert.Contains("JP, NO, harbour-council", alone);
        // Each load is a fresh copy of the assembly: nothing made yet, so the threads race to make it.
        for (int round = 0; round < 20; round++)
        {
            string raced = StrictCompilation.Call(StrictCompilation.LoadTogether(("Race", image)), "Race", "FirstReadsAtOnce");
            Assert.DoesNotContain("====", raced); // every thread read the same
            Assert.Equal(alone, raced);
        }
    }
}
