using BenchmarkDotNet.Attributes;
using FactGen.Benchmarks.Corpus;
using FactGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks.Benchmarks;

/// <summary>
/// (2) One fact file edited among 100 (what the IDE does on a keystroke): the driver that already ran over
/// the corpus gets <see cref="GeneratorDriver.ReplaceAdditionalText"/> with the very AdditionalText instance
/// it holds, then runs again. Baseline: a full run with a new driver. Budget: the edit ≤ 5% of the full run.
/// Each invocation starts from the same warm driver (drivers are immutable), so every one measures one edit.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[SmokeCorpus("100/100")]
public class IncrementalBenchmarks
{
    private List<AdditionalText> _additionalTexts = new();
    private Compilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _original = null!;
    private AdditionalText _valueEdit = null!;
    private AdditionalText _commentEdit = null!;
    private AdditionalText _nameEdit = null!;
    private AdditionalText _dateEdit = null!;
    private AdditionalText _eventOriginal = null!;
    private AdditionalText _eventDateEdit = null!;
    private AdditionalText _addedOfficial = null!;
    private AdditionalText _participantOriginal = null!;
    private AdditionalText _danglingParticipant = null!;

    [Params("1000/100", "10000/100")]
    public string Corpus { get; set; } = "100/100";

    [GlobalSetup]
    public void Setup()
    {
        FactCorpus corpus = FactCorpus.Get(Corpus);
        if (corpus.FactFiles.Count < 2) throw new InvalidOperationException("the incremental benchmark needs a corpus split over several files");
        _additionalTexts = Generation.AdditionalTexts(corpus);
        _compilation = Generation.Compilation("Bench", OutputKind.DynamicallyLinkedLibrary, OptimizationLevel.Release);
        _warm = Generation.Driver(_additionalTexts).RunGenerators(_compilation);
        Generation.RequireClean(_warm.GetRunResult().Diagnostics, "corpus " + Corpus);

        // The middle file: edit one value (a quote's text), one name other facts show, or only append a comment.
        _original = _additionalTexts[corpus.FactFiles.Count / 2];
        string text = _original.GetText()!.ToString();
        _valueEdit = new InMemoryAdditionalText(_original.Path, EditOneValue(text));
        _commentEdit = new InMemoryAdditionalText(_original.Path, text + "# reviewed\n");
        _nameEdit = new InMemoryAdditionalText(_original.Path, EditOneOfficialsName(text));
        _dateEdit = new InMemoryAdditionalText(_original.Path, EditOneTermsStart(text));
        _addedOfficial = new InMemoryAdditionalText(_original.Path, AddOneOfficial(text));
        // the first file from the middle on with a one-day event (small corpora leave some files without events)
        var fromTheMiddle = _additionalTexts.Skip(corpus.FactFiles.Count / 2).Take(corpus.FactFiles.Count - (corpus.FactFiles.Count / 2))
            .Concat(_additionalTexts.Take(corpus.FactFiles.Count / 2)).ToList();
        _eventOriginal = fromTheMiddle.First(t => HasOneDayEvent(t.GetText()!.ToString()));
        _participantOriginal = fromTheMiddle.First(t => t.GetText()!.ToString().Contains(ParticipantKey, StringComparison.Ordinal));
        _danglingParticipant = new InMemoryAdditionalText(_participantOriginal.Path, MakeOneParticipantDangle(_participantOriginal.GetText()!.ToString()));
        _eventDateEdit = new InMemoryAdditionalText(_eventOriginal.Path, EditOneEventsDate(_eventOriginal.GetText()!.ToString()));

        var edited = _warm.ReplaceAdditionalText(_original, _valueEdit).RunGenerators(_compilation).GetRunResult();
        Generation.RequireClean(edited.Diagnostics, "edited corpus " + Corpus);
        var renamed = _warm.ReplaceAdditionalText(_original, _nameEdit).RunGenerators(_compilation).GetRunResult();
        Generation.RequireClean(renamed.Diagnostics, "renamed corpus " + Corpus);
        var redated = _warm.ReplaceAdditionalText(_original, _dateEdit).RunGenerators(_compilation).GetRunResult();
        Generation.RequireClean(redated.Diagnostics, "re-dated corpus " + Corpus);
        var moved = _warm.ReplaceAdditionalText(_eventOriginal, _eventDateEdit).RunGenerators(_compilation).GetRunResult();
        Generation.RequireClean(moved.Diagnostics, "event re-dated corpus " + Corpus);
        var added = _warm.ReplaceAdditionalText(_original, _addedOfficial).RunGenerators(_compilation).GetRunResult();
        Generation.RequireClean(added.Diagnostics, "official added corpus " + Corpus);
        var dangling = _warm.ReplaceAdditionalText(_participantOriginal, _danglingParticipant).RunGenerators(_compilation).GetRunResult();
        if (!dangling.Diagnostics.Any(d => d.Id == "FG0006")) throw new InvalidOperationException("the dangling participant was not reported (FG0006)");
    }

    /// <summary>Moves the first term of office in the file (its <c>from:</c> year) a year earlier: a term's date, not structure.</summary>
    public static string EditOneTermsStart(string text) => YearEarlier(text, "\n        from: ", "term of office with a start");

    /// <summary>Moves the first one-day event in the file (its <c>date:</c> year) a year earlier: it moves in the chronological order, but dates are not structure.</summary>
    public static string EditOneEventsDate(string text)
    {
        var (start, end) = EventsSection(text);
        if (start < 0) throw new InvalidOperationException("no events in the file");
        return text[..start] + YearEarlier(text[start..end], "\n    date: ", "event with a date") + text[end..];
    }

