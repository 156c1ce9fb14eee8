using FactGen.Model;

namespace FactGen.Linking;

/// <summary>A fact that survived linking, with its C# member name.</summary>
internal sealed record Linked<T>(T Fact, string MemberName) where T : class;

/// <summary>A source with the path its <c>file</c> resolved to (null when FG0013 was reported).</summary>
internal sealed record LinkedSource(SourceFact Fact, string MemberName, string? ResolvedPath);

/// <summary>
/// Link step output: every fact of every file, deduplicated, with references resolved (dangling ones
/// removed after FG0006), in generated order: by id, for every kind (events, agreements and quotes are shown
/// chronologically, ordered by the dates file, Emit.Dates). Value-equatable, so an edit that changes nothing here skips
/// emission.
/// </summary>
internal sealed record LinkedFacts(
    EquatableArray<LinkedSource> Sources,
    EquatableArray<Linked<OrganizationFact>> Organizations,
    EquatableArray<Linked<TitleFact>> Titles,
    EquatableArray<Linked<OfficialFact>> Officials,
    EquatableArray<Linked<EventFact>> Events,
    EquatableArray<Linked<AgreementFact>> Agreements,
    EquatableArray<Linked<QuoteFact>> Quotes,
    EquatableArray<DiagnosticInfo> Diagnostics);
