namespace FactGen.Model;

// The parsed, value-equatable form of fact format v1. Every value that a rule may report on keeps its
// location. No Roslyn symbols, syntax nodes, Locations or AdditionalTexts live here.

/// <summary>The kinds of fact, in the order of the top-level lists.</summary>
internal enum FactKind
{
    Source,
    Organization,
    Title,
    Official,
    Event,
    Agreement,
    Quote,
}

/// <summary>
/// A scalar value with the location of its YAML node. A struct, held inline by the fact that has it: as an
/// object per value, the located values were most of the objects a parsed file keeps alive for the GC to walk.
/// </summary>
internal readonly record struct LocatedString(string Value, LocationInfo Location);

/// <summary>A date with the location of its YAML node; a struct, as <see cref="LocatedString"/>.</summary>
internal readonly record struct LocatedDate(FactDateValue Value, LocationInfo Location);

/// <summary>What kind of fact a reference may name.</summary>
internal enum RefTarget
{
    Source,
    Organization,
    Title,
    Official,
    Event,
    /// <summary>An official or an organization (participants, speakers).</summary>
    Actor,
    /// <summary>An ISO country code or an organization (agreement parties).</summary>
    Party,
}

/// <summary>
/// A reference to another fact by id. <see cref="Target"/> narrows what it may name (the map form
/// <c>{official: li-qiang, as: premier}</c> pins an actor to an official); <see cref="As"/> is the capacity.
/// </summary>
internal readonly record struct FactRef(string Id, RefTarget Target, LocationInfo Location, LocatedString? As);

/// <summary>Provenance that any item may carry.</summary>
internal sealed record Provenance(
    EquatableArray<FactRef> Sources,
    LocatedString? Evidence,
    string? Note,
    string? Deprecated)
{
    public static readonly Provenance None = new(EquatableArray<FactRef>.Empty, null, null, null);
}

/// <summary>What every top-level fact has: its id and where it was defined. A struct, inline in its fact.</summary>
internal readonly record struct FactHeader(string Id, LocationInfo IdLocation, LocationInfo Location, Provenance Provenance);

internal sealed record SourceFact(FactHeader Header, string Title, LocatedString File, LocatedDate Published, string? Url);

internal sealed record OrganizationFact(FactHeader Header, string Name, string? Native, string? Abbreviation, LocatedString Country);

internal sealed record TitleFact(FactHeader Header, string Name, FactRef? Organization, LocatedString Country, bool OneHolder);

internal sealed record PositionFact(FactRef Title, LocatedDate? From, LocatedDate? To, LocationInfo Location, Provenance Provenance);

internal sealed record OfficialFact(
    FactHeader Header,
    LocatedString Name,
    LocatedString? Romanized,
    LocatedString? Native,
    LocatedString Country,
    EquatableArray<PositionFact> Positions,
    EquatableArray<string> Aliases);

internal sealed record EventFact(
    FactHeader Header,
    string Kind,
    string Name,
    string? Summary,
    LocatedDate? Date,
    LocatedDate? From,
    LocatedDate? To,
    string? Place,
    EquatableArray<FactRef> Participants,
    FactRef? PartOf);

internal sealed record AgreementFact(
    FactHeader Header,
    string Name,
    LocatedDate Date,
    EquatableArray<FactRef> Parties,
    EquatableArray<FactRef> Negotiators,
    FactRef? Event,
    string? Summary);

internal sealed record QuoteFact(FactHeader Header, FactRef Speaker, LocatedString Text, LocatedDate Date, FactRef? Event);

/// <summary>
/// One parsed fact file: its facts, and the problems found while reading it. <c>Texts</c> holds every
/// human-readable text value (names, summaries, quotes, notes; not ids, dates or evidence excerpts) with
/// its location, for the text rules (FG0011).
/// </summary>
internal sealed record FactFile(
    string Path,
    EquatableArray<SourceFact> Sources,
    EquatableArray<OrganizationFact> Organizations,
    EquatableArray<TitleFact> Titles,
    EquatableArray<OfficialFact> Officials,
    EquatableArray<EventFact> Events,
    EquatableArray<AgreementFact> Agreements,
    EquatableArray<QuoteFact> Quotes,
    EquatableArray<LocatedString> Texts,
    EquatableArray<DiagnosticInfo> Diagnostics);