    private static bool HasOneDayEvent(string text)
    {
        var (start, end) = EventsSection(text);
        return start >= 0 && text.AsSpan(start, end - start).IndexOf("\n    date: ", StringComparison.Ordinal) >= 0;
    }

    /// <summary>Where the file's <c>events:</c> section starts and ends (at the next top-level key); (-1, -1) without one.</summary>
    private static (int Start, int End) EventsSection(string text)
    {
        int start = text.IndexOf("\nevents:\n", StringComparison.Ordinal);
        if (start < 0) return (-1, -1);
        int end = start + 1;
        while ((end = text.IndexOf('\n', end + 1)) >= 0 && end + 1 < text.Length && (text[end + 1] == ' ' || text[end + 1] == '#')) { }
        return (start, end < 0 ? text.Length : end);
    }

    private static string YearEarlier(string text, string key, string what)
    {
        int at = text.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no " + what + " in the file");
        int year = at + key.Length;
        int value = int.Parse(text.AsSpan(year, 4), System.Globalization.CultureInfo.InvariantCulture);
        return text[..year] + (value - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + text[(year + 4)..];
    }

    /// <summary>Adds an official (id, name, country) at the start of the file's officials: structure (a new fact).</summary>
    public static string AddOneOfficial(string text)
    {
        int at = text.IndexOf("\nofficials:\n", StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no officials in the file");
        at += "\nofficials:\n".Length;
        return text[..at] + "  - id: added-official\n    name: Added Person\n    country: NO\n" + text[at..];
    }

    private const string ParticipantKey = "\n    participants:\n      - ";

    /// <summary>Makes the first participant in the file name no fact (its id gets "-gone"), as typing a new id does on the way.</summary>
    public static string MakeOneParticipantDangle(string text)
    {
        int at = text.IndexOf(ParticipantKey, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no participants in the file");
        int end = text.IndexOf('\n', at + ParticipantKey.Length);
        return text[..end] + "-gone" + text[end..];
    }

    /// <summary>Appends " Jr" to the first official's name in the file: a name other facts' docs show (structure).</summary>
    public static string EditOneOfficialsName(string text)
    {
        int officials = text.IndexOf("\nofficials:\n", StringComparison.Ordinal);
        int at = officials < 0 ? -1 : text.IndexOf("\n    name: ", officials, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no official's name to edit in the file");
        int end = text.IndexOf('\n', at + 1);
        return text[..end] + " Jr" + text[end..];
    }

    /// <summary>Changes the first quote text (or, failing that, the first name) in the file; the result stays valid.</summary>
    public static string EditOneValue(string text)
    {
        foreach (string key in new[] { "\n    text: \"", "\n    name: " })
        {
            int at = text.IndexOf(key, StringComparison.Ordinal);
            if (at < 0) continue;
            int end = text.IndexOf('\n', at + 1);
            string line = text[(at + 1)..end];
            string changed = line.EndsWith('"') ? line[..^1] + " Indeed.\"" : line + " Jr";
            return text[..(at + 1)] + changed + text[end..];
        }
        throw new InvalidOperationException("no value to edit in the file");
    }

    [Benchmark(Baseline = true)]
    public int FullRun()
        => Generation.Driver(_additionalTexts).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>One value changed in one file: that file is parsed again and its own generated file made again; nothing else runs.</summary>
    [Benchmark]
    public int EditOneValueInOneFile()
        => _warm.ReplaceAdditionalText(_original, _valueEdit).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// One official's name changed in one file: a name other facts' docs show. Names are not structure: the file is parsed
    /// again, the name table and the names file are made again, and of the fact files' own files only those whose docs
    /// show the name (the official's, and those of the quotes they said).
    /// </summary>
    [Benchmark]
    public int EditOneShownNameInOneFile()
        => _warm.ReplaceAdditionalText(_original, _nameEdit).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// One term of office starts a year earlier: a term's dates are not structure, so nothing is linked or planned again;
    /// the terms file (every term's dates) and the edited file's own file are made again.
    /// </summary>
    [Benchmark]
    public int EditOneTermsDateInOneFile()
        => _warm.ReplaceAdditionalText(_original, _dateEdit).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// One event a year earlier, so it moves in the chronological order: the dates of events, agreements and quotes are not
    /// structure (linking orders every kind by id), so nothing is linked or planned again; the dates file (every such
    /// fact's dates and their chronological order) and the edited file's own file are made again.
    /// </summary>
    [Benchmark]
    public int EditOneEventsDateInOneFile()
        => _warm.ReplaceAdditionalText(_eventOriginal, _eventDateEdit).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// One official added to one file: structure (a new fact, a new id), so everything is linked and planned again and the
    /// shared files are made again; of the fact files' own files only the edited one (members read their fact by its place
    /// in their own file, so the others' views stay equal).
    /// </summary>
    [Benchmark]
    public int AddOneOfficialInOneFile()
        => _warm.ReplaceAdditionalText(_original, _addedOfficial).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// One participant's id changed to one that names no fact (FG0006), as while typing a new id: structure, like an added
    /// official, and then the error needs its real line, which the structures do not keep: the structures' link numbers
    /// its locations, and the parsed file gives the line back (Structure.Relocate; it was a second link of every file).
    /// </summary>
    [Benchmark]
    public int MakeOneParticipantDangleInOneFile()
        => _warm.ReplaceAdditionalText(_participantOriginal, _danglingParticipant).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>A comment appended to one file: the file is parsed again, its model is unchanged, nothing downstream runs.</summary>
    [Benchmark]
    public int AppendCommentToOneFile()
        => _warm.ReplaceAdditionalText(_original, _commentEdit).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
}
