using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>A name one fact of a file has: its kind (source, organization, title or official), its id, the name.</summary>
internal readonly record struct NamedFact(FactKind Kind, string Id, string Name);

/// <summary>
/// One fact file's names (sources' titles; organizations', titles' and officials' names), the first fact of each id
/// (the one linking keeps). Made from the parsed file and compared by value, so an edit that changes no name leaves
/// the <see cref="NameTable"/> and everything made from it cached.
/// </summary>
internal sealed record FileNames(string Path, EquatableArray<NamedFact> Names)
{
    public static FileNames Of(FactFile file)
    {
        var names = new List<NamedFact>(file.Sources.Count + file.Organizations.Count + file.Titles.Count + file.Officials.Count);
        foreach (SourceFact s in file.Sources) names.Add(new NamedFact(FactKind.Source, s.Header.Id, s.Title));
        foreach (OrganizationFact o in file.Organizations) names.Add(new NamedFact(FactKind.Organization, o.Header.Id, o.Name));
        foreach (TitleFact t in file.Titles) names.Add(new NamedFact(FactKind.Title, t.Header.Id, t.Name));
        foreach (OfficialFact o in file.Officials) names.Add(new NamedFact(FactKind.Official, o.Header.Id, o.Name.Value));
        return new FileNames(file.Path, EquatableArray.From(names));
    }
}

/// <summary>
/// Every linked fact's name, in <see cref="EmitPlan.NameKey"/> order, and the settings the names file is written with.
/// Linking and the plan never see names (<see cref="Linking.Structure"/> blanks them): a rename changes this table
/// alone, which makes the names file again and picks, per fact file, the names its docs show (<see cref="OwnFileInput"/>).
/// </summary>
internal sealed class NameTable : IEquatable<NameTable>
{
    private NameTable(EquatableArray<string> names, EmitSettings settings)
    {
        Names = names;
        Settings = settings;
    }

    public EquatableArray<string> Names { get; }

    public EmitSettings Settings { get; }

    /// <summary>The names of the plan's facts, each from the file linking took the fact from.</summary>
    public static NameTable Create(ImmutableArray<FileNames> files, EmitPlan plan)
    {
        // Per file, per named kind: id → name of the first fact with the id.
        var byPath = new Dictionary<string, Dictionary<string, string>?[]>(StringComparer.Ordinal);
        foreach (FileNames file in files)
        {
            var names = new Dictionary<string, string>?[4];
            foreach (NamedFact n in file.Names)
            {
                Dictionary<string, string> ofKind = names[(int)n.Kind] ??= new Dictionary<string, string>(StringComparer.Ordinal);
                if (!ofKind.ContainsKey(n.Id)) ofKind.Add(n.Id, n.Name);
            }
            byPath[file.Path] = names;
        }

        var table = new string[plan.NameCount];
        LinkedFacts facts = plan.Facts;
        for (int i = 0; i < facts.Sources.Count; i++) table[plan.NameKey(FactKind.Source, i)] = Name(byPath, FactKind.Source, facts.Sources[i].Fact.Header);
        for (int i = 0; i < facts.Organizations.Count; i++) table[plan.NameKey(FactKind.Organization, i)] = Name(byPath, FactKind.Organization, facts.Organizations[i].Fact.Header);
        for (int i = 0; i < facts.Titles.Count; i++) table[plan.NameKey(FactKind.Title, i)] = Name(byPath, FactKind.Title, facts.Titles[i].Fact.Header);
        for (int i = 0; i < facts.Officials.Count; i++) table[plan.NameKey(FactKind.Official, i)] = Name(byPath, FactKind.Official, facts.Officials[i].Fact.Header);
        return new NameTable(new EquatableArray<string>(table), plan.Settings);
    }

    // The plan and the names come from the same parsed files, so a linked fact's name is always there; a miss would be
    // a bug in the pipeline, and fails loudly rather than emitting a doc without its name.
    private static string Name(Dictionary<string, Dictionary<string, string>?[]> byPath, FactKind kind, FactHeader header)
        => byPath.TryGetValue(header.Location.Path, out var names) && names[(int)kind] is { } ofKind && ofKind.TryGetValue(header.Id, out string? name)
            ? name
            : throw new InvalidOperationException("no name for " + kind + " '" + header.Id + "' in " + header.Location.Path);

    /// <summary>The facts at <paramref name="keys"/> (<see cref="EmitPlan.NameKey"/>s of <paramref name="plan"/>) with their names, in that order.</summary>
    public EquatableArray<NamedFact> Pick(int[] keys, EmitPlan plan)
    {
        if (keys.Length == 0) return EquatableArray<NamedFact>.Empty;
        var picked = new NamedFact[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            var (kind, id) = plan.NamedFactAt(keys[i]);
            picked[i] = new NamedFact(kind, id, Names[keys[i]]);
        }
        return new EquatableArray<NamedFact>(picked);
    }

    public bool Equals(NameTable? other)
        => other is not null && (ReferenceEquals(this, other) || (Settings.Equals(other.Settings) && Names.Equals(other.Names)));

    public override bool Equals(object? obj) => Equals(obj as NameTable);

    public override int GetHashCode() => Names.Count;
}
