using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FactGen.Analyzers.UserCode;

/// <summary>
/// One generated kind class (<c>Officials</c>, …) as the analyzer sees it: its ids and the typed member of each.
/// </summary>
internal sealed class FactKindInfo
{
    private readonly Dictionary<string, string> _memberById;
    private readonly HashSet<string> _obsolete;

    public FactKindInfo(INamedTypeSymbol type, INamedTypeSymbol ids, int index, Dictionary<string, string> memberById, HashSet<string> obsolete)
    {
        Type = type;
        Ids = ids;
        Index = index;
        _memberById = memberById;
        _obsolete = obsolete;
    }

    /// <summary>The kind class, e.g. <c>Test.Facts.Officials</c>.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>Its nested <c>Ids</c> class.</summary>
    public INamedTypeSymbol Ids { get; }

    /// <summary>Position in <see cref="GeneratedKinds.ClassNames"/>.</summary>
    public int Index { get; }

    /// <summary>"official", "organization", …</summary>
    public string Singular => GeneratedKinds.Singulars[Index];

    /// <summary>Every id of this kind, in declaration order.</summary>
    public IEnumerable<string> AllIds => _memberById.Keys;

    public bool TryGetMember(string id, out string member) => _memberById.TryGetValue(id, out member!);

    /// <summary>Deprecated facts: the typed member is <c>[Obsolete]</c>, so it is not suggested.</summary>
    public bool IsObsolete(string member) => _obsolete.Contains(member);

    /// <summary>The id whose typed member is called <paramref name="member"/> (ordinal, then ignoring case), if any.</summary>
    public string? IdOfMember(string member)
    {
        string? caseless = null;
        foreach (KeyValuePair<string, string> pair in _memberById)
        {
            if (string.Equals(pair.Value, member, StringComparison.Ordinal)) return pair.Key;
            if (caseless is null && string.Equals(pair.Value, member, StringComparison.OrdinalIgnoreCase)) caseless = pair.Key;
        }
        return caseless;
    }

    /// <summary>An id equal to <paramref name="id"/> but for letter case, if any.</summary>
    public string? IdIgnoringCase(string id)
    {
        foreach (string candidate in _memberById.Keys)
        {
            if (string.Equals(candidate, id, StringComparison.OrdinalIgnoreCase)) return candidate;
        }
        return null;
    }
}

/// <summary>
/// Recognises FactGen's generated types in one compilation, lazily and with a cache; created per compilation
/// (never static). A kind class is a static class named like one of the seven kinds, marked
/// <c>[GeneratedCode("FactGen", …)]</c>, with a nested <c>Ids</c> class; it may live in any namespace
/// (FactGenNamespace is configurable) and in source or in a referenced assembly. An id counts only when its
/// <c>Ids</c> constant has a static property of the same name in the kind class, so constants a user adds to
/// the partial <c>Ids</c> class are not taken for facts.
/// </summary>
internal sealed class GeneratedKinds
{
    public static readonly string[] ClassNames = { "Sources", "Organizations", "Titles", "Officials", "Events", "Agreements", "Quotes" };
    public static readonly string[] ModelNames = { "Source", "Organization", "Title", "Official", "Event", "Agreement", "Quote" };
    public static readonly string[] Singulars = { "source", "organization", "title", "official", "event", "agreement", "quote" };

    private readonly ConcurrentDictionary<INamedTypeSymbol, FactKindInfo?> _byClass = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, FactKindInfo?> _byModel = new(SymbolEqualityComparer.Default);

    /// <summary>The kind whose class is <paramref name="type"/>, or null when it is not a generated kind class.</summary>
    public FactKindInfo? ForClass(INamedTypeSymbol? type)
    {
        if (type is null || !type.IsStatic || IndexOf(ClassNames, type.Name) < 0) return null;
        return _byClass.GetOrAdd(type, Create);
    }

    /// <summary>The kind of a generated model type (<c>Official</c> → <c>Officials</c>), or null.</summary>
    public FactKindInfo? ForModel(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class || IndexOf(ModelNames, named.Name) < 0) return null;
        return _byModel.GetOrAdd(named, FindClassOfModel);
    }

    /// <summary>The kind class in the same namespace as <paramref name="kind"/> with another index, or null.</summary>
    public FactKindInfo? Sibling(FactKindInfo kind, int index)
        => index == kind.Index ? kind : ClassIn(kind.Type.ContainingNamespace, ClassNames[index]);

    private FactKindInfo? FindClassOfModel(INamedTypeSymbol model)
    {
        if (!IsFactGenGenerated(model) || model.ContainingType is not null) return null;
        return ClassIn(model.ContainingNamespace, ClassNames[IndexOf(ModelNames, model.Name)]);
    }

    private FactKindInfo? ClassIn(INamespaceSymbol? ns, string className)
    {
        if (ns is null) return null;
        foreach (INamedTypeSymbol candidate in ns.GetTypeMembers(className))
        {
            if (ForClass(candidate) is { } kind) return kind;
        }
        return null;
    }

    private static FactKindInfo? Create(INamedTypeSymbol type)
    {
        if (!IsFactGenGenerated(type)) return null;
        INamedTypeSymbol? ids = null;
        foreach (INamedTypeSymbol nested in type.GetTypeMembers("Ids"))
        {
            ids = nested;
            break;
        }
        if (ids is null) return null;

        int index = IndexOf(ClassNames, type.Name);
        string model = ModelNames[index];
        var memberById = new Dictionary<string, string>(StringComparer.Ordinal);
        var obsolete = new HashSet<string>(StringComparer.Ordinal);
        foreach (ISymbol member in ids.GetMembers())
        {
            if (member is not IFieldSymbol { IsConst: true, ConstantValue: string id } field || memberById.ContainsKey(id)) continue;
            IPropertySymbol? typed = null;
            foreach (ISymbol candidate in type.GetMembers(field.Name))
            {
                if (candidate is IPropertySymbol { IsStatic: true, Parameters.Length: 0 } property && property.Type.Name == model)
                {
                    typed = property;
                    break;
                }
            }
            if (typed is null) continue;
            memberById.Add(id, field.Name);
            if (IsObsolete(typed)) obsolete.Add(field.Name);
        }
        return new FactKindInfo(type, ids, index, memberById, obsolete);
    }

    /// <summary>Marked <c>[System.CodeDom.Compiler.GeneratedCode("FactGen", …)]</c> on any of its declarations.</summary>
    public static bool IsFactGenGenerated(ISymbol symbol)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } cls
                && IsNamespace(cls.ContainingNamespace, "Compiler", "CodeDom", "System")
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is "FactGen")
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsObsolete(ISymbol symbol)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ObsoleteAttribute" } cls && IsNamespace(cls.ContainingNamespace, "System")) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="ns"/> is the namespace named by <paramref name="innerToOuter"/> (innermost first) under the global one.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, params string[] innerToOuter)
    {
        foreach (string name in innerToOuter)
        {
            if (ns is null || ns.Name != name) return false;
            ns = ns.ContainingNamespace;
        }
        return ns is { IsGlobalNamespace: true };
    }

    private static int IndexOf(string[] names, string name)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
