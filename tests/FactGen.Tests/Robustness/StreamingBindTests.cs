using System.Text;
using FactGen.Model;
using FactGen.Parsing;
using Xunit;

namespace FactGen.Tests.Robustness;

/// <summary>
/// <see cref="FactParser"/> binds each top-level item as soon as the reader has read it, and reuses the
/// reader's node buffer for the next item. These pin what that must not change: a document the reader
/// cannot finish binds nothing; anchors and aliases (within an item, across items, a whole list) still
/// bind as the text they stand for; and no value of an earlier item leaks into a later one.
/// </summary>
public class StreamingBindTests
{
    private const string Path = "/project/facts/stream.yaml";

    private static FactFile Parse(string text) => FactParser.Parse(Path, text, ParseLimits.Default, CancellationToken.None);

    private static string Where(DiagnosticInfo d) => $"{d.Id} ({d.Location.StartLine + 1},{d.Location.StartColumn + 1})";

    [Fact]
    public void ADocumentTheReaderCannotFinishBindsNothingButKeepsWhatTheReaderFound()
    {
        string text =
            "officials:\n" +
            "  - {id: a-one, name: A, country: US}\n" +
            "---\n" +
            "officials:\n" +
            "  - id: b-two\n" +
            "    name: B\n" +
            "    name: B again\n" +
            "    colour: red\n" +
            "    country: US\n" +
            "  - id: c-three\n" +
            "    name: \"unterminated\n";
        FactFile file = Parse(text);

        // b-two was complete (and bound) before the error, but its document never was: it is taken back,
        // with its FG0002 and its texts. The duplicate key is the reader's finding and stays.
        Assert.Equal(new[] { "a-one" }, file.Officials.Select(o => o.Header.Id));
        Assert.Equal(new[] { "A" }, file.Texts.Select(t => t.Value));
        Assert.DoesNotContain(file.Diagnostics, d => d.Id == "FG0002");
        Assert.Equal("FG0001 (7,5)", Where(file.Diagnostics[0]));
        Assert.StartsWith("duplicate key 'name'", file.Diagnostics[0].Arguments[0], StringComparison.Ordinal);
        Assert.Equal(2, file.Diagnostics.Count);
        Assert.Equal("FG0001", file.Diagnostics[1].Id);
    }

    [Fact]
    public void AnErrorAfterTheRootIsCompleteKeepsItsDocument()
    {
        // The first document's root mapping is complete when the parser stumbles on the second document.
        FactFile file = Parse("officials:\n  - {id: a-one, name: A, country: US, colour: red}\n--- [unclosed\n");
        Assert.Equal(new[] { "a-one" }, file.Officials.Select(o => o.Header.Id));
        Assert.Contains(file.Diagnostics, d => d.Id == "FG0002");
        Assert.Contains(file.Diagnostics, d => d.Id == "FG0001");
    }

    [Fact]
    public void AliasesBindAsTheNodesTheyName()
    {
        string text =
            "titles:\n" +
            "  - {id: t-one, name: T, country: US, holders: one}\n" +
            "officials:\n" +
            "  - id: a-one\n" +
            "    name: A\n" +
            "    country: US\n" +
            "  - id: b-two\n" +
            "    name: B\n" +
            "    country: &c US\n" +
            "    positions: &p\n" +
            "      - title: t-one\n" +
            "        from: 2020\n" +
            "  - id: c-three\n" +
            "    name: C\n" +
            "    country: *c\n" +
            "    positions: *p\n" +
            "  - id: &d d-four\n" +
            "    name: D\n" +
            "    country: FR\n" +
            "events:\n" +
            "  - {id: e-five, kind: meeting, name: E, date: 2021, participants: [*d, a-one]}\n";
        FactFile file = Parse(text);

        Assert.Empty(file.Diagnostics);
        Assert.Equal(new[] { "a-one", "b-two", "c-three", "d-four" }, file.Officials.Select(o => o.Header.Id));
        OfficialFact b = file.Officials[1], c = file.Officials[2];
        Assert.Equal("US", c.Country.Value);
        Assert.Equal(b.Country, c.Country); // the alias is the anchored node: same value, same place
        Assert.Equal(b.Positions, c.Positions);
        Assert.Equal("t-one", c.Positions[0].Title.Id);
        Assert.Equal(new FactDateValue(2020, 0, 0, DatePrecision.Year), c.Positions[0].From?.Value);
        Assert.Equal(10, c.Positions[0].Location.StartLine);
        Assert.Equal("D", file.Officials[3].Name.Value);
        EventFact e = Assert.Single(file.Events);
        Assert.Equal(new[] { "d-four", "a-one" }, e.Participants.Select(p => p.Id));
        Assert.Equal(file.Officials[3].Header.IdLocation, e.Participants[0].Location);
    }

