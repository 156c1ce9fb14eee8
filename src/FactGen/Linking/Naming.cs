using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FactGen.Linking;

/// <summary>Maps fact ids to C# identifiers: <c>he-lifeng</c> → <c>HeLifeng</c>.</summary>
internal static class Naming
{
    /// <summary>Members every generated fact class has; a fact may not take their names.</summary>
    public static readonly string[] ReservedMembers =
    {
        "All", "Find", "TryGet", "Ids", "Between", "FromCountry",
        "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    /// <summary>The PascalCase of a kebab-case id. Digits stay; each hyphen-separated word is capitalized.</summary>
    public static string ToPascalCase(string id)
    {
        var sb = new StringBuilder(id.Length);
        bool upper = true;
        foreach (char c in id)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }

    /// <summary>The name as it must be written in C#: keywords escaped with '@'.</summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None && name == "var"
            ? "@" + name
            : name;

    /// <summary>Why <paramref name="name"/> cannot be a member of class <paramref name="className"/>, or null.</summary>
    public static string? Problem(string name, string className)
    {
        if (name == className) return "its C# name '" + name + "' is the name of the class " + className + " itself";
        foreach (string reserved in ReservedMembers)
        {
            if (reserved == name) return "its C# name '" + name + "' clashes with the generated member " + className + "." + name;
        }
        if (!SyntaxFacts.IsValidIdentifier(name)) return "its C# name '" + name + "' is not a valid C# identifier";
        return null;
    }
}
