using System;
using System.Collections.Generic;
using FactGen.Linking;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>
/// One fact of a file as its own generated file shows it: kind, member name, and the fact as linked (structure: ids,
/// resolved links, dates; a record, compared by value). Not its index in its kind's array: the member reads the fact by
/// its place in the file (<c>FactData.OfficialAt(chunk, at)</c>, mapped to the index by the data file), so an edit
/// elsewhere that moves the fact in its kind's order — an event's date, an added or renamed id — leaves this file as it was.
/// </summary>
internal readonly record struct ViewFact(FactKind Kind, string MemberName, object Fact)
{
    public FactHeader Header => Fact switch
    {
        SourceFact s => s.Header,
        OrganizationFact o => o.Header,
        TitleFact t => t.Header,
        OfficialFact o => o.Header,
        EventFact e => e.Header,
        AgreementFact a => a.Header,
        QuoteFact q => q.Header,
        _ => throw new InvalidOperationException("not a fact: " + Fact.GetType().Name),
    };
}

/// <summary>
/// The part of the plan one fact file's own generated file is made from: the settings, its hint name and chunk number,
/// its path as the file shows it, and its facts in chunk order (<see cref="ViewFact"/>). Compared by value, so an edit
/// that re-links and re-plans everything (a date, a link, an id) re-makes only the files whose view changed: an event's
/// new date changes its own file, not the 99 others, even when it moves the event (and those it passes) in their order.
/// </summary>
internal sealed class FileView : IEquatable<FileView>
{
    private FileView(EmitSettings settings, string hintName, int chunk, string relativePath, EquatableArray<ViewFact> facts)
    {
        Settings = settings;
        HintName = hintName;
        Chunk = chunk;
        RelativePath = relativePath;
        Facts = facts;
    }

    public EmitSettings Settings { get; }

    public string HintName { get; }

    public int Chunk { get; }

    public string RelativePath { get; }

    public EquatableArray<ViewFact> Facts { get; }

    /// <summary>The view of the fact file at <paramref name="path"/>, whose facts are <paramref name="planned"/> (kind, index) in chunk order.</summary>
    public static FileView Of(string path, string hintName, int chunk, List<(FactKind Kind, int Index)> planned, EmitPlan plan)
    {
        LinkedFacts linked = plan.Facts;
        var facts = new ViewFact[planned.Count];
        for (int i = 0; i < facts.Length; i++)
        {
            var (kind, index) = planned[i];
            facts[i] = kind switch
            {
                FactKind.Source => new ViewFact(kind, linked.Sources[index].MemberName, linked.Sources[index].Fact),
                FactKind.Organization => new ViewFact(kind, linked.Organizations[index].MemberName, linked.Organizations[index].Fact),
                FactKind.Title => new ViewFact(kind, linked.Titles[index].MemberName, linked.Titles[index].Fact),
                FactKind.Official => new ViewFact(kind, linked.Officials[index].MemberName, linked.Officials[index].Fact),
                FactKind.Event => new ViewFact(kind, linked.Events[index].MemberName, linked.Events[index].Fact),
                FactKind.Agreement => new ViewFact(kind, linked.Agreements[index].MemberName, linked.Agreements[index].Fact),
                _ => new ViewFact(kind, linked.Quotes[index].MemberName, linked.Quotes[index].Fact),
            };
        }
        return new FileView(plan.Settings, hintName, chunk, plan.RelativePath(path), new EquatableArray<ViewFact>(facts));
    }

    public bool Equals(FileView? other)
        => other is not null && (ReferenceEquals(this, other)
            || (Chunk == other.Chunk && HintName == other.HintName && RelativePath == other.RelativePath && Settings.Equals(other.Settings) && Facts.Equals(other.Facts)));

    public override bool Equals(object? obj) => Equals(obj as FileView);

    public override int GetHashCode() => HintName.GetHashCode();
}

/// <summary>
/// What a fact file's own generated file is made from (<see cref="FileEmitter"/>): the parsed file (its values), its
/// <see cref="FileView"/> of the plan (null when none of its facts survived linking) and the names its docs show
/// (<see cref="PlannedFile.ShownNames"/>, picked from the <see cref="NameTable"/> with their kinds and ids). Compared by
/// these alone — the plan itself is not part of it — so a rename the file does not show, or a structural edit that
/// leaves its view equal, leaves its file cached.
/// </summary>
internal sealed class OwnFileInput : IEquatable<OwnFileInput>
{
    private OwnFileInput(FactFile file, FileView? view, EquatableArray<NamedFact> shownNames)
    {
        File = file;
        View = view;
        ShownNames = shownNames;
    }

    public FactFile File { get; }

    public FileView? View { get; }

    public EquatableArray<NamedFact> ShownNames { get; }

    public static OwnFileInput Create(FactFile file, EmitPlan plan, NameTable names)
        => plan.FileByPath.TryGetValue(file.Path, out PlannedFile? planned)
            ? new OwnFileInput(file, planned.View, names.Pick(planned.ShownNames, plan))
            : new OwnFileInput(file, null, EquatableArray<NamedFact>.Empty);

    public bool Equals(OwnFileInput? other)
        => other is not null && (ReferenceEquals(this, other)
            || ((ReferenceEquals(File, other.File) || File.Equals(other.File))
                && (View is null ? other.View is null : View.Equals(other.View))
                && ShownNames.Equals(other.ShownNames)));

    public override bool Equals(object? obj) => Equals(obj as OwnFileInput);

    public override int GetHashCode() => File.Path.GetHashCode();
}