    [Fact]
    public void AListGivenAsAnAliasIsBoundItemByItem()
    {
        string text =
            "drafts: &all\n" +
            "  - {id: a-one, name: A, country: US}\n" +
            "  - {id: b-two, name: B, country: FR}\n" +
            "  - not an item\n" +
            "officials: *all\n" +
            "quotes: ~\n" +
            "events: text\n";
        FactFile file = Parse(text);
        Assert.Equal(new[] { "a-one", "b-two" }, file.Officials.Select(o => o.Header.Id));
        Assert.Equal(new[] { "FG0002 (1,1)", "FG0004 (4,5)", "FG0004 (7,9)" }, file.Diagnostics.Select(Where));
        Assert.Equal("officials", file.Diagnostics[1].Arguments[1]);
        Assert.Equal("events", file.Diagnostics[2].Arguments[1]);
    }

    [Fact]
    public void AnAliasCannotNameAnAnchorOfAnEarlierDocument()
    {
        FactFile file = Parse("officials:\n  - &a {id: a-one, name: A, country: US}\n---\nofficials:\n  - *a\n");
        Assert.Equal(new[] { "a-one" }, file.Officials.Select(o => o.Header.Id));
        Assert.Equal(new[] { "FG0001 (5,5)", "FG0004 (5,5)" }, file.Diagnostics.Select(Where));
    }

    [Fact]
    public void NoValueOfAnItemLeaksIntoTheNext()
    {
        // Items of varying shape, one after another in a reused buffer: each binds exactly its own fields.
        const int count = 300;
        var sb = new StringBuilder("titles:\n  - {id: t-one, name: T, country: US, holders: many}\nofficials:\n");
        for (int i = 0; i < count; i++)
        {
            sb.Append("  - id: o").Append(i).Append('\n');
            sb.Append("    name: Name ").Append(i).Append('\n');
            if (i % 2 == 0) sb.Append("    native: N").Append(i).Append('\n');
            sb.Append("    country: ").Append(i % 3 == 0 ? "FR" : "US").Append('\n');
            if (i % 5 != 0)
            {
                sb.Append(i % 4 == 0 ? "    positions: []\n" : "    positions:\n");
                for (int p = 0; p < i % 4; p++) sb.Append("      - {title: t-one, from: ").Append(1990 + p).Append("}\n");
            }
            if (i % 7 == 0) sb.Append("    aliases: [A").Append(i).Append(", B").Append(i).Append("]\n");
        }
        FactFile file = Parse(sb.ToString());

        Assert.Empty(file.Diagnostics);
        Assert.Equal(count, file.Officials.Count);
        for (int i = 0; i < count; i++)
        {
            OfficialFact o = file.Officials[i];
            Assert.Equal("o" + i, o.Header.Id);
            Assert.Equal("Name " + i, o.Name.Value);
            Assert.Equal(i % 2 == 0 ? "N" + i : null, o.Native?.Value);
            Assert.Equal(i % 3 == 0 ? "FR" : "US", o.Country.Value);
            int positions = i % 5 == 0 ? 0 : i % 4;
            Assert.Equal(Enumerable.Range(0, positions).Select(p => 1990 + p), o.Positions.Select(p => p.From is { } from ? from.Value.Year : 0));
            Assert.Equal(i % 7 == 0 ? new[] { "A" + i, "B" + i } : Array.Empty<string>(), o.Aliases.ToArray());
        }
    }
}
