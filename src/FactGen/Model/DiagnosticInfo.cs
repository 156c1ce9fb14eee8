using System;
using System.Collections.Generic;
using FactGen.Validation;
using Microsoft.CodeAnalysis;

namespace FactGen.Model;

/// <summary>
/// A diagnostic as plain data (rule id, location, message arguments), so it can travel through the
/// incremental pipeline and be compared; turned into a Roslyn <see cref="Diagnostic"/> only when reported.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments, EquatableArray<LocationInfo> AdditionalLocations)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
        => new(descriptor.Id, location, new EquatableArray<string>(arguments), EquatableArray<LocationInfo>.Empty);

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo? other, params string[] arguments)
        => new(descriptor.Id, location, new EquatableArray<string>(arguments),
            other is null ? EquatableArray<LocationInfo>.Empty : new EquatableArray<LocationInfo>(new[] { other.Value }));

    public DiagnosticDescriptor Descriptor => Descriptors.ById(Id);

    public Diagnostic ToDiagnostic()
    {
        var additional = new List<Location>(AdditionalLocations.Count);
        foreach (LocationInfo l in AdditionalLocations) additional.Add(l.ToLocation());
        var args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++) args[i] = Arguments[i];
        return Diagnostic.Create(Descriptor, Location.ToLocation(), additional, args);
    }

    /// <summary>Sort key that makes report order independent of file order.</summary>
    public static int Compare(DiagnosticInfo a, DiagnosticInfo b)
    {
        int c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c != 0) return c;
        c = a.Location.Start.CompareTo(b.Location.Start);
        if (c != 0) return c;
        return string.CompareOrdinal(a.Id, b.Id);
    }
}
