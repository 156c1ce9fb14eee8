using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using FactGen.Model;

namespace FactGen.Parsing;

/// <summary>
/// Fact format v1 as data: the top-level lists, each kind's fields and which are required. The parser
/// and the JSON schema test both read it, so the two cannot drift apart.
/// </summary>
internal static class FactSchema
{
    public const string KindsHint = "meeting, talks, visit, trip, summit, announcement, statement, incident, other";

    public static readonly string[] EventKinds = { "meeting", "talks", "visit", "trip", "summit", "announcement", "statement", "incident", "other" };

    /// <summary>Fields any item may carry.</summary>
    public static readonly string[] CommonFields = { "id", "source", "sources", "evidence", "note", "deprecated" };

    public static readonly string[] PositionFields = { "title", "from", "to", "source", "sources", "evidence", "note" };

    public static readonly string[] RefFields = { "official", "organization", "as" };

    public static readonly (string List, FactKind Kind)[] Lists =
    {
        ("sources", FactKind.Source),
        ("organizations", FactKind.Organization),
        ("titles", FactKind.Title),
        ("officials", FactKind.Official),
        ("events", FactKind.Event),
        ("agreements", FactKind.Agreement),
        ("quotes", FactKind.Quote),
    };

    // One array per kind, built once: the parser asks for them for every item and field. ImmutableArray, so
    // nothing can change them after type initialization (the compiler shares this state across compilations).
    private static readonly ImmutableArray<ImmutableArray<string>> s_fields = ImmutableArray.Create(
        ImmutableArray.Create("title", "file", "published", "url"),
        ImmutableArray.Create("name", "country", "native", "abbreviation"),
        ImmutableArray.Create("name", "country", "organization", "holders"),
        ImmutableArray.Create("name", "country", "romanized", "native", "positions", "aliases"),
        ImmutableArray.Create("kind", "name", "date", "from", "to", "summary", "location", "participants", "part_of"),
        ImmutableArray.Create("name", "date", "parties", "negotiators", "event", "summary"),
        ImmutableArray.Create("speaker", "text", "date", "event"));

    private static readonly ImmutableArray<ImmutableArray<string>> s_required = ImmutableArray.Create(
        ImmutableArray.Create("title", "file", "published"),
        ImmutableArray.Create("name", "country"),
        ImmutableArray.Create("name", "country"),
        ImmutableArray.Create("name", "country"),
        ImmutableArray.Create("kind", "name"),
        ImmutableArray.Create("name", "date", "parties"),
        ImmutableArray.Create("speaker", "text", "date"));

    private static readonly ImmutableArray<ImmutableArray<string>> s_known = BuildKnown();

    private static ImmutableArray<ImmutableArray<string>> BuildKnown()
    {
        var known = ImmutableArray.CreateBuilder<ImmutableArray<string>>(s_fields.Length);
        foreach (ImmutableArray<string> fields in s_fields) known.Add(ImmutableArray.Create(CommonFields).AddRange(fields));
        return known.MoveToImmutable();
    }

    /// <summary>The kind-specific fields of each kind (beyond <see cref="CommonFields"/>); required ones first.</summary>
    public static ImmutableArray<string> FieldsOf(FactKind kind) => s_fields[Index(kind)];

    /// <summary>Every field an item of the kind may have: <see cref="CommonFields"/>, then <see cref="FieldsOf"/>.</summary>
    public static ImmutableArray<string> KnownFieldsOf(FactKind kind) => s_known[Index(kind)];

    /// <summary>Required kind-specific fields (events need <c>date</c> or <c>from</c>, checked apart).</summary>
    public static ImmutableArray<string> RequiredOf(FactKind kind) => s_required[Index(kind)];

    private static int Index(FactKind kind)
        => kind >= FactKind.Source && kind <= FactKind.Quote ? (int)kind : throw new ArgumentOutOfRangeException(nameof(kind));

    public static string Singular(FactKind kind) => kind switch
    {
        FactKind.Source => "source",
        FactKind.Organization => "organization",
        FactKind.Title => "title",
        FactKind.Official => "official",
        FactKind.Event => "event",
        FactKind.Agreement => "agreement",
        _ => "quote",
    };

    /// <summary>
    /// The closest candidate within a small edit distance, for "did you mean" hints. With a
    /// <paramref name="budget"/>, the edit distances computed are charged to it and the hint is skipped
    /// once it runs out, so many misses against many candidates cost bounded work, not misses × candidates.
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates, SuggestionBudget? budget = null)
    {
        if (budget is { IsSpent: true }) return null;
        string? best = null;
        int bestDistance = int.MaxValue;
        int allowed = Math.Max(2, value.Length / 3);
        // One set of table rows for every candidate within reach (at most value.Length + allowed chars): thousands of
        // candidates would otherwise cost three arrays each.
        int width = Math.Min(value.Length + allowed, MaxDistanceLength) + 1;
        var rows = (new int[width], new int[width], new int[width]);
        foreach (string candidate in candidates)
        {
            if (budget is not null && Math.Abs(value.Length - candidate.Length) <= allowed && !budget.TryCharge((value.Length + 1L) * (candidate.Length + 1L)))
            {
                return null;
            }
            int d = Distance(value, candidate, allowed, rows);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Longer strings are compared for equality only.</summary>
    private const int MaxDistanceLength = 256;

    /// <summary>
    /// Damerau–Levenshtein (optimal string alignment) distance when it is at most <paramref name="max"/>; above it, some
    /// value above <paramref name="max"/>.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        int width = Math.Min(b.Length, MaxDistanceLength) + 1;
        return Distance(a, b, max, (new int[width], new int[width], new int[width]));
    }

    private static int Distance(string a, string b, int max, (int[] Before, int[] Previous, int[] Current) rows)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length > MaxDistanceLength || b.Length > MaxDistanceLength) return a == b ? 0 : max + 1;

        // Three rows of the table: the one before the previous (for transpositions), the previous, this one.
        var (before, previous, current) = rows;
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, before[j - 2] + 1);
                current[j] = v;
                if (v < rowMin) rowMin = v;
            }
            // Every cell derives from this row or the one before it, and a transposition from the one before costs at
            // least what its cell in this row does: once a whole row is over max, so is the distance.
            if (rowMin > max) return max + 1;
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }
}

/// <summary>
/// Work allowed for "did you mean" hints within one step (one file's parse, one link), in edit-distance
/// table cells. A hint is a courtesy: when the budget is spent, diagnostics are still reported, without it.
/// </summary>
internal sealed class SuggestionBudget
{
    /// <summary>A fraction of a second of edit distances: hundreds of hints against thousands of ids.</summary>
    public const long DefaultCells = 20_000_000;

    private long _remaining;

    public SuggestionBudget(long cells = DefaultCells) => _remaining = cells;

    /// <summary>Cells charged so far.</summary>
    public long Spent { get; private set; }

    public bool IsSpent => _remaining <= 0;

    /// <summary>Where the budget stands, to be put back with <see cref="Restore"/> when the work it paid for is undone.</summary>
    public State Save() => new(_remaining, Spent);

    public void Restore(State state)
    {
        _remaining = state.Remaining;
        Spent = state.Spent;
    }

    public readonly record struct State(long Remaining, long Spent);

    public bool TryCharge(long cells)
    {
        if (cells > _remaining)
        {
            _remaining = 0;
            return false;
        }
        _remaining -= cells;
        Spent += cells;
        return true;
    }
}
